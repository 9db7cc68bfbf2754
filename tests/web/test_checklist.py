"""The printable "before your next interview" checklist (C1-C3)."""

from __future__ import annotations

from typing import Any

from django.test import Client

from afterword.tracker.models import Application
from tests.factories import ApplicationFactory


def test_it_lists_the_questions_to_ask(member: Client, user: Any) -> None:
    """The sheet has the C1, C2 and C3 questions and a table for contacts."""
    response = member.get("/checklist/")

    html = response.content.decode()
    assert "When are you planning to decide on this role?" in html
    assert "may I get in touch?" in html
    assert "business card" in html
    assert 'class="contacts-table"' in html
    for rule in ("C1", "C2", "C3"):
        assert f'<span class="rule">{rule}</span>' in html


def test_it_carries_the_employer_and_job_code(member: Client, application: Application) -> None:
    """Opened from an application, the sheet names the employer, role and job code."""
    response = member.get("/checklist/", {"application": application.pk})

    assert "<strong>Harbour Logistics</strong>, Data Analyst · job code REQ-77" in (
        response.content.decode()
    )


def test_it_ignores_someone_elses_application(member: Client, outsider: Any) -> None:
    """Another user's application id adds nothing to my sheet."""
    theirs = ApplicationFactory(owner=outsider, employer="Private Employer")

    response = member.get("/checklist/", {"application": theirs.pk})

    assert "Private Employer" not in response.content.decode()


def test_it_links_the_print_stylesheet(member: Client, user: Any) -> None:
    """The stylesheet with the print rules is linked and offers a print button."""
    response = member.get("/checklist/")

    html = response.content.decode()
    assert "site/afterword.css" in html
    assert "data-print" in html
