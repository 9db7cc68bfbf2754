"""IMAP IDLE against a real Dovecot: new mail makes the mailbox due at once; leases; fallback.

The database clock is frozen (inbox_fixtures.clock); the IDLE waits themselves take real time,
so each test waits a few seconds at most.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone

from afterword.inbox import idle as idle_module
from afterword.inbox.idle import IDLE_LEASE, IdleWatcher
from afterword.inbox.models import MailboxWatch
from afterword.infra import stopping
from afterword.infra.crypto import encrypt
from afterword.tracker.models import Action
from tests.inbox import mail as inbox_mail
from tests.inbox.fixtures import CLOCK, OUR_THANKS_ID, run_watcher
from tests.support import dovecot as dovecot_module
from tests.support.dovecot import Dovecot

pytestmark = pytest.mark.django_db

# Dovecot's default list without IDLE: a server that cannot tell of new mail.
NO_IDLE = """
protocol imap {{
  imap_capability = IMAP4rev1 SASL-IR LOGIN-REFERRALS ID ENABLE LITERAL+ AUTH=PLAIN
}}
"""


@pytest.fixture
def watchers() -> Iterator[Callable[[str], IdleWatcher]]:
    """A factory of IdleWatchers (by worker name), all closed and the stop flag cleared after."""
    made: list[IdleWatcher] = []

    def make(name: str) -> IdleWatcher:
        made.append(IdleWatcher(name))
        return made[-1]

    yield make
    for watcher in made:
        watcher.close()
    stopping.reset()


@pytest.fixture
def polled_watch(watch: MailboxWatch) -> MailboxWatch:
    """``watch`` after its first (empty) poll: next due in five minutes."""
    run_watcher()
    watch.refresh_from_db()
    assert watch.next_poll_at > timezone.now()
    return watch


def wait_for_nudge(watcher: IdleWatcher, seconds: float = 10.0) -> float:
    """Call ``wait`` until it reports a nudge; the seconds that took."""
    started = time.perf_counter()
    while time.perf_counter() - started < seconds:
        if watcher.wait(1.0):
            return time.perf_counter() - started
    raise AssertionError(f"no nudge within {seconds} seconds")


def test_mail_appended_while_idling_makes_the_mailbox_due_at_once_and_the_poll_records_it(
    dovecot, polled_watch, harbour, watchers
):
    """The row is due within seconds, not five minutes; the job then replaces the 9 Mar check-in."""
    watcher = watchers("worker-a")
    watcher.wait(0)
    assert set(watcher.held) == {polled_watch.pk}

    started = time.perf_counter()
    dovecot.append(inbox_mail.threaded_reply(OUR_THANKS_ID), user=polled_watch.username)
    wait_for_nudge(watcher)
    latency = time.perf_counter() - started
    polled = run_watcher()

    print(f"APPEND to next_poll_at: {latency:.3f} s")
    assert latency < 3
    assert polled == 1
    check_ins = Action.objects.filter(application=harbour, kind="check_in_email")
    assert [a.due.date().isoformat() for a in check_ins] == ["2026-03-11"]


def test_idle_is_reissued_with_done_and_still_hears_new_mail(
    dovecot, polled_watch, watchers, monkeypatch
):
    """RFC 2177's re-issue (here at every wait) ends each IDLE with DONE and starts a new one."""
    monkeypatch.setattr(idle_module, "REISSUE", 0.0)
    watcher = watchers("worker-a")
    watcher.wait(0)
    first_tag = watcher.held[polled_watch.pk].tag

    watcher.wait(0.2)
    dovecot.append(inbox_mail.threaded_reply(OUR_THANKS_ID), user=polled_watch.username)
    wait_for_nudge(watcher)

    assert watcher.held[polled_watch.pk].tag != first_tag
    assert MailboxWatch.objects.get(pk=polled_watch.pk).next_poll_at == timezone.now()


def test_two_workers_never_idle_on_the_same_mailbox(polled_watch, watchers):
    """The second worker gets the mailbox only once the first gives it back."""
    first, second = watchers("worker-a"), watchers("worker-b")

    first.wait(0)
    second.wait(0)
    held_by_both = (set(first.held), set(second.held))
    first.close()
    second.refresh()

    assert held_by_both == ({polled_watch.pk}, set())
    assert set(second.held) == {polled_watch.pk}
    assert MailboxWatch.objects.get(pk=polled_watch.pk).idle_by == "worker-b"


