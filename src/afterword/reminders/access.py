"""A user's reminder settings, channels and reminders: deny by default, 404 for anyone else's.

Same rules as tracker/scoping.py: only an active, signed-in user owns anything, and a channel
id that is someone else's answers exactly like one that does not exist.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ObjectDoesNotExist
from django.db.models import QuerySet
from django.http import Http404

from afterword.reminders.models import NotificationChannel, Reminder, ReminderSettings
from afterword.tracker.scoping import User, is_member

RECENT = 10


def reminder_settings_for(user: User) -> ReminderSettings:
    """The user's reminder settings; the defaults (digest on at 07:00) on first use."""
    if not is_member(user):
        raise Http404("No such record.")
    found, _ = ReminderSettings.objects.get_or_create(user_id=user.pk)
    return found


def channels_for(user: User) -> QuerySet[NotificationChannel]:
    if not is_member(user):
        return NotificationChannel.objects.none()
    return NotificationChannel.objects.filter(owner_id=user.pk)


def get_channel_or_404(user: User, pk: Any) -> NotificationChannel:
    try:
        return channels_for(user).get(pk=int(pk))
    except (TypeError, ValueError, NotificationChannel.DoesNotExist):
        raise Http404("No such record.") from None


def recent_reminders(user: User) -> QuerySet[Reminder]:
    """The latest reminders that are due or done, newest first (not the ones still ahead)."""
    if not is_member(user):
        return Reminder.objects.none()
    return Reminder.objects.filter(owner_id=user.pk).exclude(state="pending", attempts=0)[:RECENT]


def related(user: Any, name: str) -> Any:
    """A one-to-one row of ``user`` (settings, mailbox), or None when the user has none.

    The sender loads them with the reminder (select_related), so this costs no query there.
    """
    try:
        return getattr(user, name)
    except ObjectDoesNotExist:
        return None
