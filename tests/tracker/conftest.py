"""Fixtures for the tracker tests: one application with one interview, ready to plan."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from afterword.tracker.models import Application, Interview, Interviewer
from tests.factories import ApplicationFactory, InterviewerFactory, InterviewFactory

NEW_YORK = ZoneInfo("America/New_York")


def ny(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    """A wall-clock time in New York, where the sample employer is."""
    return datetime(year, month, day, hour, minute, tzinfo=NEW_YORK)


@dataclass
class Sample:
    application: Application
    interview: Interview
    dana: Interviewer


@pytest.fixture
def sample(user: Any) -> Sample:
    """Mon 2 Mar 2026, 10:00-11:00 New York, with Dana Reyes; not yet planned."""
    application = ApplicationFactory(owner=user, employer="Northwind Traders", role="Analyst")
    dana = InterviewerFactory(application=application, name="Dana Reyes", email="dana@nw.example")
    interview = InterviewFactory(
        application=application,
        start=ny(2026, 3, 2, 10),
        end=ny(2026, 3, 2, 11),
        interviewers=[dana],
    )
    return Sample(application, interview, dana)
