"""What the watcher fetches of a message, and the same cut of a whole .eml: reading/fetched.py."""

from __future__ import annotations

from datetime import UTC, datetime
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from zoneinfo import ZoneInfo

import pytest

from afterword.reading.fetched import (
    CALENDAR_BYTES,
    CALENDAR_TEXT_ITEM,
    HEADER_FIELDS,
    HEADER_ITEM,
    REPORT_ITEMS,
    TEXT_BYTES,
    TEXT_ITEM,
    calendar_text_items,
    fetch_items,
    fetched_from_bytes,
    is_report,
    may_hold_invitation,
    plain_part_items,
    shape,
)
from afterword.reading.invitation import from_part
from afterword.reading.plain_calendar import LOOK_BYTES
from afterword.reading.reading import Reading, read
from tests.inbox.invitation_mail import (
    calendar,
    forwarded,
    google_invitation,
    plain_part_invitation,
    plain_text_invitation,
    single_part_invitation,
    wrapped,
)
from tests.inbox.parse import fetched, raw
from tests.reading.builders import dsn, raw_message, report

NOW = datetime(2026, 3, 5, 15, 0, tzinfo=UTC)
INVITING = "We are pleased to invite you to a second interview with the team."


def test_header_fields_include_what_bounces_and_away_notices_need():
    """The fetch asks for Return-Path, the RFC 3834 fields and the list fields."""
    wanted = {
        "Return-Path",
        "Auto-Submitted",
        "X-Autoreply",
        "X-Autorespond",
        "X-Auto-Response-Suppress",
        "Precedence",
        "List-Id",
        "List-Unsubscribe",
        "Content-Type",
        "In-Reply-To",
        "References",
        "Message-ID",
        "From",
        "To",
        "Subject",
        "Date",
    }

    missing = wanted - set(HEADER_FIELDS)

    assert missing == set()
    assert "RETURN-PATH" in HEADER_ITEM and HEADER_ITEM.startswith("BODY.PEEK[HEADER.FIELDS (")


def test_fetch_items_ask_for_the_report_part_only_for_reports():
    """Part 2 (the delivery-status) is fetched only for a multipart/report."""
    plain = fetch_items("plain")

    with_report = fetch_items("report")

    assert TEXT_ITEM in plain and REPORT_ITEMS[0] not in plain
    assert all(item in with_report for item in REPORT_ITEMS)
    assert "BODY.PEEK" in with_report and "RFC822.SIZE" in with_report


def test_only_the_listed_header_fields_are_kept_with_their_folded_lines():
    """Received and X-Mailer go; a folded References keeps its continuation line."""
    raw = raw_message(
        "Hello",
        ("Received", "from mx.example by mx2.example"),
        ("X-Mailer", "Something 1.0"),
        ("References", "<a@x.example>\r\n <b@x.example>"),
    )

    fetched = fetched_from_bytes(raw)

    assert b"Received" not in fetched.headers and b"X-Mailer" not in fetched.headers
    assert b"References: <a@x.example>\r\n <b@x.example>\r\n" in fetched.headers
    assert fetched.headers.endswith(b"\r\n\r\n") or fetched.headers.endswith(b"\n\r\n")


def test_the_body_is_cut_after_text_bytes_and_the_size_is_the_whole_message():
    """Only the first TEXT_BYTES of the body come with the fetch."""
    raw = raw_message("a" * (TEXT_BYTES * 3))

    fetched = fetched_from_bytes(raw)

    assert len(fetched.text) == TEXT_BYTES
    assert fetched.size == len(raw)


def test_a_reports_delivery_status_part_is_fetched_even_past_the_first_kilobytes():
    """A long first part does not hide the fields naming the failed recipient."""
    raw = report("Long text.", dsn(("lee@corp.example", "failed", "5.1.1")), pad=TEXT_BYTES * 2)

    fetched = fetched_from_bytes(raw)

    assert b"lee@corp.example" not in fetched.text
    assert b"Final-Recipient: rfc822; lee@corp.example" in fetched.report
    assert fetched.report_mime.startswith(b"Content-Type: message/delivery-status")


def test_a_message_that_is_not_a_report_has_no_report_part():
    """is_report reads the fetched Content-Type header."""
    fetched = fetched_from_bytes(raw_message("Hi", content_type="text/plain"))

    assert not is_report(fetched.headers)
    assert fetched.report == b"" and fetched.report_mime == b""


SINGLE_PARTS = {
    "text/calendar": single_part_invitation(),
    "application/ics": single_part_invitation(content_type="application/ics"),
    "base64": single_part_invitation(encoding="base64"),
    "cancel": single_part_invitation(method="CANCEL", encoding="base64"),
}


