"""A visual tour of every page a member, a coach and an outsider reach, at 360 and 1280 px.

Each page is saved as artifacts/screenshots/tour-<width>-<name>.png for a person to look at,
and checked for what a machine can see: no sideways scrolling, no console error or blocked
script or style, a label on every field, one h1, an alt on every image. Every problem of every
page is collected, so one run names them all.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from django.template.loader import render_to_string
from playwright.sync_api import Browser, ConsoleMessage, Page

from afterword.tracker.models import Action, Event, Interview
from tests.web.test_browser_accessibility import UNLABELLED
from tests.web.tour_data import PASSWORD, Tour, build_tour

pytestmark = [pytest.mark.browser, pytest.mark.slow]

HERE = Path(__file__).parent
ICS = HERE.parent / "portability" / "invitations" / "google.ics"
WIDTHS = {"narrow": {"width": 360, "height": 740}, "desktop": {"width": 1280, "height": 800}}

# What the page itself can tell: sideways overflow, the h1s, unlabelled fields, images sans alt.
PAST_EDGE = "(e => e.getBoundingClientRect().right > window.innerWidth + 0.5)"
MEASURE = (
    "() => { const past = " + PAST_EDGE + "; return {"
    " overflow: document.documentElement.scrollWidth - window.innerWidth,"
    " h1: document.querySelectorAll('h1').length,"
    " unlabelled: (" + UNLABELLED.strip() + ")(),"
    " noAlt: [...document.images].filter(i => !i.hasAttribute('alt')).map(i => i.src),"
    # The innermost elements past the right edge: what to fix when the page scrolls sideways.
    " wide: [...document.querySelectorAll('body *')]"
    "  .filter(e => past(e) && ![...e.children].some(past)).slice(0, 3)"
    "  .map(e => `${e.tagName}.${e.className}: ${e.textContent.trim().slice(0, 40)}`),"
    "}; }"
)


@dataclass
class Stop:
    """One page of the tour: its name in the screenshots, its address, and how to reach it."""

    name: str
    path: str
    status: int = 200
    # Third-party pages (the API docs) are checked for overflow and console errors only.
    own: bool = True
    # Something to do after loading (an upload, a form to submit) before the page is judged.
    then: Callable[[Page], None] | None = None


@dataclass
class Judge:
    """The problems found so far, and the console messages of the page being judged."""

    base: str
    problems: list[str] = field(default_factory=list)
    console: list[str] = field(default_factory=list)

    def listen(self, page: Page) -> None:
        def heard(message: ConsoleMessage) -> None:
            if message.type == "error" or "Content Security Policy" in message.text:
                self.console.append(message.text)

        page.on("console", heard)
        page.on("pageerror", lambda error: self.console.append(f"uncaught: {error}"))

    def look(self, page: Page, width: str, stop: Stop, shoot: Callable[..., Path]) -> None:
        self.console.clear()
        response = page.goto(f"{self.base}{stop.path}")
        status = response.status if response is not None else 0
        if stop.then is not None:
            stop.then(page)
            status = stop.status
        where = f"{width} {stop.name} ({page.url})"
        if status != stop.status:
            self.problems.append(f"{where}: status {status}, expected {stop.status}")
        found = page.evaluate(MEASURE)
        if width == "narrow" and found["overflow"] > 0:
            self.problems.append(
                f"{where}: scrolls sideways by {found['overflow']}px at {found['wide']}"
            )
        heard = [
            text
            for text in self.console
            # The browser logs the error status of an error page itself; that one is expected.
            if not (stop.status >= 400 and text.startswith("Failed to load resource"))
        ]
        if heard:
            self.problems.append(f"{where}: console says {heard}")
        if stop.own:
            if found["h1"] != 1:
                self.problems.append(f"{where}: {found['h1']} h1 elements")
            if found["unlabelled"]:
                self.problems.append(f"{where}: fields without a label {found['unlabelled']}")
            if found["noAlt"]:
                self.problems.append(f"{where}: images without alt {found['noAlt']}")
        shoot(page, f"tour-{width}-{stop.name}")


def sign_in(chromium: Browser, base: str, width: str, username: str | None) -> Page:
    context = chromium.new_context(viewport=WIDTHS[width])  # type: ignore[arg-type]
    context.set_default_timeout(10_000)
    page = context.new_page()
    if username is not None:
        page.goto(f"{base}/accounts/login/")
        page.get_by_label("Username").fill(username)
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_role("button", name="Log in").click()
        page.wait_for_url(f"{base}/")
    return page


def upload(label: str, path: Path, button: str) -> Callable[[Page], None]:
    def act(page: Page) -> None:
        page.get_by_label(label).set_input_files(str(path))
        page.get_by_role("button", name=button).click()
        page.wait_for_load_state("load")

    return act


def swagger_drawn(page: Page) -> None:
    """The API docs draw themselves after loading; judge the drawn page."""
    page.locator(".swagger-ui .opblock").first.wait_for()


def record_nothing(page: Page) -> None:
    """Record news with nothing chosen: the application page again, with the errors."""
    page.get_by_role("button", name="Record and re-plan").click()
    page.wait_for_load_state("load")


def refuse_without_token(page: Page) -> None:
    """Log in with the CSRF cookie gone: Django's CSRF failure page, as a person meets it."""
    page.context.clear_cookies()
    page.get_by_label("Username").fill("demo")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_load_state("load")


