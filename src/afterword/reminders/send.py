"""Sending reminders: claim a page of due rows, deliver each, record what happened.

At least once. A worker claims up to PAGE rows in one short transaction (pending and due, or
sending with its lease run out, -> sending with a new lease; ``claim_first`` skips the rows
another worker is claiming at that moment, so no row is claimed twice). It then delivers them
one at a time and records each outcome before delivering the next. A worker that dies after
delivering but before recording leaves that row ``sending``; once the lease runs out another
worker claims it and delivers it again. That is acceptable for a reminder to oneself, and the
unique key means it is the same row, not a second one. The rest of the page, never delivered,
is claimed again the same way. Failures are retried with growing waits up to MAX_ATTEMPTS,
then marked failed with their reason, which the notification settings page shows.

Digests of a page are built from data read for the whole page (``DigestPage``), so a morning
of thousands of digests costs a few queries per page rather than several per digest.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import datetime, timedelta
from functools import cache
from typing import Any

from django.db import DEFAULT_DB_ALIAS, connections
from django.db.models import F, Field, Q, QuerySet
from django.utils import timezone

from afterword.infra import stopping
from afterword.infra.claims import claim_first
from afterword.infra.jobs import register
from afterword.reminders.action_notice import deliver_action
from afterword.reminders.digest_delivery import DigestPage, deliver_digest
from afterword.reminders.models import Reminder, ReminderKind, ReminderState
from afterword.reminders.outcome import Outcome

log = logging.getLogger(__name__)

# Long enough for the slowest delivery (an SMTP session, or several channels in a row).
LEASE = timedelta(minutes=10)
MAX_ATTEMPTS = 5
# Waits after the 1st, 2nd, 3rd and 4th failed attempt.
RETRY_WAITS = (
    timedelta(minutes=1),
    timedelta(minutes=5),
    timedelta(minutes=20),
    timedelta(hours=1),
)
# Rows per job call, so the worker's other jobs get their turn in a long queue: under a
# second of digests (bench/README.md, "Digest").
BATCH = 500
# Rows claimed at once: a first page small enough that several workers share a short queue,
# each next page twice as large (a long queue is worked through in few claims), at most PAGE.
# Each page costs a claim and four reads whatever its size, so a long queue wants full pages;
# a worker that dies leaves its page's rows to their lease.
FIRST_PAGE = 10
PAGE = 100


@register("send reminders")
def send_reminders(now: datetime, worker: str) -> int:
    """Deliver due reminders a page at a time until none is due, BATCH are done, or a stop.

    1. Claim a page of claimable rows (oldest first), with their owners' settings.
    2. Read what the page's digests need, for all of them at once.
    3. Deliver each and record its outcome before the next; between two rows a stop request
       is honoured, and the rows not reached are given back.
    """
    handled = 0
    size = FIRST_PAGE
    while handled < BATCH and not stopping.requested():
        page = claim_page(now, worker, min(size, BATCH - handled))
        if not page:
            break
        handled += deliver_page(page, now, worker)
        size = min(2 * size, PAGE)
    return handled


def deliver_page(page: list[Reminder], now: datetime, worker: str) -> int:
    """Deliver the claimed rows of ``page`` in turn; returns how many were reached."""
    reached = 0
    digests = DigestPage.read(page, now)
    try:
        for reminder in page:
            if stopping.requested():
                break
            reached += 1
            deliver(reminder, now, worker, digests)
    finally:
        digests.close()
        if reached < len(page):
            release(page[reached:], worker)
    return reached


def claimable(now: datetime) -> Q:
    """Due and waiting, or claimed by a worker whose lease ran out (it died mid-delivery)."""
    waiting, abandoned = claim_parts(now)
    return waiting | abandoned


def claim_parts(now: datetime) -> tuple[Q, Q]:
    """What ``claimable`` allows, as its two halves: each has an index that follows it."""
    return (
        Q(state=ReminderState.PENDING, next_attempt_at__lte=now),
        Q(state=ReminderState.SENDING, lease_until__lt=now),
    )


def claim_page(now: datetime, worker: str, limit: int = PAGE) -> list[Reminder]:
    """Up to ``limit`` claimable rows, oldest first, now this worker's, with the owner's
    settings and mailbox in the same query (every delivery reads them).

    The waiting rows are read in the order of their index (``delivery_reminder_claim_order``),
    only as far as the page needs; the abandoned ones, few, through the lease index. As one
    OR, PostgreSQL sorted every due row of the queue to take a page (bench/README.md, "Reads
    that grow with the database").
    """
    parts = [
        Reminder.objects.filter(part).order_by("next_attempt_at", "pk") for part in claim_parts(now)
    ]
    ids = claim_first(
        parts,
        limit,
        state=ReminderState.SENDING,
        claimed_by=worker,
        lease_until=max(now, timezone.now()) + LEASE,
        attempts=F("attempts") + 1,
    )
    if not ids:
        return []
    return list(
        _with_owner(Reminder.objects.filter(pk__in=ids, claimed_by=worker)).order_by(
            "next_attempt_at", "pk"
        )
    )


def claim(pk: int, now: datetime, worker: str) -> Reminder | None:
    """Row ``pk`` for this worker, or None if another worker was first.

    The UPDATE repeats the candidate conditions, so it changes the row only if it is still
    claimable; the database serialises the UPDATEs and exactly one sees a count of 1.
    """
    claimed = Reminder.objects.filter(claimable(now), pk=pk).update(
        state=ReminderState.SENDING,
        claimed_by=worker,
        lease_until=max(now, timezone.now()) + LEASE,
        attempts=F("attempts") + 1,
    )
    if claimed != 1:
        return None
    return _with_owner(Reminder.objects.all()).get(pk=pk)


def release(reminders: Sequence[Reminder], worker: str) -> None:
    """Give back claimed rows this worker will not deliver now; the claim was no attempt."""
    Reminder.objects.filter(
        pk__in=[r.pk for r in reminders], state=ReminderState.SENDING, claimed_by=worker
    ).update(
        state=ReminderState.PENDING,
        claimed_by="",
        lease_until=None,
        attempts=F("attempts") - 1,
    )


def deliver(reminder: Reminder, now: datetime, worker: str, page: DigestPage | None = None) -> None:
    """Deliver a claimed reminder and record the outcome; an unexpected error is a failure."""
    try:
        if reminder.kind == ReminderKind.DIGEST:
            outcome = deliver_digest(reminder, now, page)
        else:
            outcome = deliver_action(reminder, now)
    except Exception as error:
        # A bug must not leave the row "sending" forever, nor stop the other reminders.
        log.exception("reminder %s could not be delivered", reminder.pk)
        outcome = Outcome.retry(f"Unexpected error: {type(error).__name__}: {error}")
    record(reminder, outcome, worker)


def _with_owner(rows: QuerySet[Reminder]) -> QuerySet[Reminder]:
    return rows.select_related(
        "owner", "owner__afterword", "owner__reminder_settings", "owner__mail_account"
    )


def record(reminder: Reminder, outcome: Outcome, worker: str) -> bool:
    """Write the outcome, if this worker still holds the row; False if it no longer does.

    1. Sent or skipped: final.
    2. Retry: pending again after the next wait, unless that was the last attempt: failed.
    3. Re-timed (the user changed the digest hour or zone): pending at the new moment, and the
       claim does not count as an attempt.
    """
    now = timezone.now()
    payload = {**reminder.payload, **outcome.payload}
    changes: dict[str, object] = {"lease_until": None, "payload": payload}
    uncount = False
    if outcome.state == "retime" and outcome.due_at is not None:
        changes.update(
            state=ReminderState.PENDING, due_at=outcome.due_at, next_attempt_at=outcome.due_at
        )
        uncount = True
    elif outcome.state == "retry" and reminder.attempts < MAX_ATTEMPTS:
        wait = RETRY_WAITS[min(reminder.attempts, len(RETRY_WAITS)) - 1]
        changes.update(
            state=ReminderState.PENDING, next_attempt_at=now + wait, last_error=outcome.note
        )
    elif outcome.state in ("retry", "failed"):
        note = outcome.note
        if outcome.state == "retry":
            note = f"Gave up after {reminder.attempts} attempts. {note}"
        changes.update(state=ReminderState.FAILED, last_error=note)
    elif outcome.state == "skipped":
        changes.update(state=ReminderState.SKIPPED, last_error=outcome.note)
    else:
        changes.update(state=ReminderState.SENT, sent_at=now, last_error="")
    held = _update_held(reminder.pk, worker, changes, uncount=uncount)
    if held != 1:
        log.warning(
            "reminder %s was taken over by another worker before it was recorded", reminder.pk
        )
    return held == 1


def _update_held(pk: int, worker: str, changes: dict[str, object], *, uncount: bool) -> int:
    """Apply ``changes`` (field: value) to row ``pk`` if this worker still holds it, and with
    ``uncount`` take the claim back off its attempts; the number of rows changed, 0 or 1.

    One plain UPDATE, its values prepared by the model's own fields, instead of
    ``QuerySet.update``: a morning records thousands of outcomes, and Django spends about
    0.3 ms of CPU building each such UPDATE, more than the database takes to run it.
    """
    database = connections[DEFAULT_DB_ALIAS]
    sql, fields = _update_statement(tuple(changes), uncount, database.vendor)
    values = [
        model_field.get_db_prep_save(value, database)
        for model_field, value in zip(fields, changes.values(), strict=True)
    ]
    with database.cursor() as cursor:
        cursor.execute(sql, [*values, pk, ReminderState.SENDING.value, worker])
        return int(cursor.rowcount)


@cache
def _update_statement(
    names: tuple[str, ...], uncount: bool, vendor: str
) -> tuple[str, tuple[Field[Any, Any], ...]]:
    """The UPDATE of ``_update_held`` for these fields (one per kind of outcome), and the
    fields that prepare its values."""
    meta = Reminder._meta
    quote = connections[DEFAULT_DB_ALIAS].ops.quote_name
    fields = []
    for name in names:
        model_field = meta.get_field(name)
        assert isinstance(model_field, Field)
        fields.append(model_field)
    assignments = [f"{quote(model_field.column)} = %s" for model_field in fields]
    if uncount:
        attempts = quote(meta.get_field("attempts").column)
        assignments.append(f"{attempts} = {attempts} - 1")
    sql = (
        f"UPDATE {quote(meta.db_table)} SET {', '.join(assignments)} "
        f"WHERE {quote(meta.pk.column)} = %s AND {quote(meta.get_field('state').column)} = %s "
        f"AND {quote(meta.get_field('claimed_by').column)} = %s"
    )
    return sql, tuple(fields)
