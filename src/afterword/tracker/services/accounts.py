"""A new member: the user row and their settings, made together or not at all."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction

from afterword.tracker.preferences import settings_for

U = TypeVar("U", bound=AbstractBaseUser)


def sign_up(
    create_user: Callable[[], U], *, timezone: str, country: str, subdivision: str = ""
) -> U:
    """Create the user (Django's sign-up form knows how) and keep where they are."""
    with transaction.atomic():
        user = create_user()
        mine = settings_for(user)
        mine.timezone = timezone
        mine.country = country
        mine.subdivision = subdivision
        mine.save(update_fields=["timezone", "country", "subdivision"])
    return user
