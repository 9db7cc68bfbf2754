"""The applications board: status columns with counts, and the quick-add form."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.test import Client

from afterword.tracker.models import Application
from afterword.tracker.services import record_event
from tests.factories import ApplicationFactory


def test_it_shows_a_column_per_status_with_counts(member: Client, application: Application) -> None:
    """Four columns; the application with unsent thank-yous counts under Thank-you pending."""
    response = member.get("/board/")

    html = response.content.decode()
    for label in ("Thank-you pending", "Waiting", "No response", "Decided"):
        assert label in html
    assert 'aria-label="1 application"' in html
    assert "Harbour Logistics" in html
    assert "Next: send a thank-you email" in html


def test_it_adds_an_application_with_the_users_defaults(
    member: Client, user: Any, now: datetime
) -> None:
    """Quick add stores the employer for this user and opens its page."""
    response = member.post(
        "/applications/new/",
        {
            "from": "board",
            "employer": "Fjord Analytics",
            "role": "Junior Analyst",
            "job_code": "FA-9",
            "employer_timezone": "Europe/Oslo",
            "employer_country": "NO",
            "employer_subdivision": "",
            "employer_style": "formal",
        },
    )

    application = Application.objects.get(employer="Fjord Analytics")
    assert application.owner == user
    assert application.employer_timezone == "Europe/Oslo"
    assert response["Location"] == f"/applications/{application.pk}/"
    page = member.get(response["Location"]).content.decode()
    assert "Added Fjord Analytics" in page


def test_it_refuses_an_unknown_time_zone(member: Client, now: datetime) -> None:
    """A made-up zone is reported on its field and no application is saved."""
    response = member.post(
        "/applications/new/",
        {
            "from": "board",
            "employer": "Fjord Analytics",
            "role": "Analyst",
            "employer_timezone": "Mars/Olympus_Mons",
            "employer_country": "NO",
            "employer_style": "unknown",
        },
    )

    html = response.content.decode()
    assert "Employer&#x27;s time zone: Select a valid choice." in html
    assert '<details class="more" open>' in html  # the folded field is shown with its error
    assert not Application.objects.exists()


def test_it_names_a_wrong_subdivision(member: Client, now: datetime) -> None:
    """A state code that does not belong to the country is refused with an example."""
    response = member.post(
        "/applications/new/",
        {
            "employer": "Fjord Analytics",
            "role": "Analyst",
            "employer_timezone": "America/Chicago",
            "employer_country": "US",
            "employer_subdivision": "ZZ",
            "employer_style": "unknown",
        },
    )

    html = response.content.decode()
    assert "Unknown code &#x27;ZZ&#x27; for US" in html
    assert not Application.objects.exists()


def test_it_shows_only_my_applications(member: Client, outsider: Any, now: datetime) -> None:
    """Another user's application never appears on my board."""
    ApplicationFactory(owner=outsider, employer="Somebody Else Ltd")

    response = member.get("/board/")

    assert "Somebody Else Ltd" not in response.content.decode()
    assert "0 applications" in response.content.decode()


def test_it_says_how_a_decided_application_ended(
    member: Client, application: Application, now: datetime
) -> None:
    """A decided card names the outcome, here an offer."""
    record_event(application, "offer", now)

    response = member.get("/board/")

    html = response.content.decode()
    decided = html[html.index('id="column-decided"') :]
    assert "Harbour Logistics" in decided
    assert "Offer received. Nothing more to do." in decided
