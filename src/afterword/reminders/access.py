"""A user's reminder settings, channels and reminders, scoped by tracker/access.py.

Same rules as every other query: only an active, signed-in user owns anything, and a channel
id that is someone else's answers exactly like one that does not exist.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ObjectDoesNotExist
from django.db.models import QuerySet
from django.http import Http404

from afterword.reminders.models import NotificationChannel, Reminder, ReminderSettings
from afterword.tracker import access
from afterword.tracker.access import User

RECENT = 10


def reminder_settings_for(user: User) -> ReminderSettings:
    """The user's reminder settings; the defaults (digest on at 07:00) on first use."""
    if not access.is_member(user):
        raise Http404("No such record.")
    return access.one_row_of(int(user.pk), ReminderSettings)


def channels_for(user: User) -> QuerySet[NotificationChannel]:
    return access.changeable(user, NotificationChannel)


def get_channel_or_404(user: User, pk: Any) -> NotificationChannel:
    return access.get_changeable_or_404(user, NotificationChannel, pk)


def recent_reminders(user: User) -> QuerySet[Reminder]:
    """The latest reminders that are due or done, newest first (not the ones still ahead)."""
    return access.visible(user, Reminder).exclude(state="pending", attempts=0)[:RECENT]


def related(user: Any, name: str) -> Any:
    """A one-to-one row of ``user`` (settings, mailbox), or None when the user has none.

    The sender loads them with the reminder (select_related), so this costs no query there.
    """
    try:
        return getattr(user, name)
    except ObjectDoesNotExist:
        return None
