"""Reminders to the user: the morning digest email and per-action notifications.

Each reminder is a row, created by the scheduling job before it is due and claimed by a worker
with a conditional UPDATE when it is (reminders/send.py). Unlike an email to an
employer, a reminder is sent *at least once*: a worker that dies after sending but before
recording may send it again. What stops a second row for the same reminder is ``dedupe_key``,
unique in the database, so any number of workers may schedule at the same moment.
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

# Mornings only: early enough to plan the day, never in the middle of the night.
DIGEST_HOUR_MIN = 5
DIGEST_HOUR_MAX = 11
DIGEST_HOUR_DEFAULT = 7


class ReminderKind(models.TextChoices):
    DIGEST = "digest", "Morning digest"
    ACTION = "action", "Follow-up due"


class ReminderState(models.TextChoices):
    PENDING = "pending", "Waiting"
    SENDING = "sending", "Sending"
    SENT = "sent", "Sent"
    FAILED = "failed", "Failed"
    SKIPPED = "skipped", "Nothing to send"


class Reminder(models.Model):
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reminders"
    )
    kind = models.CharField(max_length=10, choices=ReminderKind)
    # "digest:<user>:<local date>" or "action:<application>:<kind>:<interview>:<interviewer>:<due>"
    dedupe_key = models.CharField(max_length=200, unique=True)
    due_at = models.DateTimeField()
    # Equal to due_at until a failed attempt pushes the next one back (backoff).
    next_attempt_at = models.DateTimeField()
    state = models.CharField(max_length=10, choices=ReminderState, default=ReminderState.PENDING)
    attempts = models.PositiveSmallIntegerField(default=0)
    lease_until = models.DateTimeField(null=True, blank=True)
    claimed_by = models.CharField(max_length=200, blank=True)
    last_error = models.TextField(blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    # What it was about, for the settings page and for retries: the action's identity, the
    # digest's counts, the channels already reached.
    payload = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-due_at", "-pk"]
        indexes = [
            # The sender's hot query: pending rows whose next attempt is due, in the order
            # they are claimed (reminders/send.py: claim_page reads a page and stops). Partial,
            # so it stays as small as the queue however long the history grows.
            models.Index(
                fields=["next_attempt_at", "id"],
                condition=models.Q(state="pending"),
                name="delivery_reminder_claim_order",
            ),
            # Rows whose worker died mid-send, found again once their lease runs out.
            models.Index(
                fields=["lease_until"],
                condition=models.Q(state="sending"),
                name="delivery_reminder_lease",
            ),
            models.Index(fields=["owner", "due_at"], name="delivery_reminder_owner_due"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(state__in=["pending", "sending", "sent", "failed", "skipped"]),
                name="delivery_reminder_state_known",
            ),
            models.CheckConstraint(
                condition=models.Q(kind__in=["digest", "action"]),
                name="delivery_reminder_kind_known",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} due {self.due_at:%Y-%m-%d %H:%M} ({self.state})"


class ReminderSettings(models.Model):
    """When the digest comes and whether due actions ping the user's channels."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reminder_settings"
    )
    digest_enabled = models.BooleanField(
        "send me a morning digest",
        default=True,
        help_text="One email on mornings when something is overdue, due today or this week.",
    )
    digest_hour = models.PositiveSmallIntegerField(
        "digest hour",
        default=DIGEST_HOUR_DEFAULT,
        validators=[MinValueValidator(DIGEST_HOUR_MIN), MaxValueValidator(DIGEST_HOUR_MAX)],
        help_text="In your own time zone, between 5 and 11 in the morning.",
    )
    per_action_notifications = models.BooleanField(
        "notify my channels when a follow-up is due",
        default=True,
        help_text="Sent to every channel below that is switched on.",
    )

    class Meta:
        verbose_name = "reminder settings"
        verbose_name_plural = "reminder settings"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(
                    digest_hour__gte=DIGEST_HOUR_MIN, digest_hour__lte=DIGEST_HOUR_MAX
                ),
                name="delivery_remindersettings_digest_hour_range",
            )
        ]

    def __str__(self) -> str:
        return f"Reminder settings of {self.user}"
