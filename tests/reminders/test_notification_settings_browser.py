"""The Reminders page in headless Chromium: fits a phone, adds a channel, Send test answers."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from django.utils import timezone
from playwright.sync_api import Browser, expect

from afterword.reminders.models import Reminder, ReminderKind, ReminderState
from tests.factories import PASSWORD, NotificationChannelFactory, UserFactory
from tests.support.http_sink import HttpSink
from tests.web.browser import assert_no_horizontal_scroll, log_in, open_page

# The browser fixtures live with the web tests; importing them makes them usable here.
from tests.web.conftest import chromium, shoot  # noqa: F401

pytestmark = pytest.mark.browser


def history(user: Any) -> None:
    """Yesterday's digest sent, and a notification that failed for good this morning."""
    now = timezone.now()
    Reminder.objects.create(
        owner=user,
        kind=ReminderKind.DIGEST,
        dedupe_key=f"digest:{user.pk}:yesterday",
        due_at=now - timedelta(days=1),
        next_attempt_at=now - timedelta(days=1),
        state=ReminderState.SENT,
        sent_at=now - timedelta(days=1),
        payload={"subject": "Your follow-ups for yesterday: 1 overdue, 2 this week"},
    )
    Reminder.objects.create(
        owner=user,
        kind=ReminderKind.ACTION,
        dedupe_key=f"action:{user.pk}:failed",
        due_at=now - timedelta(hours=2),
        next_attempt_at=now - timedelta(hours=1),
        state=ReminderState.FAILED,
        attempts=5,
        last_error="Gave up after 5 attempts. Phone: JSON: Failed to send JSON POST "
        "notification: Internal server error., error=500.",
    )


@pytest.mark.parametrize("viewport", ["phone", "desktop"])
def test_add_a_channel_and_send_a_test(
    chromium: Browser,  # noqa: F811
    live_server: Any,
    transactional_db: None,
    http_sink: HttpSink,
    shoot: Callable[..., Path],  # noqa: F811
    viewport: str,
) -> None:
    """From Settings to Reminders, add a json:// channel, Send test: it arrives and says so."""
    avery = UserFactory(username="avery")
    http_sink.failures["/broken"] = 500
    NotificationChannelFactory(
        owner=avery, label="Old webhook", url=http_sink.url("json", "broken")
    )
    history(avery)
    base = str(live_server)
    context, page = open_page(chromium, viewport)
    log_in(page, base, "avery", PASSWORD)

    page.goto(f"{base}/settings/")
    page.get_by_role("link", name="Choose the digest hour and channels").click()
    page.get_by_label("Name").fill("Phone")
    page.get_by_label("Notification URL").fill(http_sink.url("json", "phone"))
    page.get_by_role("button", name="Add channel").click()
    expect(page.get_by_text("Channel added: Phone.")).to_be_visible()
    page.get_by_role("button", name="Send test to Old webhook").click()
    expect(page.get_by_text("The test was not delivered.")).to_be_visible()
    page.get_by_role("button", name="Send test to Phone").click()

    expect(page.get_by_text("Test sent to Phone. Check that it arrived.")).to_be_visible()
    expect(page.get_by_text("Gave up after 5 attempts. Phone: JSON:")).to_be_visible()
    assert [hit.json()["title"] for hit in http_sink.received("/phone")] == ["Afterword test"]
    assert_no_horizontal_scroll(page)
    shoot(page, f"{viewport}-notification-settings")
    shoot(page, f"{viewport}-notification-settings-top", full_page=False)
    context.close()


def test_a_bad_url_is_named_in_the_error_summary(
    chromium: Browser,  # noqa: F811
    live_server: Any,
    transactional_db: None,
    shoot: Callable[..., Path],  # noqa: F811
) -> None:
    """An unknown service: the summary names the field and links to it; nothing is added."""
    UserFactory(username="avery")
    base = str(live_server)
    context, page = open_page(chromium, "phone")
    log_in(page, base, "avery", PASSWORD)

    page.goto(f"{base}/settings/notifications/")
    page.get_by_label("Name").fill("Pager")
    page.get_by_label("Notification URL").fill("pager://12345")
    page.get_by_role("button", name="Add channel").click()

    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("Notification URL: pager:// is not one of the services")
    summary.get_by_role("link").click()
    expect(page.get_by_label("Notification URL")).to_be_focused()
    expect(page.get_by_text("No channels yet.")).to_be_visible()
    shoot(page, "phone-notification-settings-error", full_page=False)
    context.close()
