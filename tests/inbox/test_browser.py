"""The inbox in headless Chromium: a reply from Dovecot shows on Today and one click confirms it.

The live server runs on the real clock, so the interview and the reply are placed relative to
now; the reply really travels through the Dovecot server and the watcher job.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from django.utils import timezone
from playwright.sync_api import Browser, expect

from afterword.inbox.models import MailboxWatch
from afterword.inbox.watch import watch_inboxes
from afterword.infra.crypto import encrypt
from afterword.tracker.models import Application
from afterword.tracker.services import record_event, replan
from tests.factories import (
    PASSWORD,
    ApplicationFactory,
    InterviewerFactory,
    InterviewFactory,
    UserFactory,
)
from tests.inbox import mail as inbox_mail
from tests.support.dovecot import Dovecot
from tests.web.browser import assert_no_horizontal_scroll, log_in, open_page

# The browser fixtures live with the web tests; importing them makes them usable here.
from tests.web.conftest import chromium, shoot  # noqa: F401

pytestmark = pytest.mark.browser


@pytest.fixture
def seeded(transactional_db: None, dovecot: Dovecot, mailbox: tuple[str, str]) -> Application:
    """Jules interviewed at Harbour two days ago, thanked Priya, and her answer just arrived."""
    user = UserFactory(username="jules", email="jules@example.test")
    now = datetime.now(UTC).replace(microsecond=0)
    application = ApplicationFactory(owner=user, employer="Harbour Logistics", role="Data Analyst")
    priya = InterviewerFactory(
        application=application, name="Priya Natarajan", email="priya@harbour.example"
    )
    tomasz = InterviewerFactory(
        application=application, name="Tomasz Wilk", email="tomasz@harbour.example"
    )
    ended = now - timedelta(days=2)
    interview = InterviewFactory(
        application=application,
        start=ended - timedelta(hours=1),
        end=ended,
        interviewers=[priya, tomasz],
    )
    for person in (priya, tomasz):
        thanked = ended + timedelta(hours=3)
        record_event(
            application, "thank_you_sent", now, at=thanked, interview=interview, interviewer=person
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
    dovecot.append_many(
        [
            inbox_mail.no_decision_yet(when=now - timedelta(hours=1)),
            inbox_mail.bounce("tomasz@harbour.example", when=now - timedelta(minutes=50)),
            inbox_mail.stranger(when=now - timedelta(minutes=40)),
        ],
        user=mailbox[0],
    )
    watch_inboxes(timezone.now(), "browser-test")
    return application


@pytest.mark.parametrize("viewport", ["desktop", "phone"])
def test_a_reply_on_today_is_confirmed_with_one_click(
    chromium: Browser,  # noqa: F811
    live_server: Any,
    seeded: Application,
    shoot: Callable[..., Path],  # noqa: F811
    viewport: str,
) -> None:
    """In Chromium, Priya's "decide by the 20th" reply is confirmed on Today in one click."""
    base = str(live_server)
    context, page = open_page(chromium, viewport)
    log_in(page, base, "jules", PASSWORD)

    replies = page.locator("#replies")
    expect(replies.get_by_role("heading", name="Replies to confirm")).to_be_visible()
    expect(replies.get_by_text("Looks like no decision yet, new date")).to_be_visible()
    assert_no_horizontal_scroll(page)
    shoot(page, f"{viewport}-today-reply-to-confirm")
    replies.locator("summary", has_text="Something else").click()
    shoot(page, f"{viewport}-today-reply-something-else", full_page=False)
    replies.locator("summary", has_text="Something else").click()

    # Today's follow-ups reload themselves once the plan has changed.
    with page.expect_response(lambda response: response.url == f"{base}/"):
        replies.get_by_role("button", name="Record: decision by").click()

    expect(page.get_by_role("status").filter(has_text="no decision yet at Harbour")).to_be_visible()
    expect(page.get_by_role("heading", name="Replies to confirm")).to_have_count(0)
    shoot(page, f"{viewport}-today-reply-confirmed")

    page.goto(f"{base}/applications/{seeded.pk}/")
    expect(page.locator("#plan")).to_contain_text("They now expect to decide by")
    expect(page.get_by_text("Mail to this address bounced")).to_be_visible()
    assert_no_horizontal_scroll(page)
    shoot(page, f"{viewport}-application-bounced")
    context.close()


