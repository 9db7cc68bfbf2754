"""A demo account with sample applications in every state, so a first visit shows a real Today.

Dates are placed relative to ``now`` so that the demo always looks current: the interviews
happened in the last days and weeks, and the planner decides what is due. Every company and
person here is invented.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model
from django.db import transaction

from afterword.rules import calendar_for
from afterword.tracker.models import Application, Interview, Interviewer
from afterword.tracker.preferences import settings_for
from afterword.tracker.services import create_application, record_event, replan

DEMO_USERNAME = "demo"
DEMO_PASSWORD = "afterword-demo"


@dataclass
class Sample:
    """One sample application: who, where, and when the first interview was (business days)."""

    employer: str
    role: str
    job_code: str
    people: list[dict[str, str]]
    business_days_ago: int
    zone: str = "America/New_York"
    country: str = "US"
    subdivision: str = "NY"
    style: str = "unknown"
    interview: dict[str, Any] = field(default_factory=dict)


def create_demo(now: datetime) -> tuple[str, str]:
    """Create the ``demo`` user and its applications; refuse when any user exists already."""
    user_model = get_user_model()
    with transaction.atomic():
        if user_model.objects.exists():
            raise ValueError("the demo account is only created in an empty database")
        user = user_model.objects.create_user(
            DEMO_USERNAME, email="demo@afterword.example", password=DEMO_PASSWORD
        )
        prefs = settings_for(user)
        prefs.timezone, prefs.country, prefs.subdivision = "America/New_York", "US", "NY"
        prefs.full_name, prefs.phone = "Jordan Avery", "+1 555 0142"
        prefs.postal_address = "48 Orchard Lane, Apt 3B\nBrooklyn, NY 11215\nUnited States"
        prefs.save()
        _thank_you_pending(user, now)
        _waiting_with_check_in(user, now)
        _unanswered_calls(user, now)
        _no_response(user, now)
        _decided_with_offer(user, now)
        _formal_berlin(user, now)
    return DEMO_USERNAME, DEMO_PASSWORD


def _thank_you_pending(user: Any, now: datetime) -> None:
    """Yesterday's panel with two people: two thank-you emails to write."""
    sample = Sample(
        "Larkspur Health",
        "Patient Data Coordinator",
        "LH-2291",
        [
            {
                **_person("Maren Holloway", "Director of Clinical Operations", "larkspur.example"),
                "emphasised": "Keeping the clinics' intake running smoothly during the switch "
                "to the new scheduling system.",
            },
            {
                **_person("Dev Raman", "Senior Data Engineer", "larkspur.example"),
                "emphasised": "Catching duplicate and inconsistent patient records before they "
                "reach the data warehouse.",
            },
        ],
        business_days_ago=1,
        zone="America/Chicago",
        subdivision="IL",
        interview={
            "still_interviewing_others": True,
            "preferred_channel": "email",
            "emphasised": "Cleaning up intake records before the new scheduling system goes live.",
            "forgot": "My audit of duplicate patient records at the clinic job.",
            "next_steps": "A short exercise with the data team if they move me forward.",
        },
    )
    _build(user, sample, now)


def _waiting_with_check_in(user: Any, now: datetime) -> None:
    """Thanked, and their decision date has just passed: a check-in is due."""
    sample = Sample(
        "Tidewater Analytics",
        "Junior Analyst",
        "TW-0415",
        [_person("Noor Haddad", "Analytics Manager", "tidewater.example")],
        business_days_ago=10,
        interview={"preferred_channel": "email", "decision_phrase": "by the end of last week"},
    )
    application, interview = _build(user, sample, now)
    # They said they would decide by yesterday, so the check-in (F1) falls on the next business day.
    interview.decision_by = now.astimezone(ZoneInfo(sample.zone)).date() - timedelta(days=1)
    interview.save(update_fields=["decision_by"])
    _thank_everyone(application, interview, _after(interview, hours=5), now)


def _unanswered_calls(user: Any, now: datetime) -> None:
    """They asked for calls; two calls did not reach the recruiter, so try again."""
    sample = Sample(
        "Copperfield Mobility",
        "Operations Planner",
        "CM-77",
        [_person("Rosa Lindqvist", "Recruiter", "copperfield.example")],
        business_days_ago=12,
        zone="America/Denver",
        subdivision="CO",
        interview={"preferred_channel": "phone"},
    )
    application, interview = _build(user, sample, now)
    _thank_everyone(application, interview, _after(interview, hours=3), now)
    # Two calls on the last two business days: the planner asks for one more today (H3).
    for day in (_business_days_back(sample, now, 2), _business_days_back(sample, now, 1)):
        record_event(application, "call_no_answer", now, at=_local(sample, day, 11))