def member_stops(tour: Tour, sheet: Path) -> list[Stop]:
    harbour = tour.harbour.pk
    interview = Interview.objects.filter(application=tour.harbour).order_by("round").last()
    person = tour.harbour.interviewers.order_by("pk").last()
    event = Event.objects.filter(application=tour.harbour).order_by("pk").last()
    assert interview is not None and person is not None and event is not None
    stops = [
        Stop("today", "/"),
        Stop("today-overdue", "/today/overdue/"),
        Stop("today-week", "/today/week/"),
        Stop("board", "/board/"),
        Stop("board-page-2", "/board/?page=2"),
        Stop("archived", "/archived/"),
        Stop("application-new", "/applications/new/"),
        Stop("application", f"/applications/{harbour}/"),
        Stop("application-edit", f"/applications/{harbour}/edit/"),
        Stop("application-delete", f"/applications/{harbour}/delete/"),
        Stop("interview-new", f"/applications/{harbour}/interviews/new/"),
        Stop("interview-edit", f"/interviews/{interview.pk}/edit/"),
        Stop("interview-delete", f"/interviews/{interview.pk}/delete/"),
        Stop("person-edit", f"/people/{person.pk}/edit/"),
        Stop("person-delete", f"/people/{person.pk}/delete/"),
        Stop("event-remove", f"/events/{event.pk}/remove/"),
        Stop("news-refused", f"/applications/{harbour}/", then=record_nothing),
    ]
    seen: set[str] = set()
    for action in Action.objects.filter(application__owner=tour.member).order_by("due", "pk"):
        if action.kind in seen:
            continue
        seen.add(action.kind)
        stops.append(Stop(f"draft-{action.kind}", f"/actions/{action.pk}/draft/"))
        if len(seen) == 1:
            path = f"/applications/{action.application_id}/follow-ups/{action.key}/"
            stops.append(Stop("follow-up", path))
    stops += [
        Stop("checklist", "/checklist/"),
        Stop("stats", "/stats/"),
        Stop("outbox", "/outbox/"),
        Stop("settings", "/settings/"),
        Stop("settings-mail", "/settings/mail/"),
        Stop("settings-inbox", "/settings/inbox/"),
        Stop("settings-notifications", "/settings/notifications/"),
        Stop("settings-calendar", "/settings/calendar/"),
        Stop("settings-data", "/settings/data/"),
        Stop(
            "settings-data-sheet-preview",
            "/settings/data/",
            then=upload("Spreadsheet (.csv)", sheet, "Preview"),
        ),
        Stop("settings-api-tokens", "/settings/api-tokens/"),
        Stop("settings-delete-account", "/settings/delete-account/"),
        Stop("password-change", "/accounts/password_change/"),
        Stop("invitation-upload", "/invitations/new/"),
        Stop(
            "invitation-confirm",
            "/invitations/new/",
            then=upload("Invitation (.ics)", ICS, "Read the invitation"),
        ),
        Stop("inbox-invitation", f"/inbox/invitations/{tour.invitation_pk}/"),
        Stop("coaching-hub", "/coaching/"),
        Stop("coaching-consent", "/coaching/consent/"),
        Stop("coaching-access-log", "/coaching/access-log/"),
        Stop("api-docs", "/api/docs", own=False, then=swagger_drawn),
        Stop("not-found", "/applications/999999/", status=404),
    ]
    return stops


