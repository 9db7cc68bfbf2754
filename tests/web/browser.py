"""Helpers shared by the browser tests: screen sizes, logging in, and the sideways-scroll check."""

from __future__ import annotations

from playwright.sync_api import Browser, BrowserContext, Page, expect

VIEWPORTS = {
    "desktop": {"width": 1280, "height": 900},
    "phone": {"width": 390, "height": 844},
    "narrow": {"width": 360, "height": 740},
}


def open_page(chromium: Browser, viewport: str) -> tuple[BrowserContext, Page]:
    """A fresh browser context (no cookies) at one of VIEWPORTS, with a 10 s default timeout."""
    context = chromium.new_context(viewport=VIEWPORTS[viewport])
    context.set_default_timeout(10_000)
    return context, context.new_page()


def log_in(page: Page, base: str, username: str, password: str) -> None:
    page.goto(f"{base}/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", name="Today", exact=True)).to_be_visible()


def assert_no_horizontal_scroll(page: Page) -> None:
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"{page.url} scrolls sideways by {overflow}px"
