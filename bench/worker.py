"""Outbox throughput: emails per second delivered to a local SMTP sink by 1, 2 and 4 workers.

    PGPORT_TEST=55434 bash scripts/with-postgres.sh .venv/bin/python bench/worker.py
    .venv/bin/python bench/worker.py --emails 2000 --workers 1 2 4    # SQLite without DATABASE_URL

For each worker count: start that many ``afterword worker`` processes and wait until each has
logged its start (then they idle, polling), commit N due emails at once, and time from that
commit until the last one is recorded sent; then stop the workers with SIGTERM. Two floors put
the number in proportion, both measured here:

- bare queries: the two conditional UPDATEs each email needs (claim, then mark sent) issued
  with psycopg or sqlite3 directly, one connection, no Django, no SMTP;
- bare SMTP: one new smtplib connection per message to the same sink, no database.

The sink is an aiosmtpd server in its own process that counts Message-IDs, so the benchmark
also checks that every email arrived exactly once. Besides the workers' CPU per email it prints
the sink's and PostgreSQL's, which share the same CPUs. See bench/README.md for results.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import platform
import signal
import smtplib
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
from contextlib import ExitStack
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parents[1]
WORKER = (sys.executable, "-P", "-c", "from afterword.cli import main; main()", "worker")


# --------------------------------------------------------------------------- the SMTP sink


def _sink(port: int, ready: Any, stop: Any, results: Connection) -> None:
    """Child process: accept everything, remember each Message-ID, report on stop."""
    from aiosmtpd.controller import Controller

    seen: list[bytes] = []

    class Counter:
        async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
            content = envelope.original_content or b""
            for line in content.split(b"\r\n"):
                if line.lower().startswith(b"message-id:"):
                    seen.append(line.split(b":", 1)[1].strip())
                    break
                if not line:
                    break
            return "250 OK"

    controller = Controller(Counter(), hostname="127.0.0.1", port=port, ready_timeout=10)
    controller.start()
    ready.set()
    stop.wait()
    controller.stop()
    results.send((len(seen), len(set(seen))))


@dataclass
class Sink:
    port: int
    process: multiprocessing.Process
    stop: Any
    results: Connection

    def counts(self) -> tuple[int, int]:
        """(messages received, distinct Message-IDs), once the sink has stopped."""
        self.stop.set()
        counts = self.results.recv()
        self.process.join(10)
        return counts  # type: ignore[no-any-return]


def start_sink() -> Sink:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    context = multiprocessing.get_context("spawn")
    ready, stop = context.Event(), context.Event()
    parent, child = context.Pipe()
    process = context.Process(target=_sink, args=(port, ready, stop, child), daemon=True)
    process.start()
    if not ready.wait(20):
        raise SystemExit("the SMTP sink did not start")
    return Sink(port, process, stop, parent)


# --------------------------------------------------------------------------- the database


def scratch_database() -> tuple[dict[str, str], str]:
    """Environment for Django and the workers, and a description: a fresh database each run."""
    url = os.environ.get("DATABASE_URL", "")
    env = {k: v for k, v in os.environ.items() if not k.startswith("AFTERWORD_")}
    # The workers send to the benchmark's own SMTP sink on loopback.
    env["AFTERWORD_OUTBOUND_ALLOW"] = "127.0.0.1"
    if url.startswith("postgres"):
        import psycopg

        server = urlsplit(url)
        name = f"afterword_bench_{os.getpid()}"
        admin = urlunsplit(server._replace(path="/postgres"))
        with psycopg.connect(admin, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
            connection.execute(f'CREATE DATABASE "{name}"')
            version = connection.execute("show server_version").fetchone()[0]  # type: ignore[index]
        env["DATABASE_URL"] = urlunsplit(server._replace(path=f"/{name}"))
        return env, f"PostgreSQL {version}"
    env.pop("DATABASE_URL", None)
    env["AFTERWORD_DATA_DIR"] = tempfile.mkdtemp(prefix="afterword-bench-")
    return env, f"SQLite {sqlite3.sqlite_version} (WAL, IMMEDIATE)"


def setup_django(env: dict[str, str], sink_port: int) -> Any:
    """Django on the scratch database, migrated, with one user whose mailbox is the sink."""
    os.environ.clear()
    os.environ.update(env)
    os.environ["DJANGO_SETTINGS_MODULE"] = "afterword.settings"
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.core.management import call_command

    from afterword.outbox.models import MailAccount

    call_command("migrate", interactive=False, verbosity=0)
    user = get_user_model().objects.create_user("bench", "bench@example.test", "unused-pass")
    MailAccount.objects.create(
        user=user,
        host="127.0.0.1",
        port=sink_port,
        security="none",
        username="",
        from_address="bench@example.test",
        from_name="Bench",
    )
    return user


def queue(user: Any, emails: int) -> None:
    """Clear the outbox, then commit ``emails`` rows, all due now, in one transaction."""
    from django.db import transaction

    from afterword.outbox.messages import new_message_id
    from afterword.outbox.models import OutgoingEmail

    OutgoingEmail.objects.all().delete()
    now = datetime.now(UTC)
    rows = [
        OutgoingEmail(
            owner=user,
            to=f"employer{n}@example.test",
            subject=f"Thank you ({n})",
            body="Thank you for your time on Monday; I enjoyed hearing about the team.\n",
            message_id=new_message_id("bench@example.test"),
            due_at=now - timedelta(seconds=1),
        )
        for n in range(emails)
    ]
    with transaction.atomic():
        OutgoingEmail.objects.bulk_create(rows, batch_size=1000)


def unfinished() -> int:
    from afterword.outbox.models import OutgoingEmail

    return OutgoingEmail.objects.filter(state__in=["pending", "sending"]).count()


def last_sent() -> datetime:
    from django.db.models import Max

    from afterword.outbox.models import OutgoingEmail

    found = OutgoingEmail.objects.aggregate(last=Max("sent_at"))["last"]
    assert found is not None
    return found  # type: ignore[no-any-return]


def states() -> dict[str, int]:
    from django.db.models import Count

    from afterword.outbox.models import OutgoingEmail

    rows = OutgoingEmail.objects.values("state").annotate(n=Count("pk"))
    return {row["state"]: row["n"] for row in rows}


# --------------------------------------------------------------------------- the measurements


@dataclass
class Run:
    seconds: float  # from the commit of the due rows until the last one was recorded sent
    cpu_seconds: float  # user + system time of the worker processes over the same span
    sink_cpu_seconds: float  # the same for the SMTP sink
    database_cpu_seconds: float | None  # PostgreSQL's processes, but for the bench's own queries


def run_workers(user: Any, env: dict[str, str], workers: int, emails: int, sink: Sink) -> Run:
    """Time ``workers`` processes delivering ``emails`` due rows, and the CPU they used (and
    the sink and PostgreSQL, which share the same CPUs)."""
    with ExitStack() as stack:
        logs = [stack.enter_context(tempfile.TemporaryFile()) for _ in range(workers)]
        return _run_workers(user, env, emails, sink, logs)


def _run_workers(user: Any, env: dict[str, str], emails: int, sink: Sink, logs: list[Any]) -> Run:
    processes = [
        subprocess.Popen(
            [*WORKER, "--poll", "0.05", "--name", f"bench-{n}"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=log,
        )
        for n, log in enumerate(logs)
    ]
    try:
        # Every worker has started and polls an empty queue. Waited for, not assumed: on a busy
        # machine four workers starting at once need longer than a fixed pause, and a start
        # (about 1 s of CPU each) counted in the run would be counted as sending.
        wait_until_started(logs)
        time.sleep(0.5)
        cpu_before = sum(cpu_seconds(process.pid) for process in processes)
        sink_before = cpu_seconds(sink.process.pid)
        database_before = database_cpu()
        queue(user, emails)
        committed = datetime.now(UTC)
        deadline = time.monotonic() + 600
        while unfinished():
            if time.monotonic() > deadline:
                raise SystemExit("the workers did not finish within 10 minutes")
            time.sleep(0.2)
        seconds = (last_sent() - committed).total_seconds()
        cpu = sum(cpu_seconds(process.pid) for process in processes) - cpu_before
        sink_cpu = cpu_seconds(sink.process.pid) - sink_before
        database_after = database_cpu()
    finally:
        for process in processes:
            process.send_signal(signal.SIGTERM)
        for process in processes:
            process.wait(60)
    database = None
    if database_before is not None and database_after is not None:
        database = database_after - database_before
    return Run(seconds, cpu, sink_cpu, database)


def wait_until_started(logs: list[Any]) -> None:
    """Until every worker's log says it started (``afterword worker`` logs it to stderr)."""
    deadline = time.monotonic() + 120
    while True:
        started = 0
        for log in logs:
            log.seek(0)
            started += b" started (jobs: " in log.read()
        if started == len(logs):
            return
        if time.monotonic() > deadline:
            raise SystemExit("the workers did not start within 2 minutes")
        time.sleep(0.1)


