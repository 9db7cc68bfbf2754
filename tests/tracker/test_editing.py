"""Correcting an application's own facts: saved with a fresh plan, or refused with nothing saved."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError

from afterword.tracker.models import Application
from afterword.tracker.services.editing import update_application

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
