"""The consent page, the cohort and the student page in Chromium at 1280 and 360 px."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

from afterword.coaching.models import Membership, Role
from afterword.coaching.organisations import create_organisation
from afterword.tracker.models import Application
from tests.coaching.conftest import planned_application
from tests.factories import PASSWORD, UserFactory
from tests.web.browser import assert_no_horizontal_scroll, open_page
from tests.web.conftest import chromium, shoot  # noqa: F401

pytestmark = pytest.mark.browser


def log_in(page: Page, base: str, username: str) -> None:
    page.goto(f"{base}/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", name="Today", exact=True)).to_be_visible()


@pytest.fixture
def centre(transactional_db: None) -> dict[str, Any]:
    """A centre with coach Cole and three students, two of them with applications."""
    now = datetime.now(UTC)
    UserFactory(username="ada", first_name="Ada", last_name="Okonkwo")
    organisation = create_organisation("Northfield Careers", "ada", now)
    coach = UserFactory(username="cole", first_name="Cole", last_name="Marsh")
    Membership.objects.create(organisation=organisation, user=coach, role=Role.COACH, joined_at=now)
    students = []
    for username, first, last in (
        ("sam", "Samira", "Haddad-Fitzgerald"),
        ("tom", "Tomasz", "Wilk"),
        ("ines", "Inês", "Carvalho"),
    ):
        user = UserFactory(username=username, first_name=first, last_name=last)
        Membership.objects.create(
            organisation=organisation, user=user, role=Role.STUDENT, joined_at=now
        )
        students.append(user)
    interviewed = now - timedelta(days=4)
    late = interviewed + timedelta(hours=2)
    planned_application(students[0], late, "Harbour Logistics International", interviewed)
    recent = now - timedelta(hours=3)
    silent = planned_application(students[0], now, "Northbank Studio", recent)
    Application.objects.filter(pk=silent.pk).update(status="no_response")
    planned_application(students[1], now, "Birchwood Analytics", recent)
    return {"organisation": organisation, "coach": coach, "students": students}


@pytest.mark.parametrize("viewport", ["desktop", "narrow"])
def test_a_student_grants_the_coach_who_then_sees_the_cohort_and_the_student(
    chromium: Browser,  # noqa: F811
    live_server: Any,
    centre: dict[str, Any],
    shoot: Callable[[Page, str], Path],  # noqa: F811
    viewport: str,
) -> None:
    """Consent from the student's page, then the coach's cohort and student page; all fit."""
    base = str(live_server)
    for student in centre["students"]:
        context, page = open_page(chromium, viewport)
        log_in(page, base, student.username)
        page.goto(f"{base}/coaching/consent/")
        expect(page.get_by_role("heading", name="What your coach sees", level=1)).to_be_visible()
        if student.username == "sam":
            assert_no_horizontal_scroll(page)
            shoot(page, f"{viewport}-coaching-consent")
        coach = page.get_by_label("Coach", exact=True)
        coach.select_option(label="Cole Marsh (coach, Northfield Careers)")
        page.get_by_label("Also share the notes I typed with my news").check()
        page.get_by_role("button", name="Let this coach see").click()
        expect(page.locator(".message")).to_contain_text("Cole Marsh can now see your follow-ups.")
        if student.username == "sam":
            assert_no_horizontal_scroll(page)
            shoot(page, f"{viewport}-coaching-consent-granted")
        context.close()

    context, page = open_page(chromium, viewport)
    log_in(page, base, "cole")
    page.goto(f"{base}/coaching/cohort/")
    expect(page.get_by_role("heading", name="Your students", level=1)).to_be_visible()
    expect(page.locator("tbody tr")).to_have_count(3)
    assert_no_horizontal_scroll(page)
    shoot(page, f"{viewport}-coaching-cohort")
    page.get_by_label("Overdue thank-yous", exact=False).first.check()
    page.get_by_role("button", name="Show", exact=True).click()
    expect(page.locator("tbody tr")).to_have_count(1)
    page.get_by_role("link", name="Samira Haddad-Fitzgerald").click()
    expect(page.get_by_role("heading", name="Samira Haddad-Fitzgerald", level=1)).to_be_visible()
    expect(page.get_by_role("heading", name="Harbour Logistics International")).to_be_visible()
    assert_no_horizontal_scroll(page)
    shoot(page, f"{viewport}-coaching-student")
    page.get_by_label("Nudge", exact=True).check()
    message = "Your Harbour thank-yous are late: send them this morning."
    page.get_by_label("Message", exact=True).fill(message)
    page.get_by_role("button", name="Send to their Today").click()
    expect(page.locator(".message")).to_contain_text("on their Today page")
    organisation = centre["organisation"].pk
    for name, path, heading in (
        ("hub", "/coaching/", "Career centre"),
        ("organisation", f"/coaching/orgs/{organisation}/", "Northfield Careers"),
        ("statistics", f"/coaching/orgs/{organisation}/statistics/", "Statistics of"),
    ):
        page.goto(f"{base}{path}")
        expect(page.get_by_role("heading", name=heading, level=1)).to_be_visible()
        assert_no_horizontal_scroll(page)
        shoot(page, f"{viewport}-coaching-{name}")
    context.close()

    context, page = open_page(chromium, viewport)
    log_in(page, base, "sam")
    expect(page.get_by_role("heading", name="From your coach")).to_be_visible()
    assert_no_horizontal_scroll(page)
    shoot(page, f"{viewport}-coaching-today-nudge")
    page.goto(f"{base}/coaching/access-log/")
    expect(page.get_by_role("cell", name="Cole Marsh").first).to_be_visible()
    assert_no_horizontal_scroll(page)
    shoot(page, f"{viewport}-coaching-access-log")
    context.close()
