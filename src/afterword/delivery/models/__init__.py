"""Delivery's models: the user's mailbox settings and the outbox of emails to send."""

from afterword.delivery.models.accounts import MailAccount, Security
from afterword.delivery.models.calendar import CalendarFeed
from afterword.delivery.models.channels import NotificationChannel
from afterword.delivery.models.inbox import InboxMessage, MailboxWatch, WatchedFolder
from afterword.delivery.models.outbox import EmailState, OutgoingEmail
from afterword.delivery.models.reminders import (
    Reminder,
    ReminderKind,
    ReminderSettings,
    ReminderState,
)

__all__ = [
    "CalendarFeed",
    "EmailState",
    "InboxMessage",
    "MailAccount",
    "MailboxWatch",
    "NotificationChannel",
    "OutgoingEmail",
    "Reminder",
    "ReminderKind",
    "ReminderSettings",
    "ReminderState",
    "Security",
    "WatchedFolder",
]
