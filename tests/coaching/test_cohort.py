"""The cohort view: each student's counts, filters, sorting, paging, the CSV, in a few queries."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime, timedelta
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from afterword.coaching.models import AccessLog, Role
from afterword.tracker.models import Application, Interview
from tests.coaching.conftest import Centre, add_member, give_consent, planned_application
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def student(centre: Centre, username: str, now: datetime) -> Any:
    user = UserFactory(username=username, first_name=username.title(), last_name="Lee")
    add_member(centre.organisation, user, Role.STUDENT, now)
    give_consent(centre, user, centre.coach, now)
    return user


@pytest.fixture
def cohort(centre: Centre, now: datetime) -> dict[str, Any]:
    """Five consenting students, each with exactly one thing to notice (Sam with nothing)."""
    give_consent(centre, centre.student, centre.coach, now)
    people = {name: student(centre, name, now) for name in ("olly", "nora", "ivy", "dee")}
    # Olly: interviewed five days ago and planned then, so both thank-yous' windows closed.
    interviewed = now - timedelta(days=5)
    planned_application(people["olly"], interviewed + timedelta(hours=2), "Acme", interviewed)
    # Nora: two applications that went silent after the check-ins.
    for employer in ("Birch", "Cedar"):
        silent = planned_application(people["nora"], now, employer)
        Application.objects.filter(pk=silent.pk).update(status="no_response")
    # Ivy: her last application is 20 days old.
    old = planned_application(people["ivy"], now, "Dune")
    Application.objects.filter(pk=old.pk).update(created_at=now - timedelta(days=20))
    # Dee: a decision expected in three days.
    soon = planned_application(people["dee"], now, "Elm")
    Interview.objects.filter(application=soon).update(decision_by=date(2026, 3, 6))
    return people


def rows(client: Client, **params: str) -> list[list[str]]:
    answer = client.get(reverse("coaching_cohort_csv"), params)
    return list(csv.reader(io.StringIO(answer.content.decode())))[1:]


@pytest.fixture
def coach_client(client: Client, centre: Centre) -> Client:
    client.force_login(centre.coach)
    return client


def test_each_student_gets_their_own_counts(coach_client: Client, cohort: Any) -> None:
    """Overdue thank-yous, no response, idle for 14 days and decisions this week, per student."""
    found = {row[0]: row[3:] for row in rows(coach_client, sort="name")}

    assert found["olly"][1] == "1"  # one overdue thank-you (one interviewer)
    assert found["nora"][2] == "2"
    assert found["ivy"][4] == "yes"
    assert found["dee"][5] == "1"
    assert found["sam"][1:3] == ["0", "0"] and found["sam"][4:] == ["no", "0"]


@pytest.mark.parametrize(
    ("name", "expected"),
    [("overdue", ["olly"]), ("silent", ["nora"]), ("idle", ["ivy"]), ("deciding", ["dee"])],
)
def test_each_filter_keeps_only_its_students(
    coach_client: Client, cohort: Any, name: str, expected: list[str]
) -> None:
    """Every filter keeps exactly the student arranged for it."""
    assert [row[0] for row in rows(coach_client, filter=name)] == expected


def test_sorting_by_name_and_by_attention(coach_client: Client, cohort: Any) -> None:
    """By name: alphabetical; needs attention: overdue first, then no response."""
    by_name = [row[0] for row in rows(coach_client, sort="name")]
    urgent = [row[0] for row in rows(coach_client)]

    assert by_name == ["dee", "ivy", "nora", "olly", "sam"]
    assert urgent[:2] == ["olly", "nora"]


def test_search_finds_a_student_by_name(coach_client: Client, cohort: Any) -> None:
    """The search box matches first names, last names, usernames and emails."""
    assert [row[0] for row in rows(coach_client, q="Nora")] == ["nora"]


def test_the_page_shows_the_counts_and_pages_of_25(
    coach_client: Client, centre: Centre, cohort: Any, now: datetime
) -> None:
    """30 students make two pages of 25 and 5; the Next link keeps the chosen sort."""
    for n in range(25):
        student(centre, f"extra{n:02d}", now)

    first = coach_client.get(reverse("coaching_cohort"), {"sort": "name"}).content.decode()
    second = coach_client.get(reverse("coaching_cohort"), {"sort": "name", "page": "2"})

    assert "Page 1 of 2" in first
    assert first.count('<th scope="row"') == 25
    assert second.content.decode().count('<th scope="row"') == 5
    assert 'href="?sort=name&page=2" rel="next"' in first


def test_the_cohort_is_a_few_queries_whatever_its_size(
    coach_client: Client, centre: Centre, cohort: Any, now: datetime
) -> None:
    """Five students or thirty, the page costs the same number of queries (no per-student loop)."""
    with CaptureQueriesContext(connection) as small:
        coach_client.get(reverse("coaching_cohort"))
    for n in range(25):
        extra = student(centre, f"more{n:02d}", now)
        planned_application(extra, now, f"Firm {n}")
    with CaptureQueriesContext(connection) as large:
        coach_client.get(reverse("coaching_cohort"))

    assert len(large) == len(small)
    assert len(large) <= 12


def test_every_student_shown_is_logged(coach_client: Client, cohort: Any) -> None:
    """The cohort page logs one view for each student on it; the CSV for each row exported."""
    coach_client.get(reverse("coaching_cohort"))
    coach_client.get(reverse("coaching_cohort_csv"))

    pages = sorted(AccessLog.objects.values_list("student__username", "page"))
    assert len(pages) == 10
    assert ("olly", "cohort") in pages and ("olly", "cohort export") in pages


def test_a_spreadsheet_formula_in_a_name_is_kept_as_text(
    coach_client: Client, centre: Centre, now: datetime
) -> None:
    """A student named "=HYPERLINK(...)" cannot run a formula in the coach's spreadsheet."""
    sly = student(centre, "sly", now)
    sly.first_name = "=HYPERLINK(1)"
    sly.save()

    found = rows(coach_client)

    assert found[0][1].startswith("'=HYPERLINK")


def test_unknown_filter_and_sort_fall_back_to_everyone(coach_client: Client, cohort: Any) -> None:
    """Junk in the query string shows the default view, never an error."""
    response = coach_client.get(
        reverse("coaching_cohort"), {"filter": "x'", "sort": "?", "page": "z"}
    )

    assert response.status_code == 200
    assert response.content.decode().count('<th scope="row"') == 5


def test_the_filter_buttons_count_the_students_each_would_show(
    coach_client: Client, centre: Centre, cohort: Any
) -> None:
    """One student under each filter, five in all."""
    from afterword.coaching.cohort import cohort as rows_of
    from afterword.coaching.cohort import totals
    from tests.conftest import NOW

    found = totals(rows_of(centre.coach, NOW, NOW.date()))

    assert found == {"everyone": 5, "overdue": 1, "silent": 1, "idle": 1, "deciding": 1}
