"""In Chromium: sign-up finds where you are, old tabs explain instead of failing, chips take focus.

At 1280 px (desktop) and 360 px (narrow); screenshots in artifacts/screenshots/.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Route, expect

from afterword.outbox.queue import queue_draft
from afterword.tracker.models import Application, UserSettings
from afterword.tracker.services import record_event, replan
from tests.factories import (
    PASSWORD,
    ApplicationFactory,
    InterviewerFactory,
    InterviewFactory,
    MailAccountFactory,
    UserFactory,
)
from tests.support.builders import draft_for
from tests.web.browser import VIEWPORTS, assert_no_horizontal_scroll, log_in, open_page

pytestmark = pytest.mark.browser
VIEWS = ["desktop", "narrow"]
# A snooze button's URL, with the row it showed in its query string.
SNOOZE = re.compile(r"/snooze/(\?.*)?$")
THANK_YOU = 'li.action[id^="follow-up-thank-you-email"]'
# A follow-up's buttons, by the address each posts to.
DONE = 'button[formaction$="/done/"]'
SNOOZE_BUTTON = 'button[formaction*="/snooze/"]'


@pytest.fixture
def seeded(transactional_db: None) -> Application:
    """Two thank-yous due: an interview that ended two hours ago (the server's real clock)."""
    user = UserFactory(username="avery")
    application = ApplicationFactory(owner=user, employer="Northbank Studio", role="UX Writer")
    ended = datetime.now(UTC).replace(second=0, microsecond=0) - timedelta(hours=2)
    people = [
        InterviewerFactory(application=application, name="Mara Lind", title="Design Lead"),
        InterviewerFactory(application=application, name="Owen Pryce", title="Producer"),
    ]
    InterviewFactory(
        application=application, start=ended - timedelta(hours=1), end=ended, interviewers=people
    )
    replan(application, datetime.now(UTC))
    return application


@pytest.mark.parametrize("viewport", VIEWS)
def test_sign_up_takes_the_zone_from_the_browser_and_the_country_from_the_zone(
    chromium: Browser,
    live_server: Any,
    transactional_db: None,
    shoot: Callable[..., Path],
    viewport: str,
) -> None:
    """A browser in Paris signs up with Europe/Paris and France chosen, without touching either."""
    context = chromium.new_context(viewport=VIEWPORTS[viewport], timezone_id="Europe/Paris")
    page = context.new_page()
    page.goto(f"{live_server}/accounts/signup/")

    expect(page.get_by_label("Your country")).to_have_value("FR")
    expect(page.locator("#zone-note")).to_contain_text("Europe/Paris, from your browser")
    assert_no_horizontal_scroll(page)
    shoot(page, f"{viewport}-identity-signup")
    page.get_by_label("Username").fill(f"camille-{viewport}")
    page.get_by_label("Email").fill(f"camille-{viewport}@example.test")
    page.get_by_label("Password", exact=True).fill("quiet-harbour-47-lanterns")
    page.get_by_label("Password confirmation").fill("quiet-harbour-47-lanterns")
    page.get_by_role("button", name="Create account").click()
    expect(page.get_by_role("heading", name="Today", exact=True)).to_be_visible()

    mine = UserSettings.objects.get(user__username=f"camille-{viewport}")
    assert (mine.timezone, mine.country) == ("Europe/Paris", "FR")
    context.close()


@pytest.mark.parametrize("viewport", VIEWS)
def test_an_old_tab_says_what_became_of_the_follow_up(
    chromium: Browser,
    live_server: Any,
    seeded: Application,
    shoot: Callable[..., Path],
    viewport: str,
) -> None:
    """Done in one tab, then Done and Draft in an older tab: plain words, never an error page."""
    context, first = open_page(chromium, viewport)
    log_in(first, str(live_server), "avery", PASSWORD)
    second = context.new_page()
    second.goto(f"{live_server}/")
    first.locator(THANK_YOU, has_text="Mara Lind").locator(DONE).click()
    expect(first.locator(".flash")).to_contain_text("Done: Send a thank-you email (Mara Lind)")
    second.locator(THANK_YOU, has_text="Mara Lind").locator(DONE).click()

    expect(second.locator(".flash")).to_contain_text("Done: Send a thank-you email (Mara Lind).")
    expect(second.get_by_role("heading", name="Today", exact=True)).to_be_visible()
    shoot(second, f"{viewport}-identity-stale-done")
    sent = seeded.events.get(type="thank_you_sent")
    key = f"thank-you-email-{sent.interview_id}-{sent.interviewer_id}-1"
    second.goto(f"{live_server}/applications/{seeded.pk}/follow-ups/{key}/draft/")
    expect(second.get_by_role("heading", level=1)).to_have_text(
        "Done: Send a thank-you email (Mara Lind)."
    )
    expect(second.get_by_text("In its place")).to_be_visible()
    assert_no_horizontal_scroll(second)
    shoot(second, f"{viewport}-identity-gone-page")
    context.close()


@pytest.mark.parametrize("viewport", VIEWS)
def test_a_failed_button_request_shows_an_inline_message(
    chromium: Browser,
    live_server: Any,
    seeded: Application,
    shoot: Callable[..., Path],
    viewport: str,
) -> None:
    """No network, then a server error: a message beside the button, and the page stays."""
    context, page = open_page(chromium, viewport)
    log_in(page, str(live_server), "avery", PASSWORD)
    page.route(SNOOZE, lambda route: route.abort("internetdisconnected"))

    page.locator(THANK_YOU, has_text="Mara Lind").locator(SNOOZE_BUTTON).click()

    problem = page.locator(".hx-problem").first
    expect(problem).to_contain_text("could not be reached")
    expect(page.get_by_role("heading", name="Today", exact=True)).to_be_visible()
    shoot(page, f"{viewport}-identity-offline-button")
    page.unroute(SNOOZE)

    def fail(route: Route) -> None:
        route.fulfill(status=500, body="boom")

    page.route("**/done/", fail)
    page.locator(THANK_YOU, has_text="Owen Pryce").locator(DONE).click()
    expect(page.locator(".hx-problem").last).to_contain_text("went wrong on our side")
    assert "boom" not in page.content()
    context.close()


def test_rule_chips_are_reached_by_keyboard_and_say_their_rule(
    chromium: Browser, live_server: Any, seeded: Application, shoot: Callable[..., Path]
) -> None:
    """Tab reaches a row's rule ids; Enter goes to the page's list, which names each rule."""
    context, page = open_page(chromium, "desktop")
    log_in(page, str(live_server), "avery", PASSWORD)
    chip = page.locator(".action .rule").first
    # The chip names what it is ("Rules K1 K2"), for every reader, and then the ids.
    label, *ids = chip.inner_text().split()

    chip.focus()
    page.keyboard.press("Tab")
    page.keyboard.press("Shift+Tab")
    expect(chip).to_be_focused()
    page.keyboard.press("Enter")

    assert label == "Rules" and ids
    # Enter follows the link a moment later: wait for the address rather than read it at once.
    expect(page).to_have_url(re.compile(r"#rules$"))
    for rule in ids:
        expect(page.locator(f"#rule-{rule} dd")).not_to_be_empty()
    shoot(page, "desktop-identity-rule-chip-focus", full_page=False)
    context.close()


@pytest.mark.parametrize("viewport", VIEWS)
def test_mark_sent_with_a_checker_error_asks_once_then_records_it(
    chromium: Browser,
    live_server: Any,
    seeded: Application,
    shoot: Callable[..., Path],
    viewport: str,
) -> None:
    """A gap left in the text: Mark sent asks whether it went out as it is; yes records it."""
    context, page = open_page(chromium, viewport)
    log_in(page, str(live_server), "avery", PASSWORD)
    page.locator(THANK_YOU, has_text="Mara Lind").get_by_role("link", name="Draft").click()
    body = page.locator("#id_body")
    body.fill(body.input_value() + "\n[[Write one sentence about the portfolio]]\n")

    page.get_by_role("button", name="Mark sent").click()

    question = page.locator("#sent-anyway")
    expect(question).to_contain_text("The checker still reports a problem")
    assert "[[Write one sentence about the portfolio]]" in page.locator("#id_body").input_value()
    assert_no_horizontal_scroll(page)
    shoot(page, f"{viewport}-identity-mark-sent-asks")
    question.get_by_role("button", name="Yes, it went out as it is").click()
    expect(page.get_by_text("Marked sent: Thank-you email to Mara Lind")).to_be_visible()
    assert seeded.events.filter(type="thank_you_sent").count() == 1
    context.close()


@pytest.mark.parametrize("viewport", VIEWS)
def test_an_email_held_by_a_decision_is_asked_about_on_today(
    chromium: Browser,
    live_server: Any,
    seeded: Application,
    shoot: Callable[..., Path],
    viewport: str,
) -> None:
    """Queued, then the application was decided: Today asks; Cancel it answers in place."""
    now = datetime.now(UTC)
    MailAccountFactory(user=seeded.owner)
    email = queue_draft(draft_for(seeded, "thank_you_email", "Mara Lind"), now, "now")
    record_event(seeded, "rejection", now)
    context, page = open_page(chromium, viewport)
    log_in(page, str(live_server), "avery", PASSWORD)

    panel = page.locator(".outbox-attention")
    expect(panel).to_contain_text("send it anyway, or cancel it?")
    assert_no_horizontal_scroll(page)
    shoot(page, f"{viewport}-identity-outbox-held")
    panel.get_by_role("button", name="Cancel it").click()

    expect(page.get_by_text("will not be sent")).to_be_visible()
    email.refresh_from_db()
    assert email.state == "cancelled"
    context.close()