@pytest.mark.parametrize("name", list(SINGLE_PARTS))
def test_a_single_part_invitation_is_its_own_calendar_part(name):
    """No multipart around it: the body is the calendar, the header fields its MIME header."""
    whole = raw(SINGLE_PARTS[name])

    seen = fetched_from_bytes(whole)

    body = whole.split(b"\r\n\r\n", 1)[1]
    assert shape(seen.headers) == "invitation" and may_hold_invitation(seen.headers)
    assert seen.calendar == body and seen.text == body[:TEXT_BYTES]
    assert seen.calendar_mime == seen.headers
    invitation = from_part(seen.calendar_mime, seen.calendar, NOW, ZoneInfo("UTC"))
    assert invitation is not None
    assert invitation.start.isoformat() == "2026-03-12T14:00:00-04:00"
    assert invitation.cancelled is (name == "cancel")


def test_a_single_part_invitation_longer_than_the_text_is_read_to_calendar_bytes():
    """A long description pushes END:VCALENDAR past TEXT_BYTES; the calendar still ends."""
    whole = raw(single_part_invitation(description="Bring a laptop. " * 1000))

    seen = fetched_from_bytes(whole)

    assert TEXT_BYTES < len(seen.calendar) < CALENDAR_BYTES
    assert b"END:VCALENDAR" in seen.calendar and b"END:VCALENDAR" not in seen.text
    assert from_part(seen.calendar_mime, seen.calendar, NOW, ZoneInfo("UTC")) is not None


def test_the_calendar_text_of_a_single_part_invitation_is_not_read_as_the_senders_words():
    """As for a multipart invitation's calendar part, kind and meaning come from the sender's
    own words only: an inviting DESCRIPTION makes no "next round" reply of the calendar."""
    single = single_part_invitation(description=INVITING)
    wrapped = MIMEMultipart("mixed")
    wrapped.attach(MIMEText(calendar(description=INVITING), "calendar", "utf-8"))
    for name in ("From", "To", "Subject", "Date", "Message-ID"):
        wrapped[name] = str(single[name])
    as_text = raw_message(calendar(description=INVITING), content_type="text/plain")
    as_words = raw_message(INVITING, content_type="text/plain")

    expected = Reading(kind="reply", meaning="other", confidence="low")
    assert read(fetched(single)) == read(fetched(wrapped)) == expected
    assert read(fetched_from_bytes(as_text)) == expected
    assert read(fetched_from_bytes(as_words)).meaning == "next_round"


def test_the_fetch_of_a_single_part_invitation_asks_for_more_of_its_text_and_nothing_else():
    """One fetch: the header fields and the first CALENDAR_BYTES of the body; no BODYSTRUCTURE,
    no second TEXT, no part by number."""
    items = fetch_items("invitation")

    assert CALENDAR_TEXT_ITEM in items and HEADER_ITEM in items
    assert TEXT_ITEM not in items and "BODYSTRUCTURE" not in items and "[1" not in items
    assert "BODYSTRUCTURE" in fetch_items("multipart")


@pytest.mark.parametrize(
    ("content_type", "extra", "expected"),
    [
        ("text/calendar; method=REQUEST", (), "invitation"),
        ("APPLICATION/ICS", (), "invitation"),
        ('application/octet-stream; name="invite.ics"', (), "invitation"),
        (
            "application/octet-stream",
            (("Content-Disposition", 'attachment; filename="meeting.ics"'),),
            "invitation",
        ),
        ("text/plain", (("Subject", "the file name=invite.ics is attached"),), "plain"),
        ('multipart/mixed; boundary="x"', (), "multipart"),
        ("message/rfc822", (), "multipart"),
        ("Message/RFC822; x-note=wrapped", (), "multipart"),
        ("message/rfc822-headers", (), "plain"),
        ('multipart/report; report-type=delivery-status; boundary="x"', (), "report"),
    ],
)
def test_the_header_fields_alone_say_which_message_is_an_invitation(content_type, extra, expected):
    """The top-level type, or a file name in its type or disposition, never the subject; a
    wrapped message (top-level message/rfc822) is worth a BODYSTRUCTURE as a multipart is."""
    seen = fetched_from_bytes(raw_message("Hello.", *extra, content_type=content_type))

    assert shape(seen.headers) == expected
    assert bool(seen.calendar) is (expected == "invitation")
    assert may_hold_invitation(seen.headers) is (expected in ("invitation", "multipart"))


PLAIN_TEXT = {
    "no Content-Type": plain_text_invitation(),
    "text/plain": plain_text_invitation(content_type='text/plain; charset="utf-8"'),
    "base64": plain_text_invitation(encoding="base64", leading="\r\n"),
    "quoted-printable": plain_text_invitation(encoding="quoted-printable"),
}


@pytest.mark.parametrize("name", list(PLAIN_TEXT))
def test_a_plain_body_that_is_a_calendar_is_its_own_calendar_part(name):
    """No Content-Type, or text/plain, and BEGIN:VCALENDAR first: the body is the calendar and
    its MIME header the header fields, as for a top-level text/calendar; yet the header fields
    alone say "plain": only the start of the body tells."""
    whole = raw(PLAIN_TEXT[name])

    seen = fetched_from_bytes(whole)

    body = whole.split(b"\r\n\r\n", 1)[1]
    assert shape(seen.headers) == "plain" and not may_hold_invitation(seen.headers)
    assert seen.calendar == body and seen.text == body and seen.calendar_mime == seen.headers
    invitation = from_part(seen.calendar_mime, seen.calendar, NOW, ZoneInfo("UTC"))
    assert invitation is not None
    assert invitation.start.isoformat() == "2026-03-12T14:00:00-04:00"


