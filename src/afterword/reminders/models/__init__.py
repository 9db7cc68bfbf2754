"""Digest settings, the reminders due to go out, and notification channels."""

from afterword.reminders.models.channels import NotificationChannel
from afterword.reminders.models.reminders import (
    Reminder,
    ReminderKind,
    ReminderSettings,
    ReminderState,
)

__all__ = ["NotificationChannel", "Reminder", "ReminderKind", "ReminderSettings", "ReminderState"]
