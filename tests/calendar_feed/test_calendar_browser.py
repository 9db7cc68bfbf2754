"""The calendar page in headless Chromium: fits a phone, copies the address, revokes it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, expect

from afterword.tracker.models import Application
from afterword.tracker.services import replan
from tests.factories import (
    PASSWORD,
    ApplicationFactory,
    InterviewerFactory,
    InterviewFactory,
    UserFactory,
)
from tests.web.browser import assert_no_horizontal_scroll, log_in, open_page

# The browser fixtures live with the web tests; importing them makes them usable here.
from tests.web.conftest import chromium, shoot  # noqa: F401

pytestmark = pytest.mark.browser
# The hidden part of the link's name says which follow-up it is; Chromium puts a space before it.


@pytest.fixture
def seeded(transactional_db: None) -> Application:
    """An account whose interview ended two hours ago (the live server runs on the real clock)."""
    user = UserFactory(username="avery")
    application = ApplicationFactory(owner=user, employer="Northbank Studio", role="UX Writer")
    ended = datetime.now(UTC).replace(second=0, microsecond=0) - timedelta(hours=2)
    person = InterviewerFactory(application=application, name="Mara Lind", title="Design Lead")
    InterviewFactory(
        application=application, start=ended - timedelta(hours=1), end=ended, interviewers=[person]
    )
    replan(application, datetime.now(UTC))
    return application


@pytest.mark.parametrize("viewport", ["phone", "desktop"])
def test_the_calendar_page_fits_the_screen(
    chromium: Browser,  # noqa: F811
    live_server: Any,
    seeded: Application,
    shoot: Callable[..., Path],  # noqa: F811
    viewport: str,
) -> None:
    """Reached from Settings, the page shows the address and steps without sideways scrolling."""
    base = str(live_server)
    context, page = open_page(chromium, viewport)
    log_in(page, base, "avery", PASSWORD)

    page.goto(f"{base}/settings/")
    page.get_by_role("link", name="Subscribe to your plan in a calendar app").click()

    expect(page.get_by_role("heading", name="Your plan in your calendar", level=1)).to_be_visible()
    expect(page.get_by_label("Calendar address")).to_have_value(
        f"{base}/calendar/" + seeded.owner.calendar_feed.token + ".ics"
    )
    assert_no_horizontal_scroll(page)
    shoot(page, f"{viewport}-calendar-settings")
    shoot(page, f"{viewport}-calendar-settings-top", full_page=False)
    context.close()


def test_copy_puts_the_address_on_the_clipboard_and_it_serves_the_feed(
    chromium: Browser,  # noqa: F811
    live_server: Any,
    seeded: Application,
) -> None:
    """Copy says "Copied.", the clipboard holds the address, and that address is the feed."""
    base = str(live_server)
    context, page = open_page(chromium, "phone")
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base)
    log_in(page, base, "avery", PASSWORD)
    page.goto(f"{base}/settings/calendar/")

    page.get_by_role("button", name="Copy address").click()

    expect(page.get_by_role("status").filter(has_text="Copied.")).to_be_visible()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == page.get_by_label("Calendar address").input_value()
    feed = page.request.get(copied)
    assert feed.status == 200
    assert feed.headers["content-type"] == "text/calendar; charset=utf-8"
    assert "Send a thank-you email · Mara Lind · Northbank Studio" in feed.text()
    context.close()


def test_revoking_asks_first_then_kills_the_old_address(
    chromium: Browser,  # noqa: F811
    live_server: Any,
    seeded: Application,
    shoot: Callable[..., Path],  # noqa: F811
) -> None:
    """The revoke button opens a confirmation; confirming issues a new address, the old is 404."""
    base = str(live_server)
    context, page = open_page(chromium, "phone")
    log_in(page, base, "avery", PASSWORD)
    page.goto(f"{base}/settings/calendar/")
    old = page.get_by_label("Calendar address").input_value()
    confirm = page.get_by_role("button", name="Yes, revoke the old address")
    expect(confirm).to_be_hidden()

    page.get_by_text("Revoke and make a new link").click()
    expect(confirm).to_be_visible()
    shoot(page, "phone-calendar-revoke-confirm")
    confirm.click()

    expect(page.get_by_role("status").first).to_contain_text("no longer works")
    new = page.get_by_label("Calendar address").input_value()
    assert new != old
    assert page.request.get(old).status == 404
    assert page.request.get(new).status == 200
    assert_no_horizontal_scroll(page)
    context.close()


def test_today_offers_add_to_calendar_on_a_phone(
    chromium: Browser,  # noqa: F811
    live_server: Any,
    seeded: Application,
    shoot: Callable[..., Path],  # noqa: F811
) -> None:
    """The link under a follow-up downloads that one event as an .ics file."""
    base = str(live_server)
    context, page = open_page(chromium, "phone")
    log_in(page, base, "avery", PASSWORD)

    with page.expect_download() as download:
        follow_up = page.locator("li.action", has_text="Mara Lind").first
        follow_up.get_by_role("link", name="Add to calendar").click()

    assert download.value.suggested_filename == "thank-you-email-northbank-studio.ics"
    body = Path(download.value.path()).read_bytes()
    assert b"SUMMARY:Send a thank-you email \xc2\xb7 Mara Lind \xc2\xb7 Northbank Studio" in body
    assert_no_horizontal_scroll(page)
    shoot(page, "phone-today-add-to-calendar")
    context.close()
