"""A cursor whose statements PostgreSQL parses and plans once per connection.

Django's cursors bind values on the client and never prepare, and Django opens connections with
preparing switched off (prepared statements get lost behind a connection pooler in transaction
mode; Afterword connects to PostgreSQL directly, README "Deploying for a career centre"). For
the statements that run on every page or every email, the same text with new values, planning
them again each time costs the server more than running them: Today's outbox question takes
about 3 ms to plan and 0.02 ms to run (bench/README.md, "Today and the board"). Used by the
reads ``compiled.fetch`` runs (not ``compiled.rows``', whose arrays of ids want a plan made for
their values) and the outbox's two changes of state (outbox/transitions.py).

The cursor is still a Django cursor, wrapped as Django wraps its own: ``execute_wrapper`` sees
its queries and its errors are Django's database errors. It is Django's own cursor on SQLite
(the sqlite3 module keeps its statements per connection already) and while queries are logged
(``DEBUG``, ``assertNumQueries``): Django writes the SQL it logs from psycopg's merging of the
values into the text on the client, which a prepared statement never does.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from typing import Any

from django.db import connection

# psycopg would prepare any statement run this many times on a server-binding cursor; only this
# module's cursor, which asks for it on every statement, ever prepares.
_NEVER_BY_COUNT = 2**31


@contextmanager
def prepared_cursor() -> Iterator[Any]:
    """A cursor on Django's connection (so in its transaction) that prepares what it runs."""
    if connection.vendor != "postgresql" or connection.queries_logged:
        with connection.cursor() as cursor:
            yield cursor
        return
    connection.ensure_connection()
    raw = connection.connection
    if raw.prepare_threshold is None:
        raw.prepare_threshold = _NEVER_BY_COUNT
    with connection.make_cursor(_preparing_cursor_class()(raw)) as cursor:
        yield cursor


@cache
def _preparing_cursor_class() -> type[Any]:
    import psycopg  # here: SQLite needs no psycopg

    class PreparingCursor(psycopg.Cursor[Any]):
        """Binds values on the server and prepares every statement on its first run."""

        def execute(self, query: Any, params: Any = None, **options: Any) -> Any:
            return super().execute(query, params, **{**options, "prepare": True})

    return PreparingCursor
