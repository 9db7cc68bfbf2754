"""Notifications through Apprise: checking a channel's URL and delivering to it.

One ``Transport`` per kind of delivery, each raising ``TransportError(message, permanent=...)``
(the shape healthchecks uses), so the sender treats a phone notification and an email alike.
Apprise itself answers with a result and log lines rather than exceptions; the log lines are
what we show the user when a channel fails ("Internal server error., error=500").
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from functools import cache
from typing import Protocol

import apprise

from afterword.infra.crypto import SecretUnreadable
from afterword.reminders.models import NotificationChannel

# Apprise talks to the desktop of the machine it runs on with these: on a server that is nobody.
DESKTOP_SERVICES = frozenset({"windows", "macosx", "dbus", "kde", "glib", "gnome", "qt"})
MAX_MESSAGE = 480
# Apprise logs a failure as a warning or an error; its info and debug lines are chatter.
PROBLEM_LEVELS = frozenset({"WARNING", "ERROR", "CRITICAL"})


class TransportError(Exception):
    """Not delivered; ``permanent`` says whether trying again later can help."""

    def __init__(self, message: str, *, permanent: bool = False) -> None:
        super().__init__(message)
        self.message = message
        self.permanent = permanent


@dataclass(frozen=True, slots=True)
class CheckedUrl:
    """A URL Apprise understands: its service's name and the URL with secrets masked."""

    service: str
    masked: str


@cache
def _asset() -> apprise.AppriseAsset:
    # Apprise loads its plugins on first use; the e-mail plugin imports the standard library's
    # `imghdr`, deprecated since Python 3.11. Loading them here, once, under a filter keeps
    # that one warning out of the logs (and out of tests, where warnings are errors).
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        apprise.Apprise.instantiate("json://localhost")
    return apprise.AppriseAsset(app_id="Afterword", app_desc="Afterword follow-up reminders")


def check_url(url: str) -> CheckedUrl:
    """What Apprise makes of ``url``; ValueError with a sentence for the form when nothing.

    1. Empty, or no ``scheme://``: say what a URL looks like.
    2. Apprise cannot build a service from it (unknown scheme, missing token): refuse.
    3. A desktop service (it would pop up on the server's screen): refuse.
    """
    text = url.strip()
    if not text:
        raise ValueError("Enter a notification URL, such as ntfy://ntfy.sh/your-topic.")
    if "://" not in text:
        raise ValueError(
            "A notification URL starts with its service, such as ntfy://, tgram:// or "
            "mailto://; see the Apprise list of services."
        )
    instance = apprise.Apprise.instantiate(text, asset=_asset())
    if not instance:
        scheme = text.split("://", 1)[0]
        raise ValueError(
            f"Apprise does not understand this {scheme}:// URL: check the service name and "
            "that every part it needs (token, topic, user) is there."
        )
    scheme = text.split("://", 1)[0].lower()
    if scheme in DESKTOP_SERVICES:
        raise ValueError(
            f"{scheme}:// shows a message on this server's own screen, which nobody watches; "
            "use a service that reaches your phone or inbox."
        )
    masked = instance.url(privacy=True).split("?", 1)[0]
    return CheckedUrl(service=str(instance.service_name), masked=masked)


class Transport(Protocol):
    """Anything that delivers one notification or raises TransportError."""

    def notify(self, title: str, body: str) -> None: ...


class AppriseTransport:
    """One notification channel, through Apprise."""

    def __init__(self, channel: NotificationChannel) -> None:
        self.channel = channel

    def notify(self, title: str, body: str) -> None:
        """Send ``title`` and ``body`` (plain text) to the channel.

        1. Read the URL (a changed encryption key makes it unreadable: permanent).
        2. Let Apprise build the service (a URL it no longer understands: permanent).
        3. Notify; on failure, the warning lines Apprise logged become the message. Apprise
           cannot tell a server that is down from one that refuses for good, so every
           delivery failure counts as transient and the sender's attempt limit ends it.
        """
        try:
            url = self.channel.url
        except SecretUnreadable:
            raise TransportError(
                "The saved URL can no longer be read (the encryption key has changed); "
                "remove this channel and add it again.",
                permanent=True,
            ) from None
        sender = apprise.Apprise(asset=_asset())
        if not sender.add(url):
            raise TransportError(
                "Apprise no longer understands this channel's URL; add it again.", permanent=True
            )
        with sender.notify(title=title, body=body, body_format=apprise.NotifyFormat.TEXT) as result:
            if result:
                return
            lines = [
                entry.message.strip()
                for entry in result.logs()
                if str(entry.level).upper() in PROBLEM_LEVELS and entry.message.strip()
            ]
        reason = " ".join(lines) or "the service did not accept the notification"
        raise TransportError(_clip(f"{self.channel.service or 'Service'}: {reason}"))


def _clip(text: str) -> str:
    return text if len(text) <= MAX_MESSAGE else text[: MAX_MESSAGE - 1] + "…"
