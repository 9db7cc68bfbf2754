"""Delivering morning digests by email, to the user's own address.

Through the user's own mailbox when they connected one (outbox/smtp.py, so the digest sits
in their inbox beside everything else from them), else through the site's mail settings
(``AFTERWORD_EMAIL_URL``). Quiet days send nothing: the row is marked skipped.

The worker delivers digests a page at a time (``DigestPage``): what they need is read for the
whole page in a few queries, and the site's mail server gets them over one connection.
"""

from __future__ import annotations

import smtplib
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from email.message import EmailMessage
from email.utils import format_datetime
from typing import Any

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection

from afterword.outbox.messages import sender
from afterword.outbox.models import MailAccount
from afterword.outbox.smtp import SendError, UncertainSend, send_message
from afterword.reminders.access import related
from afterword.reminders.digest import RenderedDigest, digest_of, loaded_settings, render_digest
from afterword.reminders.digest_sources import DigestSources
from afterword.reminders.models import Reminder, ReminderKind, ReminderState
from afterword.reminders.models.reminders import DIGEST_HOUR_DEFAULT
from afterword.reminders.notify import TransportError
from afterword.reminders.outcome import Outcome
from afterword.reminders.schedule import DIGEST_LATE_BY, digest_due, zone_of
from afterword.tracker import access

# The keep-searching nudge comes at most once a week (P1); a little less than seven days, so
# that a digest an hour earlier than last week's still carries it.
NUDGE_EVERY = timedelta(days=6, hours=12)


@dataclass
class DigestPage:
    """Digest rows delivered together: what they need, read at once, and the site's mail.

    ``sources``: every owner's actions and applications (two queries for the page).
    ``nudged``: per owner, the digests (id, due) that carried the keep-searching nudge
    recently enough to count (one query). ``site_mail``: one connection to the site's mail
    server for the page, opened by the first digest that needs it.
    """

    sources: DigestSources = field(default_factory=DigestSources)
    nudged: dict[int, list[tuple[int, datetime]]] = field(default_factory=dict)
    site_mail: Any = None

    @classmethod
    def read(cls, reminders: Sequence[Reminder], now: datetime) -> DigestPage:
        """For digest ``reminders`` claimed with their owners and settings (reminders/send.py)."""
        digests = [r for r in reminders if r.kind == ReminderKind.DIGEST]
        if not digests:
            return cls()
        owners = list({r.owner_id: r.owner for r in digests}.values())
        earliest = min(r.due_at for r in digests) - NUDGE_EVERY
        nudged: dict[int, list[tuple[int, datetime]]] = defaultdict(list)
        recent = access.belonging_to_loaded(owners, Reminder).filter(
            kind=ReminderKind.DIGEST,
            state=ReminderState.SENT,
            due_at__gt=earliest,
            payload__nudge=True,
        )
        for owner_id, pk, due_at in recent.values_list("owner_id", "pk", "due_at"):
            nudged[owner_id].append((pk, due_at))
        return cls(DigestSources.read(owners, now), dict(nudged))

    def nudge_allowed(self, reminder: Reminder) -> bool:
        """No other digest carrying the keep-searching nudge went out in the last week."""
        since = reminder.due_at - NUDGE_EVERY
        return not any(
            pk != reminder.pk and due_at > since
            for pk, due_at in self.nudged.get(reminder.owner_id, [])
        )

    def note_nudge(self, reminder: Reminder) -> None:
        """``reminder`` went out with the nudge: later digests of the page see it."""
        self.nudged.setdefault(reminder.owner_id, []).append((reminder.pk, reminder.due_at))

    def send_site_mail(self, mail: EmailMultiAlternatives) -> None:
        """Hand ``mail`` to the site's mail server over the page's connection."""
        if self.site_mail is None:
            connection = get_connection(fail_silently=False)
            connection.open()
            self.site_mail = connection
        try:
            self.site_mail.send_messages([mail])
        except BaseException:
            # The next digest starts on a new connection.
            self.close()
            raise

    def close(self) -> None:
        connection, self.site_mail = self.site_mail, None
        if connection is not None:
            connection.close()


