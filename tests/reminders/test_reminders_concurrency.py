"""Many workers at once on PostgreSQL: one row per reminder key, one email per digest.

Each worker is a thread with its own database connection, started together at a barrier, on
a database whose transactions really commit (``transaction=True``), as separate processes
would see it.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable
from datetime import UTC, datetime

import pytest
import time_machine
from django.core import mail
from django.db import connection, connections

from afterword.reminders.models import Reminder, ReminderKind, ReminderState
from afterword.reminders.schedule import schedule_reminders
from afterword.reminders.send import send_reminders
from tests.reminders.helpers import busy_user
from tests.support.scratch import backend

pytestmark = [
    pytest.mark.django_db(transaction=True),
    # SQLite's test database lives in memory with a shared cache, which locks whole tables
    # across threads instead of waiting; test_reminders_processes.py covers SQLite with two
    # worker processes on a real file.
    pytest.mark.skipif(
        backend() != "postgresql", reason="threads need a server database (PostgreSQL)"
    ),
]

ENDED = datetime(2026, 3, 2, 16, 0, tzinfo=UTC)
# Wed 4 Mar 2026, 07:00 in New York: every user's digest is due.
SEVEN = datetime(2026, 3, 4, 12, 0, tzinfo=UTC)
USERS = 25
WORKERS = 4


def together(count: int, work: Callable[[str], None]) -> None:
    """Run ``work(name)`` in ``count`` threads released at the same instant; re-raise errors."""
    barrier = threading.Barrier(count)
    errors: list[BaseException] = []

    def run(name: str) -> None:
        try:
            barrier.wait(timeout=30)
            work(name)
        except BaseException as error:
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(f"w{n}",)) for n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not errors, errors


@pytest.fixture
def many_users() -> list[object]:
    return [busy_user(f"user{n}", "America/New_York", ENDED) for n in range(USERS)]


def test_workers_scheduling_at_once_make_one_row_per_key(many_users: list[object]) -> None:
    """Four workers, each scheduling five times at the same moment: no duplicate, no error."""

    def schedule(name: str) -> None:
        for _ in range(5):
            schedule_reminders(SEVEN, name)

    with time_machine.travel(SEVEN, tick=False):
        together(WORKERS, schedule)

    keys = Counter(Reminder.objects.filter(kind=ReminderKind.DIGEST).values_list("owner_id"))
    assert len(keys) == USERS
    # Today's and tomorrow's digest for each user, once each.
    assert set(keys.values()) == {2}


def test_workers_sending_at_once_deliver_each_digest_once(many_users: list[object]) -> None:
    """Four workers claim from the same queue: every due digest is emailed exactly once."""
    with time_machine.travel(SEVEN, tick=False):
        schedule_reminders(SEVEN, "scheduler")
        together(WORKERS, lambda name: _drain(name))

    recipients = Counter(address for message in mail.outbox for address in message.to)
    assert len(recipients) == USERS
    assert set(recipients.values()) == {1}
    sent = Reminder.objects.filter(state=ReminderState.SENT)
    assert sent.count() == USERS
    assert sent.values("claimed_by").distinct().count() >= 2, "the workers did not share"


def _drain(name: str) -> None:
    while send_reminders(SEVEN, name):
        pass
    connection.close()
