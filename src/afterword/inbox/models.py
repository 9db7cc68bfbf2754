"""The user's mailbox as Afterword watches it for replies, and what it kept from matched mail.

Three tables. ``MailboxWatch``: how to reach the mailbox over IMAP (one per user, the password
encrypted) and when to look next. ``WatchedFolder``: per folder, the UIDVALIDITY and the last UID
seen, so that no message is read twice and none is missed across restarts. ``InboxMessage``: the
few messages that belonged to an application (replies, away notices, bounces, delays, calendar
invitations), unique
per Message-ID, so a rescan never records one twice. Deleting the watch deletes the other two.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone

from afterword.infra.network import is_loopback
from afterword.tracker.models import Application, Event, Interviewer


class InboxSecurity(models.TextChoices):
    TLS = "tls", "TLS from the start (usually port 993)"
    STARTTLS = "starttls", "STARTTLS (usually port 143)"
    NONE = "none", "None: only for a mail server on this computer"


DEFAULT_PORTS = {"tls": 993, "starttls": 143, "none": 143}


class MailboxWatch(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="mailbox_watch"
    )
    host = models.CharField(
        "IMAP server", max_length=253, help_text="For example imap.gmail.com or imap.fastmail.com."
    )
    port = models.PositiveIntegerField(
        default=993, validators=[MinValueValidator(1), MaxValueValidator(65535)]
    )
    security = models.CharField(max_length=10, choices=InboxSecurity, default=InboxSecurity.TLS)
    username = models.CharField(
        "user name", max_length=254, help_text="Usually your full email address."
    )
    # A Fernet token (infra/crypto.py), never the password itself.
    password_encrypted = models.TextField(blank=True)
    folders = models.CharField(
        "folders to watch",
        max_length=500,
        default="INBOX",
        help_text="Separate several with commas, for example: INBOX, Jobs.",
    )
    # Watched by the worker while true; a failing mailbox stays connected and keeps its error.
    connected = models.BooleanField(default=True)
    next_poll_at = models.DateTimeField(default=timezone.now)
    # The worker polling it now holds it until then (a conditional UPDATE claims it).
    lease_until = models.DateTimeField(null=True, blank=True)
    claimed_by = models.CharField(max_length=200, blank=True)
    # The worker holding an IMAP IDLE connection to it (inbox/idle.py), until then: a second
    # lease, apart from the poll's, so one worker idles while any worker polls.
    idle_by = models.CharField(max_length=200, blank=True)
    idle_until = models.DateTimeField(null=True, blank=True)
    last_polled_at = models.DateTimeField(null=True, blank=True)
    last_error = models.CharField(max_length=500, blank=True)
    # What the last successful poll did, for the settings page ("12 new messages, 1 reply").
    last_summary = models.CharField(max_length=200, blank=True)
    failures = models.PositiveSmallIntegerField(default=0)
    # The outcome of the last "Test connection", shown on the settings page.
    tested_at = models.DateTimeField(null=True, blank=True)
    test_ok = models.BooleanField(null=True, blank=True)
    test_result = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "watched mailbox"
        indexes = [
            models.Index(
                fields=["next_poll_at"],
                condition=models.Q(connected=True),
                name="delivery_watch_due",
            )
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(security__in=["tls", "starttls", "none"]),
                name="delivery_watch_security_known",
            )
        ]

    def __str__(self) -> str:
        return f"{self.username} at {self.host}:{self.port}"

    @property
    def folder_names(self) -> list[str]:
        return folder_list(self.folders)

    def clean(self) -> None:
        if self.security == InboxSecurity.NONE and self.host and not is_loopback(self.host):
            raise ValidationError(
                {
                    "security": (
                        "Without encryption your password and your mail would cross the network "
                        'readable by anyone on the way; choose TLS or STARTTLS ("none" is only '
                        "for a mail server on this computer, such as localhost)."
                    )
                }
            )


def folder_list(text: str) -> list[str]:
    """``"INBOX, Jobs"`` -> ``["INBOX", "Jobs"]``: trimmed, no blanks, no repeats, in order."""
    names = [name.strip() for name in text.split(",")]
    return list(dict.fromkeys(name for name in names if name))


class WatchedFolder(models.Model):
    watch = models.ForeignKey(MailboxWatch, on_delete=models.CASCADE, related_name="folder_states")
    name = models.CharField(max_length=255)
    # None until the first poll. When the server reports another value, the folder was
    # recreated and its UIDs mean other messages: it is scanned again from the start.
    uidvalidity = models.BigIntegerField(null=True, blank=True)
    last_uid = models.BigIntegerField(default=0)
    scanned_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["watch", "name"], name="delivery_folder_once")
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.uidvalidity}:{self.last_uid})"


class InboxKind(models.TextChoices):
    REPLY = "reply", "Reply"
    OUT_OF_OFFICE = "out_of_office", "Away notice"
    BOUNCE = "bounce", "Bounce"
    DELAY = "delay", "Delivery delay"
    INVITATION = "invitation", "Calendar invitation"


class Meaning(models.TextChoices):
    OFFER = "offer", "An offer"
    REJECTION = "rejection", "A rejection"
    NEXT_ROUND = "next_round", "An invitation to another round"
    NO_DECISION = "no_decision", "No decision yet"
    OTHER = "other", "A reply, nothing more to record"


class ReplyState(models.TextChoices):
    PENDING = "pending", "To confirm"
    CONFIRMED = "confirmed", "Confirmed"
    DISMISSED = "dismissed", "Dismissed"
    UNDONE = "undone", "Not about this application"
    NOTED = "noted", "Noted"


class InboxMessage(models.Model):
    watch = models.ForeignKey(MailboxWatch, on_delete=models.CASCADE, related_name="messages")
    # Denormalised from the watch, so that every query is scoped without a join.
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="inbox_messages"
    )
    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, null=True, blank=True, related_name="inbox_messages"
    )
    interviewer = models.ForeignKey(
        Interviewer, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # The incoming message's own Message-ID: a message is recorded at most once per mailbox.
    message_id = models.CharField(max_length=255)
    kind = models.CharField(max_length=15, choices=InboxKind)
    matched_by = models.CharField(max_length=10, blank=True)
    received_at = models.DateTimeField()
    sender = models.CharField(max_length=254, blank=True)
    sender_name = models.CharField(max_length=200, blank=True)
    subject = models.CharField(max_length=300, blank=True)
    # The new words of a reply (quotes removed), at most the first few KB that were read.
    snippet = models.TextField(max_length=4096, blank=True)
    suggestion = models.CharField(max_length=15, choices=Meaning, blank=True)
    # no_decision: the new date they named; out_of_office: the last day away.
    suggested_date = models.DateField(null=True, blank=True)
    evidence = models.CharField(max_length=300, blank=True)
    # How sure the reading was: for a reply "low" asks the user to look closely; an away notice
    # or a bounce read with "low" changes nothing until the user confirms it on Today.
    confidence = models.CharField(
        max_length=4, choices=[("high", "high"), ("low", "low")], blank=True
    )
    # bounce: the contacts' addresses that failed (to mark when confirmed); delay: the delayed
    # ones. Lower-case, one a line.
    addresses = models.TextField(blank=True)
    # invitation: what the calendar part proposes (reading.invitation.Invitation.as_data) and
    # the employer name to suggest when it matched no application.
    proposal = models.JSONField(default=dict, blank=True)
    state = models.CharField(max_length=10, choices=ReplyState, default=ReplyState.PENDING)
    # Recorded when the message was found (a reply, a sure away notice) or when the user
    # confirmed an unsure away notice.
    event = models.ForeignKey(
        Event, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # Recorded when the user confirmed the meaning (offer, rejection, next round, new date).
    outcome_event = models.ForeignKey(
        Event, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    resolved_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["received_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["watch", "message_id"], name="delivery_inbox_once")
        ]
        indexes = [
            models.Index(fields=["owner", "state", "received_at"], name="delivery_inbox_owner")
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} from {self.sender} ({self.received_at:%Y-%m-%d})"

    @property
    def address_list(self) -> list[str]:
        return self.addresses.split()
