"""Reading a message's headers and the start of its text, however the message is built."""

from __future__ import annotations

from datetime import UTC, datetime

from afterword.inbox.message import body_text, parse_headers, reply_text
from tests.inbox import mail as inbox_mail
from tests.inbox.parse import read, split


def test_headers_give_sender_subject_date_and_thread_ids():
    """The sender is lower-cased, the date aware, In-Reply-To and References kept in order."""
    message = inbox_mail.threaded_reply("<ours@example.test>")
    message.replace_header("References", "<first@example.test> <ours@example.test>")

    incoming, _ = read(message)

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


def test_html_only_mail_is_read_without_tags():
    """An HTML part loses its tags, styles and scripts; the words stay."""
    message = inbox_mail.email("a@b.example", "Hi", "plain")
    message.clear_content()
    message.set_content(
        "<html><head><style>p{}</style></head><body><p>We would like to <b>meet</b> again.</p>"
        "</body></html>",
        subtype="html",
    )

    _, text = read(message)

    assert text == "We would like to meet again."


def test_plain_text_wins_over_its_html_alternative():
    """multipart/alternative: the plain part is read, the HTML copy is not added."""
    message = inbox_mail.email("a@b.example", "Hi", "Plain words.", html="<p>HTML words.</p>")

    _, text = read(message)

    assert text == "Plain words."


def test_a_body_cut_mid_base64_still_gives_the_text_before_the_cut():
    """The watcher reads 4 KB: a base64 part cut in the middle decodes what arrived."""
    message = inbox_mail.email("a@b.example", "Hi", "plain")
    message.set_content("Déjà vu. " * 2000, cte="base64")
    head, body = split(message)

    text = body_text(head, body[:4096])

    assert text.startswith("Déjà vu. Déjà vu.")
    assert 1000 < len(text) < 4096


def test_a_bounce_reads_the_report_fields_and_only_the_headers_of_our_returned_message():
    """The delivery report's fields are text; the copy of our own message adds its id only."""
    _, text = read(inbox_mail.bounce("tomasz@harbour.example", our_id="<ours@example.test>"))

    assert "Final-Recipient: rfc822; tomasz@harbour.example" in text
    assert "Message-ID: <ours@example.test>" in text
    assert "Thank you for the conversation" not in text


def test_reply_text_drops_the_quoted_message_and_its_header():
    """What the sender quotes (our own words) is not theirs; the "On ... wrote:" line goes too."""
    text = (
        "Thanks Sam, we will decide soon.\n\nOn Mon, 2 Mar 2026 at 18:00, Sam Rivera\n"
        "<sam@example.test> wrote:\n> I look forward to the next round.\n"
    )

    assert reply_text(text) == "Thanks Sam, we will decide soon."


def test_reply_text_stops_at_an_outlook_original_message_block():
    """Outlook puts a "From:" block or an "Original Message" rule above the quoted mail."""
    text = "Sounds good.\n\n-----Original Message-----\nFrom: Sam\nSubject: offer?\n"

    assert reply_text(text) == "Sounds good."


def test_encoded_subject_and_sender_name_are_decoded():
    """RFC 2047 words in Subject and From read as the text they stand for."""
    raw = (
        b"From: =?utf-8?q?J=C3=BCrgen_M=C3=BCller?= <jm@harbour.example>\r\n"
        b"Subject: =?utf-8?b?UmU6IETDqWrDoCB2dQ==?=\r\n"
    )

    incoming = parse_headers(raw)

    assert (incoming.sender_name, incoming.subject) == ("Jürgen Müller", "Re: Déjà vu")
