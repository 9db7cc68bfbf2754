"""The two changes of state every outgoing email goes through, written once as SQL.

Starting an email (pending -> sending) and recording it sent (-> sent) happen once per email in
the worker's loop, and each is one UPDATE whose conditions carry the whole at-most-once rule
(dispatch.py). Built through the ORM, the two cost a worker more CPU than the rest of an email
together (about 0.7 and 0.3 ms of query building for 0.07 ms of database work each; see
bench/README.md, "Worker benchmark"), so they are plain SQL here, the same text for SQLite and
PostgreSQL. Every other change of state is rare and goes through the ORM.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.db import connection

from afterword.outbox.models import EmailState, OutgoingEmail
from afterword.tracker.models import Application

_EMAILS = OutgoingEmail._meta.db_table
_APPLICATIONS = Application._meta.db_table

# Pending, reserved by this worker and due, and not held: the application, if any, is not
# archived (dispatch.NOT_HELD, which reserving the row checked already; checked again here
# because the owner may have archived it since).
_START = f"""
UPDATE "{_EMAILS}"
SET "state" = %s, "lease_until" = %s, "attempts" = "attempts" + 1
WHERE "id" = %s AND "state" = %s AND "claimed_by" = %s AND "due_at" <= %s
  AND ("application_id" IS NULL OR NOT EXISTS (
    SELECT 1 FROM "{_APPLICATIONS}" AS held
    WHERE held."id" = "{_EMAILS}"."application_id" AND held."archived_at" IS NOT NULL))
"""

# Still ours to record: sending, or already swept to uncertain by a sweep that thought it lost
# (the server took it all the same).
_SENT = f"""
UPDATE "{_EMAILS}"
SET "state" = %s, "sent_at" = %s, "lease_until" = NULL, "last_error" = ''
WHERE "id" = %s AND "state" IN (%s, %s)
"""


def start(pk: int, worker_name: str, now: datetime, lease_until: datetime) -> bool:
    """Take a reserved, due, pending row to ``sending`` (one more attempt): True if it was."""
    started = _execute(
        _START,
        [
            EmailState.SENDING.value,
            _stamp(lease_until),
            pk,
            EmailState.PENDING.value,
            worker_name,
            _stamp(now),
        ],
    )
    return started == 1


def mark_sent(pk: int, sent_at: datetime) -> None:
    """Record that the server accepted the row's message at ``sent_at``."""
    _execute(
        _SENT,
        [
            EmailState.SENT.value,
            _stamp(sent_at),
            pk,
            EmailState.SENDING.value,
            EmailState.UNCERTAIN.value,
        ],
    )


def _execute(sql: str, params: list[Any]) -> int:
    """Run one of the statements above on Django's connection; how many rows it changed.

    On PostgreSQL as a prepared statement, prepared on its first use on each connection: the
    server then skips parsing and planning it for every later email, which halves what the
    two statements cost it (bench/README.md). Django's own cursors bind values on the client
    and never prepare, and Django opens connections with preparing switched off (prepared
    statements get lost behind a connection pooler in transaction mode). It is switched on
    here for the explicit ``prepare=True`` of these two statements; Django's own queries
    still never prepare. Afterword connects to PostgreSQL directly (README, "Deploying for a
    career centre").
    """
    with connection.cursor() as wrapper:
        if connection.vendor != "postgresql":
            wrapper.execute(sql, params)
            return int(wrapper.rowcount)
        import psycopg

        raw_connection = wrapper.cursor.connection
        if raw_connection.prepare_threshold is None:
            raw_connection.prepare_threshold = _NEVER_BY_COUNT
        # A server-binding cursor on the same connection, so in the same transaction; errors
        # still arrive as Django's database errors.
        with connection.wrap_database_errors, psycopg.Cursor(raw_connection) as raw:
            raw.execute(sql, params, prepare=True)
            return raw.rowcount


# psycopg would prepare any statement run this many times on a server-binding cursor; only
# the explicit prepare=True above ever uses one.
_NEVER_BY_COUNT = 2**31


def _stamp(moment: datetime) -> Any:
    # What the ORM would store: aware on PostgreSQL, naive UTC text on SQLite.
    return connection.ops.adapt_datetimefield_value(moment)
