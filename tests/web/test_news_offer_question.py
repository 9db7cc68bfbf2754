"""Ask, don't assume: a check-in recorded while the other offer is untold asks if it told them."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from django.test import Client

from afterword.tracker.models import Application, Event
from afterword.tracker.services import complete_action, record_event


@pytest.fixture
def offer_pending(application: Application, now: datetime) -> Application:
    """Harbour Logistics with both thank-yous sent and another offer to tell them about."""
    for action in list(application.actions.filter(kind="thank_you_email")):
        complete_action(action, now - timedelta(minutes=30))
    deadline = date(2026, 3, 20)
    record_event(application, "other_offer", now - timedelta(minutes=10), deadline=deadline)
    assert application.actions.filter(kind="expedite").exists()
    return application


def post_check_in(member: Client, application: Application, **extra: str) -> str:
    data = {"news": "check_in_sent", "channel": "email", **extra}
    response = member.post(f"/applications/{application.pk}/news/", data, follow=True)
    return response.content.decode()


def test_it_asks_instead_of_dropping_the_expedite(
    member: Client, offer_pending: Application
) -> None:
    """Without an answer nothing is recorded, and the page asks the yes/no question."""
    html = post_check_in(member, offer_pending)

    assert "Did this check-in tell them about your other offer?" in html
    assert "say whether this check-in mentioned it" in html
    assert not Event.objects.filter(type="check_in_sent").exists()
    assert offer_pending.actions.filter(kind="expedite").exists()


def test_no_keeps_the_message_about_the_offer(member: Client, offer_pending: Application) -> None:
    """'No, I still need to tell them': the check-in is recorded and the expedite stays."""
    post_check_in(member, offer_pending, offer_mentioned="no")

    assert Event.objects.get(type="check_in_sent").offer_mentioned is False
    assert offer_pending.actions.filter(kind="expedite").exists()


def test_yes_ends_the_message_about_the_offer(member: Client, offer_pending: Application) -> None:
    """'Yes, I mentioned it': the check-in counts as telling them, the expedite goes."""
    post_check_in(member, offer_pending, offer_mentioned="yes")

    assert Event.objects.get(type="check_in_sent").offer_mentioned is True
    assert not offer_pending.actions.filter(kind="expedite").exists()


def test_the_question_is_not_asked_without_an_offer(
    member: Client, application: Application
) -> None:
    """With no other offer waiting the form has no such question."""
    page = member.get(f"/applications/{application.pk}/").content.decode()

    assert "tell them about your other offer?" not in page


def test_done_on_an_ordinary_check_in_keeps_the_expedite(
    offer_pending: Application, now: datetime
) -> None:
    """Done on the check-in (not the expedite) does not count as telling them about the offer."""
    check_in = offer_pending.actions.get(kind="check_in_email")

    complete_action(check_in, now)

    assert offer_pending.actions.filter(kind="expedite").exists()
