"""A plain-text body that is a calendar, as some scripts send an invitation: plain_calendar.py."""

from __future__ import annotations

import base64
import quopri

import pytest

from afterword.reading.plain_calendar import (
    LOOK_BYTES,
    first_calendar_part,
    is_calendar_body,
    is_calendar_text,
)

CALENDAR = b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\n"


def head(*lines: str) -> bytes:
    return "".join(f"{line}\r\n" for line in ("From: ops@harbour.example", *lines)).encode()


@pytest.mark.parametrize(
    ("headers", "start"),
    [
        (head(), CALENDAR),
        (head("Content-Type: text/plain; charset=utf-8"), CALENDAR),
        (head("Content-Type: TEXT/PLAIN"), b"\r\n\r\n  \tBEGIN:VCALENDAR\r\n"),
        (head(), b"\xef\xbb\xbfBEGIN:VCALENDAR\r\n"),
        (head(), b"begin:vcalendar\nversion:2.0\n"),
        (head("Content-Transfer-Encoding: base64"), base64.encodebytes(b"\r\n" + CALENDAR)),
        (head("Content-Transfer-Encoding: Quoted-Printable"), quopri.encodestring(CALENDAR)),
    ],
    ids=[
        "no type",
        "text/plain",
        "blank lines first",
        "byte order mark",
        "lower case",
        "base64",
        "quoted-printable",
    ],
)
def test_a_plain_body_that_starts_with_a_calendar_is_one(headers, start):
    """No Content-Type or text/plain, the calendar first (after white space), in any encoding."""
    assert is_calendar_body(headers, start)


@pytest.mark.parametrize(
    ("headers", "start"),
    [
        (head(), b"Hi Sam,\r\n\r\nThe invitation:\r\nBEGIN:VCALENDAR\r\n"),
        (head(), b"BEGIN:VCALENDARS are fun\r\n"),
        (head("Content-Type: text/html"), CALENDAR),
        (head('Content-Type: multipart/mixed; boundary="x"'), CALENDAR),
        (head("Content-Type: text/calendar"), CALENDAR),
        (head(), b" " * LOOK_BYTES + CALENDAR),
        (head("Content-Transfer-Encoding: base64"), b"!!!not base64 at all!!!"),
        (head(), b""),
    ],
    ids=[
        "words first",
        "longer word",
        "html",
        "multipart",
        "text/calendar",
        "too far in",
        "garbled base64",
        "empty",
    ],
)
def test_anything_else_is_not(headers, start):
    """Words before the calendar, another type (text/calendar has its own way), a calendar past
    the first LOOK_BYTES, or a body that does not decode: no, and no exception."""
    assert not is_calendar_body(headers, start)


def test_the_first_part_whose_start_is_a_calendar_is_the_one():
    """Parts in order: a note, a calendar below words, then two calendars; the first of those
    two wins, an untyped part (empty MIME header) counting as text/plain."""
    parts = [
        ("1", b"Content-Type: text/plain\r\n\r\n", b"See you on Thursday.\r\n"),
        ("2", b"\r\n", b"Hi,\r\n" + CALENDAR),
        ("3", b"\r\n", CALENDAR),
        ("4", b"Content-Type: text/plain\r\n\r\n", CALENDAR),
    ]

    assert first_calendar_part(parts) == "3"
    assert first_calendar_part(parts[:2]) is None
    assert first_calendar_part([]) is None


def test_a_decoded_text_is_a_calendar_only_when_it_starts_with_one():
    """White space or a byte order mark may come first; words may not."""
    assert is_calendar_text("\ufeff\n  BEGIN:VCALENDAR\nVERSION:2.0\n")
    assert is_calendar_text("begin:vcalendar")
    assert not is_calendar_text("The file starts with BEGIN:VCALENDAR\n")
    assert not is_calendar_text("BEGIN:VCALENDARS\n")
