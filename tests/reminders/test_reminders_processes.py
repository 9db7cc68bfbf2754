"""Two ``afterword worker`` processes on one database: every due digest arrives exactly once.

Runs on the database of this test run (a SQLite file, or PostgreSQL under with-postgres.sh)
in a scratch database both processes share, with the site's mail going to a real SMTP server
on loopback that counts what it receives.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.scratch import Scratch, backend, scratch_database, stop
from tests.support.smtp_server import SmtpServer, start_server

USERS = 60
DIGESTS_SQL = "SELECT state, COUNT(*) FROM reminders_reminder WHERE kind = 'digest' GROUP BY state"


@pytest.fixture
def sink() -> Iterator[SmtpServer]:
    server = start_server(certificate=None, auth=False)
    yield server
    server.stop()


@pytest.fixture
def scratch(tmp_path: Path, sink: SmtpServer) -> Iterator[Scratch]:
    with scratch_database(tmp_path) as database:
        database.env["AFTERWORD_EMAIL_URL"] = f"smtp://{sink.host}:{sink.port}"
        yield database


def digest_states(scratch: Scratch) -> dict[str, int]:
    if scratch.sqlite_file is not None:
        with sqlite3.connect(scratch.sqlite_file) as connection:
            return dict(connection.execute(DIGESTS_SQL).fetchall())
    import psycopg

    assert scratch.url is not None
    with psycopg.connect(scratch.url) as connection:
        return dict(connection.execute(DIGESTS_SQL).fetchall())


@pytest.mark.slow
def test_two_worker_processes_send_each_digest_exactly_once(
    scratch: Scratch, sink: SmtpServer
) -> None:
    """60 digests due, two workers started together: 60 emails, one per user, none twice."""
    subprocess.run(
        [sys.executable, "-m", "tests.support.seed_reminders", "--users", str(USERS)],
        cwd=Path(__file__).resolve().parents[2],
        env=scratch.env,
        check=True,
        timeout=120,
    )
    workers = [scratch.worker(f"w{n}", "--once", "--poll", "0.05") for n in range(2)]
    try:
        outputs = [worker.communicate(timeout=240) for worker in workers]
    finally:
        for worker in workers:
            stop(worker)

    recipients = Counter(item.recipients[0] for item in sink.mailbox.received)
    assert [worker.returncode for worker in workers] == [0, 0], outputs
    assert len(recipients) == USERS, f"{backend()}: {len(recipients)} users got a digest"
    assert recipients.most_common(1)[0][1] == 1, "a digest arrived twice"
    # Today's digest sent for everyone; tomorrow's made and waiting.
    assert digest_states(scratch) == {"sent": USERS, "pending": USERS}
