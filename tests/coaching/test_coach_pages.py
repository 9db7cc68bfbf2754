"""Every coach page with consent granted, revoked and never given: only a live consent opens it."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from afterword.coaching import consent as consent_service
from afterword.coaching.models import AccessLog
from tests.coaching.conftest import Centre, give_consent, planned_application
from tests.factories import ApplicationFactory

pytestmark = pytest.mark.django_db

# Every page that shows one student's data, by how a coach reaches it.
STUDENT_PAGES: dict[str, Callable[[Centre], str]] = {
    "student page": lambda c: reverse("coaching_student", args=[c.student.pk]),
}


def cohort_lists(client: Client, centre: Centre) -> bool:
    page = client.get(reverse("coaching_cohort")).content.decode()
    return "Sam Student" in page


def csv_lists(client: Client, centre: Centre) -> bool:
    return b"sam" in client.get(reverse("coaching_cohort_csv")).content


@pytest.fixture
def coach_client(client: Client, centre: Centre) -> Client:
    client.force_login(centre.coach)
    return client


def test_with_consent_the_coach_sees_the_student_everywhere(
    coach_client: Client, centre: Centre, now: datetime
) -> None:
    """A live consent opens the student page, the cohort row and the CSV row."""
    give_consent(centre, centre.student, centre.coach, now)

    page = coach_client.get(STUDENT_PAGES["student page"](centre))

    assert page.status_code == 200
    assert "Harbour Logistics" in page.content.decode()
    assert cohort_lists(coach_client, centre)
    assert csv_lists(coach_client, centre)


def test_without_consent_the_coach_gets_404_and_an_empty_cohort(
    coach_client: Client, centre: Centre
) -> None:
    """Never given: 404 on the student page and its note form, no row in the cohort or CSV."""
    url = STUDENT_PAGES["student page"](centre)

    assert coach_client.get(url).status_code == 404
    assert coach_client.post(url, {"kind": "note", "text": "Hi"}).status_code == 404
    assert not cohort_lists(coach_client, centre)
    assert not csv_lists(coach_client, centre)
    assert not AccessLog.objects.exists()


def test_after_revoking_the_coach_gets_404_at_once(
    coach_client: Client, centre: Centre, now: datetime
) -> None:
    """Revoked: the very next request is a 404, and the cohort drops the student."""
    consent = give_consent(centre, centre.student, centre.coach, now)
    url = STUDENT_PAGES["student page"](centre)
    assert coach_client.get(url).status_code == 200

    consent_service.revoke(centre.student, consent.pk, now)

    assert coach_client.get(url).status_code == 404
    assert coach_client.post(url, {"kind": "note", "text": "Hi"}).status_code == 404
    assert not cohort_lists(coach_client, centre)
    assert not csv_lists(coach_client, centre)


def test_consent_to_one_coach_opens_nothing_for_another(
    client: Client, centre: Centre, now: datetime
) -> None:
    """Cora, a coach of the same centre, gets 404 for a student who chose Cole."""
    give_consent(centre, centre.student, centre.coach, now)
    client.force_login(centre.other_coach)

    assert client.get(STUDENT_PAGES["student page"](centre)).status_code == 404
    assert not cohort_lists(client, centre)


def test_a_coach_who_left_the_centre_loses_access(
    coach_client: Client, centre: Centre, now: datetime
) -> None:
    """The consent counts only while the coach is still staff of the organisation."""
    give_consent(centre, centre.student, centre.coach, now)
    centre.organisation.memberships.filter(user=centre.coach).delete()

    assert coach_client.get(STUDENT_PAGES["student page"](centre)).status_code == 404


def test_the_student_page_never_shows_mail_drafts_or_unshared_notes(
    coach_client: Client, centre: Centre, now: datetime
) -> None:
    """Notes typed with news appear only when the student ticked the box."""
    from afterword.tracker.services import record_event

    record_event(
        centre.application, "reply", now, note="Recruiter sounded keen", no_decision_yet=True
    )
    consent = give_consent(centre, centre.student, centre.coach, now)
    url = STUDENT_PAGES["student page"](centre)

    hidden = coach_client.get(url).content.decode()
    consent_service.grant(
        centre.student,
        centre.organisation.memberships.get(user=centre.coach).pk,
        True,
        now,
    )
    shown = coach_client.get(url).content.decode()

    assert consent.pk
    assert "Recruiter sounded keen" not in hidden
    assert "Recruiter sounded keen" in shown


def test_statistics_are_for_the_centres_staff_only(
    client: Client, centre: Centre, outsider: Any
) -> None:
    """Staff open the statistics and the organisation page; a student or an outsider gets 404."""
    stats = reverse("coaching_statistics", args=[centre.organisation.pk])
    org = reverse("coaching_organisation", args=[centre.organisation.pk])

    answers = {}
    for who in (centre.coach, centre.admin, centre.student, outsider):
        client.force_login(who)
        answers[who.username] = (client.get(stats).status_code, client.get(org).status_code)

    assert answers == {
        "cole": (200, 200),
        "ada": (200, 200),
        "sam": (404, 404),
        "olive": (404, 404),
    }


def many_applications(centre: Centre, count: int) -> None:
    """``count`` more applications for Sam, newer than Harbour Logistics (so it goes last)."""
    for n in range(count):
        ApplicationFactory(owner=centre.student, employer=f"Firm {n:02d}")


def shown_employers(page: str) -> list[str]:
    return re.findall(r'<article class="student-app">\s*<h3>([^<,]+)', page)


def test_the_student_page_shows_25_applications_a_page_with_links_between_pages(
    coach_client: Client, centre: Centre, now: datetime
) -> None:
    """31 applications: 25 newest on page 1 with a Next link, the other 6 on page 2."""
    give_consent(centre, centre.student, centre.coach, now)
    many_applications(centre, 30)
    url = STUDENT_PAGES["student page"](centre)

    first = coach_client.get(url).content.decode()
    second = coach_client.get(url + "?page=2").content.decode()

    assert shown_employers(first) == [f"Firm {n:02d}" for n in range(29, 4, -1)]
    assert shown_employers(second) == [f"Firm {n:02d}" for n in range(4, -1, -1)] + [
        "Harbour Logistics"
    ]
    assert '<nav class="pagination" aria-label="Pages">' in first
    assert 'href="?page=2" rel="next"' in first
    assert "Page 1 of 2" in first
    assert 'href="?page=1" rel="prev"' in second
    assert "26–31 of 31" in second


def test_due_follow_ups_of_every_application_show_on_every_page(
    coach_client: Client, centre: Centre, now: datetime
) -> None:
    """Harbour Logistics sits on page 2, yet its due thank-you is listed on page 1 too."""
    give_consent(centre, centre.student, centre.coach, now)
    many_applications(centre, 30)
    url = STUDENT_PAGES["student page"](centre)

    first = coach_client.get(url).content.decode()
    due = first.split('id="due-heading"')[1].split("</section>")[0]

    assert "Harbour Logistics" not in shown_employers(first)
    assert "Harbour Logistics" in due


def test_each_page_of_the_student_page_is_logged_with_its_page_number(
    coach_client: Client, centre: Centre, now: datetime
) -> None:
    """The student's log names the page the coach saw (a page past the end shows the last)."""
    give_consent(centre, centre.student, centre.coach, now)
    many_applications(centre, 30)
    url = STUDENT_PAGES["student page"](centre)

    coach_client.get(url)
    coach_client.get(url + "?page=2")

    coach_client.get(url + "?page=99")

    logged = list(AccessLog.objects.order_by("pk").values_list("student_id", "path"))
    assert logged == [(centre.student.pk, url)] + [(centre.student.pk, url + "?page=2")] * 2


def test_the_student_page_makes_as_many_queries_for_40_applications_as_for_one(
    coach_client: Client, centre: Centre, now: datetime
) -> None:
    """Only the shown page's plans and decisions are read: no query per application."""
    give_consent(centre, centre.student, centre.coach, now)
    url = STUDENT_PAGES["student page"](centre)
    with CaptureQueriesContext(connection) as few:
        coach_client.get(url)
    for n in range(40):
        planned_application(centre.student, now, f"Planned {n:02d}")

    with CaptureQueriesContext(connection) as many:
        coach_client.get(url)

    assert len(many) == len(few)
