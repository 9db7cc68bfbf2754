"""Fill a database with users whose morning digest is due, for the worker-process test and the
digest benchmark.

Run as ``python -m tests.support.seed_reminders --users N`` with AFTERWORD_DATA_DIR or
DATABASE_URL naming the scratch database: it migrates and adds N users. Each has an email
address, a time zone in which ``now`` is a few minutes past their digest hour (05:00 to 11:00,
spread evenly), one application with an interview that ended the day before, and three
pending actions: a thank-you overdue, a letter due today or tomorrow, a check-in this week.
Rows are written in bulk (no planner run per user), so 10,000 users take seconds.
"""

from __future__ import annotations

import argparse
import os
from datetime import UTC, datetime, timedelta

DIGEST_HOURS = range(5, 12)
EMPLOYERS = (
    ("America/New_York", "US", "NY"),
    ("Europe/Berlin", "DE", "BE"),
)


def zone_where_it_is(hour: int, now: datetime) -> str:
    """A fixed-offset zone in which ``now`` falls in ``hour`` (Etc/GMT signs are reversed)."""
    offset = (hour - now.astimezone(UTC).hour) % 24
    if offset > 14:
        offset -= 24
    return "Etc/GMT" if offset == 0 else f"Etc/GMT{-offset:+d}"


def seed(users: int, now: datetime, batch: int = 2000) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "afterword.settings")
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.db import connection

    from afterword.reminders.models import ReminderSettings
    from afterword.tracker.models import (
        Action,
        Application,
        Interview,
        Interviewer,
        UserSettings,
    )

    call_command("migrate", interactive=False, verbosity=0)
    User = get_user_model()
    ended = now - timedelta(hours=20)
    for start in range(0, users, batch):
        numbers = range(start, min(start + batch, users))
        people = User.objects.bulk_create(
            [
                # "!" is Django's mark for an unusable password: no hashing cost.
                User(username=f"seeker{n}", email=f"seeker{n}@example.test", password="!")
                for n in numbers
            ]
        )
        UserSettings.objects.bulk_create(
            [
                UserSettings(user=person, timezone=zone_where_it_is(DIGEST_HOURS[n % 7], now))
                for n, person in zip(numbers, people, strict=True)
            ]
        )
        ReminderSettings.objects.bulk_create(
            [
                ReminderSettings(user=person, digest_hour=DIGEST_HOURS[n % 7])
                for n, person in zip(numbers, people, strict=True)
            ]
        )
        applications = Application.objects.bulk_create(
            [
                Application(
                    owner=person,
                    employer=f"Employer {n}",
                    role="Data Analyst",
                    employer_timezone=EMPLOYERS[n % 2][0],
                    employer_country=EMPLOYERS[n % 2][1],
                    employer_subdivision=EMPLOYERS[n % 2][2],
                    status="thank_you_pending",
                )
                for n, person in zip(numbers, people, strict=True)
            ]
        )
        interviewers = Interviewer.objects.bulk_create(
            [
                Interviewer(application=application, name=f"Interviewer {n}", is_primary=True)
                for n, application in zip(numbers, applications, strict=True)
            ]
        )
        interviews = Interview.objects.bulk_create(
            [
                Interview(application=application, start=ended - timedelta(hours=1), end=ended)
                for application in applications
            ]
        )
        Interview.interviewers.through.objects.bulk_create(
            [
                Interview.interviewers.through(interview=interview, interviewer=person)
                for interview, person in zip(interviews, interviewers, strict=True)
            ]
        )
        actions = []
        for application, interview, person in zip(
            applications, interviews, interviewers, strict=True
        ):
            for position, (kind, due) in enumerate(
                (
                    ("thank_you_email", ended + timedelta(hours=4)),
                    ("thank_you_letter", now + timedelta(hours=20)),
                    ("check_in_email", now + timedelta(days=4)),
                )
            ):
                actions.append(
                    Action(
                        application=application,
                        owner_id=application.owner_id,
                        kind=kind,
                        key=kind.replace("_", "-"),
                        interview=interview,
                        interviewer=person,
                        channel="post" if kind == "thank_you_letter" else "email",
                        earliest=due - timedelta(hours=4),
                        due=due,
                        latest=due + timedelta(hours=24),
                        rules=["K1", "K2"],
                        why="Seeded for the digest benchmark.",
                        position=position,
                    )
                )
        Action.objects.bulk_create(actions)
    # Added a week before: the keep-searching nudge then depends on the count, as for most users.
    Application.objects.update(created_at=now - timedelta(days=8))
    # Statistics, as a database in use has them (autovacuum gathers them about a minute after
    # a bulk load): without them PostgreSQL plans for tables it believes nearly empty, and may
    # gather them in the middle of a run, which then measures two different plans.
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--users", type=int, required=True)
    parser.add_argument(
        "--now", default="", help="ISO time the digests are due by (default: the clock)"
    )
    options = parser.parse_args()
    now = datetime.fromisoformat(options.now) if options.now else datetime.now(UTC)
    seed(options.users, now)


if __name__ == "__main__":
    main()
