"""Claiming due rows for the worker's queues: one at a time, or a batch in one go.

``work_through`` is the loop for a queue that claims row by row: each queue (the outbox, the
reminders) supplies its own candidate query, its conditional-UPDATE claim and its handler; the
loop only decides when to stop, so that one long queue never starves the worker's other jobs
and a stop request is honoured between rows.

``claim_batch`` takes several due rows at once, for a queue whose rows are cheap to handle and
many: one short transaction instead of a query and an UPDATE per row.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from django.db import models, transaction
from django.db.models import QuerySet

from afterword.infra import stopping

Row = TypeVar("Row")
M = TypeVar("M", bound=models.Model)
# Rows per job call, so the worker's other jobs get their turn in a long queue.
BATCH = 100


def work_through(
    candidates: Callable[[], list[int]],
    claim: Callable[[int], Row | None],
    handle: Callable[[Row], object],
    batch: int = BATCH,
) -> int:
    """Handle due rows one at a time until none is due, ``batch`` are done, or a stop is asked.

    1. Read a few candidate ids (each queue shuffles them, so workers rarely collide).
    2. Try to claim each; a row another worker claimed first is simply skipped.
    3. Handle every row this worker owns; read candidates again until the queue is empty.
    """
    handled = 0
    while handled < batch and not stopping.requested():
        found = candidates()
        if not found:
            break
        for pk in found:
            if handled >= batch or stopping.requested():
                break
            row = claim(pk)
            if row is not None:
                handle(row)
                handled += 1
    return handled


def claim_batch(due: QuerySet[M], limit: int, **changes: Any) -> list[int]:
    """Ids of up to ``limit`` rows of ``due`` (in its order), changed by ``changes`` for us.

    1. In one transaction, read the ids with FOR UPDATE SKIP LOCKED (PostgreSQL): rows that
       another worker is claiming at this moment are passed over rather than waited for, and
       the rows read stay locked until the commit. SQLite has no row locks; there the
       IMMEDIATE transaction (settings.py) holds the whole database's write lock, so two
       workers' batches are taken one after the other.
    2. Apply ``changes`` to exactly those rows (the claim: a state, a name, a lease) and commit.
       Whatever ``due`` requires must stop holding for a claimed row (a state, a lease), or
       the next call would take the same rows again.
    """
    with transaction.atomic():
        ids = list(due.select_for_update(skip_locked=True).values_list("pk", flat=True)[:limit])
        if ids:
            due.model._default_manager.filter(pk__in=ids).update(**changes)
    return ids
