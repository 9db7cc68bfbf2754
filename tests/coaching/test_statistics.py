"""Organisation statistics: only students who agreed, no employer with fewer than 5 students."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from afterword.coaching.models import Membership, Role
from afterword.coaching.statistics import organisation_statistics
from afterword.tracker.models import Event
from tests.coaching.conftest import Centre, add_member, planned_application
from tests.factories import INTERVIEW_START, UserFactory

pytestmark = pytest.mark.django_db
INTERVIEW_END = INTERVIEW_START + timedelta(hours=1)


def counted_student(centre: Centre, name: str, now: datetime, shares: bool = True) -> Any:
    user = UserFactory(username=name)
    membership = add_member(centre.organisation, user, Role.STUDENT, now)
    Membership.objects.filter(pk=membership.pk).update(shares_statistics=shares)
    return user


def answered(application: Any, days: int) -> None:
    Event.objects.create(
        application=application, type="reply", at=INTERVIEW_END + timedelta(days=days)
    )


def thanked(application: Any, hours: int) -> None:
    Event.objects.create(
        application=application,
        type="thank_you_sent",
        at=INTERVIEW_END + timedelta(hours=hours),
        interview=application.interviews.get(),
    )


@pytest.fixture
def counted(centre: Centre, now: datetime) -> None:
    """Five counted students at Acme (three answered in 2, 4 and 6 days), four at Birch, and
    one student at Acme who did not agree to be counted."""
    for n in range(5):
        user = counted_student(centre, f"acme{n}", now)
        application = planned_application(user, now, "acme  ltd " if n == 1 else "Acme Ltd")
        if n < 3:
            answered(application, 2 * (n + 1))
        thanked(application, 10 if n < 4 else 30)
        if n < 4:
            planned_application(user, now, "Birch")
    private = counted_student(centre, "private", now, shares=False)
    answered(planned_application(private, now, "Acme Ltd"), 1)


def test_an_employer_needs_five_students_to_be_shown(centre: Centre, counted: None) -> None:
    """Acme (5 students, however they typed it) is shown with its reply rate and median days
    under the spelling most used; Birch (4) is hidden."""
    stats = organisation_statistics(centre.organisation.pk)

    assert [line.employer for line in stats.employers] == ["Acme Ltd"]
    acme = stats.employers[0]
    assert (acme.students, acme.applications, acme.answered) == (5, 5, 3)
    assert acme.median_days == pytest.approx(4.0)
    assert stats.hidden_employers == 1


def test_only_students_who_agreed_are_counted(centre: Centre, counted: None) -> None:
    """The student who did not agree adds nothing: five students, not six."""
    stats = organisation_statistics(centre.organisation.pk)

    assert stats.students == 5


def test_thank_yous_on_time_are_those_within_a_day(centre: Centre, counted: None) -> None:
    """Four of the five thank-yous went out within 24 hours of the interview."""
    stats = organisation_statistics(centre.organisation.pk)

    assert (stats.thank_yous, stats.thank_yous_on_time) == (5, 4)


def test_with_fewer_than_five_students_nothing_is_shown(
    client: Client, centre: Centre, now: datetime
) -> None:
    """Four counted students: the page says there are too few to show anything."""
    for n in range(4):
        planned_application(counted_student(centre, f"few{n}", now), now, "Acme")
    client.force_login(centre.coach)

    page = client.get(reverse("coaching_statistics", args=[centre.organisation.pk]))

    assert "too few to show anything" in page.content.decode()
    assert "Acme" not in page.content.decode()


def test_the_page_shows_the_rates(client: Client, centre: Centre, counted: None) -> None:
    """The coach's page shows 80 % on time and Acme's 60 % reply rate."""
    client.force_login(centre.coach)

    page = client.get(reverse("coaching_statistics", args=[centre.organisation.pk])).content

    text = page.decode()
    assert "<strong>80 %</strong>" in text
    assert "60 %" in text
    assert "Birch" not in text
