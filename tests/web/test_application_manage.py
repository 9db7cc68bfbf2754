"""Editing an application's details, archiving it, the Archived page and restoring from it."""

from __future__ import annotations

from datetime import datetime

import pytest
from django.test import Client

from afterword.tracker.models import Application
from afterword.tracker.services.archive import archive_application

pytestmark = pytest.mark.django_db

FORM = {
    "employer": "Harbour Logistics GmbH",
    "role": "Senior Analyst",
    "job_code": "R-9",
    "employer_timezone": "Europe/Berlin",
    "employer_country": "DE",
    "employer_subdivision": "BE",
    "employer_style": "formal",
}


def test_the_edit_page_shows_every_field_as_it_is(member: Client, application: Application) -> None:
    """Employer, role, job code, zone, country, region and style are filled in, opened."""
    html = member.get(f"/applications/{application.pk}/edit/").content.decode()

    assert 'value="Harbour Logistics"' in html and 'value="REQ-77"' in html
    assert '<option value="America/New_York" selected>' in html
    assert 'value="NY"' in html
    assert '<details class="more" open>' in html


def test_saving_the_edit_changes_every_field_and_re_plans(
    member: Client, application: Application, now: datetime
) -> None:
    """The new details are stored and the plan follows them (a formal employer: a letter)."""
    response = member.post(f"/applications/{application.pk}/edit/", FORM)

    application.refresh_from_db()
    assert (
        response.status_code == 302 and response["Location"] == f"/applications/{application.pk}/"
    )
    assert {name: getattr(application, name) for name in FORM} == FORM
    assert application.actions.filter(kind="thank_you_letter").exists()


def test_a_bad_region_is_shown_on_its_field_and_nothing_changes(
    member: Client, application: Application
) -> None:
    """Region "ZZ" in Germany: the page says so; the heading and the row keep the old name."""
    response = member.post(
        f"/applications/{application.pk}/edit/", {**FORM, "employer_subdivision": "ZZ"}
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert "error-summary" in html and "<h1>Edit the application</h1>" in html
    assert Application.objects.get(pk=application.pk).employer == "Harbour Logistics"


def test_archive_takes_it_off_the_board_and_the_archived_page_lists_it(
    member: Client, application: Application
) -> None:
    """After Archive the board no longer shows it but links to Archived, which does."""
    response = member.post(f"/applications/{application.pk}/archive/")

    board = member.get("/board/").content.decode()
    archived = member.get("/archived/").content.decode()
    assert response.status_code == 302
    assert f'href="/applications/{application.pk}/"' not in board
    assert 'href="/archived/"' in board
    assert "Harbour Logistics" in archived and "Restore" in archived
    assert not application.actions.exists()


def test_the_application_page_of_an_archived_one_offers_restore(
    member: Client, application: Application, now: datetime
) -> None:
    """The page says it is archived and what that means, with a Restore button."""
    archive_application(application, now)

    html = member.get(f"/applications/{application.pk}/").content.decode()

    assert "Archived on" in html and "emails waiting in the outbox are held" in html
    assert f'action="/applications/{application.pk}/restore/"' in html


def test_restore_from_the_archived_page_returns_there_with_the_plan_back(
    member: Client, application: Application, now: datetime
) -> None:
    """One click: back on the board, the plan re-made, the Archived page empty."""
    archive_application(application, now)

    response = member.post(f"/applications/{application.pk}/restore/", {"next": "/archived/"})

    assert response["Location"] == "/archived/"
    assert application.actions.exists()
    assert "Harbour Logistics" in member.get("/board/").content.decode()
    assert "Nothing is archived" in member.get("/archived/").content.decode()


@pytest.mark.parametrize("action", ["archive", "restore"])
def test_archive_and_restore_answer_only_post(
    member: Client, application: Application, action: str
) -> None:
    """A link or a prefetch cannot archive anything: GET is refused."""
    response = member.get(f"/applications/{application.pk}/{action}/")

    assert response.status_code == 405
    application.refresh_from_db()
    assert application.archived_at is None


def test_an_outsider_cannot_archive_edit_or_restore(
    stranger: Client, application: Application
) -> None:
    """Someone else's application answers 404 and stays as it is."""
    for path in ("edit", "archive", "restore"):
        assert stranger.post(f"/applications/{application.pk}/{path}/", FORM).status_code == 404

    application.refresh_from_db()
    assert application.archived_at is None and application.employer == "Harbour Logistics"
