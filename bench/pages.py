"""Shared parts of the page benchmarks (bench/today.py, bench/board.py, bench/browser.py).

- ``scratch_database``: a new PostgreSQL database on the server DATABASE_URL names, or a SQLite
  file in a temporary folder; dropped afterwards.
- ``seed_user``: one job seeker with N applications, written in bulk. Each application is a
  generated case (bench/cases.py, the planner benchmark's cases) moved in time so that its own
  ``now`` is the benchmark's: interviews from a few days to a few months ago, some events, and the
  stored plan the planner makes at that moment. So Today sees what a busy seeker who never marks
  anything done would see: many overdue thank-yous, check-ins this week.
- ``served``: GET pages through Django's WSGI handler as a server calls it, signed in with a test
  Client's cookies (the whole middleware stack, and the end of each request).
- ``time_get``: p50/p95 of a page so served.
- ``sql_floor``: the SQL one request ran, recorded with its parameters and run again on the raw
  database connection (the DB-API cursor, no ORM), fetching every row: the least the page costs.
"""

from __future__ import annotations

import json
import os
import platform
import secrets
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parents[1]
# AFTERWORD_SRC: measure another checkout's code with these scripts (the "before" figures).
SRC = Path(os.environ.get("AFTERWORD_SRC") or ROOT / "src")
sys.path.insert(0, str(SRC))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from cases import generate_cases  # noqa: E402  (bench/ is on the path only from here)

EMPLOYERS = (
    "Harbour Logistics",
    "Fjord Analytics",
    "Quiet Pine Health",
    "Northwind Foods",
    "Copperleaf Schools",
    "Blue Mesa Energy",
    "Lantern Books",
    "Kestrel Robotics",
)
ROLES = ("Data Analyst", "Nurse", "Store Manager", "Teacher", "Accountant", "Developer")


