"""The Content Security Policy in Chromium: no page breaks it, and htmx still works under it."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Page, expect

from afterword.tracker.demo import create_demo
from afterword.tracker.models import Action, Application, Draft, Interview
from tests.web.browser import log_in, open_page

pytestmark = pytest.mark.browser


@pytest.fixture
def watched(
    chromium: Browser, live_server: Any, transactional_db: None
) -> Iterator[tuple[Page, list[str]]]:
    """The demo account in Chromium, with every console message about the policy collected."""
    username, password = create_demo(datetime.now(UTC))
    context, page = open_page(chromium, "desktop")
    refused: list[str] = []

    def listen(message: ConsoleMessage) -> None:
        if "Content Security Policy" in message.text:
            refused.append(f"{page.url}: {message.text}")

    page.on("console", listen)
    log_in(page, str(live_server), username, password)
    yield page, refused
    context.close()


def test_no_page_is_refused_anything_by_the_policy(
    watched: tuple[Page, list[str]], live_server: Any
) -> None:
    """Every page of the demo loads without a single script or style blocked."""
    page, refused = watched
    application = Application.objects.order_by("pk").first()
    interview = Interview.objects.order_by("pk").first()
    action = Action.objects.order_by("pk").first()
    assert application is not None and interview is not None and action is not None
    paths = [
        "/",
        "/board/",
        f"/applications/{application.pk}/",
        f"/applications/{application.pk}/interviews/new/",
        f"/interviews/{interview.pk}/edit/",
        f"/actions/{action.pk}/draft/",
        "/checklist/",
        "/settings/",
        "/settings/data/",
        "/stats/",
        "/invitations/new/",
        "/settings/calendar/",
        "/settings/mail/",
        "/settings/notifications/",
        "/settings/inbox/",
        "/outbox/",
    ]

    for path in paths:
        page.goto(f"{live_server}{path}")
        page.wait_for_load_state("networkidle")

    assert Draft.objects.exists()
    assert refused == []


def test_htmx_answers_the_done_button_in_place(
    watched: tuple[Page, list[str]], live_server: Any
) -> None:
    """htmx, loaded from a static file, still swaps Today's card without a page load."""
    page, refused = watched
    page.goto(f"{live_server}/")
    page.evaluate("window.stillHere = true")
    cards = page.locator('button[formaction$="/done/"]')
    before = cards.count()

    cards.first.click()

    expect(cards).to_have_count(before - 1)
    assert page.evaluate("window.stillHere") is True
    assert refused == []
