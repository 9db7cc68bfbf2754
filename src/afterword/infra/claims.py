"""Claiming due rows for the worker's queues: one at a time, or a batch in one go.

``work_through`` is the loop for a queue that claims row by row: each queue (the outbox, the
reminders) supplies its own candidate query, its conditional-UPDATE claim and its handler; the
loop only decides when to stop, so that one long queue never starves the worker's other jobs
and a stop request is honoured between rows.

``claim_batch`` takes several due rows at once, for a queue whose rows are cheap to handle and
many: one short transaction instead of a query and an UPDATE per row. ``claim_first`` does the
same for a queue whose due rows are best found by several queries, each through its own index.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
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


def claim_first(parts: Sequence[QuerySet[M]], limit: int, **changes: Any) -> list[int]:
    """``claim_batch`` over the rows of all ``parts``, in the order they share.

    Each part is ordered by the same ascending fields (never null), ending with the primary
    key. For a queue whose due rows meet one of several conditions, one query with their OR
    reads and sorts every due row before it can take the first (no index has that order),
    when each part alone can follow an index in order and stop after ``limit``.

    1. In one transaction, read the first ``limit`` of each part, with FOR UPDATE SKIP LOCKED
       as ``claim_batch`` does (the rows read stay locked until the commit).
    2. Of those, change the first ``limit`` in the shared order by ``changes``, and commit; a
       part's rows beyond them are only locked for that moment, and stay due.
    """
    order = _ascending_order(parts)
    with transaction.atomic():
        found: list[tuple[Any, ...]] = []
        for part in parts:
            locked = part.select_for_update(skip_locked=True).values_list(*order)
            found += locked[:limit]
        ids = [row[-1] for row in sorted(found)[:limit]]
        if ids:
            parts[0].model._default_manager.filter(pk__in=ids).update(**changes)
    return ids


def _ascending_order(parts: Sequence[QuerySet[M]]) -> tuple[str, ...]:
    """The fields every part is ordered by, the last one the primary key; else ValueError."""
    orders = {tuple(str(field) for field in part.query.order_by) for part in parts}
    order = orders.pop() if len(orders) == 1 else ()
    if not order or order[-1] != "pk" or any(field.startswith("-") for field in order):
        raise ValueError("the parts of a claim share one ascending order that ends with pk")
    return order
