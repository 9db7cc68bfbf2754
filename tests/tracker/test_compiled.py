"""Queries compiled once per shape give what the queryset gives, for whichever ids."""

from __future__ import annotations

from datetime import date, datetime, timedelta
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


def news_between(application_id: int, after: datetime, before: datetime) -> QuerySet[Any, Any]:
    return (
        Event.objects.filter(application_id=application_id, at__gt=after, at__lt=before)
        .exclude(type__in=["offer", "rejection"])
        .order_by("-at")
        .values_list("pk", "at", "type")
    )


def news_of_kind(kind: str, application_id: int) -> QuerySet[Any, Any]:
    return Event.objects.filter(type=kind, application_id=application_id).values_list("pk")


def news_a_day_before(application_id: int, before: datetime) -> QuerySet[Any, Any]:
    return Event.objects.filter(
        application_id=application_id, at__lt=before - timedelta(days=1)
    ).values_list("pk")


def test_fetch_gives_the_querysets_rows_for_whichever_ids_and_times(user: Any) -> None:
    """Ids and times are filled in anew each call; constants of the query (the excluded
    types) stay; rows come back as the queryset gives them."""
    first, second = two_applications(user)
    cases = [
        (first, ny(2026, 3, 1), ny(2026, 3, 5)),
        (second, ny(2026, 3, 1), ny(2026, 3, 5)),
        (second, ny(2026, 3, 4, 10), ny(2026, 3, 5)),
        (first, ny(2026, 3, 3, 9), ny(2026, 3, 3, 10)),
    ]

    for params in cases:
        assert compiled.fetch(news_between, *params) == list(news_between(*params))
    assert compiled.fetch(news_between, *cases[0])[0][1] == ny(2026, 3, 3, 9)
    assert compiled.fetch(news_between, *cases[2]) == []


def test_fetch_compiles_once_per_fixed_argument(user: Any) -> None:
    """``fixed`` arguments shape the SQL (here the type compared with), each compiled apart."""
    first, _ = two_applications(user)

    assert compiled.fetch(news_of_kind, first, fixed=("reply",)) == list(
        news_of_kind("reply", first)
    )
    assert compiled.fetch(news_of_kind, first, fixed=("offer",)) == []
    with CaptureQueriesContext(connection) as queries:
        compiled.fetch(news_of_kind, first, fixed=("reply",))
    assert len(queries.captured_queries) == 1


def test_fetch_refuses_a_parameter_computed_from_the_params(user: Any) -> None:
    """A time computed inside the query's function would be frozen at its first value."""
    first, _ = two_applications(user)

    with pytest.raises(ValueError, match="news_a_day_before"):
        compiled.fetch(news_a_day_before, first, ny(2026, 3, 5))


def test_fetch_refuses_naive_times_and_other_kinds_of_params(user: Any) -> None:
    """Only ids, keys and aware times: a naive time has no instant to compare with."""
    first, _ = two_applications(user)

    with pytest.raises(ValueError, match="aware"):
        compiled.fetch(news_between, first, datetime(2026, 3, 1), ny(2026, 3, 5))
    with pytest.raises(TypeError, match="ids, keys and times"):
        compiled.fetch(news_between, first, date(2026, 3, 1), ny(2026, 3, 5))  # type: ignore[arg-type]


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


def test_on_postgresql_fetch_prepares_its_reads_and_rows_does_not(user: Any) -> None:
    """A generic plan suits one owner or time, not an array of ids: only fetch prepares."""
    if connection.vendor != "postgresql":
        pytest.skip("SQLite has no prepared statements to look at")
    first, second = two_applications(user)

    compiled.rows(events, [first, second])
    compiled.fetch(news_between, first, ny(2026, 3, 1), ny(2026, 3, 5))

    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements")
        prepared = [row[0] for row in cursor.fetchall()]
    assert any("tracker_event" in text and '"at" >' in text for text in prepared)
    assert not any("ANY(" in text for text in prepared)
