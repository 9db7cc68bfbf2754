"""The cohort view of a coach with 500 students, in a career centre of 5,000, on PostgreSQL.

    PGPORT_TEST=55449 bash scripts/with-postgres.sh .venv/bin/python bench/career_centre.py
    .venv/bin/python bench/career_centre.py --students 500      # SQLite without DATABASE_URL

A scratch database (a new database on the PostgreSQL server DATABASE_URL names, dropped
afterwards; else a SQLite file in a temporary folder) is seeded with one organisation, N
students with 5 applications each (one interview each, a thank-you and a check-in planned per
application, some overdue, some silent, some deciding this week, some idle for weeks) and
N / 500 coaches, each with the consent of 500 students. Then, for one coach, timed per request
(``time.perf_counter``), after 20 untimed warm-up requests:

1. **view**: ``GET /coaching/cohort/`` through Django's test client: session and log-in, the
   coach's time zone, the access check, the page count, the 25 rows, the filter counts, the
   access-log INSERT of the 25 students shown, and the template;
2. the same with a filter and a sort (``?filter=silent&sort=idle``);
3. **floor**: the bare SQL that page needs, through psycopg (or sqlite3) on an open
   connection: the four reads the view makes (the consenting students; their applications,
   overdue thank-yous and this week's decisions, each grouped by student), nothing else.

p50 and p95 over ``--requests`` requests each. Goal: view p95 <= 200 ms.
"""

from __future__ import annotations

import argparse
import os
import platform
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

APPLICATIONS_EACH = 5
STUDENTS_PER_COACH = 500
PASSWORD_HASH = "md5$bench$0"  # nobody logs in with a password: the client uses force_login


