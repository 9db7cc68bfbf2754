"""Fixtures for the page tests: a signed-in client and an application with a planned interview."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest
from django.test import Client

from afterword.tracker.models import Application
from afterword.tracker.services import replan
from tests.factories import ApplicationFactory, InterviewerFactory, InterviewFactory

HX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def member(client: Client, user: Any) -> Client:
    """A browser session signed in as ``user``."""
    client.force_login(user)
    return client


@pytest.fixture
def stranger(client: Client, outsider: Any) -> Client:
    """A browser session signed in as someone who owns none of ``user``'s data."""
    client.force_login(outsider)
    return client


@pytest.fixture
def application(user: Any, now: datetime) -> Application:
    """Harbour Logistics: yesterday's interview with two people, planned at ``now``."""
    application = ApplicationFactory(owner=user, employer="Harbour Logistics", job_code="REQ-77")
    priya = InterviewerFactory(
        application=application, name="Priya Natarajan", title="Head of Data", is_primary=True
    )
    tomasz = InterviewerFactory(application=application, name="Tomasz Wilk", title="Analyst")
    InterviewFactory(application=application, interviewers=[priya, tomasz])
    replan(application, now)
    return application
