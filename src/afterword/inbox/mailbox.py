"""Connecting, testing and disconnecting the watched mailbox (the settings page's services)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.db import transaction

from afterword.inbox.imap import InboxError, Mailbox, open_session
from afterword.inbox.models import InboxKind, InboxMessage, MailboxWatch, folder_list
from afterword.infra.crypto import SecretUnreadable, decrypt, encrypt
from afterword.tracker import access
from afterword.tracker.models import Interviewer
from afterword.tracker.services.contacts import forget_bounces

TEST_TIMEOUT = 15.0


@dataclass(frozen=True, slots=True)
class ConnectionCheck:
    ok: bool
    message: str


def save_watch(
    user_id: int,
    *,
    host: str,
    port: int,
    security: str,
    username: str,
    password: str,
    folders: str,
    now: datetime,
) -> MailboxWatch:
    """Create or update the user's watched mailbox; a blank password keeps the saved one.

    Changing the server, the user name or the folders starts the folders' bookkeeping afresh;
    messages already recorded stay recorded (and are not recorded twice).
    """
    with transaction.atomic():
        watch = access.belonging_to(user_id, MailboxWatch.objects.select_for_update()).first()
        if watch is None:
            watch = MailboxWatch(user_id=user_id)
        moved = (watch.host, watch.port, watch.username) != (host, port, username)
        watch.host, watch.port, watch.security, watch.username = host, port, security, username
        watch.folders = ", ".join(folder_list(folders)) or "INBOX"
        if password:
            watch.password_encrypted = encrypt(password)
        watch.connected = True
        watch.next_poll_at = now
        watch.failures = 0
        watch.last_error = ""
        watch.save()
        stale = watch.folder_states.exclude(name__in=watch.folder_names)
        (watch.folder_states.all() if moved else stale).delete()
    return watch


def check_connection(mailbox: Mailbox, folders: list[str]) -> ConnectionCheck:
    """Log in and open each folder read-only; say what worked or exactly what did not."""
    try:
        with open_session(mailbox, timeout=TEST_TIMEOUT) as session:
            counts = [(name, session.examine(name)[1]) for name in folders]
    except InboxError as error:
        return ConnectionCheck(False, error.message)
    listed = ", ".join(
        f"{name} ({count:,} message{'s' if count != 1 else ''})" for name, count in counts
    )
    return ConnectionCheck(True, f"Connected and logged in. Watching {listed}.")


def record_check(watch: MailboxWatch, check: ConnectionCheck, now: datetime) -> None:
    """Keep the outcome of *Test connection* on the mailbox, for the settings page."""
    MailboxWatch.objects.filter(pk=watch.pk).update(
        tested_at=now, test_ok=check.ok, test_result=check.message[:500]
    )


def saved_password(watch: MailboxWatch | None) -> str:
    if watch is None or not watch.password_encrypted:
        return ""
    try:
        return decrypt(watch.password_encrypted)
    except SecretUnreadable:
        return ""


def disconnect(watch: MailboxWatch) -> int:
    """Delete the mailbox settings and everything read from it; returns the messages deleted.

    The bounce warnings it set on people are taken back too. Events already recorded on the
    applications (a reply, an away notice) stay in their timelines: they are the application's
    history and hold none of the messages' text.
    """
    with transaction.atomic():
        bounced = InboxMessage.objects.filter(watch=watch, kind=InboxKind.BOUNCE).values(
            "interviewer_id"
        )
        forget_bounces(Interviewer.objects.filter(pk__in=bounced))
        count = watch.messages.count()
        watch.delete()
    return count
