"""The prepared cursor: PostgreSQL plans its statements once; it stays a Django cursor."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import DatabaseError, connection, transaction
from django.test.utils import CaptureQueriesContext

from afterword.tracker.models import Application
from afterword.tracker.services.prepared import prepared_cursor
from tests.factories import ApplicationFactory

pytestmark = pytest.mark.django_db

TABLE = Application._meta.db_table
READ = f'SELECT "employer" FROM "{TABLE}" WHERE "id" = %s'


def prepared_statements() -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements")
        return [row[0] for row in cursor.fetchall()]


def only_on_postgresql() -> None:
    if connection.vendor != "postgresql":
        pytest.skip("SQLite has no prepared statements to look at")


def test_it_reads_what_djangos_own_cursor_reads(user: Any) -> None:
    """On either database the same statement gives the same rows, whichever the value."""
    first = ApplicationFactory(owner=user, employer="Harbour Logistics")
    second = ApplicationFactory(owner=user, employer="Fjord Analytics")

    for application in (first, second, first):
        with prepared_cursor() as cursor:
            cursor.execute(READ, [application.pk])
            assert cursor.fetchall() == [(application.employer,)]


def test_on_postgresql_a_statement_is_prepared_once_and_run_again(user: Any) -> None:
    """The server keeps one prepared statement for the text, whatever the values."""
    only_on_postgresql()
    applications = [ApplicationFactory(owner=user) for _ in range(3)]
    before = prepared_statements().count(READ.replace("%s", "$1"))

    for application in applications:
        with prepared_cursor() as cursor:
            cursor.execute(READ, [application.pk])
            cursor.fetchall()

    assert before == 0
    assert prepared_statements().count(READ.replace("%s", "$1")) == 1


def test_djangos_own_queries_are_never_prepared(user: Any) -> None:
    """Preparing is asked for statement by statement; the ORM's queries stay unprepared."""
    only_on_postgresql()
    with prepared_cursor() as cursor:
        cursor.execute(READ, [0])

    for _ in range(10):
        list(Application.objects.filter(owner=user).values_list("employer"))

    assert not [text for text in prepared_statements() if "tracker_application" in text][1:]


def test_its_errors_are_djangos_and_its_work_is_in_the_transaction(user: Any) -> None:
    """A failing statement raises Django's DatabaseError; a rolled-back change is undone."""
    application = ApplicationFactory(owner=user, employer="Harbour Logistics")

    with pytest.raises(DatabaseError), transaction.atomic(), prepared_cursor() as cursor:
        cursor.execute(f'SELECT no_such_column FROM "{TABLE}"', [])

    with pytest.raises(RuntimeError), transaction.atomic():
        with prepared_cursor() as cursor:
            cursor.execute(
                f'UPDATE "{TABLE}" SET "employer" = %s WHERE "id" = %s',
                ["Renamed", application.pk],
            )
            assert cursor.rowcount == 1
        raise RuntimeError("roll back")

    application.refresh_from_db()
    assert application.employer == "Harbour Logistics"


def test_while_queries_are_logged_they_are_logged_with_their_text(user: Any) -> None:
    """DEBUG or assertNumQueries sees each statement's SQL with its values, not nothing."""
    application = ApplicationFactory(owner=user)

    with CaptureQueriesContext(connection) as queries, prepared_cursor() as cursor:
        cursor.execute(READ, [application.pk])

    assert [query["sql"] for query in queries.captured_queries] == [
        READ.replace("%s", str(application.pk))
    ]
