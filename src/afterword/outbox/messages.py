"""Building the email that goes out: headers, threading and a UTF-8 body.

Message-IDs are ours (generated when a row is queued, on the user's own domain), so a retry
sends the very same message, and later messages of the same application can refer to it.
"""

from __future__ import annotations

from datetime import datetime
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid

from afterword.outbox.models import EmailState, MailAccount, OutgoingEmail


def new_message_id(address: str) -> str:
    """A fresh ``<...@domain>`` on the domain of the user's own address."""
    domain = address.rpartition("@")[2].strip().lower() or "afterword.invalid"
    return make_msgid(domain=domain)


def sender(account: MailAccount) -> Address:
    """``Name <address>`` as the recipient sees it (the name is encoded if not ASCII)."""
    local, _, domain = account.from_address.rpartition("@")
    return Address(display_name=account.from_name, username=local, domain=domain)


def thread_of(email: OutgoingEmail) -> tuple[str, str]:
    """(In-Reply-To, References) for ``email`` from the earlier messages of its application.

    Earlier means already sent, in the order they went out: References lists them all (RFC 5322
    3.6.4), In-Reply-To names the latest, so mail programs show one conversation per
    application. Messages never sent (failed, cancelled, still pending) are left out.
    """
    if email.application_id is None:
        return "", ""
    earlier = (
        OutgoingEmail.objects.filter(application_id=email.application_id, state=EmailState.SENT)
        .exclude(pk=email.pk)
        .order_by("sent_at", "pk")
        .values_list("message_id", flat=True)
    )
    ids = list(earlier)
    if not ids:
        return "", ""
    return ids[-1], " ".join(ids)


def compose(email: OutgoingEmail, account: MailAccount, now: datetime) -> EmailMessage:
    """The message for an outbox row, dated ``now`` (the moment it is handed to the server)."""
    message = EmailMessage()
    message["From"] = sender(account)
    message["To"] = email.to
    if email.cc:
        message["Cc"] = email.cc
    message["Subject"] = email.subject
    message["Date"] = format_datetime(now)
    message["Message-ID"] = email.message_id
    if email.in_reply_to:
        message["In-Reply-To"] = email.in_reply_to
    if email.references:
        message["References"] = email.references
    # Quoted-printable keeps the body 7-bit, so every server takes it, accents and all.
    message.set_content(email.body, charset="utf-8", cte="quoted-printable")
    return message
