"""The two changes of state every outgoing email goes through, written once as SQL.

Starting an email (pending -> sending) and recording it sent (-> sent) happen once per email in
the worker's loop, and each is one UPDATE whose conditions carry the whole at-most-once rule
(dispatch.py). Built through the ORM, the two cost a worker more CPU than the rest of an email
together (about 0.7 and 0.3 ms of query building for 0.07 ms of database work each; see
bench/README.md, "Worker benchmark"), so they are plain SQL here, the same text for SQLite and
PostgreSQL. Starting's includes the outbox's one not-held condition (archive_hold.py), which
Django compiles into SQL once per process. Every other change of state is rare and goes through
the ORM.
"""

from __future__ import annotations

from datetime import datetime
from functools import cache
from typing import Any

from django.db import connection

from afterword.outbox.archive_hold import not_held_sql
from afterword.outbox.models import EmailState, OutgoingEmail
from afterword.tracker.services.prepared import prepared_cursor

_EMAILS = OutgoingEmail._meta.db_table

# Pending, reserved by this worker and due, and not held (archive_hold.py: the condition
# reserving the row checked already, checked again here because the owner may have archived the
# application since). Completed with that condition's SQL once per process (_start_statement).
_START = f"""
UPDATE "{_EMAILS}"
SET "state" = %s, "lease_until" = %s, "attempts" = "attempts" + 1
WHERE "id" = %s AND "state" = %s AND "claimed_by" = %s AND "due_at" <= %s
  AND {{not_held}}
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
    sql, held_params = _start_statement(connection.alias)
    started = _execute(
        sql,
        [
            EmailState.SENDING.value,
            _stamp(lease_until),
            pk,
            EmailState.PENDING.value,
            worker_name,
            _stamp(now),
            *held_params,
        ],
    )
    return started == 1


@cache
def _start_statement(alias: str) -> tuple[str, tuple[Any, ...]]:
    """_START with the not-held condition in it, and that condition's parameters (its own
    come last in the statement, so they go last)."""
    held, params = not_held_sql(alias)
    return _START.format(not_held=held), params


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

    On PostgreSQL as a prepared statement (tracker/services/prepared.py): the server then skips
    parsing and planning it for every later email, which halves what the two statements cost
    it (bench/README.md).
    """
    with prepared_cursor() as cursor:
        cursor.execute(sql, params)
        return int(cursor.rowcount)


def _stamp(moment: datetime) -> Any:
    # What the ORM would store: aware on PostgreSQL, naive UTC text on SQLite.
    return connection.ops.adapt_datetimefield_value(moment)
