"""Correcting an application's own facts: saved with a fresh plan, or refused with nothing saved."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError

from afterword.tracker.models import Application, Interviewer
from afterword.tracker.services.editing import update_application, update_person

pytestmark = pytest.mark.django_db


def test_a_new_employer_zone_moves_the_follow_ups_to_their_office_hours(
    application: Application, now: datetime
) -> None:
    """Moving the employer from New York to Berlin re-plans the check-in for 10:00 Berlin."""
    update_application(
        application,
        now,
        employer_timezone="Europe/Berlin",
        employer_country="DE",
        employer_subdivision="BE",
    )

    application.refresh_from_db()
    check_in = application.actions.get(kind="check_in_email")
    assert application.employer_timezone == "Europe/Berlin"
    assert check_in.due.astimezone(ZoneInfo("Europe/Berlin")).hour == 10
    assert application.planned_at == now


def test_every_field_of_the_form_can_be_corrected(application: Application, now: datetime) -> None:
    """Employer, role, job code and style are saved as given."""
    update_application(
        application,
        now,
        employer="Harbour Logistics GmbH",
        role="Senior Analyst",
        job_code="R-1",
        employer_style="formal",
    )

    application.refresh_from_db()
    assert (application.employer, application.role, application.job_code) == (
        "Harbour Logistics GmbH",
        "Senior Analyst",
        "R-1",
    )
    assert application.employer_style == "formal"
    # A formal employer gets a letter on paper too (K5): the plan followed the edit.
    assert application.actions.filter(kind="thank_you_letter").exists()


def test_a_region_of_another_country_is_refused_and_nothing_is_saved(
    application: Application, now: datetime
) -> None:
    """Bavaria is not in the US: the error names the field, the row keeps its region."""
    with pytest.raises(ValidationError) as caught:
        update_application(application, now, employer_subdivision="BY")

    assert "employer_subdivision" in caught.value.message_dict
    assert Application.objects.get(pk=application.pk).employer_subdivision == "NY"


def test_the_services_own_columns_cannot_be_edited(application: Application, now: datetime) -> None:
    """Status and archive are not the user's to type: a programming error, loudly."""
    with pytest.raises(TypeError, match="status"):
        update_application(application, now, status="decided")


def test_a_person_corrected_once_is_corrected_for_every_round(
    application: Application, now: datetime
) -> None:
    """Tomasz's new name and title are saved; his thank-you is planned under the new name."""
    tomasz = application.interviewers.get(name="Tomasz Wilk")

    update_person(tomasz, now, name="Tomasz Wilkowski", title="Senior Analyst")

    tomasz.refresh_from_db()
    assert (tomasz.name, tomasz.title) == ("Tomasz Wilkowski", "Senior Analyst")
    action = application.actions.get(kind="thank_you_email", interviewer=tomasz)
    assert "Tomasz Wilkowski" in action.why


def test_marking_someone_main_contact_unmarks_the_old_one(
    application: Application, now: datetime
) -> None:
    """One main contact per application: Tomasz takes over from Priya."""
    tomasz = application.interviewers.get(name="Tomasz Wilk")

    update_person(tomasz, now, is_primary=True)

    assert list(application.interviewers.filter(is_primary=True)) == [tomasz]


def test_a_new_address_clears_the_bounce_mark(application: Application, now: datetime) -> None:
    """The old address bounced; a corrected one starts clean."""
    priya = application.interviewers.get(name="Priya Natarajan")
    Interviewer.objects.filter(pk=priya.pk).update(email_bounced_at=now)
    priya.refresh_from_db()

    update_person(priya, now, email="p.natarajan@harbour.example")

    priya.refresh_from_db()
    assert priya.email_bounced_at is None


def test_a_bad_address_is_refused_with_nothing_saved(
    application: Application, now: datetime
) -> None:
    """The error names the email field; the row keeps the old address."""
    priya = application.interviewers.get(name="Priya Natarajan")

    with pytest.raises(ValidationError) as caught:
        update_person(priya, now, email="not an address")

    assert "email" in caught.value.message_dict
    assert Interviewer.objects.get(pk=priya.pk).email == "priya@harbour.example"
