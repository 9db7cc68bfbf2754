"""The applications board: status columns with counts, and the quick-add form."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from typing import Any

import time_machine
from django.test import Client

from afterword.tracker.models import Application
from afterword.tracker.preferences import settings_for
from afterword.tracker.services import record_event
from tests.factories import ApplicationFactory
from tests.web.conftest import HX


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


def cards(html: str) -> list[str]:
    """The employers on the page's cards, in page order."""
    return re.findall(r'<article class="card">\s*<h3><a href="[^"]+">([^<]+)</a>', html)


def test_it_searches_employers_roles_and_the_people_met(
    member: Client, user: Any, application: Application, now: datetime
) -> None:
    """A word matches an employer, a role or an interviewer's name, in any case."""
    ApplicationFactory(owner=user, employer="Fjord Analytics", role="Harbour Pilot")
    ApplicationFactory(owner=user, employer="Quiet Pine Health", role="Nurse")

    by_employer = cards(member.get("/board/?q=harbour").content.decode())
    by_person = cards(member.get("/board/?q=NATARAJAN").content.decode())
    by_two_words = cards(member.get("/board/?q=pine+nurse").content.decode())

    assert sorted(by_employer) == ["Fjord Analytics", "Harbour Logistics"]
    assert by_person == ["Harbour Logistics"]
    assert by_two_words == ["Quiet Pine Health"]


def test_it_never_finds_someone_elses_application(
    member: Client, outsider: Any, now: datetime
) -> None:
    """Searching for another user's employer finds nothing."""
    ApplicationFactory(owner=outsider, employer="Somebody Else Ltd")

    html = member.get("/board/?q=somebody").content.decode()

    assert cards(html) == []
    assert "0 applications match “somebody”." in html


def test_it_filters_by_status_and_keeps_the_counts(
    member: Client, user: Any, application: Application, now: datetime
) -> None:
    """Only the waiting column is shown; its count is the number of waiting applications."""
    ApplicationFactory(owner=user, employer="Fjord Analytics", status="waiting")
    ApplicationFactory(owner=user, employer="Lantern Books", status="waiting")

    html = member.get("/board/?status=waiting").content.decode()

    assert sorted(cards(html)) == ["Fjord Analytics", "Lantern Books"]
    assert 'id="column-waiting"' in html and 'id="column-thank_you_pending"' not in html
    assert "2 applications match in Waiting." in html
    assert '<option value="waiting" selected>' in html


def test_it_sorts_by_date_added(member: Client, user: Any, now: datetime) -> None:
    """Newest first by default; oldest first on request; the choice stays selected."""
    for days, name in ((3, "Three days ago"), (1, "Yesterday Ltd"), (2, "Two days ago")):
        with time_machine.travel(now - timedelta(days=days), tick=False):
            ApplicationFactory(owner=user, employer=name, status="waiting")

    newest = cards(member.get("/board/").content.decode())
    oldest_page = member.get("/board/?sort=oldest").content.decode()

    assert newest == ["Yesterday Ltd", "Two days ago", "Three days ago"]
    assert cards(oldest_page) == ["Three days ago", "Two days ago", "Yesterday Ltd"]
    assert '<option value="oldest" selected>' in oldest_page


def test_it_sorts_by_the_next_follow_up(
    member: Client, user: Any, application: Application, now: datetime
) -> None:
    """Applications with a follow-up planned come first, soonest first; the rest after."""
    ApplicationFactory(owner=user, employer="Nothing Planned Ltd", status="waiting")

    html = member.get("/board/?sort=next").content.decode()

    assert cards(html) == ["Harbour Logistics", "Nothing Planned Ltd"]


def test_it_pages_through_many_applications_keeping_the_search(
    member: Client, user: Any, now: datetime
) -> None:
    """Fifty-five matches: fifty on page one, five on page two, the search kept in the links."""
    ApplicationFactory.create_batch(55, owner=user, role="Analyst", status="waiting")
    ApplicationFactory(owner=user, role="Nurse", status="waiting")

    first = member.get("/board/?q=analyst").content.decode()
    second = member.get("/board/?q=analyst&page=2").content.decode()

    assert (len(cards(first)), len(cards(second))) == (50, 5)
    assert set(cards(first)).isdisjoint(cards(second))
    assert 'href="?q=analyst&amp;page=2" rel="next"' in first
    assert "Page 2 of 2" in second
    assert 'aria-label="55 applications"' in second


def test_it_ignores_a_status_or_sort_it_does_not_know(
    member: Client, application: Application
) -> None:
    """A hand-edited query string shows everything, newest first, rather than an error."""
    response = member.get("/board/?status=lost&sort=random&page=abc")

    assert response.status_code == 200
    assert cards(response.content.decode()) == ["Harbour Logistics"]


def test_it_answers_htmx_with_only_the_results(member: Client, application: Application) -> None:
    """The search form's htmx request gets the results block, without the page or the form."""
    response = member.get("/board/?q=harbour", HTTP_HX_TARGET="board-results", **HX)

    html = response.content.decode()
    assert html.lstrip().startswith('<div id="board-results">')
    assert "Harbour Logistics" in html
    assert "<html" not in html and "quick-add" not in html


def test_the_quick_add_form_starts_from_each_users_own_zone(
    client: Client, user: Any, outsider: Any, now: datetime
) -> None:
    """The zone list is rendered once per process, yet each user sees their own zone chosen."""
    for person, zone in ((user, "Europe/Oslo"), (outsider, "America/Chicago")):
        prefs = settings_for(person)
        prefs.timezone = zone
        prefs.save()
    pages = {}
    for person in (user, outsider, user):
        client.force_login(person)
        pages[person.username] = client.get("/board/").content.decode()

    assert '<option value="Europe/Oslo" selected>' in pages["sam"]
    assert '<option value="America/Chicago" selected>' not in pages["sam"]
    assert '<option value="America/Chicago" selected>' in pages["olive"]
