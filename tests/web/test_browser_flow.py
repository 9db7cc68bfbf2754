"""End to end in headless Chromium: sign up, capture an interview, act on Today, record news.

The live server runs on the real clock, so the interview is placed a few hours before the
real current time and the expected check-in date is computed with the planner's own calendar.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from afterword.rules import calendar_for
from afterword.rules.phrases import parse_phrase
from tests.web.browser import assert_no_horizontal_scroll, open_page

pytestmark = pytest.mark.browser

PASSWORD = "quiet-harbour-47-lanterns"


def interview_hours(now: datetime) -> tuple[datetime, datetime]:
    """A one-hour interview that ended before ``now``, on a single calendar day (UTC)."""
    start = (now - timedelta(hours=3)).replace(minute=0, second=0, microsecond=0)
    if start.hour >= 22:
        start = start.replace(hour=20)
    return start, start + timedelta(hours=1)


def expected_dates(today: date) -> tuple[date, date]:
    """Their new date ("end of next week") and the check-in after it (F1: next business day)."""
    new_date = parse_phrase("end of next week", today, "US", None).end
    return new_date, calendar_for("US", None, "UTC").after(new_date)


def sign_up(page: Page, base: str, username: str) -> None:
    page.goto(f"{base}/accounts/signup/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Email").fill(f"{username}@example.test")
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_label("Password confirmation").fill(PASSWORD)
    page.get_by_label("Your country").select_option("US")
    page.get_by_role("button", name="Create account").click()
    expect(page.get_by_role("heading", name="Today", exact=True)).to_be_visible()


def add_application(page: Page) -> None:
    page.get_by_role("navigation").get_by_role("link", name="Applications").click()
    page.get_by_label("Employer", exact=True).fill("Lakeside Tools")
    page.get_by_label("Role", exact=True).fill("Data Analyst")
    page.get_by_label("Job code (optional)").fill("LT-204")
    page.get_by_role("button", name="Add application").click()
    expect(page.get_by_role("heading", name="Lakeside Tools", level=1)).to_be_visible()


def capture_interview(page: Page, start: datetime, end: datetime) -> None:
    page.get_by_role("link", name="Add an interview").click()
    page.get_by_label("Date", exact=True).fill(start.date().isoformat())
    page.get_by_label("Start time").fill(start.strftime("%H:%M"))
    page.get_by_label("End time").fill(end.strftime("%H:%M"))
    page.locator("#id_people-0-name").fill("Ines Moreau")
    page.locator("#id_people-0-title").fill("Head of Analytics")
    page.locator("#id_people-0-email").fill("ines.moreau@lakeside.example")
    page.locator("#id_people-1-name").fill("Kofi Mensah")
    page.locator("#id_people-1-phone").fill("+1 555 0100")
    page.get_by_label("What did they emphasise?").fill("Clean, documented pipelines.")
    page.get_by_role("button", name="Save and plan").click()
    expect(page.get_by_text("Saved round 1")).to_be_visible()


@pytest.mark.parametrize("viewport", ["desktop", "phone", "narrow"])
def test_it_follows_an_interview_from_capture_to_news(
    chromium: Browser,
    live_server: object,
    shoot: Callable[[Page, str], Path],
    viewport: str,
) -> None:
    """Sign up, capture two interviewers, thank one without a reload, then move the check-in."""
    base = str(live_server)
    now = datetime.now(UTC)
    start, end = interview_hours(now)
    context, page = open_page(chromium, viewport)

    sign_up(page, base, f"robin-{viewport}")
    shoot(page, f"{viewport}-01-today-empty")
    add_application(page)
    capture_interview(page, start, end)
    shoot(page, f"{viewport}-02-application")
    page.get_by_role("navigation").get_by_role("link", name="Today").click()
    thank_yous = page.locator(".action", has_text="Send a thank-you email")
    expect(thank_yous).to_have_count(2)
    shoot(page, f"{viewport}-03-today-two-thank-yous")
    assert_no_horizontal_scroll(page)

    # A marker on window survives an htmx swap but not a page load: proof of no reload.
    page.evaluate("window.afterwordMarker = 'still here'")
    thank_yous.first.get_by_role("button", name="Done").click()
    expect(page.locator(".flash")).to_contain_text("Done: Send a thank-you email")
    expect(thank_yous).to_have_count(1)
    assert page.evaluate("window.afterwordMarker") == "still here"
    shoot(page, f"{viewport}-04-today-after-done")

    page.get_by_role("link", name="Lakeside Tools").first.click()
    page.get_by_label("They replied: no decision yet").check()
    page.get_by_label("Their new date (optional)").fill("end of next week")
    expect(page.locator("#new-date-preview")).to_contain_text("(end of next week); the plan uses")
    shoot(page, f"{viewport}-05-record-news")
    page.get_by_role("button", name="Record and re-plan").click()

    check_in = page.locator("#plan .action", has_text="Check in by email")
    expect(check_in).to_have_count(1)
    new_date, expected = expected_dates(now.date())
    # The reason now counts from their new date (F1 after F8), whatever the old date was.
    expect(check_in).to_contain_text(f"{new_date:%a} {new_date.day} {new_date:%b}")
    expect(check_in.locator(".rule", has_text="F1")).to_have_count(1)
    expect(check_in.locator("time")).to_contain_text(f"{expected:%a} {expected.day} {expected:%b}")
    expect(page.locator(".timeline")).to_contain_text("no decision yet")
    shoot(page, f"{viewport}-06-application-after-news")
    assert_no_horizontal_scroll(page)
    context.close()