@contextmanager
def scratch_database(label: str) -> Iterator[str]:
    """A fresh database for this run; yields the backend name ("sqlite" or "postgresql")."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        with tempfile.TemporaryDirectory(prefix=f"afterword-{label}-") as folder:
            os.environ["AFTERWORD_DATA_DIR"] = folder
            os.environ.pop("DATABASE_URL", None)
            _setup()
            yield "sqlite"
        return
    import psycopg

    server = urlsplit(url)
    name = f"afterword_{label}_{secrets.token_hex(4)}"
    admin = urlunsplit(server._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    os.environ["DATABASE_URL"] = urlunsplit(server._replace(path=f"/{name}"))
    try:
        _setup()
        yield "postgresql"
    finally:
        from django.db import connections

        connections.close_all()
        with psycopg.connect(admin, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "afterword.settings")
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)
    # As production serves: no query log, and the test Client's host accepted. The test
    # environment (setup_test_environment) is left out on purpose: it instruments every
    # template render, which would inflate exactly what is measured here.
    settings.DEBUG = False
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]


def _shift(value: str, delta: timedelta) -> str:
    return (datetime.fromisoformat(value) + delta).isoformat()


def _shift_day(value: str | None, days: int) -> str | None:
    return None if value is None else (date.fromisoformat(value) + timedelta(days=days)).isoformat()


def _day(value: str | None) -> date | None:
    return None if value is None else date.fromisoformat(value)


def moved_case(text: str, now: datetime) -> dict[str, Any]:
    """A generated case with every time moved so that its own ``now`` is ``now``."""
    case: dict[str, Any] = json.loads(text)
    delta = now - datetime.fromisoformat(case["now"])
    days = delta.days
    case["now"] = now.isoformat()
    for interview in case["interviews"]:
        interview["start"] = _shift(interview["start"], delta)
        interview["end"] = _shift(interview["end"], delta)
        for field in ("decision_by", "agreed_follow_up"):
            interview[field] = _shift_day(interview[field], days)
    for event in case["events"]:
        event["at"] = _shift(event["at"], delta)
        for field in ("promised_next", "new_decision_by", "deadline"):
            if field in event:
                event[field] = _shift_day(event[field], days)
    return case


def seed_user(username: str, applications: int, now: datetime, seed: int = 1) -> Any:
    """A user with ``applications`` planned applications, written in bulk; returns the user."""
    from django.contrib.auth import get_user_model

    from afterword.rules import case_from_data, plan
    from afterword.tracker.models import (
        Action,
        Application,
        Event,
        Interview,
        Interviewer,
        UserSettings,
    )

    user = get_user_model().objects.create(
        username=username, email=f"{username}@example.test", password="!"
    )
    # A signal made the settings row with the user; the seeker lives in New York and sends
    # letters too. Every case is planned with these settings and the stored names, so that a
    # re-plan from the stored rows (opening a draft does one) finds the very same actions.
    UserSettings.objects.filter(user=user).update(
        timezone="America/New_York", country="US", letters=True
    )
    prefs = UserSettings.objects.get(user=user)
    cases = [moved_case(text, now) for text in generate_cases(applications, seed)]
    for n, case in enumerate(cases):
        case["profile"] = prefs.profile
        case["user"] = {
            "letters": prefs.letters,
            "check_in_channel": prefs.check_in_channel,
            "contact_hour": prefs.contact_hour,
        }
        case["employer"]["name"] = f"{EMPLOYERS[n % len(EMPLOYERS)]} {n}"
        case["role"] = ROLES[n % len(ROLES)]
    rows = Application.objects.bulk_create(
        Application(
            owner=user,
            employer=f"{EMPLOYERS[n % len(EMPLOYERS)]} {n}",
            role=case["role"],
            job_code=case["job_code"] or "",
            employer_timezone=case["employer"]["timezone"],
            employer_country=case["employer"]["country"],
            employer_subdivision=case["employer"]["subdivision"] or "",
            employer_style=case["employer"]["style"],
            planned_at=now,
        )
        for n, case in enumerate(cases)
    )
    # Added over the last half year, one application every few hours.
    for n, row in enumerate(rows):
        row.created_at = now - timedelta(hours=4 * (len(rows) - n))
    Application.objects.bulk_update(rows, ["created_at"], batch_size=500)
    people: dict[tuple[int, str], Interviewer] = {}
    talks: dict[tuple[int, str], Interview] = {}
    for row, case in zip(rows, cases, strict=True):
        for interview in case["interviews"]:
            for person in interview["interviewers"]:
                people[(row.pk, person["id"])] = Interviewer(
                    application=row,
                    name=person["name"],
                    title=person.get("title") or "",
                    email=person.get("email") or "",
                    phone=person.get("phone") or "",
                    address=person.get("address") or "",
                    is_primary=bool(person.get("primary")),
                )
            talks[(row.pk, interview["id"])] = Interview(
                application=row,
                round=interview["round"],
                start=datetime.fromisoformat(interview["start"]),
                end=datetime.fromisoformat(interview["end"]),
                decision_by=_day(interview["decision_by"]),
                agreed_follow_up=_day(interview["agreed_follow_up"]),
                still_interviewing_others=interview["still_interviewing_others"],
                preferred_channel=interview["preferred_channel"] or "",
            )
    Interviewer.objects.bulk_create(people.values(), batch_size=500)
    Interview.objects.bulk_create(talks.values(), batch_size=500)
    links = []
    for row, case in zip(rows, cases, strict=True):
        for interview in case["interviews"]:
            for person in interview["interviewers"]:
                links.append(
                    Interview.interviewers.through(
                        interview=talks[(row.pk, interview["id"])],
                        interviewer=people[(row.pk, person["id"])],
                    )
                )
    Interview.interviewers.through.objects.bulk_create(links, batch_size=500)
    events, actions = [], []
    for row, case in zip(rows, cases, strict=True):
        for event in case["events"]:
            events.append(
                Event(
                    application=row,
                    at=datetime.fromisoformat(event["at"]),
                    type=event["type"],
                    interview=talks.get((row.pk, event.get("interview", ""))),
                    interviewer=people.get((row.pk, event.get("interviewer", ""))),
                    channel=event.get("channel", ""),
                    action=event.get("action", ""),
                    promised_next=_day(event.get("promised_next")),
                    new_decision_by=_day(event.get("new_decision_by")),
                    deadline=_day(event.get("deadline")),
                    no_decision_yet=event.get("no_decision_yet"),
                )
            )
        result = plan(case_from_data(case, now), now)
        row.status = result.status
        for position, action in enumerate(result.actions):
            actions.append(
                Action(
                    application=row,
                    owner=user,
                    kind=action.kind,
                    # Unique within the application, as the planner's own keys are.
                    key=f"{action.kind.replace('_', '-')}-{position}",
                    interview=talks[(row.pk, action.interview)],
                    interviewer=(
                        people[(row.pk, action.interviewer)] if action.interviewer else None
                    ),
                    channel=action.channel,
                    earliest=action.earliest,
                    due=action.due,
                    latest=action.latest,
                    rules=list(action.rules),
                    why=action.why,
                    position=position,
                )
            )
    Event.objects.bulk_create(events, batch_size=500)
    Action.objects.bulk_create(actions, batch_size=500)
    Application.objects.bulk_update(rows, ["status"], batch_size=500)
    return user


@dataclass(frozen=True)
class Timing:
    p50_ms: float
    p95_ms: float
    cpu_ms: float  # this process's CPU time, median: what a busy machine's queue does not add
    runs: int
    html_bytes: int
    queries: int


def served(client: Any) -> Callable[[str], str]:
    """A function that GETs a URL through Django's WSGI handler with ``client``'s cookies.

    What gunicorn does for each request, unlike the test Client: the request's start and end
    signals run, and at the end Django closes a database connection it should not keep, so a
    page measured here pays for a new connection exactly when a served page does.
    """
    import io
    from http.cookies import SimpleCookie

    from django.core.handlers.wsgi import WSGIHandler

    handler = WSGIHandler()
    cookies = {name: morsel.value for name, morsel in client.cookies.items()}

    def get(url: str) -> str:
        path, _, query = url.partition("?")
        statuses: list[str] = []
        cookie = "; ".join(f"{name}={value}" for name, value in cookies.items())
        environ = {
            "REQUEST_METHOD": "GET",
            "PATH_INFO": path,
            "QUERY_STRING": query,
            "SERVER_NAME": "testserver",
            "SERVER_PORT": "443",
            "SERVER_PROTOCOL": "HTTP/1.1",
            "HTTP_HOST": "testserver",
            "HTTP_COOKIE": cookie,
            "REMOTE_ADDR": "127.0.0.1",
            "wsgi.url_scheme": "https",
            "wsgi.input": io.BytesIO(b""),
            "wsgi.errors": sys.stderr,
        }

        def start_response(status: str, headers: list[tuple[str, str]], *rest: Any) -> None:
            statuses.append(status)
            # Kept as a browser keeps them: the CSRF cookie the first page sets, above all.
            for name, value in headers:
                if name.lower() == "set-cookie":
                    cookies.update((key, m.value) for key, m in SimpleCookie(value).items())

        body = handler(environ, start_response)
        try:
            html = b"".join(body).decode()
        finally:
            body.close()
        assert statuses[0].startswith("200 "), (url, statuses[0])
        return html

    return get


def time_get(
    get: Callable[[str], str], url: str, runs: int = 50, warm: int = 3, budget_s: float = 60.0
) -> tuple[Timing, str]:
    """p50 and p95 of ``get(url)`` (fewer runs when a slow page would pass ``budget_s``)."""
    for _ in range(warm):
        get(url)
    html = ""

    def one() -> None:
        nonlocal html
        html = get(url)

    queries = len(recorded_sql(one))
    samples: list[float] = []
    cpu: list[float] = []
    started = time.perf_counter()
    while len(samples) < runs and (len(samples) < 5 or time.perf_counter() - started < budget_s):
        start, start_cpu = time.perf_counter(), time.process_time()
        get(url)
        samples.append(1000 * (time.perf_counter() - start))
        cpu.append(1000 * (time.process_time() - start_cpu))
    return Timing(
        statistics.median(samples),
        percentile(samples, 95),
        statistics.median(cpu),
        len(samples),
        len(html.encode()),
        queries,
    ), html


def percentile(samples: list[float], pct: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(pct / 100 * (len(ordered) - 1)))]


def recorded_sql(work: Callable[[], object]) -> list[tuple[str, Any]]:
    """Every (sql, params) that ``work`` sent to the database, in order."""
    from django.db import connection

    seen: list[tuple[str, Any]] = []

    def record(execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
        seen.append((sql, params))
        return execute(sql, params, many, context)

    with connection.execute_wrapper(record):
        work()
    return seen


def sql_floor(queries: list[tuple[str, Any]], runs: int = 50) -> float:
    """Median milliseconds to run ``queries`` on the raw DB-API connection, fetching every row."""
    from django.db import connection

    connection.ensure_connection()
    raw = connection.connection
    sqlite = connection.vendor == "sqlite"
    # Django writes %s placeholders; sqlite3 wants ?. Literal % in our queries is written %%.
    prepared = [
        ((sql.replace("%s", "?").replace("%%", "%") if sqlite else sql), params or ())
        for sql, params in queries
        if not sql.lstrip().upper().startswith(("SAVEPOINT", "RELEASE", "UPDATE", "INSERT"))
    ]
    samples = []
    for _ in range(runs):
        cursor = raw.cursor()
        start = time.perf_counter()
        for sql, params in prepared:
            cursor.execute(sql, params)
            cursor.fetchall()
        samples.append(1000 * (time.perf_counter() - start))
        cursor.close()
    return statistics.median(samples)


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    return f"{cpu}, {os.cpu_count()} CPUs, Python {platform.python_version()}"


def now_utc() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


def bench_pages(label: str, urls: list[str], sizes: list[int], runs: int, item: str) -> None:
    """Print one Markdown table row per (size, url): timings, SQL floor, HTML per ``item``.

    ``item`` is a regular expression matching one repeated element of the page (an action on
    Today, a card on the board), to report how many are shown and the largest one's bytes.
    """
    import re

    pattern = re.compile(item, re.S)
    with scratch_database(label) as backend:
        from django.test import Client

        now = now_utc()
        users = {size: seed_user(f"seeker{size}", size, now) for size in sizes}
        print(f"{label} on {backend}; {machine()}")
        print()
        print(
            "| applications | page | p50 ms | p95 ms | CPU ms | runs | queries | SQL floor ms "
            "| p50 / floor | items shown | HTML KB | bytes per item (mean / max) |"
        )
        print("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
        for size, user in users.items():
            client = Client()
            client.force_login(user)
            get = served(client)
            for url in urls:
                timing, html = time_get(get, url, runs=runs)
                floor = sql_floor(recorded_sql(lambda g=get, u=url: g(u)))
                items = [len(match.group().encode()) for match in pattern.finditer(html)]
                print(
                    f"| {size:,} | `{url}` | {timing.p50_ms:.1f} | {timing.p95_ms:.1f} "
                    f"| {timing.cpu_ms:.1f} "
                    f"| {timing.runs} | {timing.queries} | {floor:.2f} "
                    f"| {timing.p50_ms / floor:.1f} | {len(items):,} "
                    f"| {timing.html_bytes / 1024:,.0f} "
                    f"| {statistics.mean(items or [0]):,.0f} / {max(items, default=0):,} |",
                    flush=True,
                )
