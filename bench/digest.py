"""The morning digest job for many users: schedule every digest, then build and send them all.

    PGPORT_TEST=55436 bash scripts/with-postgres.sh .venv/bin/python bench/digest.py
    .venv/bin/python bench/digest.py --users 2000               # SQLite without DATABASE_URL
    ... bench/digest.py --smtp                                   # to an SMTP sink, not locmem

A scratch database (a new PostgreSQL database on the server DATABASE_URL names, or a SQLite
file in a temporary folder) is seeded with N users whose digest is due at the same instant
(tests/support/seed_reminders.py: time zones and digest hours spread over 05:00-11:00, one
application and three pending actions each). Then, in one process, timed separately:

1. schedule: ``schedule_reminders`` on an empty reminder table (every user's digest for
   today and tomorrow: 2N rows), then once more with nothing left to add (an idle tick);
2. send: ``send_reminders`` until it has nothing left: claim each due row, build the digest
   (Today's query, the nudge, both templates), hand it to Django's mail backend, record it;
   the claims of its pages (``claim_page``) are also timed on their own;
3. build only: the same digests built and rendered with no reminder rows and no sending, a
   page of users at a time as the worker builds them;
4. floor: one bare query reading every pending action of every user with its application,
   psycopg or sqlite3 directly: the least any digest job must read.

The mail backend is Django's locmem backend (messages kept in memory, nothing on the wire)
unless ``--smtp``: then Django's SMTP backend delivers to an aiosmtpd sink in a separate process,
which counts the recipients, so the run also proves that every user got exactly one digest.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import platform
import secrets
import socket
import sqlite3
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
# A Wednesday in March, 12:30 UTC: every seeded user is a few minutes past their digest hour.
NOW = datetime(2026, 3, 4, 12, 30, tzinfo=UTC)
FLOOR_SQL = (
    "SELECT a.owner_id, a.kind, a.due, a.latest, p.employer, p.role, p.employer_timezone "
    "FROM tracker_action a JOIN tracker_application p ON p.id = a.application_id "
    "ORDER BY a.owner_id, a.due"
)


# ------------------------------------------------------------------------------- databases


@contextmanager
def scratch_database() -> Iterator[tuple[str, str]]:
    """(backend, what to connect to): a fresh database, dropped again afterwards."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        with tempfile.TemporaryDirectory(prefix="afterword-digest-") as folder:
            os.environ["AFTERWORD_DATA_DIR"] = folder
            os.environ.pop("DATABASE_URL", None)
            yield "sqlite", str(Path(folder) / "afterword.sqlite3")
        return
    import psycopg

    server = urlsplit(url)
    name = f"afterword_digest_{secrets.token_hex(4)}"
    admin = urlunsplit(server._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    scratch = urlunsplit(server._replace(path=f"/{name}"))
    os.environ["DATABASE_URL"] = scratch
    try:
        yield "postgresql", scratch
    finally:
        from django.db import connections

        connections.close_all()
        with psycopg.connect(admin, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def bare_read(backend: str, target: str, repeat: int = 3) -> tuple[float, int]:
    """Seconds for the floor query (fetching every row; best of ``repeat`` on one open
    connection, so connecting is not counted), and the number of rows."""
    if backend == "sqlite":
        connection: Any = sqlite3.connect(target)
    else:
        import psycopg

        connection = psycopg.connect(target)
    best, rows = float("inf"), []
    try:
        for _ in range(repeat):
            start = time.perf_counter()
            rows = connection.execute(FLOOR_SQL).fetchall()
            best = min(best, time.perf_counter() - start)
    finally:
        connection.close()
    return best, len(rows)


# --------------------------------------------------------------------------------- SMTP sink


def _sink(port: int, ready: Any, stop: Any, results: Connection) -> None:
    """Child process: accept every message and count it by recipient."""
    from collections import Counter

    from aiosmtpd.controller import Controller

    seen: Counter[str] = Counter()

    class Count:
        async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
            seen.update(envelope.rcpt_tos)
            return "250 OK"

    controller = Controller(Count(), hostname="127.0.0.1", port=port, ready_timeout=10)
    controller.start()
    ready.set()
    stop.wait()
    controller.stop()
    results.send(dict(seen))


def start_sink() -> tuple[int, Callable[[], dict[str, int]]]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = int(probe.getsockname()[1])
    ready, stop = multiprocessing.Event(), multiprocessing.Event()
    receive, send = multiprocessing.Pipe(duplex=False)
    process = multiprocessing.Process(target=_sink, args=(port, ready, stop, send), daemon=True)
    process.start()
    ready.wait(20)

    def finish() -> dict[str, int]:
        stop.set()
        counts: dict[str, int] = receive.recv()
        process.join(10)
        return counts

    return port, finish


# ------------------------------------------------------------------------------------ stages


@dataclass
class Stage:
    """Wall seconds, and this process's own CPU seconds: the database server's share is the
    difference, and so is any time lost to other work on a busy machine."""

    wall: float = 0.0
    cpu: float | None = None


def timed(work: Callable[[], Any]) -> tuple[Stage, Any]:
    start, cpu = time.perf_counter(), time.process_time()
    result = work()
    return Stage(time.perf_counter() - start, time.process_time() - cpu), result


def run(users: int, smtp: bool) -> dict[str, Any]:
    with scratch_database() as (backend, target):
        from tests.support.seed_reminders import seed

        seeding, _ = timed(lambda: seed(users, NOW))
        from django.conf import settings
        from django.contrib.auth import get_user_model
        from django.core import mail

        from afterword.reminders import send as sender
        from afterword.reminders.digest import digest_of, render_digest
        from afterword.reminders.digest_sources import DigestSources
        from afterword.reminders.models import Reminder, ReminderKind, ReminderState
        from afterword.reminders.schedule import schedule_reminders
        from afterword.reminders.send import PAGE, send_reminders

        # As a production worker runs: DEBUG off, so Django keeps no log of every query.
        settings.DEBUG = False
        finish = None
        if smtp:
            port, finish = start_sink()
            settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
            settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
            settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
        else:
            settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
            mail.outbox = []

        schedule, proposed = timed(lambda: schedule_reminders(NOW, "bench"))
        idle, again = timed(lambda: schedule_reminders(NOW, "bench"))

        claims: list[float] = []
        claim_page = sender.claim_page

        def timed_claim(*args: Any, **kwargs: Any) -> Any:
            start = time.perf_counter()
            try:
                return claim_page(*args, **kwargs)
            finally:
                claims.append(time.perf_counter() - start)

        def send_all() -> int:
            total = 0
            while handled := send_reminders(NOW, "bench"):
                total += handled
            return total

        sender.claim_page = timed_claim  # send_reminders looks it up on each page
        try:
            send, sent = timed(send_all)
        finally:
            sender.claim_page = claim_page
        states = Counter(
            Reminder.objects.filter(kind=ReminderKind.DIGEST).values_list("state", flat=True)
        )

        def build_all() -> int:
            """Every digest built and rendered as the worker does it: a page of users at a
            time, with their settings, their actions and applications read for the page."""
            people = list(get_user_model().objects.select_related("afterword").order_by("pk"))
            built = 0
            for start in range(0, len(people), PAGE):
                page = people[start : start + PAGE]
                sources = DigestSources.read(page, NOW)
                for person in page:
                    digest = digest_of(
                        person,
                        NOW,
                        sources.actions_of(person),
                        sources.applications_of(person),
                        nudge_allowed=lambda: True,
                    )
                    render_digest(digest)
                    built += 1
            return built

        build, _ = timed(build_all)
        floor_s, floor_rows = bare_read(backend, target)
        floor = Stage(floor_s)
        if finish is not None:
            received = Counter(finish())
        else:
            received = Counter(address for message in mail.outbox for address in message.to)
        delivered, most = len(received), max(received.values(), default=0)
        assert proposed == 2 * users, f"scheduled {proposed} rows for {users} users"
        assert again == 0, "an idle tick proposed rows"
        assert sent == users and states.get(ReminderState.SENT) == users, states
        assert delivered == users and most == 1, f"{delivered} users got mail, {most} max"
        return {
            "backend": backend,
            "mail": "smtp sink (aiosmtpd, separate process)" if smtp else "locmem",
            "users": users,
            "seed_s": seeding.wall,
            "schedule": asdict(schedule),
            "idle_tick": asdict(idle),
            "send": asdict(send),
            "build": asdict(build),
            "floor": asdict(floor),
            "floor_rows": floor_rows,
            "digests": sent,
            "claims": claims,
        }


def report(result: dict[str, Any]) -> str:
    users = result["users"]
    floor = result["floor"]["wall"]
    rows = [
        ("schedule (2 rows per user)", result["schedule"]),
        ("idle tick (nothing to add)", result["idle_tick"]),
        ("send: claim, build, mail, record", result["send"]),
        ("build only: query and render", result["build"]),
        ("floor: one bare read of all actions", result["floor"]),
    ]
    lines = [
        f"{users:,} users on {result['backend']}, mail: {result['mail']}",
        f"seeding took {result['seed_s']:.1f} s (not measured below); "
        f"floor read {result['floor_rows']:,} rows",
        "",
        "| stage | total s | per user ms | users per s | x floor | our CPU s |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for label, stage in rows:
        seconds, cpu = stage["wall"], stage["cpu"]
        lines.append(
            f"| {label} | {seconds:.2f} | {1000 * seconds / users:.3f} | "
            f"{users / seconds:,.0f} | {_ratio(seconds / floor)} | "
            + (f"{cpu:.2f} |" if cpu is not None else "– |")
        )
    total = result["schedule"]["wall"] + result["send"]["wall"]
    claims = sorted(result["claims"])
    lines += [
        "",
        f"of the send stage, claiming pages (`claim_page`): {sum(claims):.2f} s for "
        f"{len(claims)} claims (the last one finding none), median "
        f"{1000 * claims[len(claims) // 2]:.2f} ms, max {1000 * claims[-1]:.2f} ms",
    ]
    lines += [
        "",
        f"schedule + send: {total:.1f} s for {users:,} digests "
        f"({users / total:,.0f} per second, one process)",
    ]
    return "\n".join(lines)


def _ratio(value: float) -> str:
    return f"{value:.1f}" if value < 10 else f"{value:,.0f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=10_000)
    parser.add_argument("--smtp", action="store_true", help="deliver to an aiosmtpd sink")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    options = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "afterword.settings")
    result = run(options.users, options.smtp)
    result["machine"] = f"{platform.processor() or platform.machine()}, {os.cpu_count()} CPUs"
    result["python"] = platform.python_version()
    print(report(result))
    if options.json:
        options.json.write_text(json.dumps(result, indent=2) + "\n")


if __name__ == "__main__":
    main()
