"""/api/.../interviews: capture a round through the interview service; people; outsiders 404."""

from __future__ import annotations

from typing import Any

import pytest

from afterword.tracker.models import Interview
from tests.factories import ApplicationFactory, InterviewerFactory

pytestmark = pytest.mark.django_db

ROUND_TWO = {
    "round": 2,
    "start": "2026-03-03T10:00:00-05:00",
    "end": "2026-03-03T11:00:00-05:00",
    "decision_phrase": "end of next week",
    "interviewers": [{"name": "Ana Ruiz", "email": "ana@example.test", "is_primary": True}],
}


def test_a_captured_round_plans_a_thank_you_for_each_person(
    api: Any, application: Any, now: Any
) -> None:
    """The new person gets a thank-you; the decision phrase is read into a date."""
    response = api.post(f"/applications/{application.pk}/interviews", ROUND_TWO)

    assert response.status_code == 201
    body = response.json()
    assert body["decision_by"] == "2026-03-13"
    plan = api.get(f"/applications/{application.pk}/plan").json()
    ana = application.interviewers.get(name="Ana Ruiz")
    assert any(action["interviewer"] == f"p{ana.pk}" for action in plan["actions"])


def test_a_bad_email_is_refused_naming_the_person_and_nothing_is_saved(
    api: Any, application: Any
) -> None:
    """interviewers[0].email is named; no interview and no person is written."""
    body = {**ROUND_TWO, "interviewers": [{"name": "Ana Ruiz", "email": "not an address"}]}

    response = api.post(f"/applications/{application.pk}/interviews", body)

    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "payload", "interviewers", 0, "email"]
    assert application.interviews.count() == 1
    assert not application.interviewers.filter(name="Ana Ruiz").exists()


def test_a_time_without_a_zone_is_refused(api: Any, application: Any) -> None:
    """A naive start time could mean any hour: 422 naming start."""
    response = api.post(
        f"/applications/{application.pk}/interviews", {**ROUND_TWO, "start": "2026-03-03T10:00"}
    )

    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"][-1] == "start"


def test_an_end_before_the_start_is_refused_by_the_service(api: Any, application: Any) -> None:
    """The service's own check answers, under end."""
    body = {**ROUND_TWO, "end": "2026-03-03T09:00:00-05:00"}

    response = api.post(f"/applications/{application.pk}/interviews", body)

    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "payload", "end"]


def test_people_of_another_application_cannot_be_added(
    api: Any, application: Any, user: Any
) -> None:
    """existing_interviewers names only people of this application."""
    elsewhere = InterviewerFactory(application=ApplicationFactory(owner=user))
    body = {**ROUND_TWO, "interviewers": [], "existing_interviewers": [elsewhere.pk]}

    response = api.post(f"/applications/{application.pk}/interviews", body)

    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"][-1] == "existing_interviewers"
    assert Interview.objects.count() == 1


def test_interviews_and_people_are_listed(api: Any, application: Any) -> None:
    """The rounds with their people's ids, and the people with their details."""
    interviews = api.get(f"/applications/{application.pk}/interviews").json()
    people = api.get(f"/applications/{application.pk}/interviewers").json()

    assert [len(interview["interviewers"]) for interview in interviews] == [2]
    assert sorted(person["name"] for person in people) == ["Priya Natarajan", "Tomasz Wilk"]
    one = api.get(f"/interviews/{interviews[0]['id']}").json()
    assert one["round"] == interviews[0]["round"]


def test_an_outsider_can_neither_read_nor_add_interviews(intruder: Any, application: Any) -> None:
    """404 for the list, the people, one interview and a new round."""
    interview = application.interviews.get()

    answers = [
        intruder.get(f"/applications/{application.pk}/interviews").status_code,
        intruder.get(f"/applications/{application.pk}/interviewers").status_code,
        intruder.get(f"/interviews/{interview.pk}").status_code,
        intruder.post(f"/applications/{application.pk}/interviews", ROUND_TWO).status_code,
    ]

    assert answers == [404, 404, 404, 404]
    assert application.interviews.count() == 1
