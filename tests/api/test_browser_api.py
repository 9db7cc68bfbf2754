"""The API's pages in Chromium: the tokens page at phone and desktop widths, and the docs
page working offline under the site's Content Security Policy."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, ConsoleMessage, expect

from tests.factories import PASSWORD, UserFactory
from tests.web.browser import assert_no_horizontal_scroll, log_in, open_page

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("viewport", ["desktop", "narrow"])
def test_a_token_is_made_copied_and_revoked_in_the_browser(
    chromium: Browser, live_server: Any, shoot: Callable[..., Path], viewport: str
) -> None:
    """Make a read-only token, see its secret once, revoke it; nothing scrolls sideways."""
    UserFactory(username="casey")
    context, page = open_page(chromium, viewport)
    log_in(page, str(live_server), "casey", PASSWORD)

    page.goto(f"{live_server}/settings/")
    page.get_by_role("link", name="Make an API token").click()
    page.get_by_label("Name").fill("spreadsheet sync")
    page.get_by_role("button", name="Make token").click()
    secret = page.get_by_role("textbox", name="Token").input_value()
    shoot(page, f"api-tokens-{viewport}")
    assert_no_horizontal_scroll(page)
    page.get_by_role("button", name="Revoke spreadsheet sync").click()

    assert secret.startswith("aw_")
    expect(page.get_by_text("No tokens yet.")).to_be_visible()
    context.close()


def test_the_docs_page_lists_the_routes_offline_within_the_policy(
    chromium: Browser, live_server: Any, shoot: Callable[..., Path]
) -> None:
    """/api/docs draws every route from this site's own files; the policy blocks nothing."""
    context, page = open_page(chromium, "desktop")
    refused: list[str] = []
    outside: list[str] = []

    def listen(message: ConsoleMessage) -> None:
        if "Content Security Policy" in message.text:
            refused.append(message.text)

    page.on("console", listen)
    page.on(
        "request",
        lambda request: (
            outside.append(request.url) if not request.url.startswith(str(live_server)) else None
        ),
    )
    page.goto(f"{live_server}/api/docs")

    expect(page.get_by_text("/api/applications/{application_id}/plan")).to_be_visible()
    shoot(page, "api-docs-desktop", full_page=False)
    assert refused == []
    assert [url for url in outside if not url.startswith("data:")] == []
    context.close()
