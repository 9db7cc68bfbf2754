"""Correcting, archiving and deleting in headless Chromium, at 1280 px and at 360 px.

One test per flow: edit the details, archive and restore, delete a round (then a person, then
the application) after reading what goes, remove a timeline event, delete the account. Each
page is checked for labels, contrast and sideways scrolling, and photographed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

from afterword.tracker.models import Application, Event, Interviewer
from afterword.tracker.services import record_event, replan
from tests.factories import (
    PASSWORD,
    ApplicationFactory,
    InterviewerFactory,
    InterviewFactory,
    UserFactory,
)
from tests.web.browser import assert_no_horizontal_scroll, log_in, open_page
from tests.web.test_browser_accessibility import LOW_CONTRAST, UNLABELLED

pytestmark = pytest.mark.browser
VIEWPORTS = ["desktop", "narrow"]


@pytest.fixture
def two_rounds(transactional_db: None) -> Application:
    """Northbank Studio: round 1 yesterday with Mara and Owen, round 2 two hours ago with Mara
    and Quinn (real clock: the live server's)."""
    user = UserFactory(username="avery")
    application = ApplicationFactory(
        owner=user,
        employer="Northbank Studio",
        role="UX Writer",
        employer_timezone="UTC",
        employer_country="GB",
        employer_subdivision="",
    )
    mara = InterviewerFactory(application=application, name="Mara Lind", title="Design Lead")
    owen = InterviewerFactory(application=application, name="Owen Pryce", title="Producer")
    quinn = InterviewerFactory(application=application, name="Quinn Adair", title="Researcher")
    now = datetime.now(UTC).replace(second=0, microsecond=0)
    InterviewFactory(
        application=application,
        start=now - timedelta(days=1, hours=3),
        end=now - timedelta(days=1, hours=2),
        interviewers=[mara, owen],
    )
    InterviewFactory(
        application=application,
        round=2,
        start=now - timedelta(hours=3),
        end=now - timedelta(hours=2),
        interviewers=[mara, quinn],
    )
    replan(application, now)
    return application


@pytest.fixture
def signed_in(
    chromium: Browser, live_server: Any, two_rounds: Application, request: Any
) -> Iterator[Page]:
    context, page = open_page(chromium, request.param)
    log_in(page, str(live_server), "avery", PASSWORD)
    yield page
    context.close()


def check(page: Page, shoot: Callable[..., Path], name: str) -> None:
    """Labelled, readable, no sideways scroll; a full-page photograph to look at."""
    assert page.evaluate(UNLABELLED) == []
    assert page.evaluate(LOW_CONTRAST) == []
    assert_no_horizontal_scroll(page)
    shoot(page, name)


def size(page: Page) -> str:
    return "1280" if (page.viewport_size or {}).get("width") == 1280 else "360"


@pytest.mark.parametrize("signed_in", VIEWPORTS, indirect=True)
def test_editing_the_details_re_plans_with_the_new_employer_calendar(
    signed_in: Page, live_server: Any, two_rounds: Application, shoot: Callable[..., Path]
) -> None:
    """Edit details: a new role and the employer's zone and country; the page shows them."""
    page = signed_in
    page.goto(f"{live_server}/applications/{two_rounds.pk}/")
    page.get_by_role("link", name="Edit details").click()
    expect(page.get_by_role("heading", name="Edit the application", level=1)).to_be_visible()
    check(page, shoot, f"manage-edit-{size(page)}")

    page.get_by_label("Role").fill("Senior UX Writer")
    page.get_by_label("Employer's country").select_option("DE")
    page.get_by_label("Employer's state or region (optional)").fill("BE")
    page.get_by_label("Employer's time zone").select_option("Europe/Berlin")
    page.get_by_role("button", name="Save and re-plan").click()

    expect(page.get_by_text("Saved Northbank Studio. The plan is updated.")).to_be_visible()
    expect(page.locator(".lead").first).to_contain_text("Senior UX Writer")
    two_rounds.refresh_from_db()
    assert (two_rounds.employer_timezone, two_rounds.employer_country) == ("Europe/Berlin", "DE")


@pytest.mark.parametrize("signed_in", VIEWPORTS, indirect=True)
def test_correcting_a_person_shows_on_every_round(
    signed_in: Page, live_server: Any, two_rounds: Application, shoot: Callable[..., Path]
) -> None:
    """Mara, at both rounds, gets a new title once; both rounds show it."""
    page = signed_in
    page.goto(f"{live_server}/applications/{two_rounds.pk}/")
    page.get_by_role("link", name="Edit Mara Lind").first.click()
    expect(page.get_by_role("heading", name="Edit Mara Lind", level=1)).to_be_visible()
    expect(page.get_by_text("Met at round 1, round 2.")).to_be_visible()
    check(page, shoot, f"manage-person-edit-{size(page)}")

    page.get_by_label("Job title").fill("Head of Design")
    page.get_by_label("What did they care about?").press_sequentially("plain language; short forms")
    expect(page.locator("#id_emphasised_preview .note-item")).to_have_count(2)
    page.get_by_role("button", name="Save and re-plan").click()

    expect(page.get_by_text("Saved Mara Lind. The plan is updated.")).to_be_visible()
    expect(page.locator(".interview").get_by_text("Head of Design")).to_have_count(2)


@pytest.mark.parametrize("signed_in", VIEWPORTS, indirect=True)
def test_archive_hides_it_and_one_click_on_the_archived_page_restores_it(
    signed_in: Page, live_server: Any, two_rounds: Application, shoot: Callable[..., Path]
) -> None:
    """Archive from the application page; gone from Today and the board; Restore brings the
    plan back."""
    page = signed_in
    base = str(live_server)
    page.goto(f"{base}/applications/{two_rounds.pk}/")
    page.get_by_role("button", name="Archive").click()
    expect(page.get_by_text("Nothing is planned, reminded or sent for it;")).to_be_visible()
    check(page, shoot, f"manage-archived-application-{size(page)}")

    page.goto(f"{base}/")
    expect(page.get_by_text("Northbank Studio")).to_have_count(0)
    page.goto(f"{base}/board/")
    expect(page.locator(".card").get_by_text("Northbank Studio")).to_have_count(0)
    page.get_by_role("link", name="Archived (1)").click()
    expect(page.get_by_role("heading", name="Archived", level=1)).to_be_visible()
    check(page, shoot, f"manage-archived-list-{size(page)}")

    page.get_by_role("button", name="Restore Northbank Studio").click()

    expect(page.get_by_text("Restored Northbank Studio. Its plan is back.")).to_be_visible()
    expect(page.get_by_text("Nothing is archived.")).to_be_visible()
    assert two_rounds.actions.exists()


@pytest.mark.parametrize("signed_in", VIEWPORTS, indirect=True)
def test_deleting_a_round_a_person_and_the_application_after_reading_what_goes(
    signed_in: Page, live_server: Any, two_rounds: Application, shoot: Callable[..., Path]
) -> None:
    """Round 2 goes with Quinn (met only there); Owen is removed; then the whole application."""
    page = signed_in
    base = str(live_server)
    page.goto(f"{base}/applications/{two_rounds.pk}/")
    page.get_by_role("link", name="Delete round 2").click()
    expect(page.get_by_role("heading", name="Delete round 2 at Northbank Studio?")).to_be_visible()
    expect(page.locator(".removal__list")).to_contain_text("1 person")
    check(page, shoot, f"manage-delete-round-{size(page)}")
    page.get_by_role("button", name="Delete round 2").click()
    expect(page.get_by_text("Deleted round 2. The plan is updated.")).to_be_visible()
    assert set(two_rounds.interviewers.values_list("name", flat=True)) == {
        "Mara Lind",
        "Owen Pryce",
    }

    page.get_by_role("link", name="Remove Owen Pryce").click()
    expect(page.get_by_role("heading", name="Remove Owen Pryce?")).to_be_visible()
    check(page, shoot, f"manage-remove-person-{size(page)}")
    page.get_by_role("button", name="Remove Owen Pryce").click()
    expect(page.get_by_text("Removed Owen Pryce. The plan is updated.")).to_be_visible()
    assert not Interviewer.objects.filter(name="Owen Pryce").exists()

    page.get_by_role("link", name="Delete", exact=True).click()
    expect(page.locator(".removal__list")).to_contain_text("1 interview")
    check(page, shoot, f"manage-delete-application-{size(page)}")
    page.get_by_role("button", name="Delete for good").click()

    expect(page.get_by_role("heading", name="Applications", level=1)).to_be_visible()
    expect(page.get_by_text("Deleted UX Writer at Northbank Studio.")).to_be_visible()
    assert not Application.objects.filter(pk=two_rounds.pk).exists()


@pytest.mark.parametrize("signed_in", VIEWPORTS, indirect=True)
def test_removing_news_recorded_by_mistake_brings_the_plan_back(
    signed_in: Page, live_server: Any, two_rounds: Application, shoot: Callable[..., Path]
) -> None:
    """An offer recorded by mistake decided it; Remove on the timeline re-plans the thank-yous."""
    offer = record_event(two_rounds, "offer", datetime.now(UTC))
    page = signed_in
    page.goto(f"{live_server}/applications/{two_rounds.pk}/")
    expect(page.locator("#plan")).to_contain_text("nothing more is planned")

    page.locator(".timeline").get_by_role("link", name="Remove").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("from the timeline?")
    check(page, shoot, f"manage-remove-event-{size(page)}")
    page.get_by_role("button", name="Remove and re-plan").click()

    expect(page.locator("#plan .action-list")).to_be_visible()
    assert not Event.objects.filter(pk=offer.pk).exists()
    check(page, shoot, f"manage-after-remove-event-{size(page)}")


@pytest.mark.parametrize("signed_in", VIEWPORTS, indirect=True)
def test_deleting_the_account_asks_for_the_password_then_removes_everything(
    signed_in: Page, live_server: Any, two_rounds: Application, shoot: Callable[..., Path]
) -> None:
    """Settings › Delete my account: a wrong password is refused, the right one ends it all."""
    page = signed_in
    base = str(live_server)
    page.goto(f"{base}/settings/")
    page.get_by_role("link", name="Delete my account").click()
    expect(page.locator(".removal__list")).to_contain_text("1 application")
    check(page, shoot, f"manage-account-delete-{size(page)}")

    page.get_by_label("Your password").fill("not-my-password")
    page.get_by_role("button", name="Delete my account").click()
    expect(page.locator(".field").get_by_text("That is not your password.")).to_be_visible()
    page.get_by_label("Your password").fill(PASSWORD)
    page.get_by_role("button", name="Delete my account").click()

    expect(page.get_by_role("heading", name="Your account is deleted")).to_be_visible()
    check(page, shoot, f"manage-account-deleted-{size(page)}")
    assert not Application.objects.filter(pk=two_rounds.pk).exists()
    page.goto(f"{base}/")
    expect(page.get_by_label("Username")).to_be_visible()
