"""The loop shared by the worker's queues: claim a due row, handle it, and go on.

Each queue (the outbox, the reminders) supplies its own candidate query, its conditional-UPDATE
claim and its handler; this module only decides when to stop, so that one long queue never
starves the worker's other jobs and a stop request is honoured between rows.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from afterword.infra import stopping

Row = TypeVar("Row")
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
