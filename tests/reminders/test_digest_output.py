"""Every byte a user receives in the morning digest, held against stored expected messages.

Sixteen varied users (time zones a whole, half or three quarters of an hour off, either side of
the date line, a day the clocks go forward; names and employers with markup, quotes and
accents; full, partial, empty and quiet digests; the nudge once a week; a line longer than
mail allows; a digest turned off, a user made inactive, an archived application) get their
digests from the worker's jobs, hour by hour over two days, through Django's mail backend.
Each message, whole (headers, both parts as encoded for the wire), and every row's outcome
are compared with the files in ``expected_digests/``, which were written by the code before
the digest was made faster (commit ea1bc89), so any change in what a user gets shows here.

To write the files again after an intended change of the digest:
``AFTERWORD_WRITE_DIGESTS=1 pytest tests/reminders/test_digest_output.py`` (the run then
fails, saying so), and review the difference.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from django.core import mail

from afterword.reminders.models import Reminder, ReminderKind, ReminderSettings
from afterword.tracker.models import Action, Application, Interview, Interviewer
from afterword.tracker.preferences import settings_for
from tests.factories import UserFactory
from tests.reminders.helpers import tick

EXPECTED = Path(__file__).parent / "expected_digests"
WRITE = os.environ.get("AFTERWORD_WRITE_DIGESTS") == "1"
# Wed 4 Mar 2026, 00:00 UTC: the users' mornings fall in the next two days; then Sun 8 Mar,
# when New York's clocks go forward at 02:00.
START = datetime(2026, 3, 4, 0, 0, tzinfo=UTC)
DST_DAY = datetime(2026, 3, 8, 0, 0, tzinfo=UTC)
# Three of these named in one paragraph make a line longer than mail's 998 bytes: the parts
# are then sent quoted-printable.
LONG_EMPLOYER = ("Ελληνικές Αναλύσεις Δεδομένων Ανώνυμη Εταιρεία & Συνεργάτες " * 4)[:190].strip()


@dataclass
class Plan:
    """One application of a user, and its pending actions (kind, due, hours open after)."""

    employer: str
    actions: list[tuple[str, datetime, int]] = field(default_factory=list)
    role: str = "Data Analyst"
    employer_zone: str = "America/New_York"
    country: str = "US"
    interviewer: str | None = "Priya Natarajan"
    status: str = "thank_you_pending"
    added_days_ago: int = 8
    archived: bool = False


@dataclass
class Person:
    username: str
    zone: str
    plans: list[Plan]
    full_name: str = ""
    hour: int = 7
    enabled: bool = True
    active: bool = True


def at(day: int, hour: int, minute: int = 0) -> datetime:
    """A moment in March 2026, UTC."""
    return datetime(2026, 3, day, hour, minute, tzinfo=UTC)


def week(employer: str, **more: Any) -> Plan:
    """The usual three follow-ups around 4 Mar: overdue, due within a day, later this week."""
    return Plan(
        employer,
        [
            ("thank_you_email", at(3, 15, 30), 24),
            ("thank_you_letter", at(5, 1, 30), 48),
            ("check_in_email", at(8, 14, 0), 48),
        ],
        **more,
    )


PEOPLE = [
    Person(
        "ny_full",
        "America/New_York",
        [
            week("Harbour Logistics"),
            Plan(
                "Kestrel Labs",
                [
                    ("thank_you_email", at(2, 18, 0), 12),
                    ("check_in_call", at(4, 16, 0), 6),
                    ("check_portal", at(20, 9, 0), 24),
                ],
                employer_zone="Europe/Berlin",
                country="DE",
                interviewer="Jonas Weber",
                status="waiting",
            ),
        ],
        full_name="Sam Rivera",
    ),
    Person(
        "tokyo",
        "Asia/Tokyo",
        [
            Plan(
                "Pacific Freight",
                [("check_in_email", at(4, 23, 30), 24), ("thank_you_email", at(5, 2, 0), 24)],
            )
        ],
        hour=5,
    ),
    Person(
        "auckland",
        "Pacific/Auckland",
        [
            Plan(
                "Tui Analytics",
                [("check_in_email", at(9, 22, 0), 24)],
                employer_zone="Pacific/Auckland",
                country="NZ",
                added_days_ago=2,
            )
        ],
        full_name="Aroha  Ngata ",
        hour=11,
    ),
    Person(
        "kolkata",
        "Asia/Kolkata",
        [week("Thames Insight", employer_zone="Europe/London", country="GB")],
        full_name="Priya",
    ),
    Person(
        "kathmandu",
        "Asia/Kathmandu",
        [week("Everest Data", employer_zone="Asia/Kolkata", country="IN")],
        hour=9,
    ),
    Person("gmt_plus5", "Etc/GMT+5", [week("Employer 7")], hour=8),
    Person(
        "escapes",
        "Europe/Berlin",
        [
            week(
                "Müller & Söhne <GmbH>",
                role='Analyst "Senior" <i>II</i>',
                employer_zone="Europe/Berlin",
                country="DE",
                interviewer="Ana-María Núñez & <Co>",
            )
        ],
        full_name="Zoë <b>O'Brien</b> & co",
        hour=6,
    ),
    Person(
        "long_lines",
        "Europe/Paris",
        [Plan(LONG_EMPLOYER + f" {n}", [], status="waiting", added_days_ago=10) for n in range(7)]
        + [week(LONG_EMPLOYER, employer_zone="Europe/Paris", country="FR")],
        hour=10,
    ),
    Person(
        "many_apps",
        "America/Los_Angeles",
        [week("Cedar Works")]
        + [Plan(f"Studio {n}", [], status="waiting", added_days_ago=9) for n in range(3)]
        + [Plan("Old Decided", [], status="decided", added_days_ago=40)],
        hour=5,
    ),
    Person(
        "nudge_only",
        "UTC",
        [Plan("Quiet Harbour", [], status="waiting", added_days_ago=20)],
        hour=9,
    ),
    Person(
        "busy_search",
        "UTC",
        [Plan(f"Lively {n}", [], status="waiting", added_days_ago=1) for n in range(5)],
        hour=9,
    ),
    Person(
        "no_role",
        "America/Chicago",
        [
            Plan(
                "Solo Consulting",
                [("check_in_email", at(4, 20, 0), 24), ("thank_you_email", at(4, 15, 0), 6)],
                role="",
                interviewer=None,
            )
        ],
        hour=6,
    ),
    Person("turned_off", "Europe/Berlin", [week("Nobody Reads This")], enabled=False),
    Person("inactive", "Europe/Berlin", [week("Gone Away")], active=False),
    Person(
        "archived",
        "Europe/Madrid",
        [
            week("Archived Co", archived=True),
            Plan("Live Co", [("check_in_email", at(6, 9, 0), 24)], status="waiting"),
        ],
    ),
    Person(
        "dst",
        "America/New_York",
        [
            Plan(
                "Spring Forward Inc",
                [
                    ("thank_you_email", at(8, 6, 30), 24),
                    ("check_in_email", at(8, 7, 30), 24),
                    ("check_in_call", at(9, 6, 30), 24),
                ],
            )
        ],
        hour=5,
    ),
]


def make(person: Person, number: int) -> None:
    """``person`` with their applications and actions, ids fixed so that links compare."""
    user = UserFactory(username=person.username, is_active=person.active)
    prefs = settings_for(user)
    prefs.timezone, prefs.full_name = person.zone, person.full_name
    prefs.save()
    ReminderSettings.objects.create(
        user=user, digest_hour=person.hour, digest_enabled=person.enabled
    )
    for n, plan in enumerate(person.plans):
        application = Application.objects.create(
            id=80_000 + 100 * number + n,
            owner=user,
            employer=plan.employer,
            role=plan.role,
            employer_timezone=plan.employer_zone,
            employer_country=plan.country,
            status=plan.status,
            archived_at=at(3, 9) if plan.archived else None,
        )
        Application.objects.filter(pk=application.pk).update(
            created_at=at(4, 0) - timedelta(days=plan.added_days_ago)
        )
        interviewer = None
        if plan.interviewer is not None:
            interviewer = Interviewer.objects.create(application=application, name=plan.interviewer)
        interview = Interview.objects.create(
            application=application, start=at(2, 14), end=at(2, 15)
        )
        Action.objects.bulk_create(
            Action(
                application=application,
                owner=user,
                kind=kind,
                key=f"{kind.replace('_', '-')}-{position}",
                interview=interview,
                interviewer=interviewer,
                channel="post" if kind == "thank_you_letter" else "email",
                earliest=due - timedelta(hours=2),
                due=due,
                latest=due + timedelta(hours=hours),
                rules=["K1"],
                why="Set for the digest output test.",
                position=position,
            )
            for position, (kind, due, hours) in enumerate(plan.actions)
        )


def normalised(message: Any) -> str:
    """The message as it goes on the wire, with what differs from run to run named instead:
    the date, the MIME boundary, the row's id; the user's id is replaced by their name."""
    wire = message.message().as_bytes(linesep="\n").decode("utf-8")
    wire = re.sub(r"(?m)^Date: .*$", "Date: <date>", wire)
    boundaries = set(re.findall(r'boundary="([^"]+)"', wire))
    for n, boundary in enumerate(sorted(boundaries)):
        wire = wire.replace(boundary, f"<boundary {n}>")
    wire = re.sub(r"<afterword-reminder-\d+@", "<afterword-reminder-<id>@", wire)
    return wire


def run_mornings() -> tuple[dict[str, str], dict[str, Any]]:
    """Every digest sent over two days and a spring-forward day, and every row's outcome."""
    for number, person in enumerate(PEOPLE):
        make(person, number)
    names = {user_id: name for name, user_id in _user_ids().items()}
    mail.outbox = []
    moments = [START + timedelta(hours=h) for h in range(48)]
    moments += [DST_DAY + timedelta(hours=h) for h in range(24)]
    for moment in moments:
        tick(moment)
    messages: dict[str, str] = {}
    for message in mail.outbox:
        user_id, day = message.extra_headers["X-Afterword-Reminder"].split(":")[1:]
        name = f"{names[int(user_id)]}-{day}"
        assert name not in messages, f"{name} was sent twice"
        messages[name] = normalised(message).replace(f"digest:{user_id}:", f"digest:<{name}>:")
    outcomes = {
        f"{names[row.owner_id]}-{row.payload['day']}": {
            "state": row.state,
            "attempts": row.attempts,
            "last_error": row.last_error,
            "payload": row.payload,
        }
        for row in Reminder.objects.filter(kind=ReminderKind.DIGEST).exclude(
            state="pending", attempts=0
        )
    }
    return messages, dict(sorted(outcomes.items()))


def _user_ids() -> dict[str, int]:
    from django.contrib.auth import get_user_model

    return dict(get_user_model().objects.values_list("username", "pk"))


@pytest.mark.django_db
def test_every_digest_is_what_the_users_received_before() -> None:
    """Each message, byte for byte but its date and boundaries, and every row's outcome."""
    messages, outcomes = run_mornings()

    if WRITE:
        EXPECTED.mkdir(exist_ok=True)
        for old in EXPECTED.glob("*.eml"):
            old.unlink()
        for name, text in messages.items():
            (EXPECTED / f"{name}.eml").write_text(text, encoding="utf-8")
        (EXPECTED / "outcomes.json").write_text(
            json.dumps(outcomes, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
        )
        pytest.fail("expected digests written; review them, then run again without the flag")
    expected = {path.stem: path.read_text(encoding="utf-8") for path in EXPECTED.glob("*.eml")}
    assert sorted(messages) == sorted(expected)
    for name, text in messages.items():
        assert text == expected[name], name
    stored = json.loads((EXPECTED / "outcomes.json").read_text(encoding="utf-8"))
    assert outcomes == stored