def deliver_digest(reminder: Reminder, now: datetime, page: DigestPage | None = None) -> Outcome:
    """Send the digest of ``reminder`` or say why not (``page``: read for it alone if None).

    1. The user's settings may have changed since the row was made: off -> skipped; another
       hour or time zone -> re-timed to the new moment of the same day.
    2. Far past its hour (the worker was down all morning): skipped.
    3. Build it; the nudge only if none went out in the last week. Quiet -> skipped.
    4. Send it to the user's own address; failures come back as retry or failed.
    """
    if page is None:
        page = DigestPage.read([reminder], now)
        try:
            return deliver_digest(reminder, now, page)
        finally:
            page.close()
    user = reminder.owner
    mine = related(user, "reminder_settings")
    if mine is not None and not mine.digest_enabled:
        return Outcome.skipped("The morning digest is turned off.")
    day = date.fromisoformat(str(reminder.payload["day"]))
    hour = mine.digest_hour if mine is not None else DIGEST_HOUR_DEFAULT
    due = digest_due(day, hour, zone_of(loaded_settings(user).timezone))
    if due != reminder.due_at:
        return Outcome.retime(due)
    if now > reminder.due_at + DIGEST_LATE_BY:
        return Outcome.skipped("Too late for a morning digest: no worker was running then.")
    digest = digest_of(
        user,
        now,
        page.sources.actions_of(user),
        page.sources.applications_of(user),
        nudge_allowed=lambda: page.nudge_allowed(reminder),
    )
    if digest.quiet:
        return Outcome.skipped("Nothing overdue or due this week.", **digest.summary())
    account = related(user, "mail_account")
    recipient = user.email or (account.from_address if account else "")
    if not recipient:
        return Outcome.skipped("No email address to send the digest to.")
    try:
        send_digest(render_digest(digest), recipient, account, reminder, now, page)
    except TransportError as error:
        make = Outcome.failed if error.permanent else Outcome.retry
        return make(error.message)
    if digest.nudge:
        page.note_nudge(reminder)
    return Outcome.sent(**digest.summary(), to=recipient)


def send_digest(
    rendered: RenderedDigest,
    recipient: str,
    account: MailAccount | None,
    reminder: Reminder,
    now: datetime,
    page: DigestPage | None = None,
) -> None:
    """Hand the digest to a mail server; TransportError(permanent=...) when that fails.

    The Message-ID is derived from the reminder row, so if a crash makes us send it twice,
    mail programs that merge duplicates by Message-ID show it once.
    """
    if account is not None:
        message = _own_mailbox_message(rendered, recipient, account, reminder, now)
        try:
            send_message(account, message)
        except UncertainSend as error:
            # At least once: the server may have it, and sending again is harmless.
            raise TransportError(error.message) from None
        except SendError as error:
            raise TransportError(error.message, permanent=error.permanent) from None
        return
    mail = EmailMultiAlternatives(
        subject=rendered.subject,
        body=rendered.text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[recipient],
        headers=_headers(reminder, settings.DEFAULT_FROM_EMAIL),
    )
    mail.attach_alternative(rendered.html, "text/html")
    try:
        if page is not None:
            page.send_site_mail(mail)
        else:
            get_connection(fail_silently=False).send_messages([mail])
    except smtplib.SMTPResponseException as error:
        reply = error.smtp_error
        if isinstance(reply, bytes):
            reply = reply.decode("utf-8", "replace")
        raise TransportError(
            f"The mail server refused the digest ({error.smtp_code} {reply}).",
            permanent=error.smtp_code >= 500,
        ) from None
    except (smtplib.SMTPException, OSError) as error:
        raise TransportError(f"The mail server could not be reached ({error}).") from None


def _own_mailbox_message(
    rendered: RenderedDigest,
    recipient: str,
    account: MailAccount,
    reminder: Reminder,
    now: datetime,
) -> EmailMessage:
    message = EmailMessage()
    message["From"] = sender(account)
    message["To"] = recipient
    message["Subject"] = rendered.subject
    message["Date"] = format_datetime(now)
    for name, value in _headers(reminder, account.from_address).items():
        message[name] = value
    message.set_content(rendered.text, charset="utf-8", cte="quoted-printable")
    message.add_alternative(rendered.html, subtype="html", charset="utf-8", cte="quoted-printable")
    return message


def _headers(reminder: Reminder, from_address: str) -> dict[str, str]:
    domain = _bare(from_address).rpartition("@")[2].lower() or "afterword.invalid"
    return {
        "Message-ID": f"<afterword-reminder-{reminder.pk}@{domain}>",
        # RFC 3834: written by a program, so auto-responders (holiday replies) stay silent.
        "Auto-Submitted": "auto-generated",
        "X-Afterword-Reminder": reminder.dedupe_key,
    }


def _bare(address: str) -> str:
    """``Afterword <a@b>`` -> ``a@b``."""
    return address.rsplit("<", 1)[-1].rstrip(">").strip() if "<" in address else address
