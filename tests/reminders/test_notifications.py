"""Apprise channels: URLs checked on the way in, stored encrypted, delivered to a real endpoint."""

from __future__ import annotations

from typing import Any

import pytest

from afterword.reminders.models import NotificationChannel
from afterword.reminders.notify import AppriseTransport, TransportError, check_url
from tests.factories import NotificationChannelFactory
from tests.support.http_sink import HttpSink


def channel_to(user: Any, url: str, label: str = "Phone") -> NotificationChannel:
    checked = check_url(url)
    channel = NotificationChannel(owner=user, label=label)
    channel.set_url(url, service=checked.service, masked_url=checked.masked)
    channel.save()
    return channel


def test_json_url_delivers_title_and_body_as_json(user: Any, http_sink: HttpSink) -> None:
    """A json:// channel posts the title and body as a JSON document."""
    channel = channel_to(user, http_sink.url("json", "hook"))

    AppriseTransport(channel).notify("Due now: thank Priya", "Harbour Logistics. Due 10:00.")

    [hit] = http_sink.received("/hook")
    assert hit.json()["title"] == "Due now: thank Priya"
    assert hit.json()["message"] == "Harbour Logistics. Due 10:00."


def test_form_url_delivers_a_form_post(user: Any, http_sink: HttpSink) -> None:
    """A form:// channel posts the same fields form-encoded."""
    channel = channel_to(user, http_sink.url("form", "form-hook"))

    AppriseTransport(channel).notify("Due now", "Check in with Dana")

    [hit] = http_sink.received("/form-hook")
    assert hit.headers["Content-Type"].startswith("application/x-www-form-urlencoded")
    assert hit.form()["title"] == "Due now"
    assert hit.form()["message"] == "Check in with Dana"


def test_ntfy_url_publishes_to_its_topic(user: Any, http_sink: HttpSink) -> None:
    """An ntfy:// channel publishes to the topic named in the URL on that server."""
    channel = channel_to(user, http_sink.url("ntfy", "afterword-sam"))

    AppriseTransport(channel).notify("Due now", "Send the thank-you email")

    [hit] = http_sink.received()
    assert hit.json() == {
        "topic": "afterword-sam",
        "title": "Due now",
        "message": "Send the thank-you email",
    }


def test_a_server_error_becomes_a_transport_error_with_the_reason(
    user: Any, http_sink: HttpSink
) -> None:
    """A 500 from the service is reported in words, as a failure worth retrying."""
    http_sink.failures["/broken"] = 500
    channel = channel_to(user, http_sink.url("json", "broken"))

    with pytest.raises(TransportError) as raised:
        AppriseTransport(channel).notify("Due now", "body")

    assert not raised.value.permanent
    assert "500" in raised.value.message
    assert raised.value.message.startswith("JSON:")


def test_an_unreachable_service_is_a_transient_failure(user: Any) -> None:
    """Nothing listening on the port: the channel failed, and a later try may work."""
    channel = channel_to(user, "json://127.0.0.1:9/hook")

    with pytest.raises(TransportError) as raised:
        AppriseTransport(channel).notify("Due now", "body")

    assert not raised.value.permanent
    assert "connection" in raised.value.message.lower()


def test_the_url_is_stored_encrypted_and_shown_masked(user: Any) -> None:
    """The database holds a token, never the URL; the page shows Apprise's masked form."""
    url = "tgram://123456789:AAHsecretbottoken/987654"

    channel = channel_to(user, url)

    stored = NotificationChannel.objects.values_list("url_encrypted", flat=True).get()
    assert "AAHsecretbottoken" not in stored
    assert channel.url == url
    assert "AAHsecretbottoken" not in channel.masked_url
    assert channel.service == "Telegram"


def test_a_changed_encryption_key_is_a_permanent_failure(user: Any, settings: Any) -> None:
    """A URL no configured key can open cannot start working again by waiting."""
    channel = NotificationChannelFactory(owner=user)
    settings.ENCRYPTION_KEYS = ["x" * 43 + "="]

    with pytest.raises(TransportError) as raised:
        AppriseTransport(channel).notify("Due now", "body")

    assert raised.value.permanent
    assert "encryption key" in raised.value.message


@pytest.mark.parametrize(
    ("url", "says"),
    [
        ("", "Enter a notification URL"),
        ("ntfy.sh/topic", "starts with its service"),
        ("nosuchservice://token", "nosuchservice:// is not one of the services"),
        ("tgram://", "does not understand this tgram:// URL"),
    ],
)
def test_urls_apprise_cannot_use_are_refused_with_a_reason(url: str, says: str) -> None:
    """Empty, scheme-less, unknown or incomplete URLs are refused with a sentence for the form."""
    with pytest.raises(ValueError, match=says):
        check_url(url)


def test_a_url_of_a_known_service_is_accepted_with_its_name() -> None:
    """A complete URL yields its service's name and a masked form without the secret."""
    checked = check_url("discord://4174216298/JHMHI8qBe7bk2ZwO5U711o3dV_js")

    assert checked.service == "Discord"
    assert "JHMHI8qBe7bk2ZwO5U711o3dV_js" not in checked.masked