def coach_stops(tour: Tour) -> list[Stop]:
    organisation = tour.organisation_pk
    return [
        Stop("coach-today", "/"),
        Stop("coach-hub", "/coaching/"),
        Stop("coach-cohort", "/coaching/cohort/"),
        Stop("coach-student", f"/coaching/students/{tour.member.pk}/"),
        Stop("coach-student-page-2", f"/coaching/students/{tour.member.pk}/?page=2"),
        Stop("coach-organisation", f"/coaching/orgs/{organisation}/"),
        Stop("coach-statistics", f"/coaching/orgs/{organisation}/statistics/"),
    ]


def outsider_stops(tour: Tour) -> list[Stop]:
    return [
        Stop("empty-today", "/"),
        Stop("empty-board", "/board/"),
        Stop("empty-stats", "/stats/"),
        Stop("empty-outbox", "/outbox/"),
        Stop("empty-checklist", "/checklist/"),
        Stop("empty-coaching", "/coaching/"),
        Stop("empty-join", "/coaching/join/"),
        Stop("outsider-application", f"/applications/{tour.harbour.pk}/", status=404),
    ]


def anonymous_stops() -> list[Stop]:
    return [
        Stop("login", "/accounts/login/"),
        Stop("signup", "/accounts/signup/"),
        Stop("password-reset", "/accounts/password_reset/"),
        Stop("password-reset-done", "/accounts/password_reset/done/"),
        Stop("csrf-failure", "/accounts/login/", status=403, then=refuse_without_token),
        Stop("server-error", "/tour-500/", status=500),
    ]


def serve_the_500_page(page: Page) -> None:
    """The 500 template as the server sends it; no view may fail on purpose to show it."""
    html = render_to_string("500.html")
    page.route(
        "**/tour-500/",
        lambda route: route.fulfill(status=500, body=html, content_type="text/html"),
    )


def test_every_page_fits_a_phone_and_a_desktop(
    chromium: Browser,
    live_server: Any,
    transactional_db: None,
    shoot: Callable[..., Path],
    tmp_path: Path,
) -> None:
    """Every page at 360 and 1280 px: no overflow, no console error, labels, one h1, alts."""
    tour = build_tour()
    sheet = tmp_path / "applications.csv"
    sheet.write_text(
        "Company,Position,Contact,Time zone,Country,Notes\n"
        f"{'Ostseeküste Windenergie Betriebsgesellschaft mbH & Co. KG'},"
        "Ingénieure données (énergies renouvelables),"
        "Dr. Anneliese Würzburger-Nakamura,Europe/Berlin,DE,"
        "Spoke at the Kiel meetup; wants someone who knows SCADA exports\n"
        "Tailspin Toys,Data Analyst,Sam Lee,America/Chicago,US,\n"
    )
    judge = Judge(str(live_server))
    visits = [
        (None, anonymous_stops()),
        ("demo", member_stops(tour, sheet)),
        ("coach", coach_stops(tour)),
        ("outsider", outsider_stops(tour)),
    ]
    count = 0
    for width in WIDTHS:
        for username, stops in visits:
            page = sign_in(chromium, str(live_server), width, username)
            judge.listen(page)
            serve_the_500_page(page)
            for stop in stops:
                judge.look(page, width, stop, shoot)
                count += 1
            page.context.close()

    assert count > 90
    assert not judge.problems, "\n".join(judge.problems)