def _no_response(user: Any, now: datetime) -> None:
    """Three check-ins without an answer: time to stop and look elsewhere."""
    sample = Sample(
        "Brightmoor Library Services",
        "Digital Services Assistant",
        "BLS-1040",
        [_person("Ada Kowalczyk", "Head of Digital Services", "brightmoor.example")],
        business_days_ago=45,
        zone="America/Los_Angeles",
        country="US",
        subdivision="CA",
        interview={"preferred_channel": "email"},
    )
    application, interview = _build(user, sample, now)
    _thank_everyone(application, interview, _after(interview, hours=4), now)
    for business_days_back in (25, 15, 5):
        day = _business_days_back(sample, now, business_days_back)
        record_event(application, "check_in_sent", now, at=_local(sample, day, 10), channel="email")


def _decided_with_offer(user: Any, now: datetime) -> None:
    """Two rounds, then an offer."""
    sample = Sample(
        "Juniper Grid Energy",
        "Project Analyst",
        "JG-3307",
        [_person("Olu Adebayo", "Programme Manager", "junipergrid.example")],
        business_days_ago=20,
        zone="America/New_York",
        interview={"preferred_channel": "email"},
    )
    application, interview = _build(user, sample, now)
    _thank_everyone(application, interview, _after(interview, hours=2), now)
    record_event(application, "next_round", now, at=_after(interview, days=2))
    second = _interview(application, sample, _business_days_back(sample, now, 8), round=2)
    director = Interviewer.objects.create(
        application=application, **_person("Hanna Brook", "Director", "junipergrid.example")
    )
    second.interviewers.set([director, *interview.interviewers.all()])
    _thank_everyone(application, second, _after(second, hours=3), now)
    offer_day = _business_days_back(sample, now, 2)
    record_event(application, "offer", now, at=_local(sample, offer_day, 15), note="Written offer")


def _formal_berlin(user: Any, now: datetime) -> None:
    """A formal employer in Berlin: a thank-you email and a posted letter each (K5)."""
    sample = Sample(
        "Kranich Feinmechanik GmbH",
        "Supply Chain Analyst",
        "KF-2026-118",
        [
            {
                **_person("Dr. Lena Vogt", "Head of Procurement", "kranich.example"),
                "address": "Kranich Feinmechanik GmbH\nAm Spreeufer 12\n10179 Berlin\nGermany",
                "emphasised": "Reliable supplier lead times for precision parts.",
            }
        ],
        business_days_ago=2,
        zone="Europe/Berlin",
        country="DE",
        subdivision="BE",
        style="formal",
        interview={"preferred_channel": "email", "decision_phrase": "in about two weeks"},
    )
    application, interview = _build(user, sample, now)
    interview.decision_by = interview.end.astimezone(ZoneInfo(sample.zone)).date() + timedelta(
        days=14
    )
    interview.save(update_fields=["decision_by"])
    _thank_everyone(application, interview, _after(interview, hours=6), now)


def _build(user: Any, sample: Sample, now: datetime) -> tuple[Application, Interview]:
    application = create_application(
        user,
        sample.employer,
        now,
        role=sample.role,
        job_code=sample.job_code,
        employer_timezone=sample.zone,
        employer_country=sample.country,
        employer_subdivision=sample.subdivision,
        employer_style=sample.style,
    )
    day = _business_days_back(sample, now, sample.business_days_ago)
    interview = _interview(application, sample, day, round=1, **sample.interview)
    people = [Interviewer.objects.create(application=application, **p) for p in sample.people]
    interview.interviewers.set(people)
    replan(application, now)
    return application, interview


def _interview(
    application: Application, sample: Sample, day: date, round: int, **facts: Any
) -> Interview:
    start = _local(sample, day, 10)
    return Interview.objects.create(
        application=application, round=round, start=start, end=start + timedelta(hours=1), **facts
    )


def _thank_everyone(
    application: Application, interview: Interview, at: datetime, now: datetime
) -> None:
    for person in interview.interviewers.all():
        record_event(
            application,
            "thank_you_sent",
            now,
            at=min(at, now),
            interview=interview,
            interviewer=person,
        )


def _person(name: str, title: str, domain: str) -> dict[str, str]:
    first, last = name.removeprefix("Dr. ").split(" ", 1)
    return {
        "name": name,
        "title": title,
        "email": f"{first.lower()}.{last.lower().replace(' ', '')}@{domain}",
        "phone": "+1 555 0100" if not domain.endswith("kranich.example") else "+49 30 5550 118",
    }


def _business_days_back(sample: Sample, now: datetime, count: int) -> date:
    """The business day ``count`` business days before today, at the employer (T1)."""
    calendar = calendar_for(sample.country, sample.subdivision, sample.zone)
    day = now.astimezone(ZoneInfo(sample.zone)).date()
    while count > 0:
        day -= timedelta(days=1)
        if calendar.is_business_day(day):
            count -= 1
    return day


def _local(sample: Sample, day: date, hour: int) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=ZoneInfo(sample.zone))


def _after(interview: Interview, hours: int = 0, days: int = 0) -> datetime:
    return interview.end + timedelta(hours=hours, days=days)
