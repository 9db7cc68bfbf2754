"""/api/.../events: the timeline, and news recorded with the Record news form's checks."""

from __future__ import annotations

from typing import Any

import pytest

from afterword.tracker.models import Event

pytestmark = pytest.mark.django_db


def test_news_is_recorded_and_the_plan_follows(api: Any, application: Any) -> None:
    """An offer is recorded as an event and the plan ends (F8)."""
    response = api.post(f"/applications/{application.pk}/events", {"news": "offer"})

    assert response.status_code == 201
    assert response.json()["type"] == "offer"
    assert api.get(f"/applications/{application.pk}/plan").json()["actions"] == []


def test_their_words_for_a_new_date_are_read_into_a_date(api: Any, application: Any) -> None:
    """no_decision with "end of next week" records a reply with that date."""
    response = api.post(
        f"/applications/{application.pk}/events",
        {"news": "no_decision", "new_date": "end of next week"},
    )

    assert response.status_code == 201
    assert response.json()["new_decision_by"] == "2026-03-13"
    assert response.json()["no_decision_yet"] is True


def test_a_check_in_without_a_channel_is_refused_naming_it(api: Any, application: Any) -> None:
    """The form asks whether you emailed or called: 422 at channel, nothing saved."""
    response = api.post(f"/applications/{application.pk}/events", {"news": "check_in_sent"})

    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "payload", "channel"]
    assert not Event.objects.exists()


def test_an_other_offer_needs_its_deadline(api: Any, application: Any) -> None:
    """other_offer without a deadline is refused under deadline."""
    response = api.post(f"/applications/{application.pk}/events", {"news": "other_offer"})

    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"][-1] == "deadline"


def test_an_unknown_kind_of_news_is_refused(api: Any, application: Any) -> None:
    """A choice the form does not offer is named under news."""
    response = api.post(f"/applications/{application.pk}/events", {"news": "promotion"})

    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"][-1] == "news"


def test_the_timeline_is_listed_oldest_first(api: Any, application: Any) -> None:
    """Recorded events come back in order, paginated."""
    api.post(f"/applications/{application.pk}/events", {"news": "no_decision"})
    api.post(f"/applications/{application.pk}/events", {"news": "rejection"})

    page = api.get(f"/applications/{application.pk}/events").json()

    assert page["count"] == 2
    assert [event["type"] for event in page["items"]] == ["reply", "rejection"]


def test_an_outsider_can_neither_read_nor_record_news(intruder: Any, application: Any) -> None:
    """404 for the timeline and for recording; nothing is written."""
    answers = [
        intruder.get(f"/applications/{application.pk}/events").status_code,
        intruder.post(f"/applications/{application.pk}/events", {"news": "offer"}).status_code,
    ]

    assert answers == [404, 404]
    assert not Event.objects.exists()
