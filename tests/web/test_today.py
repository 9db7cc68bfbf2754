"""The Today page: overdue, due today and this week, each action with its reason and rules."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from afterword.tracker.models import Action, Application
from afterword.tracker.services import replan
from afterword.tracker.today import today_sections
from afterword.web.views import today as today_views
from tests.factories import ApplicationFactory, InterviewerFactory, InterviewFactory


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
    assert f'<a class="rule" href="#rules">Rules {ids}</a>' in html
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


def overdue_thank_yous(user: Any, now: datetime, count: int) -> list[Action]:
    """``count`` applications whose thank-yous are overdue by a few days; returns every overdue
    action, the most recently due first (the order of the Overdue section)."""
    for days in range(2, 2 + count):
        application = ApplicationFactory(owner=user, employer=f"Employer {days:02d} days")
        InterviewFactory(application=application, start=now - timedelta(days=days, hours=5))
        replan(application, now)
    overdue = today_sections(user, now).overdue
    return sorted(overdue, key=lambda a: (-a.due.timestamp(), -a.application_id, a.position))


def shown_ids(html: str) -> list[int]:
    return [int(pk) for pk in re.findall(r'<h[34] id="t(\d+)"', html)]


def test_it_shows_the_most_recent_overdue_and_counts_the_rest(
    member: Client, user: Any, now: datetime
) -> None:
    """Of many overdue follow-ups the ten most recent are listed; the older wait behind a link."""
    overdue = overdue_thank_yous(user, now, 12)
    assert len(overdue) > 10

    html = member.get("/").content.decode()

    section = html[html.index('id="heading-overdue"') : html.index('id="heading-today"')]
    assert shown_ids(section) == [action.pk for action in overdue[:10]]
    assert f'aria-label="{len(overdue)} items"' in section
    assert f'<a href="/today/overdue/">Show all {len(overdue)} overdue</a>' in section
    assert f"({len(overdue) - 10} older not shown here)" in section


def test_it_groups_the_coming_week_by_day(member: Client, application: Application) -> None:
    """The check-in planned for Monday sits under that day's heading."""
    html = member.get("/").content.decode()

    week = html[html.index('id="heading-week"') :]
    assert week.index('<h3 class="day-heading">Mon 9 Mar</h3>') < week.index("Check in by email")


def test_the_overdue_page_lists_every_overdue_item_a_page_at_a_time(
    member: Client, user: Any, now: datetime, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With five to a page, every overdue item appears exactly once, in the same order."""
    monkeypatch.setattr(today_views, "PER_PAGE", 5)
    overdue = overdue_thank_yous(user, now, 12)
    pages = -(-len(overdue) // 5)

    html = [member.get(f"/today/overdue/?page={n}").content.decode() for n in range(1, pages + 1)]

    assert [pk for page in html for pk in shown_ids(page)] == [action.pk for action in overdue]
    assert f"Page 2 of {pages}" in html[1]
    assert 'href="?page=3" rel="next"' in html[1]
    assert 'href="?page=1" rel="prev"' in html[1]


def test_an_unknown_section_is_not_found(member: Client, now: datetime) -> None:
    """Only overdue, today and week have a page of their own."""
    assert member.get("/today/someday/").status_code == 404


ROW_BYTES = 1024


def test_each_action_stays_within_one_kilobyte(member: Client, application: Application) -> None:
    """Rows print ready-made text and share one form: no per-row CSRF token or forms."""
    html = member.get("/").content.decode()

    rows = re.findall(r'<li class="action[ "].*?</li>', html, re.S)
    assert len(rows) == application.actions.count()
    # Issue 14's goal; the four lasting follow-up addresses (about 50 bytes each) are most of
    # a row, so its markup stays short (web/templates/web/action_rows.html.j2).
    assert max(len(row.encode()) for row in rows) <= ROW_BYTES
    assert html.count('name="csrfmiddlewaretoken"') == 2  # the actions' form and the log-out


def test_it_reads_a_capped_page_in_a_fixed_number_of_queries(
    member: Client, user: Any, now: datetime
) -> None:
    """Three overdue or thirty: the same queries, each reading a bounded number of rows."""
    overdue_thank_yous(user, now, 3)
    with CaptureQueriesContext(connection) as few:
        member.get("/")
    for days in range(20, 50):
        application = ApplicationFactory(owner=user)
        InterviewFactory(application=application, start=now - timedelta(days=days))
        replan(application, now)

    with CaptureQueriesContext(connection) as many:
        member.get("/")

    # One more when a section overflows: the aggregate that counts what is not shown.
    assert len(many) == len(few) + 1


def test_it_escapes_what_people_typed_in_every_row(
    member: Client, user: Any, now: datetime
) -> None:
    """Employer, role and interviewer names with markup show as text, never as live HTML."""
    hostile = '<script>alert(1)</script>"><img src=x onerror=alert(2)>'
    application = ApplicationFactory(owner=user, employer=f"Acme {hostile}", role=f"Lead {hostile}")
    person = InterviewerFactory(application=application, name=f"Ann {hostile}")
    InterviewFactory(application=application, interviewers=[person])
    replan(application, now)

    html = member.get("/").content.decode()

    assert "Ann &lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "Acme &lt;script&gt;" in html
    assert "<script>alert(1)" not in html
    assert "<img src=x" not in html
