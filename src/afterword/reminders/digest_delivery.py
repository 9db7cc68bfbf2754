"""Delivering one morning digest by email, to the user's own address.

Through the user's own mailbox when they connected one (outbox/smtp.py, so the digest sits
in their inbox beside everything else from them), else through the site's mail settings
(``AFTERWORD_EMAIL_URL``). Quiet days send nothing: the row is marked skipped.
"""

from __future__ import annotations

import smtplib
from datetime import date, datetime, timedelta
from email.message import EmailMessage
from email.utils import format_datetime

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection

from afterword.outbox.messages import sender
from afterword.outbox.models import MailAccount
from afterword.outbox.smtp import SendError, UncertainSend, send_message
from afterword.reminders.access import related
from afterword.reminders.digest import (
    RenderedDigest,
    build_digest,
    loaded_settings,
    render_digest,
)
from afterword.reminders.models import Reminder, ReminderKind, ReminderState
from afterword.reminders.models.reminders import DIGEST_HOUR_DEFAULT
from afterword.reminders.notify import TransportError
from afterword.reminders.outcome import Outcome
from afterword.reminders.schedule import DIGEST_LATE_BY, digest_due, zone_of
from afterword.tracker import access

# The keep-searching nudge comes at most once a week (P1); a little less than seven days, so
# that a digest an hour earlier than last week's still carries it.
NUDGE_EVERY = timedelta(days=6, hours=12)


def deliver_digest(reminder: Reminder, now: datetime) -> Outcome:
    """Send the digest of ``reminder`` or say why not.

    1. The user's settings may have changed since the row was made: off -> skipped; another
       hour or time zone -> re-timed to the new moment of the same day.
    2. Far past its hour (the worker was down all morning): skipped.
    3. Build it; the nudge only if none went out in the last week. Quiet -> skipped.
    4. Send it to the user's own address; failures come back as retry or failed.
    """
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
    digest = build_digest(user, now, nudge_allowed=lambda: nudge_allowed(reminder))
    if digest.quiet:
        return Outcome.skipped("Nothing overdue or due this week.", **digest.summary())
    account = related(user, "mail_account")
    recipient = user.email or (account.from_address if account else "")
    if not recipient:
        return Outcome.skipped("No email address to send the digest to.")
    try:
        send_digest(render_digest(digest), recipient, account, reminder, now)
    except TransportError as error:
        make = Outcome.failed if error.permanent else Outcome.retry
        return make(error.message)
    return Outcome.sent(**digest.summary(), to=recipient)


def nudge_allowed(reminder: Reminder) -> bool:
    """No digest carrying the keep-searching nudge went out in the last week."""
    recent = (
        access.belonging_to(reminder.owner_id, Reminder)
        .filter(
            kind=ReminderKind.DIGEST,
            state=ReminderState.SENT,
            due_at__gt=reminder.due_at - NUDGE_EVERY,
            payload__nudge=True,
        )
        .exclude(pk=reminder.pk)
    )
    return not recent.exists()


def send_digest(
    rendered: RenderedDigest,
    recipient: str,
    account: MailAccount | None,
    reminder: Reminder,
    now: datetime,
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
