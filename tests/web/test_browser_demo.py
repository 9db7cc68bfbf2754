"""The demo account in headless Chromium: every page with realistic data, on desktop and phone."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from django.utils.text import slugify
from playwright.sync_api import Browser, Page, expect

from afterword.tracker.demo import create_demo
from afterword.tracker.models import Application
from tests.web.browser import assert_no_horizontal_scroll, log_in, open_page

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("viewport", ["desktop", "phone"])
def test_it_shows_the_demo_account_on_every_page(
    chromium: Browser,
    live_server: Any,
    transactional_db: None,
    shoot: Callable[[Page, str], Path],
    viewport: str,
) -> None:
    """Today, the board and each demo application render without sideways scrolling."""
    username, password = create_demo(datetime.now(UTC))
    base = str(live_server)
    context, page = open_page(chromium, viewport)
    log_in(page, base, username, password)

    expect(page.locator(".action").first).to_be_visible()
    shoot(page, f"{viewport}-demo-today")
    assert_no_horizontal_scroll(page)
    page.goto(f"{base}/board/")
    for label in ("Thank-you pending", "Waiting", "No response", "Decided"):
        expect(page.locator(".column", has_text=label)).to_be_visible()
    shoot(page, f"{viewport}-demo-board")
    assert_no_horizontal_scroll(page)
    for application in Application.objects.order_by("pk"):
        page.goto(f"{base}/applications/{application.pk}/")
        expect(page.get_by_role("heading", name=application.employer, level=1)).to_be_visible()
        assert_no_horizontal_scroll(page)
        shoot(page, f"{viewport}-demo-{slugify(application.employer)}")
    context.close()


def test_it_prints_the_checklist_without_the_site_chrome(
    chromium: Browser, live_server: Any, transactional_db: None, shoot: Callable[[Page, str], Path]
) -> None:
    """With print media the header, footer and print button are hidden; the questions stay."""
    username, password = create_demo(datetime.now(UTC))
    context, page = open_page(chromium, "desktop")
    log_in(page, str(live_server), username, password)
    page.goto(f"{live_server}/checklist/")

    page.emulate_media(media="print")

    expect(page.locator(".site-header")).to_be_hidden()
    expect(page.get_by_role("button", name="Print this checklist")).to_be_hidden()
    expect(page.get_by_text("When are you planning to decide on this role?")).to_be_visible()
    shoot(page, "print-checklist")
    context.close()