def database_cpu() -> float | None:
    """CPU seconds of the PostgreSQL server so far (None on SQLite, which runs in the workers).

    Every process of the server (the postmaster's children, and through the postmaster's
    cutime/cstime those that have exited), less this benchmark's own connection, which
    writes the due rows and watches for the end.
    """
    from django.db import connection

    if connection.vendor != "postgresql":
        return None
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        own = cursor.fetchone()[0]
    postmaster = int(_stat(own)[1])
    fields = _stat(postmaster)
    # Fields 14-17 of stat(5): utime, stime, cutime, cstime.
    total = sum(int(field) for field in fields[11:15]) / os.sysconf("SC_CLK_TCK")
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit() or int(entry.name) == own:
            continue
        try:
            if int(_stat(int(entry.name))[1]) == postmaster:
                total += cpu_seconds(int(entry.name))
        except (FileNotFoundError, ProcessLookupError):
            continue  # it exited meanwhile: the postmaster's cutime has it now
    return total


def _stat(pid: int) -> list[str]:
    # The fields of /proc/PID/stat after the command name: state, ppid, ...
    return Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far (Linux /proc): what the machine's other load
    cannot inflate, unlike wall time."""
    fields = _stat(pid)
    # Fields 14 and 15 of stat(5) (utime, stime), counted after the command name.
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def bare_queries(env: dict[str, str], emails: int, user: Any) -> float:
    """Seconds for 2 conditional UPDATEs per email (claim, mark sent), on one raw connection."""
    queue(user, emails)
    from django.db import connection

    settings = connection.settings_dict
    claim = (
        "UPDATE outbox_outgoingemail SET state='sending', claimed_by='bare', "
        "attempts=attempts+1 WHERE id={p} AND state='pending' AND due_at <= {p}"
    )
    sent = "UPDATE outbox_outgoingemail SET state='sent', sent_at={p} WHERE id={p}"
    with connection.cursor() as cursor:
        cursor.execute("SELECT id FROM outbox_outgoingemail ORDER BY id")
        ids = cursor.fetchall()
    connection.close()
    now = datetime.now(UTC)
    if "postgresql" in settings["ENGINE"]:
        import psycopg

        with psycopg.connect(env["DATABASE_URL"], autocommit=True) as raw:
            start = time.perf_counter()
            for (pk,) in ids:
                assert raw.execute(claim.format(p="%s"), (pk, now)).rowcount == 1
                raw.execute(sent.format(p="%s"), (now, pk))
            return time.perf_counter() - start
    raw_sqlite = sqlite3.connect(settings["NAME"], isolation_level=None, timeout=20)
    raw_sqlite.execute("PRAGMA journal_mode=WAL")
    stamp = now.isoformat(" ").replace("+00:00", "")
    start = time.perf_counter()
    for (pk,) in ids:
        assert raw_sqlite.execute(claim.format(p="?"), (pk, stamp)).rowcount == 1
        raw_sqlite.execute(sent.format(p="?"), (stamp, pk))
    elapsed = time.perf_counter() - start
    raw_sqlite.close()
    return elapsed


def bare_smtp(port: int, emails: int) -> float:
    """Seconds to hand ``emails`` messages to the sink, one new connection each, no database."""
    body = b"Subject: x\r\nMessage-ID: <%d@bare.example>\r\n\r\nThank you.\r\n"
    start = time.perf_counter()
    for n in range(emails):
        with smtplib.SMTP("127.0.0.1", port, timeout=30) as smtp:
            smtp.sendmail("bench@example.test", ["employer@example.test"], body % n)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--emails", type=int, default=2000)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2, 4])
    arguments = parser.parse_args()
    emails = arguments.emails

    sink = start_sink()
    env, database = scratch_database()
    user = setup_django(env, sink.port)
    print(f"{database}; {emails} emails per run; sink 127.0.0.1:{sink.port}")
    print(
        f"{platform.processor() or platform.machine()}, {os.cpu_count()} CPUs, "
        f"Python {platform.python_version()}"
    )
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    rows = []
    for workers in arguments.workers:
        run = run_workers(user, env, workers, emails, sink)
        outcome = states()
        assert outcome == {"sent": emails}, outcome
        rows.append((f"{workers} worker{'s' if workers > 1 else ''}", run))
        print(
            f"  {workers} worker(s): {run.seconds:.2f} s, {emails / run.seconds:,.0f} emails/s, "
            f"{run.cpu_seconds / emails * 1000:.1f} ms worker CPU per email "
            f"(sink {run.sink_cpu_seconds / emails * 1000:.1f} ms, "
            f"database {_per_email(run.database_cpu_seconds, emails)} ms)"
        )
    smtp_seconds = bare_smtp(sink.port, emails)
    query_seconds = bare_queries(env, emails, user)
    received, distinct = sink.counts()
    expected = emails * len(arguments.workers) + emails
    assert received == distinct == expected, (received, distinct, expected)
    print(f"  sink: {received} messages, {distinct} distinct Message-IDs (none twice)")

    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(
        "\n| run | seconds | emails/s | worker CPU ms per email | sink CPU ms | database CPU ms "
        "| × bare queries | × bare SMTP |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for label, run in rows:
        print(
            f"| {label} | {run.seconds:.2f} | {emails / run.seconds:,.0f} | "
            f"{run.cpu_seconds / emails * 1000:.1f} | "
            f"{run.sink_cpu_seconds / emails * 1000:.1f} | "
            f"{_per_email(run.database_cpu_seconds, emails)} | "
            f"{run.seconds / query_seconds:.1f} | {run.seconds / smtp_seconds:.1f} |"
        )
    print(
        f"| floor: bare queries (claim + sent UPDATE) | {query_seconds:.2f} | "
        f"{emails / query_seconds:,.0f} | | | | 1.0 | |"
    )
    print(
        f"| floor: bare SMTP (smtplib, new connection each) | {smtp_seconds:.2f} | "
        f"{emails / smtp_seconds:,.0f} | | | | | 1.0 |"
    )


def _per_email(seconds: float | None, emails: int) -> str:
    return "-" if seconds is None else f"{seconds / emails * 1000:.1f}"


if __name__ == "__main__":
    main()
