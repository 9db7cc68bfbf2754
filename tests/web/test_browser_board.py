"""The board's search in headless Chromium: typed from the keyboard, answered in place by htmx."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.factories import PASSWORD, ApplicationFactory, InterviewerFactory, UserFactory
from tests.web.browser import assert_no_horizontal_scroll, log_in, open_page

pytestmark = pytest.mark.browser


@pytest.fixture
def seeded(transactional_db: None) -> None:
    """Three applications; only one of them met someone called Okafor."""
    user = UserFactory(username="rowan")
    met = ApplicationFactory(owner=user, employer="Lantern Books", role="Editor", status="waiting")
    InterviewerFactory(application=met, name="Sam Okafor")
    ApplicationFactory(owner=user, employer="Kestrel Robotics", role="Developer")
    ApplicationFactory(owner=user, employer="Blue Mesa Energy", role="Analyst", status="waiting")


@pytest.mark.parametrize("viewport", ["desktop", "narrow"])
def test_it_searches_from_the_keyboard_without_reloading(
    chromium: Browser,
    live_server: Any,
    seeded: None,
    shoot: Callable[[Page, str], Path],
    viewport: str,
) -> None:
    """Typing a name narrows the cards in place and the address keeps the search."""
    context, page = open_page(chromium, viewport)
    log_in(page, str(live_server), "rowan", PASSWORD)
    page.goto(f"{live_server}/board/")
    page.evaluate("window.stillHere = true")
    cards = page.locator("article.card")
    expect(cards).to_have_count(3)

    page.get_by_role("searchbox", name="Search").focus()
    page.keyboard.type("okafor")

    expect(cards).to_have_count(1)
    expect(cards.first).to_contain_text("Lantern Books")
    expect(page).to_have_url(f"{live_server}/board/?q=okafor&status=&sort=newest")
    assert page.evaluate("window.stillHere") is True
    page.keyboard.press("Tab")
    expect(page.get_by_label("Status")).to_be_focused()
    page.get_by_label("Status").select_option("decided")
    expect(page.locator("#board-results")).to_contain_text("0 applications match")
    assert_no_horizontal_scroll(page)
    shoot(page, f"{viewport}-board-search")
    context.close()