@pytest.mark.parametrize("viewport", ["desktop", "phone"])
def test_the_inbox_settings_page_tests_the_connection(
    chromium: Browser,  # noqa: F811
    live_server: Any,
    seeded: Application,
    shoot: Callable[..., Path],  # noqa: F811
    viewport: str,
) -> None:
    """In Chromium, inbox settings test the connection, flag a wrong password, then disconnect."""
    base = str(live_server)
    context, page = open_page(chromium, viewport)
    log_in(page, base, "jules", PASSWORD)

    page.goto(f"{base}/settings/")
    page.get_by_role("link", name="Change what is watched").click()
    expect(page.get_by_role("heading", name="Notice replies", level=1)).to_be_visible()
    expect(page.get_by_text("1 reply, 0 away notices, 1 bounce")).to_be_visible()
    page.get_by_role("button", name="Test connection").click()

    expect(page.locator("#test-result")).to_contain_text("Connected and logged in")
    assert_no_horizontal_scroll(page)
    shoot(page, f"{viewport}-inbox-settings")
    page.get_by_label("App password").fill("not-the-password")
    page.get_by_role("button", name="Test connection").click()
    expect(page.locator("#test-result")).to_contain_text("refused the user name or password")
    shoot(page, f"{viewport}-inbox-settings-wrong-password", full_page=False)
    page.locator("summary", has_text="Disconnect and delete").click()
    page.get_by_role("button", name="Yes, disconnect and delete").click()
    expect(page.get_by_role("status").filter(has_text="Disconnected")).to_be_visible()
    assert not MailboxWatch.objects.filter(user__username="jules").exists()
    context.close()


@pytest.fixture
def unsure(transactional_db: None, dovecot: Dovecot, mailbox: tuple[str, str]) -> Application:
    """Jules's Harbour application; a mail rule's away notice from Priya and a text-only bounce
    for Tomasz (at a hyphenated domain, which the detectors refuse) just arrived: both "low"."""
    user = UserFactory(username="jules", email="jules@example.test")
    now = datetime.now(UTC).replace(microsecond=0)
    application = ApplicationFactory(owner=user, employer="Harbour Logistics", role="Data Analyst")
    priya = InterviewerFactory(
        application=application, name="Priya Natarajan", email="priya@harbour.example"
    )
    tomasz = InterviewerFactory(
        application=application, name="Tomasz Wilk", email="tomasz@harbour-logistics.example"
    )
    ended = now - timedelta(days=2)
    interview = InterviewFactory(
        application=application,
        start=ended - timedelta(hours=1),
        end=ended,
        interviewers=[priya, tomasz],
    )
    for person in (priya, tomasz):
        record_event(
            application,
            "thank_you_sent",
            now,
            at=ended + timedelta(hours=3),
            interview=interview,
            interviewer=person,
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
    last_day = (now + timedelta(days=10)).date()
    dovecot.append_many(
        [
            inbox_mail.rule_away(
                f"until {last_day:%A, %B} {last_day.day}", when=now - timedelta(hours=1)
            ),
            inbox_mail.plain_bounce(tomasz.email, when=now - timedelta(minutes=30)),
        ],
        user=mailbox[0],
    )
    watch_inboxes(timezone.now(), "browser-test")
    return application


@pytest.mark.parametrize("viewport", ["desktop", "phone"])
def test_an_unsure_notice_on_today_is_confirmed_and_undone(
    chromium: Browser,  # noqa: F811
    live_server: Any,
    unsure: Application,
    shoot: Callable[..., Path],  # noqa: F811
    viewport: str,
) -> None:
    """In Chromium, the unsure bounce's card marks Tomasz's address in one click; Undo takes it
    back and the card returns."""
    base = str(live_server)
    context, page = open_page(chromium, viewport)
    log_in(page, base, "jules", PASSWORD)

    replies = page.locator("#replies")
    expect(
        replies.get_by_text("Looks like an automatic reply from Priya Natarajan")
    ).to_be_visible()
    expect(
        replies.get_by_text("Looks like mail to tomasz@harbour-logistics.example")
    ).to_be_visible()
    assert_no_horizontal_scroll(page)
    shoot(page, f"{viewport}-today-unsure-notices")

    replies.get_by_role("button", name="Mark the address as not working").click()
    expect(replies.get_by_role("status")).to_contain_text("Marked as not working")
    expect(replies.get_by_text("Looks like mail to")).to_have_count(0)
    replies.get_by_role("status").scroll_into_view_if_needed()
    shoot(page, f"{viewport}-today-unsure-bounce-confirmed", full_page=False)
    replies.get_by_role("button", name="Undo").click()
    expect(
        replies.get_by_text("Looks like mail to tomasz@harbour-logistics.example")
    ).to_be_visible()

    page.goto(f"{base}/applications/{unsure.pk}/")
    expect(page.get_by_text("Mail to this address bounced")).to_have_count(0)
    context.close()
