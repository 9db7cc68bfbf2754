"""Access to a user's Afterword settings, created on first use."""

from __future__ import annotations

from collections.abc import Iterable

from django.contrib.auth.models import AbstractBaseUser

from afterword.tracker import access
from afterword.tracker.models import UserSettings


def settings_for(user: AbstractBaseUser) -> UserSettings:
    """The user's settings; users created before the app existed get defaults on first use."""
    return access.one_row_of(int(user.pk), UserSettings)


def settings_for_owners(owner_ids: Iterable[int]) -> dict[int, UserSettings]:
    """Each owner's settings by user id, read in one query (made on first use, as above)."""
    wanted = set(owner_ids)
    found = {row.user_id: row for row in UserSettings.objects.filter(user_id__in=wanted)}
    for pk in wanted - found.keys():
        found[pk] = access.one_row_of(pk, UserSettings)
    return found