def test_a_plain_calendar_longer_than_the_text_is_read_to_calendar_bytes_and_asked_for_alone():
    """Past TEXT_BYTES the body is read to CALENDAR_BYTES, as the watcher's second fetch asks
    for it: the start of the text, and nothing else."""
    whole = raw(plain_text_invitation(description="Bring a laptop. " * 1000))

    seen = fetched_from_bytes(whole)

    assert (
        TEXT_BYTES < len(seen.calendar) < CALENDAR_BYTES and seen.text == seen.calendar[:TEXT_BYTES]
    )
    assert b"END:VCALENDAR" in seen.calendar
    assert calendar_text_items() == f"(UID {CALENDAR_TEXT_ITEM})"


def test_a_plain_reply_that_mentions_a_calendar_later_has_none():
    """Words first, the calendar pasted below: a reply, its text read, no calendar part."""
    body = "Hi Sam,\n\nWe are pleased to invite you to a second interview.\n\n" + calendar()

    seen = fetched_from_bytes(raw_message(body))

    assert seen.calendar == b"" and seen.calendar_mime == b""
    assert read(seen).meaning == "next_round"


@pytest.mark.parametrize(
    "message",
    [
        wrapped("Alex Moreau <alex@harbour.example>", google_invitation()),
        wrapped("Alex Moreau <alex@harbour.example>", single_part_invitation(encoding="base64")),
        forwarded("Alex Moreau <alex@harbour.example>", single_part_invitation()),
    ],
    ids=["wrapped Google's", "wrapped single-part", "attached single-part"],
)
def test_a_forwarded_invitation_is_the_originals_and_the_note_is_what_is_read(message):
    """Wrapped whole or attached: the calendar part is the original's, and kind and meaning are
    what the forwarder's own note says (nothing for a wrapped message): never the calendar's."""
    seen = fetched(message)

    invitation = from_part(seen.calendar_mime, seen.calendar, NOW, ZoneInfo("UTC"))
    assert invitation is not None and invitation.organiser.email == "talent@harbour.example"
    reading = read(seen)
    assert (reading.kind, reading.meaning, reading.confidence) == ("reply", "other", "low")


PLAIN_PART = {
    "after a note": plain_part_invitation(),
    "beside HTML, untyped": plain_part_invitation("alternative", part_type=None),
    "quoted-printable, long": plain_part_invitation(
        encoding="quoted-printable", description="Bring a laptop. " * 1000
    ),
}


@pytest.mark.parametrize("name", list(PLAIN_PART))
def test_a_text_plain_part_that_is_a_calendar_is_the_calendar_part(name):
    """A multipart message whose text/plain (or untyped) part starts with BEGIN:VCALENDAR: that
    part is the calendar part, read to CALENDAR_BYTES like a text/calendar part."""
    whole = raw(PLAIN_PART[name])

    seen = fetched_from_bytes(whole)

    assert shape(seen.headers) == "multipart"
    assert seen.calendar.startswith(b"BEGIN:VCALENDAR") and len(seen.calendar) < CALENDAR_BYTES
    assert b"END:VCALENDAR" in seen.calendar
    invitation = from_part(seen.calendar_mime, seen.calendar, NOW, ZoneInfo("UTC"))
    assert invitation is not None
    assert invitation.start.isoformat() == "2026-03-12T14:00:00-04:00"


def test_a_calendar_part_is_not_read_as_words_and_the_html_beside_it_is():
    """The inviting DESCRIPTION inside a text/plain calendar part is nobody's words: the HTML
    version beside it is read instead, as when the plain part holds words it is read first."""
    calendar_part = plain_part_invitation("alternative", description=INVITING)
    words_part = plain_part_invitation("alternative", calendar_text=INVITING)

    from_html = read(fetched(calendar_part))
    from_words = read(fetched(words_part))

    assert from_html.evidence == "You have been invited to an interview."
    assert from_words.evidence == INVITING


def test_a_text_part_that_mentions_a_calendar_is_neither_a_calendar_nor_skipped():
    """BEGIN:VCALENDAR quoted in prose: no calendar part, and its words are read."""
    prose = "We are pleased to invite you to a second interview; the BEGIN:VCALENDAR file follows."

    seen = fetched(plain_part_invitation(calendar_text=prose + "\r\n" + calendar()))

    assert seen.calendar == b"" and seen.calendar_mime == b""
    assert read(seen).meaning == "next_round"


def test_the_probe_of_text_parts_asks_for_each_ones_header_and_first_look_bytes():
    """One fetch for all the candidates of a message: MIME header and a partial body each."""
    items = plain_part_items(["1", "2.1"])

    assert items == (
        f"(UID BODY.PEEK[1.MIME] BODY.PEEK[1]<0.{LOOK_BYTES}>"
        f" BODY.PEEK[2.1.MIME] BODY.PEEK[2.1]<0.{LOOK_BYTES}>)"
    )
