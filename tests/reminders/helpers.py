"""Helpers for the reminder tests: a user with a plan in a given zone, and one worker tick."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import time_machine
from django.core import mail
from django.utils import timezone

from afterword.reminders.models import Reminder, ReminderKind
from afterword.reminders.schedule import schedule_reminders
from afterword.reminders.send import send_reminders
from afterword.tracker.models import Application
from afterword.tracker.preferences import settings_for
from afterword.tracker.services import replan
from tests.factories import ApplicationFactory, InterviewerFactory, InterviewFactory, UserFactory


def set_zone(user: Any, zone: str) -> None:
    prefs = settings_for(user)
    prefs.timezone = zone
    prefs.save()


def busy_user(
    username: str,
    zone: str,
    interview_end: datetime,
    *,
    employer_zone: str = "America/New_York",
    employer_country: str = "US",
    employer_subdivision: str = "NY",
) -> Any:
    """A user in ``zone`` whose interview ended at ``interview_end``, planned right then."""
    user = UserFactory(username=username)
    set_zone(user, zone)
    add_interview(
        user,
        interview_end,
        employer_zone=employer_zone,
        employer_country=employer_country,
        employer_subdivision=employer_subdivision,
    )
    return user


def add_interview(
    user: Any,
    interview_end: datetime,
    *,
    employer: str = "Harbour Logistics",
    person: str = "Priya Natarajan",
    employer_zone: str = "America/New_York",
    employer_country: str = "US",
    employer_subdivision: str = "NY",
) -> Application:
    with time_machine.travel(interview_end, tick=False):
        application = ApplicationFactory(
            owner=user,
            employer=employer,
            employer_timezone=employer_zone,
            employer_country=employer_country,
            employer_subdivision=employer_subdivision,
        )
        interviewer = InterviewerFactory(application=application, name=person)
        InterviewFactory(
            application=application,
            start=interview_end - timedelta(hours=1),
            end=interview_end,
            interviewers=[interviewer],
        )
        replan(application, interview_end)
    return application


def tick(at: datetime, worker: str = "w1") -> int:
    """One pass of the worker's reminder jobs with the clock standing at ``at``."""
    with time_machine.travel(at, tick=False):
        now = timezone.now()
        return schedule_reminders(now, worker) + send_reminders(now, worker)


def digest_emails(to: str | None = None) -> list[Any]:
    """Digests in Django's test outbox (the locmem backend), optionally to one address."""
    return [
        message
        for message in mail.outbox
        if message.subject.startswith("Your follow-ups for") and (to is None or to in message.to)
    ]


def digests(user: Any) -> list[Reminder]:
    return list(Reminder.objects.filter(owner=user, kind=ReminderKind.DIGEST).order_by("due_at"))
