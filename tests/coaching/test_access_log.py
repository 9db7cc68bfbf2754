"""The access log: every coach view of a student's data, which the student reads."""

from __future__ import annotations

from datetime import datetime

import pytest
from django.test import Client
from django.urls import reverse

from afterword.coaching.models import AccessLog
from tests.coaching.conftest import Centre, give_consent

pytestmark = pytest.mark.django_db


def test_a_student_page_view_is_logged_with_who_what_and_when(
    client: Client, centre: Centre, now: datetime
) -> None:
    """Opening the student page writes one row: the coach, the page, the path and the time."""
    give_consent(centre, centre.student, centre.coach, now)
    client.force_login(centre.coach)

    client.get(reverse("coaching_student", args=[centre.student.pk]))

    entry = AccessLog.objects.get()
    assert (entry.coach, entry.student, entry.page, entry.at) == (
        centre.coach,
        centre.student,
        "student page",
        now,
    )
    assert entry.path == f"/coaching/students/{centre.student.pk}/"


def test_a_refused_view_is_not_logged(client: Client, centre: Centre) -> None:
    """Without consent nothing was shown, so nothing is logged."""
    client.force_login(centre.coach)

    client.get(reverse("coaching_student", args=[centre.student.pk]))

    assert not AccessLog.objects.exists()


def test_the_student_reads_their_log(client: Client, centre: Centre, now: datetime) -> None:
    """The log page lists the coach's name and the page they opened."""
    give_consent(centre, centre.student, centre.coach, now)
    client.force_login(centre.coach)
    client.get(reverse("coaching_student", args=[centre.student.pk]))
    client.get(reverse("coaching_cohort"))
    client.force_login(centre.student)

    page = client.get(reverse("coaching_access_log")).content.decode()

    assert page.count("Cole Coach") == 2
    assert "student page" in page and ">cohort<" in page


def test_no_one_reads_another_students_log(
    client: Client, centre: Centre, now: datetime, outsider: object
) -> None:
    """The log page shows only the signed-in student's own entries."""
    give_consent(centre, centre.student, centre.coach, now)
    client.force_login(centre.coach)
    client.get(reverse("coaching_student", args=[centre.student.pk]))
    client.force_login(outsider)  # type: ignore[arg-type]

    page = client.get(reverse("coaching_access_log")).content.decode()

    assert "Cole Coach" not in page
