"""A page of digests read at once: the same sections as Today, in a fixed number of queries."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext

from afterword.reminders.digest import (
    build_digest,
    digest_of,
    loaded_settings,
    sections,
    user_zone,
)
from afterword.reminders.digest_sources import DigestSources
from afterword.tracker.today import today_sections
from tests.reminders.helpers import add_interview, busy_user

pytestmark = pytest.mark.django_db

# Interviews ending over two weeks, seen from moments around midnight in several zones, so that
# actions fall on every side of each section's edge: window closed, earlier day, today, the
# next seven days, and beyond.
ZONES = ("America/New_York", "Europe/Berlin", "Asia/Tokyo", "Pacific/Auckland", "UTC")
FIRST_END = datetime(2026, 3, 2, 16, 0, tzinfo=UTC)
MOMENTS = [FIRST_END + timedelta(days=day, hours=hour) for day in (1, 3, 6) for hour in (0, 9, 23)]


@pytest.fixture
def people() -> list[Any]:
    users = []
    for n, zone in enumerate(ZONES):
        user = busy_user(f"seeker{n}", zone, FIRST_END + timedelta(hours=7 * n))
        add_interview(
            user,
            FIRST_END + timedelta(days=4, hours=5 * n),
            employer=f"Kestrel {n}",
            person="Jonas Weber",
            employer_zone="Europe/Berlin",
            employer_country="DE",
            employer_subdivision="BE",
        )
        users.append(user)
    return users


def _page(users: list[Any]) -> list[Any]:
    """The users as the worker loads them: settings in the same query."""
    ids = [user.pk for user in users]
    return list(get_user_model().objects.select_related("afterword").filter(pk__in=ids))


@pytest.mark.parametrize("now", MOMENTS, ids=lambda moment: moment.strftime("%d-%H"))
def test_the_digest_sorts_actions_into_the_same_sections_as_the_today_page(
    people: list[Any], now: datetime
) -> None:
    """For every user and moment: overdue, today and this week hold Today's very actions."""
    page = _page(people)

    sources = DigestSources.read(page, now)

    for user in page:
        zone = user_zone(loaded_settings(user))
        ours = sections(sources.actions_of(user), now, zone)
        today = today_sections(user, now)
        expected = (today.overdue, today.today, today.this_week)
        assert [[(a.kind, a.due, a.application_id) for a in part] for part in ours] == [
            [(a.kind, a.due, a.application_id) for a in part] for part in expected
        ], f"{user.username} at {now}"


def test_a_page_reads_the_same_digests_as_one_user_at_a_time(people: list[Any]) -> None:
    """Read for the whole page or for each user alone, every digest comes out the same."""
    now = MOMENTS[4]
    page = _page(people)

    sources = DigestSources.read(page, now)
    together = [
        digest_of(u, now, sources.actions_of(u), sources.applications_of(u), lambda: True)
        for u in page
    ]
    alone = [build_digest(u, now, nudge_allowed=lambda: True) for u in page]

    assert together == alone
    assert all(digest.overdue or digest.today or digest.this_week for digest in together)


def test_a_page_costs_the_same_queries_for_two_users_or_five(people: list[Any]) -> None:
    """Actions, applications and interviewers: three queries, however many users a page holds."""
    now = MOMENTS[4]
    small, large = _page(people[:2]), _page(people)

    with CaptureQueriesContext(connection) as for_two:
        DigestSources.read(small, now)
    with CaptureQueriesContext(connection) as for_five:
        DigestSources.read(large, now)

    assert len(for_two.captured_queries) == len(for_five.captured_queries) == 3


def test_a_page_reads_every_table_on_its_own(people: list[Any]) -> None:
    """No read of a page joins tables: PostgreSQL cannot then plan a hash of a whole table."""
    now = MOMENTS[4]
    page = _page(people)

    with CaptureQueriesContext(connection) as reads:
        DigestSources.read(page, now)

    assert reads.captured_queries
    assert not [query["sql"] for query in reads.captured_queries if "JOIN" in query["sql"]]
