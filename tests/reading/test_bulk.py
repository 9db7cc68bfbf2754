"""Bulk mail by its list and precedence headers: reading/bulk.py."""

from __future__ import annotations

import pytest

from afterword.reading.bulk import bulk_evidence
from tests.reading.builders import mail_of


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (
            ("List-Unsubscribe", "<mailto:leave@news.example>"),
            "List-Unsubscribe: <mailto:leave@news.example>",
        ),
        (("List-Id", "<jobs.lists.example>"), "List-Id: <jobs.lists.example>"),
        (("Precedence", "bulk"), "Precedence: bulk"),
    ],
)
def test_list_and_precedence_headers_make_bulk(header: tuple[str, str], expected: str):
    """The header that decided is the evidence."""
    assert bulk_evidence(mail_of("News.", header)) == expected


def test_a_reply_in_a_thread_carried_by_a_list_is_not_bulk():
    """A recruiter answering through a group is a person."""
    mail = mail_of(
        "Thanks Sam, we'll decide by Friday.",
        ("List-Id", "<hiring.corp.example>"),
        ("In-Reply-To", "<1.afterword@fastmail.example>"),
    )

    assert bulk_evidence(mail) == ""


def test_a_plain_message_is_not_bulk():
    """No list headers, no bulk precedence."""
    assert bulk_evidence(mail_of("Hi Sam")) == ""
