"""``afterword worker`` as real processes: exactly once under concurrency, kill -9, SIGTERM.

Each test runs on the database of this run (SQLite, or PostgreSQL under with-postgres.sh) in a
scratch database shared by the worker processes, against one SMTP server on loopback that
counts what it receives.
"""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from afterword.infra import stopping
from afterword.infra.jobs import JOBS
from afterword.worker.loop import run, worker_beside
from tests.support.scratch import ROOT, Scratch, backend, scratch_database, stop
from tests.support.smtp_server import SmtpServer, start_server


@pytest.fixture
def sink() -> Iterator[SmtpServer]:
    """A plain SMTP server on loopback (no TLS, no AUTH: the count is what matters here)."""
    server = start_server(certificate=None, auth=False)
    yield server
    server.stop()


@pytest.fixture
def scratch(tmp_path: Path) -> Iterator[Scratch]:
    with scratch_database(tmp_path) as database:
        yield database


def _wait_for(condition: object, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while not condition():  # type: ignore[operator]
        assert time.monotonic() < deadline, "timed out waiting"
        time.sleep(0.02)


@pytest.mark.slow
def test_four_worker_processes_deliver_two_thousand_emails_exactly_once(
    scratch: Scratch, sink: SmtpServer
) -> None:
    """2,000 due emails, 4 processes at once: 2,000 distinct Message-IDs arrive, none twice."""
    scratch.seed(2000, sink.port)
    workers = [scratch.worker(f"w{n}", "--once", "--poll", "0.05") for n in range(4)]
    try:
        outputs = [worker.communicate(timeout=240) for worker in workers]
    finally:
        for worker in workers:
            stop(worker)

    received = Counter(sink.mailbox.message_ids())
    rows = scratch.rows()
    assert [worker.returncode for worker in workers] == [0, 0, 0, 0], outputs
    assert len(received) == 2000, f"{backend()}: {len(received)} distinct messages"
    assert received.most_common(1)[0][1] == 1, "a message arrived twice"
    assert set(received) == {message_id for message_id, _state, _by in rows}
    assert Counter(state for _id, state, _by in rows) == {"sent": 2000}
    assert len({by for _id, _state, by in rows}) >= 2, "the workers did not share the queue"


@pytest.mark.slow
def test_a_worker_killed_mid_send_leaves_one_uncertain_row_and_no_duplicate(
    scratch: Scratch, sink: SmtpServer
) -> None:
    """kill -9 while the server holds one message: that row turns uncertain, nothing twice."""
    scratch.seed(30, sink.port, stall=0)
    sink.mailbox.stall_subject = "STALL"
    victim = scratch.worker("victim", "--poll", "0.05", "--lease", "1")
    try:
        _wait_for(sink.mailbox.stalled.is_set, 60)
        victim.send_signal(signal.SIGKILL)
        victim.communicate(timeout=10)
        sink.mailbox.release.set()  # the server takes it after all: the worker never knew
        time.sleep(1.2)  # the victim's lease runs out
        survivor = scratch.worker("survivor", "--once", "--poll", "0.05")
        output = survivor.communicate(timeout=120)
    finally:
        stop(victim)

    rows = scratch.rows()
    states = Counter(state for _id, state, _by in rows)
    uncertain = [(message_id, by) for message_id, state, by in rows if state == "uncertain"]
    received = Counter(sink.mailbox.message_ids())
    assert survivor.returncode == 0, output
    assert states == {"sent": 29, "uncertain": 1}
    assert [by for _id, by in uncertain] == ["victim"]
    assert received.most_common(1)[0][1] == 1, "a message arrived twice"
    assert received[uncertain[0][0]] <= 1


@pytest.mark.slow
def test_sigterm_finishes_the_message_in_flight_then_exits_cleanly(
    scratch: Scratch, sink: SmtpServer
) -> None:
    """SIGTERM mid-send: that message is completed and recorded, nothing more is claimed."""
    scratch.seed(40, sink.port, stall=0)
    sink.mailbox.stall_subject = "STALL"
    worker = scratch.worker("polite", "--poll", "0.05")
    try:
        _wait_for(sink.mailbox.stalled.is_set, 60)
        worker.send_signal(signal.SIGTERM)
        time.sleep(0.3)
        sink.mailbox.release.set()
        _stdout, stderr = worker.communicate(timeout=60)
    finally:
        stop(worker)

    rows = scratch.rows()
    states = Counter(state for _id, state, _by in rows)
    [stalled] = [
        item.message for item in sink.mailbox.received if item.message["Subject"] == "STALL"
    ]
    assert worker.returncode == 0, stderr
    assert "stopping after the current message (SIGTERM)" in stderr
    assert dict(rows_by_id(rows))[stalled["Message-ID"]] == "sent"
    assert states["sending"] == 0
    assert states["pending"] >= 20, "it went on claiming after SIGTERM"
    assert states["sent"] == len(sink.mailbox.received)


def rows_by_id(rows: list[tuple[str, str, str]]) -> Iterator[tuple[str, str]]:
    for message_id, state, _by in rows:
        yield message_id, state


@pytest.mark.django_db
def test_once_runs_every_job_until_all_are_idle_and_survives_a_broken_one(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A job that raises is logged; the others still run; --once then exits with status 1."""
    calls: list[str] = []
    work = [3, 1, 0]

    def busy(now: datetime, worker_name: str) -> int:
        calls.append("busy")
        return work.pop(0) if work else 0

    def broken(now: datetime, worker_name: str) -> int:
        calls.append("broken")
        raise RuntimeError("no such table")

    monkeypatch.setitem(JOBS, "test busy", busy)
    monkeypatch.setitem(JOBS, "test broken", broken)
    stopping.reset()

    status = run(name="t", once=True)

    assert status == 1
    assert calls.count("busy") == 3 and calls.count("broken") == 3


@pytest.mark.django_db
def test_a_stop_request_ends_the_loop_before_the_next_job(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Asked to stop, the worker lets the running job return and starts no other."""
    calls: list[str] = []

    def stopper(now: datetime, worker_name: str) -> int:
        calls.append("stopper")
        stopping.request()
        return 1

    monkeypatch.setattr("afterword.worker.loop.load_jobs", lambda: {"stopper": stopper})
    stopping.reset()

    status = run(name="t")

    stopping.reset()
    assert (status, calls) == (0, ["stopper"])


def test_the_management_command_refuses_a_poll_too_short_to_be_sane() -> None:
    """manage.py worker --poll 0.01: refused with the option named, exit status 2."""
    result = subprocess.run(
        [sys.executable, "manage.py", "worker", "--once", "--poll", "0.01"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )

    assert result.returncode == 2
    assert "argument --poll: must be at least 0.05 seconds, not 0.01" in result.stderr


@pytest.mark.slow
def test_make_run_starts_a_worker_beside_the_server_and_stops_it(
    scratch: Scratch, sink: SmtpServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The child worker sends what is due while the block runs and exits 0 when it ends."""
    scratch.seed(3, sink.port)
    for key, value in scratch.env.items():
        monkeypatch.setenv(key, value)

    with worker_beside() as child:
        _wait_for(lambda: len(sink.mailbox.received) == 3, 60)

    assert child.returncode == 0
    assert Counter(state for _id, state, _by in scratch.rows()) == {"sent": 3}
