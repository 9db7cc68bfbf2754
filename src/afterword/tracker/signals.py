"""Every new user gets a UserSettings row with the defaults, so pages never meet a missing one."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db.models.signals import post_save
from django.dispatch import receiver

from afterword.tracker.models import UserSettings


@receiver(post_save, sender=settings.AUTH_USER_MODEL, dispatch_uid="afterword_user_settings")
def create_user_settings(sender: type, instance: Any, created: bool, raw: bool, **_: Any) -> None:
    # `raw` is true while loading fixtures, which carry their own settings rows.
    if created and not raw:
        UserSettings.objects.get_or_create(user=instance)
