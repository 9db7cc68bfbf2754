"""Reading the header fields a message is matched on and kept with, however it is built."""

from __future__ import annotations

from datetime import UTC, datetime

from afterword.inbox.message import parse_headers
from tests.inbox import mail as inbox_mail
from tests.inbox.parse import incoming as incoming_of


def test_headers_give_sender_subject_date_and_thread_ids():
    """The sender is lower-cased, the date aware, In-Reply-To and References kept in order."""
    message = inbox_mail.threaded_reply("<ours@example.test>")
    message.replace_header("References", "<first@example.test> <ours@example.test>")

    incoming = incoming_of(message)

    assert incoming.sender == "priya@harbour.example"
    assert incoming.sender_name == "Priya Natarajan"
    assert incoming.sender_domain == "harbour.example"
    assert incoming.subject == "Re: Thank you for Monday"
    assert incoming.date == datetime(2026, 3, 4, 15, 30, tzinfo=UTC)
    assert incoming.refers_to == ("<ours@example.test>", "<first@example.test>")


def test_a_message_without_message_id_gets_a_stable_one():
    """The same headers give the same made-up id, so the message is still recorded once."""
    raw = b"From: a@b.example\r\nSubject: Hi\r\nDate: Wed, 4 Mar 2026 10:00:00 -0500\r\n"

    first, second = parse_headers(raw), parse_headers(raw)

    assert first.message_id == second.message_id
    assert first.message_id.endswith("@no-message-id.afterword.invalid>")


def test_broken_headers_give_empty_values_not_errors():
    """A date that is no date and a From without an address parse to nothing."""
    incoming = parse_headers(b"From: nobody\r\nDate: someday soon\r\nSubject: =?bad?Q?x?=\r\n")

    assert incoming.sender == ""
    assert incoming.date is None


def test_a_date_without_a_zone_is_taken_as_utc():
    """RFC 5322 "-0000" means the zone is unknown; we read it as UTC rather than fail."""
    incoming = parse_headers(b"From: a@b.example\r\nDate: Wed, 4 Mar 2026 10:00:00 -0000\r\n")

    assert incoming.date == datetime(2026, 3, 4, 10, 0, tzinfo=UTC)


def test_encoded_subject_and_sender_name_are_decoded():
    """RFC 2047 words in Subject and From read as the text they stand for."""
    raw = (
        b"From: =?utf-8?q?J=C3=BCrgen_M=C3=BCller?= <jm@harbour.example>\r\n"
        b"Subject: =?utf-8?b?UmU6IETDqWrDoCB2dQ==?=\r\n"
    )

    incoming = parse_headers(raw)

    assert (incoming.sender_name, incoming.subject) == ("Jürgen Müller", "Re: Déjà vu")


def test_a_sender_encoded_whole_as_one_word_still_gives_the_address():
    """ "=?utf-8?q?Luc=C3=ADa_Romero_=3Clucia=40grupo=2Eexample=3E?=" is Lucía at her address."""
    raw = b"From: =?utf-8?q?Luc=C3=ADa_Romero_=3Clucia=40grupo=2Eexample=3E?=\r\n"

    incoming = parse_headers(raw)

    assert (incoming.sender, incoming.sender_name) == ("lucia@grupo.example", "Lucía Romero")
