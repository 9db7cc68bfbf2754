"""What the watcher fetches of a message, and the same cut of a whole .eml: reading/fetched.py."""

from __future__ import annotations

from afterword.reading.fetched import (
    HEADER_FIELDS,
    HEADER_ITEM,
    REPORT_ITEMS,
    TEXT_BYTES,
    TEXT_ITEM,
    fetch_items,
    fetched_from_bytes,
    is_report,
)
from tests.reading.builders import dsn, raw_message, report


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
    plain = fetch_items(report=False)

    with_report = fetch_items(report=True)

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
