"""Queries compiled once per shape give what the queryset gives, for whichever ids."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.db import connection
from django.db.models import QuerySet
from django.test.utils import CaptureQueriesContext

from afterword.tracker.models import Event
from afterword.tracker.services import compiled
from tests.factories import ApplicationFactory
from tests.tracker.conftest import ny

pytestmark = pytest.mark.django_db


def events(ids: list[int]) -> QuerySet[Any, Any]:
    return (
        Event.objects.filter(application_id__in=ids)
        .order_by("at", "pk")
        .values_list("application_id", "at", "type", "new_decision_by", "no_decision_yet")
    )


def news_after_the_first(ids: list[int]) -> QuerySet[Any, Any]:
    return Event.objects.filter(application_id__in=ids, at__gt=ny(2026, 3, 3)).values_list("pk")


def two_applications(user: Any) -> list[int]:
    made = []
    for day in (3, 4):
        application = ApplicationFactory(owner=user)
        Event.objects.create(
            application=application,
            at=ny(2026, 3, day, 9),
            type="reply",
            new_decision_by=date(2026, 3, 20),
            no_decision_yet=False,
        )
        made.append(application.pk)
    return made


def test_the_rows_are_the_querysets_rows_with_its_types(user: Any) -> None:
    """Times, dates and booleans come back as Django converts them, on every backend."""
    first, second = two_applications(user)

    for ids in ([first], [second], [first, second]):
        assert compiled.rows(events, ids) == list(events(ids))
    assert compiled.rows(events, [first])[0][1] == ny(2026, 3, 3, 9)
    assert compiled.rows(events, [first])[0][3:] == (date(2026, 3, 20), False)


def test_it_runs_as_one_logged_query_and_nothing_for_no_ids(user: Any) -> None:
    """Each call is one query that the query log counts; no ids, no query."""
    first, _ = two_applications(user)
    compiled.rows(events, [first])

    with CaptureQueriesContext(connection) as queries:
        compiled.rows(events, [first])
        assert compiled.rows(events, []) == []

    assert len(queries.captured_queries) == 1


def test_it_refuses_a_query_with_parameters_besides_the_ids(user: Any) -> None:
    """A compiled query may only vary by its ids: any other parameter would be frozen in."""
    first, _ = two_applications(user)

    with pytest.raises(ValueError, match="news_after_the_first"):
        compiled.rows(news_after_the_first, [first])


def test_on_postgresql_any_number_of_ids_is_one_array_parameter(user: Any) -> None:
    """PostgreSQL gets one statement text for one id or many (the ids as an array)."""
    if connection.vendor != "postgresql":
        pytest.skip("SQLite lists the ids")
    first, second = two_applications(user)

    expected = list(events([first, second]))

    with CaptureQueriesContext(connection) as queries:
        assert compiled.rows(events, [first, second]) == expected
        compiled.rows(events, [first])

    assert len(queries.captured_queries) == 2
    for query in queries.captured_queries:
        assert "= ANY(" in query["sql"] and " IN (" not in query["sql"]


def test_any_of_selects_exactly_the_ids_given(user: Any) -> None:
    """``any_of`` picks the rows of the ids given, on every backend."""
    first, second = two_applications(user)
    table = connection.ops.quote_name(Event._meta.db_table)
    column = connection.ops.quote_name("application_id")

    for ids in ([first], [second], [first, second]):
        chosen, params = compiled.any_of(column, ids)
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT {column} FROM {table} WHERE {chosen}", params)
            assert sorted(row[0] for row in cursor.fetchall()) == ids
