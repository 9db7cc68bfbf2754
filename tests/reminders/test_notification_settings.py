"""The Reminders page: digest hour, adding and testing channels, failures shown, outsiders 404."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from afterword.reminders.models import (
    NotificationChannel,
    Reminder,
    ReminderKind,
    ReminderSettings,
    ReminderState,
)
from afterword.reminders.send import MAX_ATTEMPTS
from tests.factories import NotificationChannelFactory
from tests.reminders.helpers import add_interview, tick
from tests.support.http_sink import HttpSink

PAGE = "/settings/notifications/"
HX = {"HTTP_HX_REQUEST": "true"}
ENDED = datetime(2026, 3, 2, 16, 0, tzinfo=UTC)


@pytest.fixture
def member(client: Client, user: Any) -> Client:
    client.force_login(user)
    return client


@pytest.fixture
def stranger(client: Client, outsider: Any) -> Client:
    client.force_login(outsider)
    return client


def test_the_page_needs_a_log_in(client: Client, db: None) -> None:
    """Anonymous visitors are sent to the log-in page."""
    response = client.get(PAGE)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_settings_links_to_the_reminders_page(member: Client) -> None:
    """The Settings page leads here."""
    response = member.get(reverse("settings"))

    assert PAGE in response.content.decode()


def test_the_page_shows_the_defaults_and_the_users_zone(member: Client, user: Any) -> None:
    """A first visit: digest on at 07:00, notifications on, the user's zone named."""
    response = member.get(PAGE)

    page = response.content.decode()
    assert response.status_code == 200
    assert '<option value="7" selected>07:00</option>' in page
    assert "Your time zone is UTC" in page
    assert ReminderSettings.objects.get(user=user).digest_hour == 7


def test_saving_a_new_digest_hour(member: Client, user: Any) -> None:
    """Nine o'clock, notifications off: saved, and the page says so."""
    response = member.post(
        PAGE, {"digest-digest_enabled": "on", "digest-digest_hour": "9"}, follow=True
    )

    mine = ReminderSettings.objects.get(user=user)
    assert (mine.digest_enabled, mine.digest_hour, mine.per_action_notifications) == (
        True,
        9,
        False,
    )
    assert "Reminder settings saved." in response.content.decode()


def test_an_hour_outside_the_morning_is_refused_naming_the_field(member: Client, user: Any) -> None:
    """04:00 is not offered; posting it anyway gets an error on "Digest hour", nothing saved."""
    response = member.post(PAGE, {"digest-digest_enabled": "on", "digest-digest_hour": "4"})

    page = response.content.decode()
    assert response.status_code == 200
    assert "Digest hour: Select a valid choice. 4 is not one of the available choices." in page
    assert ReminderSettings.objects.get(user=user).digest_hour == 7


def test_adding_a_channel_stores_the_url_encrypted_and_shows_it_masked(
    member: Client, user: Any
) -> None:
    """A Telegram URL: saved under its name, the token nowhere on the page or in the table."""
    url = "tgram://123456789:AAHsecretbottoken/987654"

    response = member.post(
        reverse("channel_add"), {"channel-label": "Phone", "channel-url": url}, follow=True
    )

    channel = NotificationChannel.objects.get(owner=user)
    page = response.content.decode()
    assert channel.label == "Phone" and channel.url == url
    assert "AAHsecretbottoken" not in channel.url_encrypted
    assert "AAHsecretbottoken" not in page
    assert "Channel added: Phone." in page
    assert "Telegram" in page


