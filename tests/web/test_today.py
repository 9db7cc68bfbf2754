"""The Today page: overdue, due today and this week, each action with its reason and rules."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.test import Client

from afterword.tracker.models import Application
from tests.factories import ApplicationFactory


def test_it_lists_the_thank_you_notes_with_reasons(
    member: Client, application: Application
) -> None:
    """Each interviewer's thank-you appears with the planner's reason and its rule ids."""
    response = member.get("/")

    html = response.content.decode()
    assert "Send a thank-you email" in html
    assert "Priya Natarajan" in html and "Tomasz Wilk" in html
    action = application.actions.first()
    assert action is not None
    assert action.why in html
    # Each rule chip links to the page's one list of the rules it cites.
    ids = " ".join(action.rules)
    assert (
        f'<a class="rule" href="#rules"><span class="visually-hidden">Rules: </span>{ids}</a>'
        in html
    )
    assert '<div id="rule-K2"><dt>K2</dt><dd>thank within a day</dd></div>' in html


def test_it_groups_actions_by_when_they_are_due(member: Client, application: Application) -> None:
    """The thank-yous due within 24 hours of yesterday's interview are listed as due today."""
    response = member.get("/")

    html = response.content.decode()
    assert html.index("Due today") < html.index("Send a thank-you email")
    assert "Coming up this week" in html
    assert "Overdue" in html


def test_it_shows_a_calm_empty_state(member: Client, now: datetime) -> None:
    """With nothing planned the page says so and points to the applications."""
    response = member.get("/")

    assert "Nothing due this week" in response.content.decode()


def test_it_leaves_out_other_peoples_actions(
    member: Client, application: Application, outsider: Any
) -> None:
    """Actions of another user's application never appear on my Today page."""
    ApplicationFactory(owner=outsider, employer="Quiet Harbour Bank")

    response = member.get("/")

    assert "Quiet Harbour Bank" not in response.content.decode()


def test_it_sends_anonymous_visitors_to_log_in(client: Client, db: None) -> None:
    """Anonymous visitors are redirected to the log-in page."""
    response = client.get("/")

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=/")


def test_it_shows_due_times_on_the_employers_clock(
    member: Client, application: Application
) -> None:
    """A user in UTC sees a New York thank-you due at 11:00 New York time, labelled so."""
    response = member.get("/")

    assert "Tue 3 Mar, 11:00 (New York time)" in response.content.decode()


def test_it_reminds_me_to_keep_searching_when_one_application_is_all_i_have(
    member: Client, application: Application
) -> None:
    """P1: a single active application brings the keep-searching reminder and a way to add one."""
    response = member.get("/")

    html = response.content.decode()
    assert "Keep the search moving" in html
    assert "no other application is in progress" in html
    assert 'href="/board/#quick-add"' in html


def test_it_leaves_a_busy_recent_search_alone(member: Client, user: Any, now: datetime) -> None:
    """P1: four active applications, added today, need no reminder."""
    for _ in range(4):
        ApplicationFactory(owner=user, status="waiting")

    response = member.get("/")

    assert "Keep the search moving" not in response.content.decode()
