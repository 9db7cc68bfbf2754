"""Storing a plan writes only the actions that changed, and leaves what a full rewrite leaves."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from afterword.tracker.models import Action, Application
from afterword.tracker.services import record_event, replan, replan_all, snooze_action
from afterword.tracker.services.action_store import ACTION_COLUMNS, stored_rows, write_actions
from tests.factories import InterviewerFactory
from tests.tracker.conftest import NEW_YORK, Sample, ny

pytestmark = pytest.mark.django_db

NOW = ny(2026, 3, 3, 9)


def rows(application: Application) -> list[tuple[Any, ...]]:
    """Every column of the stored actions but the id, in plan order."""
    stored = Action.objects.filter(application=application).order_by("position")
    return list(stored.values_list(*ACTION_COLUMNS))


def ids(application: Application) -> dict[str, int]:
    return dict(Action.objects.filter(application=application).values_list("key", "pk"))


def action_writes(queries: CaptureQueriesContext) -> list[str]:
    table = Action._meta.db_table
    return [
        query["sql"]
        for query in queries.captured_queries
        if table in query["sql"] and query["sql"].lstrip().startswith(("INSERT", "DELETE"))
    ]


def full_rewrite(application: Application, now: datetime) -> list[tuple[Any, ...]]:
    """The actions a re-plan stores when none were stored before."""
    Action.objects.filter(application=application).delete()
    replan(application, now)
    return rows(application)


@pytest.fixture
def two_people(sample: Sample) -> Sample:
    """The sample interview with a second interviewer, planned on Tuesday morning."""
    sample.interview.interviewers.add(
        InterviewerFactory(application=sample.application, name="Lee Park")
    )
    replan(sample.application, NOW)
    return sample


def test_a_re_plan_that_plans_the_same_actions_writes_none(two_people: Sample) -> None:
    """Planned again an hour later with nothing new: no action row is deleted or inserted."""
    before, kept = rows(two_people.application), ids(two_people.application)

    with CaptureQueriesContext(connection) as queries:
        replan(two_people.application, ny(2026, 3, 3, 10))

    assert action_writes(queries) == []
    assert (rows(two_people.application), ids(two_people.application)) == (before, kept)
    two_people.application.refresh_from_db()
    assert two_people.application.planned_at == ny(2026, 3, 3, 10)


def test_news_rewrites_only_the_follow_ups_it_changed(two_people: Sample) -> None:
    """Lee thanked: Dana's thank-you (first in the plan) keeps its row; the rest is what a full
    rewrite leaves, keys included."""
    before = ids(two_people.application)
    dana = Action.objects.get(kind="thank_you_email", interviewer=two_people.dana)
    lee = Action.objects.get(kind="thank_you_email", interviewer__name="Lee Park")

    record_event(
        two_people.application,
        "thank_you_sent",
        NOW,
        interview=two_people.interview,
        interviewer=lee.interviewer,
    )
    after, stored = ids(two_people.application), rows(two_people.application)

    assert (dana.position, after[dana.key]) == (0, before[dana.key])
    assert lee.key not in after
    assert len(stored) >= 2
    assert full_rewrite(two_people.application, NOW) == stored


def test_a_snooze_writes_every_row_anew(two_people: Sample) -> None:
    """A snoozed row gets a new id even where nothing moved, so a second click finds it gone."""
    before = ids(two_people.application)
    dana = Action.objects.get(kind="thank_you_email", interviewer=two_people.dana)

    snooze_action(dana, ny(2026, 3, 3, 9, 30))

    assert set(before.values()).isdisjoint(ids(two_people.application).values())
    assert full_rewrite(two_people.application, ny(2026, 3, 3, 9, 30)) != []


def test_a_time_in_the_repeated_hour_compares_as_the_same_instant(sample: Sample) -> None:
    """01:30 on the night New York's clocks go back, fold=1, equals its UTC instant: kept."""
    replan(sample.application, NOW)
    action = Action.objects.filter(application=sample.application).first()
    assert action is not None
    instant = datetime(2025, 11, 2, 6, 30, tzinfo=UTC)  # 01:30 EST, the second 01:30
    Action.objects.filter(pk=action.pk).update(earliest=instant, due=instant, latest=instant)
    local = datetime(2025, 11, 2, 1, 30, fold=1, tzinfo=NEW_YORK)
    assert local.astimezone(UTC) == instant and local != instant  # PEP 495: never equal
    stored = stored_rows([sample.application.pk])
    wanted = [
        row if pk != action.pk else (*row[:7], local, local, local, *row[10:])
        for pk, row in stored[sample.application.pk]
    ]

    with CaptureQueriesContext(connection) as queries:
        write_actions({sample.application.pk: wanted}, stored)

    assert action_writes(queries) == []
    assert Action.objects.get(pk=action.pk).due == instant


def test_replan_all_over_a_planned_database_writes_only_what_changed(two_people: Sample) -> None:
    """The nightly re-plan: nothing new, nothing written; a day later, a full rewrite's rows."""
    kept = ids(two_people.application)

    with CaptureQueriesContext(connection) as queries:
        replan_all(Application.objects.all(), NOW)

    assert action_writes(queries) == []
    assert ids(two_people.application) == kept
    later = ny(2026, 3, 4, 9)
    replan_all(Application.objects.all(), later)
    assert rows(two_people.application) == full_rewrite(two_people.application, later)
