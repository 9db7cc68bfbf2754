"""``afterword worker``: run every registered job, again and again, until told to stop.

Workers coordinate only through the database (each job claims its rows with a conditional
UPDATE), so any number may run at once, on any machines. SIGTERM or SIGINT asks for a graceful
stop: the message being sent is finished, nothing more is claimed, and the process exits 0.
A second signal stops at once; a row it was sending then turns ``uncertain``, never resent.
"""

from __future__ import annotations

import importlib
import logging
import os
import signal
import socket
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from types import FrameType

from afterword.infra import stopping

log = logging.getLogger("afterword.worker")

# Modules whose import registers jobs (infra/jobs.py); a new kind of job adds its module.
JOB_MODULES = (
    "afterword.outbox.dispatch",
    "afterword.reminders.schedule",
    "afterword.reminders.send",
    "afterword.inbox.watch",
)
DEFAULT_POLL = 2.0
# ``afterword ...`` with this very interpreter. Not ``-m afterword.cli``: run as __main__, the
# CLI module would be imported a second time by the modules that import it. -P keeps the current
# folder off sys.path, so a stray rich.py or django.py where ``make run`` starts shadows nothing.
WORKER_COMMAND = (sys.executable, "-P", "-c", "from afterword.cli import main; main()")


def default_name() -> str:
    """host:pid, which says where to look when a row names the worker that claimed it."""
    return f"{socket.gethostname()}:{os.getpid()}"


def load_jobs() -> dict[str, Callable[[datetime, str], int]]:
    for module in JOB_MODULES:
        importlib.import_module(module)
    from afterword.infra.jobs import JOBS

    return dict(JOBS)


def run(
    *,
    name: str,
    poll: float = DEFAULT_POLL,
    once: bool = False,
    lease: float | None = None,
    idle: bool = True,
) -> int:
    """The loop; returns the exit status.

    1. Import the job modules, so every job is registered.
    2. Each tick: refresh stale database connections, then run every job with the current time.
       A job that raises is logged and the others still run: one broken job must not stop
       the reminders or the outbox.
    3. When no job found anything to do: with ``once``, exit; otherwise sleep ``poll`` seconds
       (waking at once on a stop request). With ``idle`` the sleep listens to the mailboxes
       in IMAP IDLE (inbox/idle.py) and wakes when one of them gets new mail.
    4. A stop request ends the loop after the job that is running returns.
    """
    from django.db import close_old_connections
    from django.utils import timezone

    jobs = load_jobs()
    if lease is not None:
        from afterword.outbox.dispatch import set_lease

        set_lease(lease)
    failed = False
    last_error: dict[str, str] = {}
    watcher = None
    if idle and not once:
        from afterword.inbox.idle import IdleWatcher

        watcher = IdleWatcher(name)
    while not stopping.requested():
        close_old_connections()
        handled = 0
        for job_name, job in jobs.items():
            if stopping.requested():
                break
            try:
                handled += job(timezone.now(), name)
                last_error.pop(job_name, None)
            except Exception as error:
                failed = True
                # The whole story once; while the same error repeats, one line per tick.
                if last_error.get(job_name) != repr(error):
                    log.exception("job %r failed in worker %s", job_name, name)
                else:
                    log.error("job %r failed again: %s", job_name, error)
                last_error[job_name] = repr(error)
        if handled:
            continue
        if once:
            break
        if watcher is None:
            stopping.wait(poll)
            continue
        try:
            watcher.wait(poll)
        except Exception:
            # IDLE only hastens polls: when it fails, the plain sleep and the poll remain.
            log.exception("IMAP IDLE failed in worker %s", name)
            stopping.wait(poll)
    if watcher is not None:
        try:
            watcher.close()
        except Exception:
            log.exception("IMAP IDLE did not close cleanly in worker %s", name)
    close_old_connections()
    return 1 if once and failed else 0


def main(
    *,
    name: str | None = None,
    poll: float = DEFAULT_POLL,
    once: bool = False,
    lease: float | None = None,
    idle: bool = True,
) -> int:
    """Set up Django, logging and the signal handlers, run the loop, and say when it stops."""
    from afterword.tracker.commands import setup

    setup()
    worker_name = name or default_name()
    _log_to_stderr()
    stopping.reset()
    previous = {sig: signal.signal(sig, _on_signal) for sig in (signal.SIGTERM, signal.SIGINT)}
    try:
        log.info("worker %s started (jobs: %s)", worker_name, ", ".join(load_jobs()))
        status = run(name=worker_name, poll=poll, once=once, lease=lease, idle=idle)
        log.info("worker %s stopped", worker_name)
        return status
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


@contextmanager
def worker_beside() -> Iterator[subprocess.Popen[bytes]]:
    """Run ``afterword worker`` as a child process while the block runs (``make run``).

    On the way out the child gets SIGTERM and up to a minute to finish its message; a child
    that is still there after that is killed.
    """
    child = subprocess.Popen(
        [*WORKER_COMMAND, "worker"],
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
        preexec_fn=_stop_with_parent if sys.platform == "linux" else None,
    )
    try:
        yield child
    finally:
        if child.poll() is None:
            child.terminate()
            try:
                child.wait(timeout=60)
            except subprocess.TimeoutExpired:
                child.kill()
                child.wait()


def _stop_with_parent() -> None:
    """Linux: SIGTERM the child when its parent dies, even by SIGKILL or ``os._exit`` (which
    runserver uses when its port is taken), so that no worker outlives ``make run``."""
    import ctypes

    pr_set_pdeathsig = 1
    ctypes.CDLL(None).prctl(pr_set_pdeathsig, signal.SIGTERM)


def _on_signal(signum: int, frame: FrameType | None) -> None:
    if stopping.requested():
        # Asked twice: stop now. A message in flight becomes "uncertain", never a duplicate.
        raise SystemExit(128 + signum)
    log.info("stopping after the current message (%s)", signal.Signals(signum).name)
    stopping.request()


def _log_to_stderr() -> None:
    # The worker says what it does even when the site's log level is WARNING.
    for name in ("afterword.worker", "afterword.outbox", "afterword.reminders", "afterword.inbox"):
        logger = logging.getLogger(name)
        if not logger.handlers:
            handler = logging.StreamHandler()
            handler.setFormatter(logging.Formatter("%(asctime)s %(message)s", "%H:%M:%S"))
            logger.addHandler(handler)
        logger.setLevel(logging.INFO)
        logger.propagate = False