def test_a_dead_workers_idle_lease_is_taken_over_once_it_runs_out(polled_watch, watchers, clock):
    """A lease held by a worker that died blocks nobody after IDLE_LEASE."""
    MailboxWatch.objects.filter(pk=polled_watch.pk).update(
        idle_by="dead-worker", idle_until=timezone.now() + IDLE_LEASE
    )
    watcher = watchers("worker-a")

    watcher.refresh()
    before = set(watcher.held)
    clock.move_to(CLOCK + IDLE_LEASE + timedelta(seconds=1))
    watcher.refresh()

    assert before == set()
    assert set(watcher.held) == {polled_watch.pk}
    row = MailboxWatch.objects.get(pk=polled_watch.pk)
    assert row.idle_by == "worker-a" and row.idle_until > timezone.now()


def test_a_stop_request_ends_a_long_wait_within_a_second(polled_watch, watchers):
    """SIGTERM's flag is seen even while select() waits on an idle connection."""
    watcher = watchers("worker-a")
    watcher.wait(0)
    threading.Timer(0.3, stopping.request).start()

    started = time.perf_counter()
    woke = watcher.wait(30)
    elapsed = time.perf_counter() - started

    assert woke is True
    assert elapsed < 1.0
    assert set(watcher.held) == {polled_watch.pk}


def test_closing_gives_back_the_lease_and_logs_out(polled_watch, watchers):
    """Closing a watcher releases every mailbox it held and clears the row's IDLE lease."""
    watcher = watchers("worker-a")
    watcher.wait(0)

    watcher.close()

    assert watcher.held == {}
    row = MailboxWatch.objects.get(pk=polled_watch.pk)
    assert (row.idle_by, row.idle_until) == ("", None)


@pytest.fixture
def plain_dovecot(
    imap_certificate: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> Iterator[Dovecot]:
    """A second server whose CAPABILITY lacks IDLE."""
    monkeypatch.setattr(dovecot_module, "CONFIG", dovecot_module.CONFIG + NO_IDLE)
    server = Dovecot(imap_certificate)
    server.start()
    yield server
    server.remove()


def test_a_server_without_idle_is_left_to_the_five_minute_poll(
    plain_dovecot, user, harbour, watchers, clock
):
    """No connection is kept, the lease goes back, and the next poll still finds the reply."""
    watch = MailboxWatch.objects.create(
        user=user,
        host=plain_dovecot.host,
        port=plain_dovecot.port,
        security="none",
        username="sam@example.test",
        password_encrypted=encrypt(plain_dovecot.password),
        next_poll_at=timezone.now() + timedelta(minutes=5),
    )
    watcher = watchers("worker-a")
    plain_dovecot.append(inbox_mail.threaded_reply(OUR_THANKS_ID), user=watch.username)

    nudged = watcher.wait(1.0)
    row = MailboxWatch.objects.get(pk=watch.pk)
    early = run_watcher()
    clock.move_to(CLOCK + timedelta(minutes=5))
    on_time = run_watcher()

    assert nudged is False and watcher.held == {}
    assert (row.idle_by, row.idle_until) == ("", None)
    assert row.next_poll_at == CLOCK + timedelta(minutes=5)
    assert (early, on_time) == (0, 1)


# The loop's close_old_connections() would close a connection inside a test's transaction.
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("idle", [True, False], ids=["idle", "no-idle"])
def test_the_worker_loop_polls_at_once_when_idle_hears_of_new_mail(dovecot, watch, harbour, idle):
    """With IDLE the reply appended mid-sleep is recorded before the stop; with --no-idle not."""
    from afterword.worker.loop import run

    def later() -> None:
        time.sleep(1.5)
        dovecot.append(inbox_mail.threaded_reply(OUR_THANKS_ID), user=watch.username)
        time.sleep(2.5)
        stopping.request()

    stopping.reset()
    threading.Thread(target=later, daemon=True).start()

    try:
        status = run(name="worker-a", poll=30, idle=idle)
    finally:
        stopping.reset()

    assert status == 0
    check_ins = Action.objects.filter(application=harbour, kind="check_in_email")
    expected = ["2026-03-11"] if idle else ["2026-03-09"]
    assert [a.due.date().isoformat() for a in check_ins] == expected
    assert MailboxWatch.objects.get(pk=watch.pk).idle_by == ""
