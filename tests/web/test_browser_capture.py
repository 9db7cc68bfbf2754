"""Capture in headless Chromium: a messy note, its live preview, and the gap that holds sending.

The live server runs on the real clock, so the interview is noted for yesterday: its thank-you
notes are in the plan.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

from afterword.tracker.models import Application, UserSettings
from tests.factories import PASSWORD, ApplicationFactory, MailAccountFactory, UserFactory
from tests.web.browser import assert_no_horizontal_scroll, log_in, open_page
from tests.web.test_browser_accessibility import LOW_CONTRAST, UNLABELLED
from tests.web.test_browser_drafts import type_into

pytestmark = pytest.mark.browser

# Nothing in it can be written well, so the thank-you leaves its one gap for the user.
MESSY = "the thing w/ q3 re: ops; ask about on-call?; seemed bored lol"
SLOT = "[[Write one sentence about the thing w/ q3 re ops]]"
MINE = "Your plan to shorten the time trucks wait at the dock is work I would enjoy."


@pytest.fixture
def empty(transactional_db: None) -> Application:
    """Kestrel Freight, with no interview noted yet; the user has a name and a mailbox."""
    user = UserFactory(username="jordan")
    UserSettings.objects.update_or_create(user=user, defaults={"full_name": "Jordan Ellis"})
    MailAccountFactory(user=user)
    return ApplicationFactory(
        owner=user,
        employer="Kestrel Freight",
        role="Operations Analyst",
        employer_timezone="UTC",
        employer_country="US",
        employer_subdivision="",
    )


def note_the_interview(page: Page, base: str, application: Application) -> None:
    page.goto(f"{base}/applications/{application.pk}/interviews/new/")
    yesterday = (datetime.now(UTC) - timedelta(days=1)).date()
    page.locator("#id_day").fill(yesterday.isoformat())
    page.locator("#id_start_time").fill("09:00")
    page.locator("#id_end_time").fill("10:00")
    page.locator("#id_people-0-name").fill("Marguerite Okonkwo")
    page.locator("#id_people-0-title").fill("Head of Operations")
    page.locator("#id_people-0-email").fill("marguerite@kestrel.example")
    page.locator("#id_people-0-salutation").fill("Ms Okonkwo")
    type_into(page, "#id_people-0-emphasised", MESSY)


@pytest.mark.parametrize("viewport", ["desktop", "phone"])
def test_a_messy_note_is_previewed_and_its_gap_holds_the_thank_you_until_filled(
    chromium: Browser,
    live_server: Any,
    empty: Application,
    shoot: Callable[[Page, str], Path],
    viewport: str,
) -> None:
    """Type a messy note, see each item's fate, save, fill the gap in the draft, mark it sent."""
    context, page = open_page(chromium, viewport)
    log_in(page, str(live_server), "jordan", PASSWORD)

    note_the_interview(page, str(live_server), empty)

    preview = page.locator("#id_people-0-emphasised_preview")
    expect(preview.locator(".note-item")).to_have_count(3)
    expect(preview.locator(".note-item--question")).to_contain_text("Kept to yourself")
    expect(preview.locator(".note-item--private")).to_contain_text("Kept to yourself")
    expect(preview.locator("mark.slot")).to_have_text(SLOT)
    type_into(page, "#id_forgot", "my airflow migration; ask if hybrid?")
    forgot = page.locator("#id_forgot_preview")
    expect(forgot).to_contain_text("something I left out: my Airflow migration.")
    expect(forgot).to_contain_text("Goes to Marguerite Okonkwo (the only interviewer)")
    assert page.evaluate(UNLABELLED) == []
    assert page.evaluate(LOW_CONTRAST) == []
    assert_no_horizontal_scroll(page)
    page.locator("#id_people-0-emphasised").scroll_into_view_if_needed()
    shoot(page, f"{viewport}-capture-preview")

    page.get_by_role("button", name="Save and plan").click()
    expect(page.get_by_text("Saved round 1.")).to_be_visible()
    thank_you = page.locator("#plan .action", has_text="Marguerite Okonkwo").filter(
        has_text="Send a thank-you email"
    )
    thank_you.get_by_role("link", name="Draft").click()

    body = page.locator("#id_body")
    assert body.input_value().startswith("Dear Ms Okonkwo,")
    assert SLOT in body.input_value()
    expect(page.locator("#slot-notice mark").first).to_have_text(SLOT)
    mark_sent = page.get_by_role("button", name="Mark sent")
    send_now = page.get_by_role("button", name="Send now")
    expect(mark_sent).to_be_enabled()  # it asks once instead (test_browser_identity.py)
    expect(send_now).to_be_disabled()
    expect(page.locator("#sent-blocked")).to_contain_text("Write your own sentence")
    expect(page.locator(".finding[data-code=user_slot]")).to_contain_text("Your sentence is needed")
    assert page.evaluate(LOW_CONTRAST) == []
    assert_no_horizontal_scroll(page)
    shoot(page, f"{viewport}-draft-slot")

    type_into(page, "#id_body", body.input_value().replace(SLOT, MINE))
    expect(mark_sent).to_be_enabled()
    expect(send_now).to_be_enabled()
    expect(page.locator("#sent-blocked")).to_be_hidden()
    expect(page.locator("#slot-notice mark")).to_have_count(0)
    mark_sent.click()
    expect(page.get_by_text("Marked sent: Thank-you email to Marguerite Okonkwo")).to_be_visible()
    context.close()
