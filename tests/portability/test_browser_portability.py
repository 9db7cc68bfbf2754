"""In Chromium at 1280 and 360 px: export, a spreadsheet preview, an invitation, the Stats page."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, expect

from afterword.tracker import access
from afterword.tracker.models import Application, Interview
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
HERE = Path(__file__).parent


@pytest.fixture
def seeded(transactional_db: None) -> Any:
    """Avery, with one interview that ended yesterday and a thank-you sent (real clock)."""
    user = UserFactory(username="avery", email="sam@example.test")
    application = ApplicationFactory(owner=user, employer="Northbank Studio", role="UX Writer")
    ended = datetime.now(UTC).replace(second=0, microsecond=0) - timedelta(days=1)
    person = InterviewerFactory(application=application, name="Mara Lind", title="Design Lead")
    InterviewFactory(
        application=application, start=ended - timedelta(hours=1), end=ended, interviewers=[person]
    )
    replan(application, datetime.now(UTC))
    return user


@pytest.mark.parametrize("viewport", ["desktop", "narrow"])
def test_stats_page_shows_charts_that_fit(
    chromium: Browser,  # noqa: F811
    live_server: Any,
    seeded: Any,
    viewport: str,
    shoot: Callable[..., Path],  # noqa: F811
) -> None:
    """Reached from the main navigation; five charts; nothing scrolls sideways."""
    context, page = open_page(chromium, viewport)
    log_in(page, str(live_server), "avery", PASSWORD)

    if viewport == "desktop":
        page.get_by_role("link", name="Stats").click()
    else:
        page.goto(f"{live_server}/stats/")

    expect(page.get_by_role("heading", name="How your search is going")).to_be_visible()
    assert page.locator("svg.chart__svg").count() == 5
    assert_no_horizontal_scroll(page)
    shoot(page, f"stats-{viewport}")
    context.close()


@pytest.mark.parametrize("viewport", ["desktop", "narrow"])
def test_an_invitation_becomes_an_interview_in_two_clicks(
    chromium: Browser,  # noqa: F811
    live_server: Any,
    seeded: Any,
    viewport: str,
    shoot: Callable[..., Path],  # noqa: F811
) -> None:
    """Choose the file, read it (one), add it (two): the application page shows the people."""
    context, page = open_page(chromium, viewport)
    log_in(page, str(live_server), "avery", PASSWORD)
    page.goto(f"{live_server}/invitations/new/")
    shoot(page, f"invitation-upload-{viewport}")

    page.get_by_label("Invitation (.ics)").set_input_files(str(HERE / "invitations" / "google.ics"))
    page.get_by_role("button", name="Read the invitation").click()
    expect(page.get_by_role("heading", name="Confirm the interview")).to_be_visible()
    assert_no_horizontal_scroll(page)
    shoot(page, f"invitation-confirm-{viewport}")
    page.get_by_role("button", name="Add this interview").click()

    expect(page.get_by_text("Interview added from the invitation.")).to_be_visible()
    expect(page.get_by_text("Marcus Lee").first).to_be_visible()
    assert access.belonging_to(seeded.pk, Interview).count() == 2
    context.close()


@pytest.mark.parametrize("viewport", ["desktop", "narrow"])
def test_a_spreadsheet_is_previewed_then_imported(
    chromium: Browser,  # noqa: F811
    live_server: Any,
    seeded: Any,
    viewport: str,
    shoot: Callable[..., Path],  # noqa: F811
    tmp_path: Path,
) -> None:
    """Settings > Your data > spreadsheet: the guessed columns, the rows, then Import."""
    sheet = tmp_path / "jobs.csv"
    sheet.write_text(
        "Company,Position,Time zone,Country\n"
        "Tailspin Toys,Data Analyst,America/Chicago,US\n"
        "Contoso,Product Designer,Europe/London,GB\n"
    )
    context, page = open_page(chromium, viewport)
    log_in(page, str(live_server), "avery", PASSWORD)
    page.goto(f"{live_server}/settings/")
    page.get_by_role("link", name="Export and import your data").click()
    assert_no_horizontal_scroll(page)
    shoot(page, f"data-{viewport}")

    with page.expect_download() as download:
        page.get_by_role("link", name="Download JSON").click()
    exported = json.loads(Path(download.value.path()).read_text())
    assert exported["applications"][0]["case"]["employer"]["name"] == "Northbank Studio"

    page.get_by_label("Spreadsheet (.csv)").set_input_files(str(sheet))
    page.get_by_role("button", name="Preview").click()
    expect(page.get_by_label("Employer")).to_have_value("0")
    expect(page.get_by_role("cell", name="Tailspin Toys")).to_be_visible()
    assert_no_horizontal_scroll(page)
    shoot(page, f"sheet-preview-{viewport}")
    page.get_by_role("button", name="Import 2 applications").click()

    expect(page.get_by_text("Imported 2 applications.")).to_be_visible()
    assert access.belonging_to(seeded.pk, Application).count() == 3
    context.close()


def test_stats_of_the_demo_account_fill_every_chart(
    chromium: Browser,  # noqa: F811
    live_server: Any,
    transactional_db: None,
    shoot: Callable[..., Path],  # noqa: F811
) -> None:
    """The demo's applications give bars in every chart; the phone view still fits."""
    from afterword.tracker.demo import create_demo

    username, password = create_demo(datetime.now(UTC))
    for viewport in ("desktop", "narrow"):
        context, page = open_page(chromium, viewport)
        log_in(page, str(live_server), username, password)
        page.goto(f"{live_server}/stats/")

        assert page.locator("svg.chart__svg rect").count() > 15
        assert_no_horizontal_scroll(page)
        shoot(page, f"stats-demo-{viewport}")
        context.close()


@pytest.mark.parametrize("viewport", ["desktop", "narrow"])
def test_importing_the_same_files_again_says_nothing_was_added(
    chromium: Browser,  # noqa: F811
    live_server: Any,
    seeded: Any,
    viewport: str,
    shoot: Callable[..., Path],  # noqa: F811
    tmp_path: Path,
) -> None:
    """One's own export uploaded back, and a sheet a second time: skipped, and said so."""
    sheet = tmp_path / "jobs.csv"
    sheet.write_text("Company,Position\nTailspin Toys,Data Analyst\n")
    context, page = open_page(chromium, viewport)
    log_in(page, str(live_server), "avery", PASSWORD)
    page.goto(f"{live_server}/settings/data/")
    with page.expect_download() as download:
        page.get_by_role("link", name="Download JSON").click()

    page.get_by_label("Afterword export (.json)").set_input_files(download.value.path())
    page.get_by_role("button", name="Import", exact=True).click()
    expect(
        page.get_by_text(
            "Nothing was added: the application in the file is already in the account "
            "(applications[0])."
        )
    ).to_be_visible()
    assert_no_horizontal_scroll(page)
    shoot(page, f"reimport-json-{viewport}")

    def preview() -> None:
        page.goto(f"{live_server}/settings/data/")
        page.get_by_label("Spreadsheet (.csv)").set_input_files(str(sheet))
        page.get_by_role("button", name="Preview").click()

    preview()
    page.get_by_role("button", name="Import 1 application").click()
    expect(page.get_by_text("Imported 1 application.")).to_be_visible()
    preview()
    expect(page.get_by_role("cell", name="Skipped: already in the account")).to_be_visible()
    expect(page.get_by_role("button", name="Nothing to import")).to_be_disabled()
    assert_no_horizontal_scroll(page)
    shoot(page, f"reimport-sheet-preview-{viewport}")
    assert access.belonging_to(seeded.pk, Application).count() == 2
    context.close()
