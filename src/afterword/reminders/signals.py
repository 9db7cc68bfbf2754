"""Keeping scheduled digests in step with the settings that time them.

A digest row is made ahead of time for the user's hour in the user's zone. When either setting
changes, the rows still waiting are dropped and the scheduler makes them again with the new
values on its next tick (the sender also re-times a row it finds out of step, as a backstop).
"""

from __future__ import annotations

from typing import Any

from django.db.models.signals import post_save
from django.dispatch import receiver
from django.utils import timezone

from afterword.reminders.models import Reminder, ReminderKind, ReminderSettings, ReminderState
from afterword.tracker import access
from afterword.tracker.models import UserSettings


@receiver(post_save, sender=UserSettings, dispatch_uid="delivery_digest_zone_changed")
@receiver(post_save, sender=ReminderSettings, dispatch_uid="delivery_digest_hour_changed")
def drop_waiting_digests(sender: type, instance: Any, **kwargs: Any) -> None:
    access.belonging_to(instance.user_id, Reminder).filter(
        kind=ReminderKind.DIGEST,
        state=ReminderState.PENDING,
        due_at__gt=timezone.now(),
    ).delete()
