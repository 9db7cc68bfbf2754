"""Shared arrangements of the calendar tests: a planned application, and reading a feed back."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import icalendar
from django.test import Client
from ical.calendar import Calendar as IcalCalendar
from ical.calendar_stream import IcsCalendarStream

from afterword.calendar_feed.models import feed_for
from afterword.tracker.models import Application
from afterword.tracker.services import replan
from tests.factories import ApplicationFactory, InterviewerFactory, InterviewFactory


def harbour(owner: Any, now: datetime, **fields: Any) -> Application:
    """Harbour Logistics: yesterday's interview (Mon 2 Mar, 10:00 New York) with two people."""
    fields = {"employer": "Harbour Logistics", "job_code": "REQ-77", **fields}
    application = ApplicationFactory(owner=owner, **fields)
    priya = InterviewerFactory(
        application=application, name="Priya Natarajan", title="Head of Data", is_primary=True
    )
    tomasz = InterviewerFactory(application=application, name="Tomasz Wilk", title="Analyst")
    InterviewFactory(application=application, interviewers=[priya, tomasz])
    replan(application, now)
    return application


def feed_path(user: Any) -> str:
    return f"/calendar/{feed_for(user).token}.ics"


def fetch_feed(user: Any, **headers: Any) -> Any:
    """The user's feed as a calendar app fetches it: a fresh client, no session, no cookies."""
    return Client().get(feed_path(user), **headers)


def parse(body: bytes) -> icalendar.Calendar:
    return icalendar.Calendar.from_ical(body)


def events_by_uid(body: bytes) -> dict[str, icalendar.Event]:
    return {str(event["UID"]): event for event in parse(body).walk("VEVENT")}


def parse_with_ical(body: bytes) -> IcalCalendar:
    """The same bytes through the independent ``ical`` package, which validates as it parses."""
    return IcsCalendarStream.calendar_from_ics(body.decode("utf-8"))


def content_lines(body: bytes) -> list[bytes]:
    """The physical lines of the file, CRLF removed; the body must end with CRLF."""
    assert body.endswith(b"\r\n")
    return body[:-2].split(b"\r\n")