def seed(students: int, now: datetime) -> int:
    """The centre, its students' applications, plans and consents; the first coach's id."""
    from django.contrib.auth import get_user_model
    from django.db import transaction

    from afterword.coaching.models import Consent, Membership, Organisation
    from afterword.tracker.models import Action, Application, Interview

    users = get_user_model()
    coaches = max(1, students // STUDENTS_PER_COACH)
    with transaction.atomic():
        organisation = Organisation.objects.create(name="Bench Careers")
        staff = users.objects.bulk_create(
            users(username=f"coach{n}", password=PASSWORD_HASH) for n in range(coaches)
        )
        people = users.objects.bulk_create(
            users(username=f"student{n:05d}", first_name=f"Student{n}", password=PASSWORD_HASH)
            for n in range(students)
        )
        Membership.objects.bulk_create(
            [
                Membership(organisation=organisation, user=u, role="coach", joined_at=now)
                for u in staff
            ]
            + [
                Membership(organisation=organisation, user=u, role="student", joined_at=now)
                for u in people
            ]
        )
        Consent.objects.bulk_create(
            Consent(
                organisation=organisation,
                student=person,
                coach=staff[n // STUDENTS_PER_COACH % coaches],
                granted_at=now,
            )
            for n, person in enumerate(people)
        )
        statuses = ["thank_you_pending", "waiting", "waiting", "no_response", "decided"]
        applications = Application.objects.bulk_create(
            Application(
                owner=person,
                employer=f"Employer {(n * 7 + k) % 300}",
                role="Analyst",
                status=statuses[(n + k) % 5],
            )
            for n, person in enumerate(people)
            for k in range(APPLICATIONS_EACH)
        )
        # Some students stopped applying weeks ago: move their applications back in time.
        idle = [a.pk for a in applications if a.owner_id % 7 == 0]
        Application.objects.filter(pk__in=idle).update(created_at=now - timedelta(days=30))
        interviews = Interview.objects.bulk_create(
            Interview(
                application=a,
                start=now - timedelta(days=a.pk % 9, hours=2),
                end=now - timedelta(days=a.pk % 9, hours=1),
                decision_by=(now + timedelta(days=a.pk % 20 - 5)).date(),
            )
            for a in applications
        )
        actions = []
        for interview in interviews:
            application = interview.application
            if application.status == "decided":
                continue
            ended = interview.end
            actions.append(
                Action(
                    application=application,
                    owner_id=application.owner_id,
                    kind="thank_you_email",
                    key=f"thank-you-email-{interview.pk}-0-1",
                    interview=interview,
                    channel="email",
                    earliest=ended,
                    due=ended + timedelta(hours=24),
                    latest=ended + timedelta(hours=48),
                    why="Thank them within a day.",
                    position=0,
                )
            )
            actions.append(
                Action(
                    application=application,
                    owner_id=application.owner_id,
                    kind="check_in_email",
                    key=f"check-in-email-{interview.pk}-0-1",
                    interview=interview,
                    channel="email",
                    earliest=ended + timedelta(days=6),
                    due=ended + timedelta(days=7),
                    latest=ended + timedelta(days=8),
                    why="Check in a week later.",
                    position=1,
                )
            )
        Action.objects.bulk_create(actions, batch_size=5000)
    from django.db import connection

    with connection.cursor() as cursor:
        # Fresh statistics, as autovacuum would have them by the time anyone looks.
        cursor.execute("ANALYZE")
    return int(staff[0].pk)


CONSENTING = (
    "SELECT c.student_id FROM coaching_consent c WHERE c.coach_id = {coach} "
    "AND c.revoked_at IS NULL AND EXISTS (SELECT 1 FROM coaching_membership m "
    "WHERE m.organisation_id = c.organisation_id AND m.user_id = {coach} "
    "AND m.role IN ('admin', 'coach'))"
)


def floor_queries(backend: str, ids: list[int]) -> list[str]:
    """The four reads the page needs, as bare SQL: the students, then their applications,
    overdue thank-yous and this week's decisions, each grouped by student (``ids``: theirs)."""
    among = ", ".join(str(int(pk)) for pk in ids)
    queries = [
        "SELECT u.id, u.username, u.first_name, u.last_name, u.email FROM auth_user u "
        f"WHERE u.id IN ({CONSENTING}) ORDER BY u.id",
        "SELECT owner_id, COUNT(*), SUM(CASE WHEN status = 'no_response' THEN 1 ELSE 0 END), "
        f"MAX(created_at) FROM tracker_application WHERE owner_id IN ({among}) "
        "GROUP BY owner_id",
        f"SELECT owner_id, COUNT(*) FROM tracker_action WHERE owner_id IN ({among}) "
        "AND kind IN ('thank_you_email', 'thank_you_letter') "
        "AND latest < {now} GROUP BY owner_id",
        "SELECT a.owner_id, COUNT(DISTINCT i.application_id) FROM tracker_interview i "
        "JOIN tracker_application a ON a.id = i.application_id "
        f"WHERE a.owner_id IN ({among}) AND a.status <> 'decided' "
        "AND i.decision_by BETWEEN {first} AND {last} GROUP BY a.owner_id",
    ]
    marker = "%s" if backend == "postgresql" else "?"
    return [_params(query, marker) for query in queries]


def _params(sql: str, marker: str) -> str:
    for name in ("coach", "now", "first", "last"):
        sql = sql.replace("{" + name + "}", f"%({name})s")
    if marker == "?":
        for name in ("coach", "now", "first", "last"):
            sql = sql.replace(f"%({name})s", f":{name}")
    return sql


def timed(call: Callable[[], Any], requests: int, warm: int = 20) -> list[float]:
    for _ in range(warm):
        call()
    found = []
    for _ in range(requests):
        start = time.perf_counter()
        call()
        found.append((time.perf_counter() - start) * 1000)
    return found


def percentiles(samples: list[float]) -> tuple[float, float]:
    cuts = statistics.quantiles(samples, n=100, method="inclusive")
    return statistics.median(samples), cuts[94]


def run(students: int, requests: int) -> dict[str, Any]:
    with scratch_database() as (backend, target):
        import django

        django.setup()
        from django.core.management import call_command
        from django.test import Client

        from afterword.tracker.preferences import settings_for

        call_command("migrate", verbosity=0)
        now = datetime.now(UTC)
        started = time.perf_counter()
        coach_id = seed(students, now)
        seeded = time.perf_counter() - started
        from django.contrib.auth import get_user_model

        coach = get_user_model().objects.get(pk=coach_id)
        zone = settings_for(coach).timezone
        client = Client()
        client.force_login(coach)

        def page(path: str) -> Callable[[], Any]:
            def get() -> Any:
                response = client.get(path)
                assert response.status_code == 200, response.status_code
                return response

            return get

        shown = page("/coaching/cohort/")().content.decode()
        assert shown.count('<th scope="row"') == 25, "expected a full page of 25 students"
        results: dict[str, Any] = {
            "backend": backend,
            "students": students,
            "seed_s": round(seeded, 1),
            "zone": zone,
        }
        results["view"] = percentiles(timed(page("/coaching/cohort/"), requests))
        results["view_filtered"] = percentiles(
            timed(page("/coaching/cohort/?filter=silent&sort=idle"), requests)
        )
        from afterword.tracker.access import coached

        queries = floor_queries(backend, coached(coach).student_ids)
        today = now.date()
        values = {
            "coach": coach_id,
            "now": now if backend == "postgresql" else now.isoformat(" "),
            "first": today if backend == "postgresql" else today.isoformat(),
            "last": today + timedelta(days=6)
            if backend == "postgresql"
            else (today + timedelta(days=6)).isoformat(),
        }
        if backend == "postgresql":
            import psycopg

            connection: Any = psycopg.connect(target)
        else:
            connection = sqlite3.connect(target)

        def bare() -> None:
            found = [connection.execute(query, values).fetchall() for query in queries]
            assert len(found[0]) == STUDENTS_PER_COACH

        results["floor"] = percentiles(timed(bare, requests))
        connection.close()
        return results


def report(result: dict[str, Any]) -> str:
    floor95 = result["floor"][1]
    lines = [
        f"{result['backend']}, {result['students']:,} students x {APPLICATIONS_EACH} "
        f"applications, seeded in {result['seed_s']} s; the cohort of a coach with "
        f"{STUDENTS_PER_COACH} students",
        "",
        "| request | p50 ms | p95 ms | p95 x floor |",
        "|---|---|---|---|",
    ]
    for key, label in (
        ("view", "**GET /coaching/cohort/** (whole view)"),
        ("view_filtered", "GET /coaching/cohort/?filter=silent&sort=idle"),
        ("floor", "floor: the same four reads as bare SQL (psycopg)"),
    ):
        p50, p95 = result[key]
        lines.append(f"| {label} | {p50:.1f} | {p95:.1f} | {p95 / floor95:.1f} |")
    lines.append("")
    lines.append(f"goal: view p95 <= 200 ms: {'met' if result['view'][1] <= 200 else 'NOT met'}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--students", type=int, default=5_000)
    parser.add_argument("--requests", type=int, default=200)
    options = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "afterword.settings")
    # The test client speaks plain HTTP to "testserver".
    os.environ.setdefault("AFTERWORD_ALLOWED_HOSTS", "testserver")
    os.environ.setdefault("AFTERWORD_SSL_REDIRECT", "false")
    result = run(options.students, options.requests)
    print(report(result))
    print(
        f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} CPUs; "
        f"Python {platform.python_version()}"
    )


if __name__ == "__main__":
    main()
