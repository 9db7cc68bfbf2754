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
from afterword.tracker.services.prepared import prepared_cursor

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
