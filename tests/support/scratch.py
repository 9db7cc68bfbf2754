"""A scratch database that worker processes can share: a SQLite file, or a fresh PostgreSQL
database on the server of this test run (scripts/with-postgres.sh sets DATABASE_URL).

The Django test database cannot serve here: on SQLite it lives in memory, and on either it sits
inside a transaction that other processes never see.
"""

from __future__ import annotations

import os
import secrets
import signal
import sqlite3
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from afterword.worker.loop import WORKER_COMMAND

ROOT = Path(__file__).resolve().parents[2]
ROWS_SQL = "SELECT message_id, state, claimed_by FROM outbox_outgoingemail ORDER BY id"


def backend() -> str:
    """``postgresql`` in a run under scripts/with-postgres.sh, else ``sqlite``."""
    return "postgresql" if os.environ.get("DATABASE_URL", "").startswith("postgres") else "sqlite"


@dataclass
class Scratch:
    env: dict[str, str]
    sqlite_file: Path | None = None
    url: str | None = None

    def rows(self) -> list[tuple[str, str, str]]:
        """(message_id, state, claimed_by) of every outbox row."""
        if self.sqlite_file is not None:
            with sqlite3.connect(self.sqlite_file) as connection:
                return [tuple(row) for row in connection.execute(ROWS_SQL)]  # type: ignore[misc]
        import psycopg

        assert self.url is not None
        with psycopg.connect(self.url) as connection:
            return [tuple(row) for row in connection.execute(ROWS_SQL)]  # type: ignore[misc]

    def states(self) -> Counter[str]:
        return Counter(state for _id, state, _by in self.rows())

    def seed(self, emails: int, port: int, stall: int | None = None) -> None:
        command = [sys.executable, "-m", "tests.support.seed_outbox"]
        command += ["--emails", str(emails), "--port", str(port)]
        if stall is not None:
            command += ["--stall", str(stall)]
        subprocess.run(command, cwd=ROOT, env=self.env, check=True, timeout=120)

    def worker(self, name: str, *options: str) -> subprocess.Popen[str]:
        """``afterword worker`` as a separate process on this database."""
        return subprocess.Popen(
            [*WORKER_COMMAND, "worker", "--name", name, *options],
            cwd=ROOT,
            env=self.env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )


@contextmanager
def scratch_database(folder: Path) -> Iterator[Scratch]:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("AFTERWORD_", "DJANGO_ALLOW_ASYNC")) and key != "DATABASE_URL"
    }
    # The processes send to the tests' own servers on loopback, which the site must allow.
    env["AFTERWORD_OUTBOUND_ALLOW"] = os.environ.get("AFTERWORD_OUTBOUND_ALLOW", "127.0.0.1")
    if backend() == "sqlite":
        env["AFTERWORD_DATA_DIR"] = str(folder)
        yield Scratch(env, sqlite_file=folder / "afterword.sqlite3")
        return
    import psycopg

    server = urlsplit(os.environ["DATABASE_URL"])
    name = f"afterword_scratch_{secrets.token_hex(4)}"
    admin = urlunsplit(server._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    url = urlunsplit(server._replace(path=f"/{name}"))
    env["DATABASE_URL"] = url
    try:
        yield Scratch(env, url=url)
    finally:
        with psycopg.connect(admin, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def stop(process: subprocess.Popen[Any]) -> None:
    """Kill a worker a test left running (a failed assertion must not leak processes)."""
    if process.poll() is None:
        process.send_signal(signal.SIGKILL)
    # Read what is left and close the pipes.
    process.communicate(timeout=10)
