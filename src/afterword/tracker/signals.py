"""Every new user gets a UserSettings row with the defaults, so pages never meet a missing one.

And a person whose address bounced loses the warning once their address is changed.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db.models.signals import post_save, pre_save
from django.dispatch import receiver

from afterword.tracker.models import Interviewer, UserSettings


@receiver(post_save, sender=settings.AUTH_USER_MODEL, dispatch_uid="afterword_user_settings")
def create_user_settings(sender: type, instance: Any, created: bool, raw: bool, **_: Any) -> None:
    # `raw` is true while loading fixtures, which carry their own settings rows.
    if created and not raw:
        UserSettings.objects.get_or_create(user=instance)


@receiver(pre_save, sender=Interviewer, dispatch_uid="afterword_bounce_cleared")
def clear_bounce_for_new_address(sender: type, instance: Interviewer, raw: bool, **_: Any) -> None:
    # Only a person marked as bounced costs a query: most saves skip straight past.
    if raw or instance.pk is None or instance.email_bounced_at is None:
        return
    old = Interviewer.objects.filter(pk=instance.pk).values_list("email", flat=True).first()
    if old is not None and old.strip().lower() != instance.email.strip().lower():
        instance.email_bounced_at = None
