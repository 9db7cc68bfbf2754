"""Models: the database refuses impossible rows, and choices match the planner's vocabulary."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from afterword.rules.kinds import ACTIONS, EVENTS
from afterword.tracker.models import Action, Event, UserSettings
from afterword.tracker.services import create_application
from tests.factories import ApplicationFactory, InterviewFactory, UserFactory
from tests.tracker.conftest import Sample, ny

pytestmark = pytest.mark.django_db


def test_it_gives_every_new_user_default_settings() -> None:
    """Signing up creates the settings row with the documented defaults."""
    user = UserFactory()

    prefs = UserSettings.objects.get(user=user)

    assert (prefs.timezone, prefs.country, prefs.profile) == ("UTC", "US", "standard")
    assert (prefs.check_in_channel, prefs.contact_hour, prefs.letters) == ("email", 10, False)
    assert user.afterword == prefs


def test_it_refuses_a_contact_hour_outside_nine_to_sixteen(user: Any) -> None:
    """The database itself keeps contact_hour within 9-16 (T2)."""
    prefs = user.afterword
    prefs.contact_hour = 17

    with pytest.raises(IntegrityError), transaction.atomic():
        prefs.save()


def test_it_refuses_an_interview_that_ends_before_it_starts(sample: Sample) -> None:
    """end > start is a check constraint, and clean() says so on the end field."""
    interview = sample.interview
    interview.end = interview.start - timedelta(minutes=5)

    with pytest.raises(ValidationError) as caught:
        interview.full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        interview.save()

    assert "end" in caught.value.message_dict


def test_it_refuses_an_unknown_zone_country_or_subdivision(user: Any) -> None:
    """Employer facts are checked against the planner's own lists before saving."""
    application = ApplicationFactory.build(
        owner=user, employer_timezone="Europe/Atlantis", employer_country="ZZ"
    )

    with pytest.raises(ValidationError) as caught:
        application.full_clean()

    assert {"employer_timezone", "employer_country"} <= set(caught.value.message_dict)


def test_it_refuses_a_subdivision_of_another_country(user: Any) -> None:
    """BE is a German state, not a US one."""
    application = ApplicationFactory.build(owner=user, employer_subdivision="BE")

    with pytest.raises(ValidationError) as caught:
        application.full_clean()

    assert list(caught.value.message_dict) == ["employer_subdivision"]


def test_it_uses_the_planners_event_types_and_action_kinds() -> None:
    """The model choices are the kinds table's names and labels, in its order."""
    kind_choices = Action._meta.get_field("kind").choices
    type_choices = Event._meta.get_field("type").choices

    assert list(kind_choices or ()) == [(name, info.label) for name, info in ACTIONS.items()]
    assert list(type_choices or ()) == [(name, info.label) for name, info in EVENTS.items()]


def test_it_describes_rows_in_plain_words(sample: Sample) -> None:
    """__str__ reads like the page would say it."""
    labels = [str(sample.application), str(sample.interview), str(sample.dana)]

    assert labels == [
        "Analyst at Northwind Traders",
        "Round 1 at Northwind Traders",
        "Dana Reyes, Team Lead",
    ]


def test_it_creates_an_application_with_the_owners_defaults(user: Any, now: Any) -> None:
    """A new application takes the owner's zone and country and is planned at once."""
    prefs = user.afterword
    prefs.timezone, prefs.country, prefs.subdivision = "Europe/Berlin", "DE", "BE"
    prefs.save()

    application = create_application(user, "Kestrel Optics", now, role="Buyer")

    application.refresh_from_db()
    assert (application.employer_timezone, application.employer_country) == ("Europe/Berlin", "DE")
    assert (application.employer_subdivision, application.planned_at) == ("BE", now)
    assert application.created_at == now


def test_it_orders_interviews_by_start(user: Any) -> None:
    """Interviews list in the order they happened."""
    application = ApplicationFactory(owner=user)
    later = InterviewFactory(application=application, start=ny(2026, 3, 9, 10), round=2)
    earlier = InterviewFactory(application=application, start=ny(2026, 3, 2, 10))

    order = list(application.interviews.all())

    assert order == [earlier, later]


def test_removing_a_chosen_person_leaves_the_point_automatic(sample: Sample) -> None:
    """Deleting the person a point went to empties the link; the interview stays."""
    sample.interview.forgot_for = sample.dana
    sample.interview.save()

    sample.dana.delete()

    sample.interview.refresh_from_db()
    assert sample.interview.forgot_for is None
