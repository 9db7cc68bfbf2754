"""Every page in headless Chromium: it renders, fits a 360 px phone, and works from the keyboard."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from afterword.rules.phrases import parse_phrase
from afterword.rules.wording import understood_text
from afterword.tracker.models import Application, Interview
from afterword.tracker.services import complete_action, replan
from tests.factories import (
    PASSWORD,
    ApplicationFactory,
    InterviewerFactory,
    InterviewFactory,
    UserFactory,
)
from tests.web.browser import assert_no_horizontal_scroll, log_in, open_page

pytestmark = pytest.mark.browser

# A follow-up's Done button, by the address it posts to.
DONE = 'button[formaction$="/done/"]'


@pytest.fixture
def seeded(transactional_db: None) -> Application:
    """An account with an interview that ended two hours ago (real clock: the server's)."""
    user = UserFactory(username="avery")
    application = ApplicationFactory(owner=user, employer="Northbank Studio", role="UX Writer")
    ended = datetime.now(UTC).replace(second=0, microsecond=0) - timedelta(hours=2)
    people = [
        InterviewerFactory(application=application, name="Mara Lind", title="Design Lead"),
        InterviewerFactory(application=application, name="Owen Pryce", title="Producer"),
    ]
    InterviewFactory(
        application=application,
        start=ended - timedelta(hours=1),
        end=ended,
        interviewers=people,
        emphasised="Plain language for first-time users.",
    )
    replan(application, datetime.now(UTC))
    return application


def signed_in(chromium: Browser, base: str, viewport: str) -> tuple[BrowserContext, Page]:
    context, page = open_page(chromium, viewport)
    log_in(page, base, "avery", PASSWORD)
    return context, page


@pytest.fixture
def desktop(chromium: Browser, live_server: Any, seeded: Application) -> Iterator[Page]:
    context, page = signed_in(chromium, str(live_server), "desktop")
    yield page
    context.close()


@pytest.mark.parametrize("viewport", ["desktop", "narrow"])
def test_it_fits_every_page_on_screen(
    chromium: Browser,
    live_server: Any,
    seeded: Application,
    shoot: Callable[[Page, str], Path],
    viewport: str,
) -> None:
    """Each page renders its heading and never scrolls sideways, down to 360 px."""
    base = str(live_server)
    context, page = signed_in(chromium, base, viewport)
    interview = seeded.interviews.get()
    pages = {
        "board": ("/board/", "Applications"),
        "application": (f"/applications/{seeded.pk}/", "Northbank Studio"),
        "interview-edit": (f"/interviews/{interview.pk}/edit/", "Edit round 1"),
        "interview-new": (f"/applications/{seeded.pk}/interviews/new/", "Note an interview"),
        "checklist": (f"/checklist/?application={seeded.pk}", "Before your next interview"),
        "settings": ("/settings/", "Settings"),
        "password-change": ("/accounts/password_change/", "Change your password"),
    }
    for name, (path, heading) in pages.items():
        page.goto(f"{base}{path}")
        expect(page.get_by_role("heading", name=heading, level=1)).to_be_visible()
        assert_no_horizontal_scroll(page)
        shoot(page, f"{viewport}-page-{name}")
        shoot(page, f"{viewport}-page-{name}-top", full_page=False)
    context.close()


def test_it_marks_an_action_done_from_the_keyboard(
    desktop: Page, shoot: Callable[[Page, str], Path]
) -> None:
    """Tab from the top of the page to the first Done button and press Enter: it is done."""
    desktop.keyboard.press("Tab")
    expect(desktop.locator(".skip-link")).to_be_focused()
    for _ in range(40):
        desktop.keyboard.press("Tab")
        if desktop.evaluate("document.activeElement.textContent") == "Done":
            break
    else:
        pytest.fail("Tab never reached a Done button")
    shoot(desktop, "desktop-keyboard-focus-on-done")

    desktop.keyboard.press("Enter")

    expect(desktop.locator(".flash")).to_contain_text("Done: Send a thank-you email")
    expect(desktop.locator(".action", has_text="Send a thank-you email")).to_have_count(1)
    # Focus lands on the confirmation, so a screen reader hears it and Tab continues from there.
    expect(desktop.locator(".flash")).to_be_focused()


@pytest.mark.parametrize("viewport", ["desktop", "phone"])
def test_it_previews_a_decision_phrase_before_saving(
    chromium: Browser,
    live_server: Any,
    seeded: Application,
    shoot: Callable[[Page, str], Path],
    viewport: str,
) -> None:
    """Typing "early next week" shows the range understood and the day the plan uses, unsaved."""
    context, page = signed_in(chromium, str(live_server), viewport)
    page.goto(f"{live_server}/applications/{seeded.pk}/interviews/new/")
    day = date.fromisoformat(page.locator("#id_day").input_value())
    meant = parse_phrase("early next week", day, seeded.employer_country)
    phrase = page.get_by_label("When will they decide, in their words?")

    phrase.fill("early next week")

    preview = page.locator("#decision-preview")
    expect(preview).to_have_text(understood_text(meant.start, meant.end, "early next week"))
    expect(preview).to_contain_text(" – ")
    assert_no_horizontal_scroll(page)
    shoot(page, f"{viewport}-phrase-preview-range")
    # A full-page shot scrolls the page; bring the field back before the on-screen one.
    phrase.scroll_into_view_if_needed()
    shoot(page, f"{viewport}-phrase-preview-range-top", full_page=False)
    phrase.fill("whenever the moon is blue")
    expect(preview).to_contain_text("When will they decide, in their words? Could not understand")
    expect(preview).not_to_contain_text("Understood")
    preview.scroll_into_view_if_needed()
    shoot(page, f"{viewport}-phrase-preview-problem", full_page=False)
    assert Interview.objects.filter(application=seeded).count() == 1
    context.close()


def test_it_shows_errors_next_to_the_fields(
    desktop: Page, live_server: Any, seeded: Application, shoot: Callable[[Page, str], Path]
) -> None:
    """An interview that ends before it starts is refused with the field named; nothing saved."""
    desktop.goto(f"{live_server}/applications/{seeded.pk}/interviews/new/")
    desktop.get_by_label("Start time").fill("15:00")
    desktop.get_by_label("End time").fill("14:00")
    desktop.locator("#id_people-0-email").fill("someone@example.test")

    desktop.get_by_role("button", name="Save and plan").click()

    summary = desktop.locator(".error-summary")
    expect(summary).to_contain_text("End time: The end time must be after the start time.")
    expect(summary).to_contain_text("Interviewer 1 · Name")
    shoot(desktop, "desktop-interview-errors")
    assert seeded.interviews.count() == 1


def test_it_recovers_when_an_action_was_already_done(desktop: Page, seeded: Application) -> None:
    """Done on a row that is gone (done in another tab) reloads the page to the current state."""
    for action in seeded.actions.filter(kind="thank_you_email"):
        complete_action(action, datetime.now(UTC))
    button = desktop.locator(DONE).first

    button.click()

    expect(desktop.locator(".action", has_text="Send a thank-you email")).to_have_count(0)
