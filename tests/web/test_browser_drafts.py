"""Drafts in headless Chromium: from Today to a checked, fixed and sent thank-you, and back.

The live server runs on the real clock, so the interview is placed a few hours before the real
current time: its thank-you notes are due today.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

from afterword.tracker.models import Application, UserSettings
from afterword.tracker.services import complete_action, replan
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


@pytest.fixture
def seeded(transactional_db: None) -> Application:
    """Kestrel Freight: an interview two hours ago with two people; the user has a name."""
    user = UserFactory(username="jordan")
    UserSettings.objects.update_or_create(
        user=user,
        defaults={
            "full_name": "Jordan Ellis",
            "postal_address": "48 Garden Row\nPortland, OR 97205",
            "phone": "+1 503 555 0177",
        },
    )
    application = ApplicationFactory(
        owner=user,
        employer="Kestrel Freight",
        role="Operations Analyst",
        employer_timezone="UTC",
        employer_country="US",
        employer_subdivision="",
    )
    ended = datetime.now(UTC).replace(second=0, microsecond=0) - timedelta(hours=2)
    people = [
        InterviewerFactory(
            application=application,
            name="Marguerite Okonkwo",
            title="Head of Operations",
            email="marguerite@kestrel.example",
            address="Kestrel Freight\n900 Harbor Way\nPortland, OR 97209",
            is_primary=True,
            emphasised="cutting the time trucks wait at the dock",
        ),
        InterviewerFactory(
            application=application,
            name="Dev Sharma",
            title="Data Engineer",
            email="dev@kestrel.example",
            address="Kestrel Freight\n900 Harbor Way\nPortland, OR 97209",
            emphasised="testing data pipelines before they break",
        ),
    ]
    InterviewFactory(
        application=application,
        start=ended - timedelta(hours=1),
        end=ended,
        interviewers=people,
        forgot="my warehouse scheduling project",
    )
    replan(application, datetime.now(UTC))
    return application


def type_into(page: Page, selector: str, text: str) -> None:
    """Replace a field's text and release a key, as a person typing would (the keyup counts)."""
    field = page.locator(selector)
    field.fill(text)
    field.press("End")


@pytest.mark.parametrize("viewport", ["desktop", "phone"])
def test_it_catches_a_misspelt_name_and_moves_the_plan_on(
    chromium: Browser,
    live_server: Any,
    seeded: Application,
    shoot: Callable[[Page, str], Path],
    viewport: str,
) -> None:
    """Open a thank-you from Today, misspell the name, see the warning, fix it, mark it sent."""
    context, page = open_page(chromium, viewport)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=str(live_server))
    log_in(page, str(live_server), "jordan", PASSWORD)

    card = page.locator(".action", has_text="Marguerite Okonkwo").filter(
        has_text="Send a thank-you email"
    )
    expect(card.get_by_role("link", name="Draft")).to_be_visible()
    shoot(page, f"{viewport}-today-with-drafts")
    assert_no_horizontal_scroll(page)
    card.get_by_role("link", name="Draft").click()
    expect(
        page.get_by_role("heading", name="Thank-you email to Marguerite Okonkwo")
    ).to_be_visible()
    findings = page.locator("#findings")
    expect(findings).to_contain_text("Nothing to fix")
    assert page.evaluate(UNLABELLED) == []
    assert page.evaluate(LOW_CONTRAST) == []
    assert_no_horizontal_scroll(page)
    body = page.locator("#id_body").input_value()
    assert "Marguerite" in body

    type_into(page, "#id_body", body.replace("Marguerite", "Margeurite", 1))
    warning = findings.locator(".finding", has_text="Margeurite")
    expect(warning).to_be_visible()
    expect(warning.locator("mark")).to_have_text("Margeurite Okonkwo")
    assert page.evaluate(LOW_CONTRAST) == []
    shoot(page, f"{viewport}-draft-thank-you-finding")
    assert_no_horizontal_scroll(page)

    type_into(page, "#id_body", body)
    expect(warning).to_have_count(0)
    expect(findings).to_contain_text("Nothing to fix")

    page.get_by_role("button", name="Copy").click()
    expect(page.locator("[data-copy-status]")).to_contain_text("Subject and message copied")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.endswith(body.strip()) and copied.startswith(
        page.locator("#id_subject").input_value()
    )

    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator("#save-status")).to_contain_text("Saved at")

    page.get_by_role("button", name="Mark sent").click()
    expect(page.get_by_text("Marked sent: Thank-you email to Marguerite Okonkwo")).to_be_visible()
    plan = page.locator("#plan")
    expect(
        plan.locator(".action", has_text="Marguerite Okonkwo").filter(
            has_text="Send a thank-you email"
        )
    ).to_have_count(0)
    expect(plan.locator(".action", has_text="Dev Sharma")).to_have_count(1)
    expect(plan.locator(".action", has_text="Check in by email")).to_have_count(1)
    expect(page.locator(".timeline")).to_contain_text("to Marguerite Okonkwo")
    shoot(page, f"{viewport}-draft-after-sent")
    assert_no_horizontal_scroll(page)
    context.close()


