"""The shared claim loop: stops at the batch size, skips rows others claimed, honours a stop."""

from __future__ import annotations

import pytest

from afterword.infra import stopping
from afterword.infra.claims import claim_first, work_through
from afterword.reminders.models import Reminder


def test_it_handles_rows_until_the_queue_is_empty() -> None:
    """Candidates are read again after each round, until none is left."""
    queue = [1, 2, 3, 4, 5]
    handled: list[int] = []

    def candidates() -> list[int]:
        return queue[:2]

    def claim(pk: int) -> int:
        queue.remove(pk)
        return pk

    count = work_through(candidates, claim, handled.append)

    assert (count, handled, queue) == (5, [1, 2, 3, 4, 5], [])


def test_a_row_another_worker_claimed_is_skipped() -> None:
    """A failed claim (None) is neither handled nor counted."""
    queue = [1, 2, 3]
    handled: list[int] = []

    def claim(pk: int) -> int | None:
        queue.remove(pk)
        return None if pk == 2 else pk

    count = work_through(lambda: queue[:], claim, handled.append)

    assert (count, handled) == (2, [1, 3])


def test_it_stops_at_the_batch_size_so_other_jobs_get_a_turn() -> None:
    """A long queue is left for the next tick once ``batch`` rows are done."""
    queue = list(range(10))
    handled: list[int] = []

    def claim(pk: int) -> int:
        queue.remove(pk)
        return pk

    count = work_through(lambda: queue[:4], claim, handled.append, batch=3)

    assert (count, handled, len(queue)) == (3, [0, 1, 2], 7)


def test_a_stop_request_ends_the_loop_between_rows() -> None:
    """After SIGTERM the row in hand is finished and no other is claimed."""
    queue = [1, 2, 3]
    handled: list[int] = []

    def handle(pk: int) -> None:
        handled.append(pk)
        stopping.request()

    def claim(pk: int) -> int:
        queue.remove(pk)
        return pk

    try:
        count = work_through(lambda: queue[:], claim, handle)
    finally:
        stopping.reset()

    assert (count, handled, queue) == (1, [1], [2, 3])


@pytest.mark.parametrize(
    "orders",
    [
        [("next_attempt_at", "pk"), ("due_at", "pk")],
        [("next_attempt_at",), ("next_attempt_at",)],
        [("-next_attempt_at", "pk"), ("-next_attempt_at", "pk")],
    ],
    ids=["different orders", "not ending with the key", "descending"],
)
def test_claim_first_refuses_parts_it_cannot_merge_in_one_order(
    orders: list[tuple[str, ...]],
) -> None:
    """The parts' rows are merged by their shared ascending order, ending with the key."""
    parts = [Reminder.objects.order_by(*order) for order in orders]

    with pytest.raises(ValueError, match="one ascending order"):
        claim_first(parts, 10, claimed_by="w1")
