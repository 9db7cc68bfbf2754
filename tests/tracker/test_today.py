"""The Today query: overdue, due today and this week, in the user's own time zone."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test.utils import CaptureQueriesContext

from afterword.tracker.preferences import settings_for
from afterword.tracker.services import replan
from afterword.tracker.today import search_reminder, today_sections
from tests.factories import ApplicationFactory, InterviewFactory
from tests.tracker.conftest import Sample, ny

pytestmark = pytest.mark.django_db


def kinds(actions: list[Any]) -> list[str]:
    return [action.kind for action in actions]


def test_it_puts_todays_thank_you_today_and_the_check_in_this_week(
    sample: Sample, user: Any
) -> None:
    """Tue 3 Mar 09:00: the thank-you is due at 11:00, the check-in on Mon 9 Mar."""
    now = ny(2026, 3, 3, 9)
    replan(sample.application, now)

    sections = today_sections(user, now)

    assert (kinds(sections.overdue), kinds(sections.today)) == ([], ["thank_you_email"])
    assert kinds(sections.this_week) == ["check_in_email"]
    assert (sections.day, len(sections)) == (ny(2026, 3, 3).date(), 2)


def test_it_calls_a_thank_you_overdue_once_its_window_closed(sample: Sample, user: Any) -> None:
    """Thu 5 Mar: the thank-you (latest Wed 4 Mar 11:00) is overdue."""
    replan(sample.application, ny(2026, 3, 3, 9))

    sections = today_sections(user, ny(2026, 3, 5, 9))

    assert kinds(sections.overdue) == ["thank_you_email"]
    assert kinds(sections.today) == []


def test_it_leaves_out_actions_beyond_the_coming_week(sample: Sample, user: Any) -> None:
    """A check-in twelve days away is not on Today yet."""
    sample.interview.decision_by = ny(2026, 3, 13).date()
    sample.interview.save()
    replan(sample.application, ny(2026, 3, 3, 9))

    sections = today_sections(user, ny(2026, 3, 3, 9))

    assert kinds(sections.today) == ["thank_you_email"]
    assert kinds(sections.this_week) == []


def test_it_uses_the_users_time_zone_for_today(sample: Sample, user: Any) -> None:
    """At 02:30 in New York it is still Monday in Los Angeles: Tuesday's thank-you is not today."""
    prefs = settings_for(user)
    prefs.timezone = "America/Los_Angeles"
    prefs.save()
    replan(sample.application, ny(2026, 3, 2, 18))

    sections = today_sections(user, ny(2026, 3, 3, 2, 30))

    assert sections.day == ny(2026, 3, 2).date()
    assert kinds(sections.today) == []
    assert kinds(sections.this_week) == ["thank_you_email", "check_in_email"]


def test_it_shows_nobody_elses_actions(sample: Sample, outsider: Any) -> None:
    """Another user's Today is empty, and so is an anonymous visitor's."""
    replan(sample.application, ny(2026, 3, 3, 9))

    sections = today_sections(outsider, ny(2026, 3, 3, 9))

    assert not sections
    assert not today_sections(AnonymousUser(), ny(2026, 3, 3, 9))


def test_it_reads_today_in_one_query_whatever_the_number_of_applications(user: Any) -> None:
    """Ten applications still cost one query for the actions (plus the user's settings)."""
    for _ in range(10):
        application = ApplicationFactory(owner=user)
        InterviewFactory(application=application)
        replan(application, ny(2026, 3, 3, 9))
    settings_for(user)

    with CaptureQueriesContext(connection) as queries:
        sections = today_sections(user, ny(2026, 3, 3, 9))
        names = [action.application.employer for action in sections.today]

    assert len(names) == 10
    assert len(queries) == 2


def test_the_keep_searching_reminder_counts_only_my_applications(user: Any, outsider: Any) -> None:
    """P1: the outsider's four applications do not make my single one a busy search."""
    ApplicationFactory(owner=user, status="waiting")
    for _ in range(4):
        ApplicationFactory(owner=outsider, status="waiting")

    note = search_reminder(user, ny(2026, 3, 3, 9))

    assert note is not None
    assert "no other application is" in note.text
    assert search_reminder(outsider, ny(2026, 3, 3, 9)) is None
