"""Fixtures for the page tests: a signed-in client and an application with a planned interview."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from django.db import connections
from django.test import Client
from playwright.sync_api import Browser, Page, sync_playwright

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


# --- Browser tests: Debian's Chromium driven by Playwright, never a downloaded browser. ---

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SCREENSHOTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"


@pytest.fixture
def chromium(monkeypatch: pytest.MonkeyPatch) -> Iterator[Browser]:
    """A headless Chromium for one test; a missing browser fails in CI and skips elsewhere.

    Function-scoped on purpose: Playwright's sync API keeps an event loop running in this
    thread while it is open, and Django refuses ORM calls (the test's own arrangements, the
    database flush) under a running loop unless DJANGO_ALLOW_ASYNC_UNSAFE is set. Setting it
    only for the duration of one browser test keeps it out of every other test and of the
    subprocesses they start (``check --deploy`` rightly rejects it).
    """
    if not CHROMIUM.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{CHROMIUM} is missing; CI must install Debian's chromium package")
        pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium)")
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    # Django keeps a connection per context; the running event loop opens a second one for the
    # test's ORM calls. Both are closed here, or PostgreSQL refuses to drop the test database
    # ("being accessed by other users") at the end of the run.
    connections.close_all()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()
        connections.close_all()


@pytest.fixture
def shoot() -> Callable[..., Path]:
    """Save a full-page screenshot in artifacts/screenshots/ (git-ignored); return its path."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    def save(page: Page, name: str, full_page: bool = True) -> Path:
        path = SCREENSHOTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=full_page, animations="disabled")
        return path

    return save
