"""One fetched message to one Reading: reading/reading.py."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from afterword.reading.fetched import fetched_from_bytes
from afterword.reading.reading import may_be_delivery_notice, read, sender_words
from tests.reading.builders import dsn, raw_message, report

MAIL_FORMAT_FIELDS = [
    "kind",
    "meaning",
    "decision_by",
    "back_on",
    "bounced",
    "confidence",
    "evidence",
    "notes",
]


def reading_of(raw: bytes, **options: object):
    return read(fetched_from_bytes(raw), **options)  # type: ignore[arg-type]


def test_to_json_has_exactly_the_mail_format_fields():
    """The contract's fields, in its order ('file' is the CLI's)."""
    result = reading_of(raw_message("Hi Sam, thanks!")).to_json()

    assert list(result) == MAIL_FORMAT_FIELDS


def test_a_bounce_is_decided_before_its_auto_submitted_header_says_auto_reply():
    """Postfix marks its reports Auto-Submitted like a vacation program."""
    raw = report(
        "x", dsn(("lee@corp.example", "failed", "5.1.1")), ("Auto-Submitted", "auto-replied")
    )

    result = reading_of(raw)

    assert (result.kind, result.bounced, result.meaning) == ("bounce", ("lee@corp.example",), None)


def test_an_away_notice_gives_the_first_day_back_in_the_senders_country():
    """Away through Thursday 24 December in Britain: back Tuesday 29 (28th is a holiday)."""
    raw = raw_message(
        "I'm off until 24 December.",
        ("Auto-Submitted", "auto-replied"),
        ("Date", "Fri, 04 Dec 2026 09:00:00 +0000"),
    )

    result = reading_of(raw, country="GB")

    assert (result.kind, result.back_on, result.confidence) == (
        "auto_reply",
        date(2026, 12, 29),
        "high",
    )
    assert result.evidence == "I'm off until 24 December."


def test_relative_dates_are_read_from_the_messages_own_date_in_its_offset():
    """Sent Friday 23:30 in California (Saturday in UTC): 'next Monday' is the 7th."""
    raw = raw_message(
        "Traveling, back next Monday.",
        ("Auto-Submitted", "auto-replied"),
        ("Date", "Fri, 04 Dec 2026 23:30:00 -0800"),
    )

    assert reading_of(raw).back_on == date(2026, 12, 7)


def test_without_a_date_header_today_is_used_and_noted():
    """The reader says it counted from today."""
    raw = raw_message(
        "I'm away, back tomorrow.", ("Auto-Submitted", "auto-replied"), ("Date", "garbage")
    )

    result = reading_of(raw, today=date(2026, 12, 2))

    assert result.back_on == date(2026, 12, 3)
    assert result.confidence == "low"
    assert result.notes == ("no usable Date header; relative dates are read from today",)


def test_a_quoted_automatic_reply_does_not_make_a_persons_reply_automatic():
    """The thread below the reply is not read."""
    raw = raw_message(
        "Hi Sam, sorry, I'm back now. We'd like you to meet the team next week.\n\n"
        "On Mon, Nov 30, 2026 at 8:00 AM Omar <omar@ardent.example> wrote:\n"
        "> Automatic reply: I am out of the office until December 3.\n",
        ("Subject", "Re: Automatic reply: Thank you"),
    )

    result = reading_of(raw)

    assert result.kind == "reply"
    assert result.back_on is None and result.meaning is not None


def test_a_newsletter_is_bulk_with_its_header_as_evidence():
    """List-Unsubscribe on an unthreaded message."""
    raw = raw_message(
        "We have made a decision on benefits.", ("List-Unsubscribe", "<mailto:x@news.example>")
    )

    result = reading_of(raw)

    assert (result.kind, result.meaning) == ("bulk", None)
    assert result.evidence == "List-Unsubscribe: <mailto:x@news.example>"


def test_the_header_fields_of_every_corpus_bounce_leave_room_for_a_notice():
    """The watcher reads an unmatched message's body only then: no corpus bounce is missed."""
    corpus = Path(__file__).parent / "corpus"

    missed = [
        path.name
        for path in sorted(corpus.glob("bounce/*/*.eml"))
        if not may_be_delivery_notice(fetched_from_bytes(path.read_bytes()).headers)
    ]

    assert missed == []


def test_a_persons_or_an_away_notices_header_fields_are_no_delivery_notice():
    """A person's reply and an away notice are read only when they answer an application."""
    corpus = Path(__file__).parent / "corpus"
    paths = sorted([*corpus.glob("human/*/*.eml"), *corpus.glob("away/*/*.eml")])

    flagged = [
        path.name
        for path in paths
        if may_be_delivery_notice(fetched_from_bytes(path.read_bytes()).headers)
    ]

    assert paths and flagged == []


def test_sender_words_leave_out_the_quoted_thread():
    """The words kept to show on Today are the sender's own, not what they quote of ours."""
    raw = raw_message(
        "Thanks Sam, we will be in touch.\n\nOn Mon, 2 Mar 2026 at 18:00, Sam wrote:\n"
        "> Thank you for the conversation about the next round.\n"
    )

    words = sender_words(fetched_from_bytes(raw))

    assert words.startswith("Thanks Sam") and "next round" not in words
