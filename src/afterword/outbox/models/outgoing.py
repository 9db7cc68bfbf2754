"""The outbox: every email Afterword sends for a user is a row, written before it is sent.

A worker claims a due ``pending`` row with a conditional UPDATE (outbox/queue.py), holds it
for a lease while it talks to the server, and records the outcome. A row still ``sending``
after its lease means the worker died mid-send: it becomes ``uncertain`` and is never re-sent
on its own, because the server may already have accepted it.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from afterword.tracker.models import Application, Draft, Event, event_types


class EmailState(models.TextChoices):
    PENDING = "pending", "Waiting to be sent"
    SENDING = "sending", "Sending"
    SENT = "sent", "Sent"
    FAILED = "failed", "Not sent"
    UNCERTAIN = "uncertain", "Not confirmed"
    CANCELLED = "cancelled", "Cancelled"
    HELD = "held", "Held for you"


class OutgoingEmail(models.Model):
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="outgoing_emails"
    )
    application = models.ForeignKey(
        Application,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="outgoing_emails",
    )
    draft = models.ForeignKey(
        Draft, on_delete=models.SET_NULL, null=True, blank=True, related_name="outgoing_emails"
    )
    to = models.CharField(max_length=1000, help_text="Comma-separated addresses.")
    cc = models.CharField(max_length=1000, blank=True)
    subject = models.CharField(max_length=300)
    body = models.TextField(max_length=20000)
    # Generated when the row is queued, so a retry sends the very same message.
    message_id = models.CharField(max_length=255, unique=True)
    in_reply_to = models.CharField(max_length=255, blank=True)
    references = models.TextField(blank=True)
    state = models.CharField(max_length=10, choices=EmailState, default=EmailState.PENDING)
    due_at = models.DateTimeField()
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.TextField(blank=True)
    lease_until = models.DateTimeField(null=True, blank=True)
    claimed_by = models.CharField(max_length=200, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    # What to record on the application once the server has accepted the message.
    event_type = models.CharField(max_length=20, choices=event_types, blank=True)
    promised_next = models.DateField("promised to check back on", null=True, blank=True)
    event = models.ForeignKey(
        Event, on_delete=models.SET_NULL, null=True, blank=True, related_name="outgoing_emails"
    )
    # "Send again" after an uncertain send: the new row points at the one it replaces.
    # The application was decided after this was queued, and the user chose to send it anyway.
    send_despite_decision = models.BooleanField(default=False)
    retry_of = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="retries"
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [
            # The worker's only hot query: due pending rows. Partial, so it stays as small as
            # the queue however long the history grows.
            models.Index(
                fields=["due_at"],
                condition=models.Q(state="pending"),
                name="delivery_email_due_pending",
            ),
            # Rows in flight, for the sweep that turns expired leases into "uncertain".
            models.Index(
                fields=["lease_until"],
                condition=models.Q(state="sending"),
                name="delivery_email_lease_sending",
            ),
            models.Index(fields=["owner", "created_at"], name="delivery_email_owner_created"),
            models.Index(fields=["application", "sent_at"], name="delivery_email_app_sent"),
        ]
        constraints = [
            # A draft is in the outbox at most once at a time: a double click cannot send it
            # twice. Failed and cancelled rows do not count, so it can be queued again.
            models.UniqueConstraint(
                fields=["draft"],
                condition=models.Q(state__in=["pending", "sending", "sent", "uncertain", "held"]),
                name="delivery_email_one_live_per_draft",
            ),
            models.CheckConstraint(
                condition=models.Q(
                    state__in=[
                        "pending",
                        "sending",
                        "sent",
                        "failed",
                        "uncertain",
                        "cancelled",
                        "held",
                    ]
                ),
                name="delivery_email_state_known",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.subject} to {self.to} ({self.state})"

    @property
    def recipients(self) -> list[str]:
        return [a.strip() for a in f"{self.to},{self.cc}".split(",") if a.strip()]
