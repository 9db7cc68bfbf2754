"""A calendar invitation from the mailbox in headless Chromium: a card on Today, two clicks to
the interview. The live server runs on the real clock, so the interview is placed a week ahead;
the invitation really travels through Dovecot and the watcher job."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone
from playwright.sync_api import Browser, expect

from afterword.inbox.models import InboxMessage, MailboxWatch
from afterword.inbox.watch import watch_inboxes
from afterword.infra.crypto import encrypt
from afterword.tracker.models import Application, Event, Interview
from afterword.tracker.services import replan
from tests.factories import (
    PASSWORD,
    ApplicationFactory,
    InterviewerFactory,
    InterviewFactory,
    UserFactory,
)
from tests.inbox import invitation_mail
from tests.support.dovecot import Dovecot
from tests.web.browser import assert_no_horizontal_scroll, log_in, open_page

# The browser fixtures live with the web tests; importing them makes them usable here.
from tests.web.conftest import chromium, shoot  # noqa: F401

pytestmark = pytest.mark.browser
NEW_YORK = ZoneInfo("America/New_York")


@pytest.fixture
def invited(transactional_db: None, dovecot: Dovecot, mailbox: tuple[str, str]) -> Application:
    """Sam's Harbour application (Priya met last week); Jordan's invitation for next week at
    14:00 New York time just arrived."""
    user = UserFactory(username="sam", email="sam@example.test")
    now = datetime.now(UTC).replace(microsecond=0)
    application = ApplicationFactory(owner=user, employer="Harbour Logistics", role="Data Analyst")
    priya = InterviewerFactory(
        application=application, name="Priya Natarajan", email="priya@harbour.example"
    )
    ended = now - timedelta(days=5)
    InterviewFactory(
        application=application, start=ended - timedelta(hours=1), end=ended, interviewers=[priya]
    )
    replan(application, now)
    MailboxWatch.objects.create(
        user=user,
        host=dovecot.host,
        port=dovecot.port,
        security="none",
        username=mailbox[0],
        password_encrypted=encrypt(mailbox[1]),
    )
    day = (now + timedelta(days=7)).astimezone(NEW_YORK).date()
    dovecot.append(
        invitation_mail.google_invitation(
            when=now - timedelta(minutes=20),
            start=f"{day:%Y%m%d}T140000",
            end=f"{day:%Y%m%d}T150000",
        ),
        user=mailbox[0],
    )
    watch_inboxes(timezone.now(), "browser-test")
    return application


@pytest.mark.parametrize("viewport", ["desktop", "phone"])
def test_an_invitation_card_on_today_becomes_an_interview_in_two_clicks(
    chromium: Browser,  # noqa: F811
    live_server: Any,
    invited: Application,
    shoot: Callable[..., Path],  # noqa: F811
    viewport: str,
) -> None:
    """In Chromium: the card names the time, zone and people; Review and add, then Add; the
    Content Security Policy blocks nothing on the way."""
    base = str(live_server)
    context, page = open_page(chromium, viewport)
    refused: list[str] = []
    page.on(
        "console",
        lambda message: (
            refused.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    log_in(page, base, "sam", PASSWORD)

    card = page.locator(".action--invitation")
    expect(card.get_by_role("heading")).to_contain_text(
        "Interview invitation from Harbour Logistics"
    )
    expect(card.get_by_role("heading")).to_contain_text("14:00 to 15:00 (America/New_York)")
    expect(card.get_by_role("heading")).to_contain_text("with Jordan Blake and Lena Okafor")
    assert_no_horizontal_scroll(page)
    shoot(page, f"{viewport}-today-invitation-card")

    card.get_by_role("link", name="Review and add").click()
    expect(page.get_by_role("heading", name="Confirm the interview", level=1)).to_be_visible()
    expect(page.get_by_label("Lena Okafor")).to_be_checked()
    assert_no_horizontal_scroll(page)
    shoot(page, f"{viewport}-invitation-confirm-from-inbox")
    page.get_by_role("button", name="Add this interview").click()

    expect(page.get_by_role("status").filter(has_text="Interview added")).to_be_visible()
    assert page.url == f"{base}/applications/{invited.pk}/"
    shoot(page, f"{viewport}-application-after-invitation")
    interview = Interview.objects.get(application=invited, round=2)
    assert interview.start.astimezone(NEW_YORK).hour == 14
    assert sorted(p.name for p in interview.interviewers.all()) == ["Jordan Blake", "Lena Okafor"]
    assert InboxMessage.objects.get(kind="invitation").state == "confirmed"
    assert not Event.objects.filter(application=invited, type="reply").exists()
    page.goto(f"{base}/")
    expect(page.locator(".action--invitation")).to_have_count(0)
    assert refused == []
    context.close()


@pytest.mark.parametrize("viewport", ["desktop", "phone"])
def test_dismissing_the_invitation_card_in_place_adds_nothing(
    chromium: Browser,  # noqa: F811
    live_server: Any,
    invited: Application,
    shoot: Callable[..., Path],  # noqa: F811
    viewport: str,
) -> None:
    """In Chromium, Dismiss swaps the panel in place (htmx) and says nothing was added."""
    base = str(live_server)
    context, page = open_page(chromium, viewport)
    log_in(page, base, "sam", PASSWORD)

    page.locator(".action--invitation").get_by_role("button", name="Dismiss").click()

    expect(
        page.get_by_role("status").filter(has_text="Dismissed. Nothing was added.")
    ).to_be_visible()
    expect(page.locator(".action--invitation")).to_have_count(0)
    shoot(page, f"{viewport}-today-invitation-dismissed", full_page=False)
    assert not Interview.objects.filter(application=invited, round=2).exists()
    context.close()


@pytest.mark.parametrize("viewport", ["desktop", "phone"])
def test_a_cancellation_card_marks_the_interview_cancelled(
    chromium: Browser,  # noqa: F811
    live_server: Any,
    invited: Application,
    dovecot: Dovecot,
    mailbox: tuple[str, str],
    shoot: Callable[..., Path],  # noqa: F811
    viewport: str,
) -> None:
    """In Chromium: the interview is added, Jordan cancels it, one click removes it."""
    base = str(live_server)
    card = InboxMessage.objects.get(kind="invitation")
    start = datetime.fromisoformat(card.proposal["start"])
    InterviewFactory(application=invited, start=start, end=start + timedelta(hours=1), round=2)
    InboxMessage.objects.filter(pk=card.pk).update(state="confirmed")
    local = start.astimezone(NEW_YORK)
    dovecot.append(
        invitation_mail.google_invitation(
            method="CANCEL",
            start=f"{local:%Y%m%dT%H%M%S}",
            end=f"{local + timedelta(hours=1):%Y%m%dT%H%M%S}",
            when=datetime.now(UTC) - timedelta(minutes=5),
        ),
        user=mailbox[0],
    )
    MailboxWatch.objects.update(next_poll_at=timezone.now())
    watch_inboxes(timezone.now(), "browser-test")
    context, page = open_page(chromium, viewport)
    log_in(page, base, "sam", PASSWORD)

    cancelled = page.locator(".action--invitation")
    expect(cancelled.get_by_role("heading")).to_contain_text(
        "Interview cancelled by Harbour Logistics"
    )
    assert_no_horizontal_scroll(page)
    shoot(page, f"{viewport}-today-invitation-cancelled", full_page=False)
    cancelled.get_by_role("button", name="Mark the interview cancelled").click()

    expect(
        page.get_by_role("status").filter(has_text="cancelled interview is removed")
    ).to_be_visible()
    assert not Interview.objects.filter(application=invited, round=2).exists()
    context.close()
