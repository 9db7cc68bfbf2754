"""The JSON API's list endpoints at career-centre size: p50 and p95 against their bare SQL.

    PGPORT_TEST=55450 bash scripts/with-postgres.sh .venv/bin/python bench/api.py
    .venv/bin/python bench/api.py --users 500            # SQLite without DATABASE_URL

A scratch database (a new PostgreSQL database on the server DATABASE_URL names, or a SQLite
file) is seeded in bulk with N users (default 5,000), each with 5 applications, one interview
and one interviewer per application, 2 events and 2 pending actions per application. Then one
user's read token calls each list endpoint through Django's full request path (middleware,
token lookup, throttle counter, ninja, serialisation) R times in this process, and the bare
SQL each answer needs (the page of rows and the count, with psycopg or sqlite3 directly) is
timed the same way. Goal (issue 16): p95 <= 50 ms for the API lists.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import statistics
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

# The scratch database every PostgreSQL benchmark uses (bench/ is on sys.path as the script's
# own folder).
from digest import scratch_database  # noqa: E402

NOW = datetime(2026, 3, 4, 12, 30, tzinfo=UTC)
APPS_PER_USER = 5


def seed(users: int) -> Any:
    """N users with their applications, interviews, people, events and actions; one of them."""
    from django.contrib.auth.models import User

    from afterword.tracker.models import (
        Action,
        Application,
        Event,
        Interview,
        Interviewer,
    )

    User.objects.bulk_create(User(username=f"student{n:05d}", password="!") for n in range(users))
    owners = list(User.objects.order_by("pk").values_list("pk", flat=True))
    Application.objects.bulk_create(
        (
            Application(
                owner_id=owner,
                employer=f"Employer {owner % 400}",
                role="Graduate Analyst",
                employer_timezone="Europe/London",
                employer_country="GB",
                status="waiting",
                planned_at=NOW,
            )
            for owner in owners
            for _ in range(APPS_PER_USER)
        ),
        batch_size=5000,
    )
    applications = list(Application.objects.values_list("pk", "owner_id"))
    Interviewer.objects.bulk_create(
        (Interviewer(application_id=pk, name=f"Person {pk}") for pk, _ in applications),
        batch_size=5000,
    )
    Interview.objects.bulk_create(
        (
            Interview(
                application_id=pk,
                round=1,
                start=NOW - timedelta(days=3, hours=1),
                end=NOW - timedelta(days=3),
            )
            for pk, _ in applications
        ),
        batch_size=5000,
    )
    interviews = dict(Interview.objects.values_list("application_id", "pk"))
    people = dict(Interviewer.objects.values_list("application_id", "pk"))
    Interview.interviewers.through.objects.bulk_create(
        (
            Interview.interviewers.through(interview_id=interviews[pk], interviewer_id=people[pk])
            for pk, _ in applications
        ),
        batch_size=5000,
    )
    Event.objects.bulk_create(
        (
            Event(application_id=pk, type=kind, at=NOW - timedelta(days=days))
            for pk, _ in applications
            for kind, days in (("thank_you_sent", 2), ("reply", 1))
        ),
        batch_size=5000,
    )
    Action.objects.bulk_create(
        (
            Action(
                application_id=pk,
                owner_id=owner,
                kind="check_in_email",
                key=f"check-in-email-{interviews[pk]}-{people[pk]}-{position + 1}",
                interview_id=interviews[pk],
                interviewer_id=people[pk],
                channel="email",
                earliest=NOW + timedelta(days=day),
                due=NOW + timedelta(days=day, hours=1),
                latest=NOW + timedelta(days=day, hours=8),
                rules=["F1"],
                why="A check-in.",
                position=position,
            )
            for pk, owner in applications
            for position, day in enumerate((1, 6))
        ),
        batch_size=5000,
    )
    return User.objects.get(pk=owners[len(owners) // 2])


def percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered), ordered[int(0.95 * (len(ordered) - 1))]


def timed(call: Callable[[], Any], repeats: int) -> list[float]:
    for _ in range(5):
        call()
    samples = []
    for _ in range(repeats):
        start = time.perf_counter()
        call()
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def bare_sql(backend: str) -> Callable[[str, tuple[Any, ...]], Callable[[], Any]]:
    """A runner of one query on a direct connection (no Django), for the floor."""
    from django.conf import settings

    if backend == "postgresql":
        import psycopg

        connection: Any = psycopg.connect(os.environ["DATABASE_URL"], autocommit=True)
        marker = "%s"
    else:
        connection = sqlite3.connect(settings.DATABASES["default"]["NAME"])
        marker = "?"

    def runner(sql: str, params: tuple[Any, ...]) -> Callable[[], Any]:
        text = sql.replace("%s", marker)
        return lambda: connection.execute(text, params).fetchall()

    return runner


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=5000)
    parser.add_argument("--repeats", type=int, default=200)
    options = parser.parse_args()
    with scratch_database() as (backend, _target):
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "afterword.settings")
        os.environ["AFTERWORD_DEBUG"] = "false"
        import django

        django.setup()
        from django.conf import settings
        from django.core.management import call_command
        from django.test import Client

        from afterword.api.tokens import create_token

        settings.ALLOWED_HOSTS = ["testserver"]
        settings.SECURE_SSL_REDIRECT = False
        call_command("migrate", verbosity=0)
        call_command("createcachetable", verbosity=0)
        started = time.perf_counter()
        user = seed(options.users)
        seeded = time.perf_counter() - started
        secret = create_token(user, "bench", can_write=False).secret
        client = Client(headers={"Authorization": f"Bearer {secret}"})
        settings.RATELIMIT_ENABLE = True
        # The counter is still read and written on every call (its cost is measured); only
        # the budget is raised past the repeats of this run.
        from afterword.api import throttle

        throttle.READS = "1000000/m"
        application = user.applications.order_by("pk").first()
        sql = bare_sql(backend)
        floors = {
            "/api/applications": [
                sql(
                    "SELECT * FROM tracker_application WHERE owner_id = %s "
                    "ORDER BY created_at DESC, id DESC LIMIT 50",
                    (user.pk,),
                ),
                sql("SELECT COUNT(*) FROM tracker_application WHERE owner_id = %s", (user.pk,)),
            ],
            f"/api/applications/{application.pk}/events": [
                sql(
                    "SELECT * FROM tracker_event WHERE application_id = %s "
                    "ORDER BY at, id LIMIT 50",
                    (application.pk,),
                ),
                sql(
                    "SELECT COUNT(*) FROM tracker_event WHERE application_id = %s",
                    (application.pk,),
                ),
            ],
            "/api/drafts": [
                sql(
                    "SELECT * FROM tracker_draft WHERE owner_id = %s "
                    "ORDER BY updated_at DESC, id DESC LIMIT 50",
                    (user.pk,),
                ),
                sql("SELECT COUNT(*) FROM tracker_draft WHERE owner_id = %s", (user.pk,)),
            ],
        }
        print(
            f"{backend}: {options.users:,} users x {APPS_PER_USER} applications "
            f"(seeded in {seeded:.1f} s); {options.repeats} calls each"
        )
        print(f"{'endpoint':44} {'p50 ms':>7} {'p95 ms':>7} {'SQL p50':>8} {'ratio':>6}")
        for path, queries in floors.items():

            def call(path: str = path) -> None:
                response = client.get(path)
                assert response.status_code == 200, (path, response.status_code)

            p50, p95 = percentiles(timed(call, options.repeats))
            floor = percentiles(
                timed(lambda queries=queries: [q() for q in queries], options.repeats)
            )[0]
            print(f"{path:44} {p50:7.2f} {p95:7.2f} {floor:8.3f} {p50 / floor:6.1f}x")


if __name__ == "__main__":
    main()
