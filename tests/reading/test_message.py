"""Fetched bytes to plain values, leniently: reading/message.py."""

from __future__ import annotations

import base64
from datetime import timedelta

from afterword.reading.fetched import TEXT_BYTES, fetched_from_bytes
from afterword.reading.message import parse
from tests.reading.builders import mail_of, raw_message


def test_the_date_keeps_the_senders_own_utc_offset():
    """Relative dates are read on the sender's calendar day, not ours."""
    mail = mail_of("Hi", ("Date", "Fri, 04 Dec 2026 23:30:00 -0800"))

    assert mail.date is not None
    assert mail.date.utcoffset() == timedelta(hours=-8)
    assert mail.date.date().isoformat() == "2026-12-04"


def test_html_only_mail_is_read_as_its_visible_text():
    """Tags, styles and entities go; paragraphs stay apart."""
    html = (
        "<html><head><style>p {color: red}</style></head><body><p>I&#39;m away.</p>"
        "<p>Back on Monday.</p></body></html>"
    )

    mail = mail_of(html, content_type="text/html; charset=utf-8")

    assert mail.text == "I'm away.\nBack on Monday."


def test_base64_cut_in_the_middle_of_a_line_is_decoded_as_far_as_it_goes():
    """The watcher's partial fetch may end inside an encoded line."""
    encoded = base64.encodebytes(("Ich bin im Urlaub. " * 40).encode()).decode()
    body = encoded[:301]

    mail = mail_of(
        body, ("Content-Transfer-Encoding", "base64"), content_type="text/plain; charset=utf-8"
    )

    assert mail.text.startswith("Ich bin im Urlaub. Ich bin")


def test_quoted_printable_in_a_legacy_charset_is_decoded():
    """windows-1252 curly quotes come out as text."""
    mail = mail_of(
        "I=92m out until Friday.",
        ("Content-Transfer-Encoding", "quoted-printable"),
        content_type="text/plain; charset=windows-1252",
    )

    assert mail.text == "I’m out until Friday."


def test_an_unknown_charset_is_read_as_utf8_and_noted():
    """The reader says when it had to guess the charset."""
    mail = mail_of("Back on Monday.", content_type="text/plain; charset=x-made-up")

    assert mail.text == "Back on Monday."
    assert mail.notes == ("unknown charset 'x-made-up'; read as UTF-8",)


def test_a_body_longer_than_the_fetch_is_noted_as_cut():
    """A reader of only the first kilobytes says so."""
    fetched = fetched_from_bytes(raw_message("word " * TEXT_BYTES))

    mail = parse(fetched)

    assert any("first 8 KB" in note for note in mail.notes)


def test_a_missing_or_broken_date_header_gives_no_date():
    """No exception, no guess."""
    mail = mail_of("Hi", ("Date", "sometime last week"))

    assert mail.date is None


def test_encoded_words_in_subject_and_sender_are_decoded():
    """RFC 2047 subjects read as text."""
    mail = mail_of(
        "Hi",
        ("Subject", "=?utf-8?q?R=C3=A9ponse_automatique_:_Entretien?="),
        ("From", "=?utf-8?q?=C3=89lise?= <elise@rive.example>"),
    )

    assert mail.subject == "Réponse automatique : Entretien"
    assert (mail.sender_name, mail.sender) == ("Élise", "elise@rive.example")