def test_an_unknown_service_is_refused_naming_the_field(member: Client, user: Any) -> None:
    """An unknown service: the error names "Notification URL" and nothing is saved."""
    response = member.post(
        reverse("channel_add"), {"channel-label": "Phone", "channel-url": "pager://12345"}
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert "Notification URL: pager:// is not one of the services this site sends to" in page
    assert not NotificationChannel.objects.exists()


def test_a_second_channel_with_the_same_name_is_refused(member: Client, user: Any) -> None:
    """Names tell channels apart, so the same name twice is an error on "Name"."""
    NotificationChannelFactory(owner=user, label="Phone")

    response = member.post(
        reverse("channel_add"),
        {"channel-label": "phone", "channel-url": "ntfy://ntfy.sh/topic"},
    )

    assert "Name: You already have a channel with this name." in response.content.decode()
    assert NotificationChannel.objects.count() == 1


def test_send_test_delivers_and_answers_with_a_fragment(
    member: Client, user: Any, http_sink: HttpSink
) -> None:
    """The htmx button sends a real test notification and says it went."""
    channel = NotificationChannelFactory(
        owner=user, label="Hook", url=http_sink.url("json", "hook")
    )

    response = member.post(reverse("channel_test", args=[channel.pk]), **HX)

    fragment = response.content.decode()
    assert response.status_code == 200
    assert 'data-test-result="ok"' in fragment
    assert "Test sent to Hook." in fragment
    assert "<html" not in fragment
    assert response["Vary"] == "HX-Request, Cookie"
    [hit] = http_sink.received("/hook")
    assert hit.json()["title"] == "Afterword test"


def test_send_test_says_why_it_failed(member: Client, user: Any, http_sink: HttpSink) -> None:
    """A service answering 500: the fragment says the test was not delivered, and why."""
    http_sink.failures["/hook"] = 500
    channel = NotificationChannelFactory(
        owner=user, label="Hook", url=http_sink.url("json", "hook")
    )

    response = member.post(reverse("channel_test", args=[channel.pk]), **HX)

    fragment = response.content.decode()
    assert 'data-test-result="failed"' in fragment
    assert "The test was not delivered. JSON:" in fragment
    assert "500" in fragment
    channel.refresh_from_db()
    assert channel.last_ok is False


def test_send_test_without_htmx_redirects_with_a_message(
    member: Client, user: Any, http_sink: HttpSink
) -> None:
    """Without JavaScript the button still works: back to the page with the result."""
    channel = NotificationChannelFactory(
        owner=user, label="Hook", url=http_sink.url("json", "hook")
    )

    response = member.post(reverse("channel_test", args=[channel.pk]), follow=True)

    assert "Test sent to Hook." in response.content.decode()


def test_switching_a_channel_off_and_removing_it(member: Client, user: Any) -> None:
    """Switch off keeps it (marked Off); Remove deletes it."""
    channel = NotificationChannelFactory(owner=user, label="Phone")

    off = member.post(reverse("channel_toggle", args=[channel.pk]), follow=True)
    channel.refresh_from_db()
    enabled_after_toggle = channel.enabled
    gone = member.post(reverse("channel_delete", args=[channel.pk]), follow=True)

    assert enabled_after_toggle is False
    assert "Phone is switched off." in off.content.decode()
    assert "Channel removed: Phone." in gone.content.decode()
    assert not NotificationChannel.objects.exists()


@pytest.mark.parametrize("name", ["channel_test", "channel_toggle", "channel_delete"])
def test_someone_elses_channel_is_not_found(
    stranger: Client, user: Any, http_sink: HttpSink, name: str
) -> None:
    """An outsider gets 404 and the channel is untouched and not notified."""
    channel = NotificationChannelFactory(owner=user, url=http_sink.url("json", "hook"))

    response = stranger.post(reverse(name, args=[channel.pk]), **HX)

    assert response.status_code == 404
    channel.refresh_from_db()
    assert channel.enabled is True
    assert http_sink.received() == []


def test_an_outsider_sees_none_of_the_users_channels_or_reminders(
    stranger: Client, user: Any
) -> None:
    """The outsider's own page lists nothing of the user's."""
    NotificationChannelFactory(owner=user, label="Sam's phone")
    Reminder.objects.create(
        owner=user,
        kind=ReminderKind.DIGEST,
        dedupe_key="digest:x",
        due_at=datetime(2026, 3, 4, 12, tzinfo=UTC),
        next_attempt_at=datetime(2026, 3, 4, 12, tzinfo=UTC),
        state=ReminderState.FAILED,
        last_error="The mail server said no.",
    )

    page = stranger.get(PAGE).content.decode()

    assert "Sam&#x27;s phone" not in page and "Sam's phone" not in page
    assert "The mail server said no." not in page


def test_a_channel_that_keeps_failing_is_shown_failed_with_its_reason(
    member: Client, user: Any, http_sink: HttpSink
) -> None:
    """A due action, a channel answering 500: retried, failed, and the page says why."""
    http_sink.failures["/hook"] = 500
    NotificationChannelFactory(owner=user, label="Phone", url=http_sink.url("json", "hook"))
    add_interview(user, ENDED)
    due = ENDED + timedelta(hours=24)

    for minute in range(0, 180):
        tick(due + timedelta(minutes=minute))
    page = member.get(PAGE).content.decode()

    assert len(http_sink.received("/hook")) == MAX_ATTEMPTS
    assert "Last notification failed" in page
    assert f"Gave up after {MAX_ATTEMPTS} attempts. Phone: JSON:" in page
    assert "error=500" in page
    assert ">Failed</span>" in page
