"""A mailbox of 5,000 messages is scanned in bounded time and memory, in batches.

The figures are printed (pytest -s) for the README; the bounds are loose, to hold on a busy CI
machine, but an unbatched scan (every header at once) or a scan that read bodies would break
the memory bound.
"""

from __future__ import annotations

import time
import tracemalloc
from datetime import UTC, datetime, timedelta

import pytest
from django.utils import timezone

from afterword.inbox import watch as watch_module
from afterword.inbox.models import InboxMessage, MailboxWatch, WatchedFolder
from afterword.tracker.models import Event
from tests.inbox import mail as inbox_mail
from tests.inbox.fixtures import OUR_THANKS_ID, run_watcher

pytestmark = [pytest.mark.django_db, pytest.mark.slow]

MESSAGES = 5000
REPLIES_EVERY = 1000  # five replies hidden among the rest
WALL_CLOCK_BOUND = 60.0  # seconds
MEMORY_BOUND = 40 * 1024 * 1024  # bytes, peak traced allocation during the scan


def filler(n: int) -> bytes:
    """An ordinary message from someone else, with a body of a few kilobytes."""
    when = datetime(2026, 2, 1, tzinfo=UTC) + timedelta(minutes=7 * n)
    message = inbox_mail.email(
        f"Sender {n} <sender{n % 97}@shop{n % 13}.example>",
        f"Your order {n} has shipped",
        ("Thank you for your order. Here is what happens next. " * 60) + f"\nOrder {n}\n",
        when=when,
        headers={"List-Unsubscribe": "<mailto:stop@shop.example>"} if n % 3 == 0 else None,
    )
    return message.as_bytes()


def test_a_mailbox_of_5000_messages_is_scanned_in_bounded_time_and_memory(
    dovecot, watch, harbour, capsys
):
    """5,000 messages with 5 replies among them are all read in batches, within 60 s and 40 MiB."""
    messages = [
        inbox_mail.threaded_reply(
            OUR_THANKS_ID, when=datetime(2026, 3, 4, 9, n // REPLIES_EVERY, tzinfo=UTC)
        )
        if n % REPLIES_EVERY == REPLIES_EVERY - 1
        else filler(n)
        for n in range(MESSAGES)
    ]
    started = time.perf_counter()
    dovecot.append_many(messages, user=watch.username)
    appended = time.perf_counter() - started
    del messages

    tracemalloc.start()
    started = time.perf_counter()
    polls = 0
    while MailboxWatch.objects.get(pk=watch.pk).next_poll_at <= timezone.now() and polls < 10:
        polls += run_watcher()
    elapsed = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    with capsys.disabled():
        print(
            f"\n[inbox scan] {MESSAGES} messages appended in {appended:.1f} s; scanned in "
            f"{elapsed:.2f} s over {polls} polls (batches of {watch_module.BATCH}, at most "
            f"{watch_module.MAX_PER_POLL} per poll); peak traced memory "
            f"{peak / 1024 / 1024:.1f} MiB"
        )
    assert WatchedFolder.objects.get(watch=watch).last_uid == MESSAGES
    assert InboxMessage.objects.count() == MESSAGES // REPLIES_EVERY
    assert Event.objects.filter(application=harbour, type="reply").count() == 5
    assert polls == -(-MESSAGES // watch_module.MAX_PER_POLL)
    assert elapsed < WALL_CLOCK_BOUND
    assert peak < MEMORY_BOUND
