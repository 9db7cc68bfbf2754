"""Notifications through Apprise: checking a channel's URL and delivering to it.

One ``Transport`` per kind of delivery, each raising ``TransportError(message, permanent=...)``
(the shape healthchecks uses), so the sender treats a phone notification and an email alike.
Apprise itself answers with a result and log lines rather than exceptions; the log lines are
what we show the user when a channel fails ("Internal server error., error=500").
"""

from __future__ import annotations

import socket
import warnings
from dataclasses import dataclass
from functools import cache
from typing import Any, Protocol

import apprise

from afterword.infra import outbound
from afterword.infra.crypto import SecretUnreadable
from afterword.reminders.models import NotificationChannel

# The Apprise services a user may add, reviewed one by one. Each either talks to its vendor's own
# fixed host over HTTPS, or to a host the user names, which the outbound gate then checks. Left
# out: desktop and local services (dbus, windows, syslog), raw protocols that would reach
# anything on any port (mqtt, xmpp, irc, rsyslog, growl) and the long tail nobody has reviewed.
FIXED_HOST_SCHEMES = frozenset({"tgram", "slack", "discord", "pover", "pbul", "msteams"})
# Self-hosted services: their URL names the server.
OWN_HOST_SCHEMES = frozenset(
    {"ntfy", "ntfys", "gotify", "gotifys", "matrix", "matrixs", "signal", "signals"}
)
# Generic web hooks choose the method, path, headers and body: only to hosts the site allows.
WEBHOOK_SCHEMES = frozenset({"json", "jsons", "form", "forms", "xml", "xmls"})
MAIL_SCHEMES = frozenset({"mailto", "mailtos"})
SCHEMES = FIXED_HOST_SCHEMES | OWN_HOST_SCHEMES | WEBHOOK_SCHEMES | MAIL_SCHEMES
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
    # Apprise's web requests go through urllib3: from now on only to addresses the gate allows.
    outbound.gate_http_connections()
    return apprise.AppriseAsset(app_id="Afterword", app_desc="Afterword follow-up reminders")


def check_url(url: str) -> CheckedUrl:
    """What Apprise makes of ``url``; ValueError with a sentence for the form when nothing.

    1. Empty, or no ``scheme://``: say what a URL looks like.
    2. A desktop service (it would pop up on the server's screen), or any service not on
       the reviewed list: refuse.
    3. Apprise cannot build a service from it (missing token, bad address): refuse.
    4. The host it would connect to (a self-hosted service, a web hook, a mail server) must
       pass the outbound gate, as it must again before each notification.
    """
    text = url.strip()
    if not text:
        raise ValueError("Enter a notification URL, such as ntfy://ntfy.sh/your-topic.")
    if "://" not in text:
        raise ValueError(
            "A notification URL starts with its service, such as ntfy://, tgram:// or "
            "discord://; see the Apprise list of services."
        )
    scheme = text.split("://", 1)[0].lower()
    if scheme in DESKTOP_SERVICES:
        raise ValueError(
            f"{scheme}:// shows a message on this server's own screen, which nobody watches; "
            "use a service that reaches your phone or inbox."
        )
    if scheme not in SCHEMES:
        raise ValueError(
            f"{scheme}:// is not one of the services this site sends to. Use one of: "
            f"{', '.join(sorted(SCHEMES - WEBHOOK_SCHEMES))}."
        )
    instance = apprise.Apprise.instantiate(text, asset=_asset())
    if not instance:
        raise ValueError(
            f"Apprise does not understand this {scheme}:// URL: check the service name and "
            "that every part it needs (token, topic, user) is there."
        )
    try:
        check_target(scheme, instance)
    except outbound.OutboundRefused as error:
        raise ValueError(error.message) from None
    except OSError:
        raise ValueError(
            "The server this URL names could not be found; check its host name."
        ) from None
    masked = instance.url(privacy=True).split("?", 1)[0]
    return CheckedUrl(service=str(instance.service_name), masked=masked)


def check_target(scheme: str, instance: Any) -> None:
    """Put the host a channel connects to through the outbound gate (OutboundRefused, or
    socket.gaierror for a name that does not resolve).

    Web requests are checked again at the moment of connecting (outbound.gate_http_connections),
    which pins them to the address checked. Apprise's e-mail service opens its own SMTP
    connection, which the gate cannot pin to the address it checked, so an e-mail channel may
    only use a mail server the site names in AFTERWORD_OUTBOUND_ALLOW: no user-chosen name is
    looked up twice. (A user's own mailbox already carries the digest, through the outbox.)
    """
    if scheme in MAIL_SCHEMES:
        outbound.checked(
            str(instance.smtp_host), int(instance.port or 587), "smtp", named_only=True
        )
        return
    if scheme not in OWN_HOST_SCHEMES | WEBHOOK_SCHEMES:
        return
    if scheme in {"ntfy", "ntfys"} and str(instance.mode) == "cloud":
        return  # The public ntfy.sh: the URL's first part is a topic, not a host.
    port = int(instance.port or (443 if instance.secure else 80))
    outbound.checked(str(instance.host), port, "http", named_only=scheme in WEBHOOK_SCHEMES)


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
        2. Let Apprise build the service (a URL it no longer understands or a service no longer
           on the reviewed list: permanent).
        3. Check its host through the outbound gate again: the site's allow-list or the host's
           DNS may have changed since the channel was saved (refused: permanent).
        4. Notify; on failure, the warning lines Apprise logged become the message. Apprise
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
        scheme = url.split("://", 1)[0].lower()
        instance = apprise.Apprise.instantiate(url, asset=_asset()) if scheme in SCHEMES else None
        sender = apprise.Apprise(asset=_asset())
        if not instance or not sender.add(instance):
            raise TransportError(
                "Apprise no longer understands this channel's URL, or this site no longer sends "
                "to its service; add it again.",
                permanent=True,
            )
        try:
            check_target(scheme, instance)
        except outbound.OutboundRefused as error:
            raise TransportError(error.message, permanent=True) from None
        except socket.gaierror:
            raise TransportError(
                "The server this channel names could not be found just now.", permanent=False
            ) from None
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
