"""Access to a user's Afterword settings, created on first use."""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser

from afterword.tracker import access
from afterword.tracker.models import UserSettings


def settings_for(user: AbstractBaseUser) -> UserSettings:
    """The user's settings; users created before the app existed get defaults on first use."""
    return access.one_row_of(int(user.pk), UserSettings)