@pytest.mark.parametrize("viewport", ["desktop", "phone"])
def test_the_call_script_and_the_letter_look_finished(
    chromium: Browser,
    live_server: Any,
    seeded: Application,
    shoot: Callable[[Page, str], Path],
    viewport: str,
    tmp_path: Path,
) -> None:
    """The call script and the printed letter open from the plan and fit the screen."""
    UserSettings.objects.filter(user=seeded.owner).update(letters=True, check_in_channel="phone")
    now = datetime.now(UTC)
    replan(seeded, now)
    for action in list(seeded.actions.filter(kind="thank_you_email")):
        complete_action(action, now)
    context, page = open_page(chromium, viewport)
    log_in(page, str(live_server), "jordan", PASSWORD)
    page.goto(f"{live_server}/applications/{seeded.pk}/")

    call = page.locator("#plan .action", has_text="Check in by phone")
    call.get_by_role("link", name="Script").click()
    expect(page.get_by_role("heading", name="Call script: Marguerite Okonkwo")).to_be_visible()
    expect(page.locator(".recipient")).to_contain_text("Ask for")
    assert page.evaluate(LOW_CONTRAST) == []
    assert_no_horizontal_scroll(page)
    shoot(page, f"{viewport}-draft-call-script")

    # Unsaved changes: leaving asks first (and staying keeps the text); once saved, it does not.
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.type), dialog.dismiss()))
    script = page.locator("#id_body")
    script.press("Control+End")
    script.press_sequentially(" Also mention the dock project.")
    page.get_by_role("link", name="Kestrel Freight").click()
    expect(page.get_by_role("heading", name="Call script: Marguerite Okonkwo")).to_be_visible()
    assert dialogs == ["beforeunload"]
    assert script.input_value().endswith("Also mention the dock project.")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator("#save-status")).to_contain_text("Saved at")
    page.get_by_role("link", name="Kestrel Freight").click()
    expect(page.get_by_role("heading", name="Kestrel Freight", level=1)).to_be_visible()
    assert dialogs == ["beforeunload"]

    letter = page.locator("#plan .action", has_text="Post a thank-you letter").filter(
        has_text="Dev Sharma"
    )
    # "Letter" is also in the calendar link's name ("... thank-you letter"): take the button.
    open_letter = letter.locator("[data-action=draft]")
    expect(open_letter).to_contain_text("Letter")
    open_letter.click()
    expect(page.get_by_role("heading", name="Thank-you letter to Dev Sharma")).to_be_visible()
    assert page.evaluate(LOW_CONTRAST) == []
    assert_no_horizontal_scroll(page)
    shoot(page, f"{viewport}-draft-letter")
    with page.expect_download() as download:
        page.get_by_role("button", name="Download PDF (A4)").click()
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)
    assert saved.name == "thank-you-letter-dev-sharma-a4.pdf"
    assert saved.read_bytes().startswith(b"%PDF")
    context.close()
