"""Signing up makes the user and their settings together, or neither."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.db import IntegrityError

from afterword.tracker.preferences import settings_for
from afterword.tracker.services.accounts import sign_up


@pytest.mark.django_db
def test_a_new_member_keeps_the_zone_and_country_they_chose() -> None:
    """The settings row carries the sign-up form's time zone and country."""
    User = get_user_model()

    user = sign_up(
        lambda: User.objects.create_user("sam", password="long enough password"),
        timezone="Europe/Berlin",
        country="DE",
    )

    mine = settings_for(user)
    assert (mine.timezone, mine.country) == ("Europe/Berlin", "DE")


@pytest.mark.django_db(transaction=True)
def test_a_failure_after_the_user_is_made_leaves_no_user_behind() -> None:
    """A settings value the database refuses (no country at all) rolls the new user back too."""
    User = get_user_model()

    with pytest.raises(IntegrityError):
        sign_up(
            lambda: User.objects.create_user("sam", password="long enough password"),
            timezone="Europe/Berlin",
            country=None,  # type: ignore[arg-type]
        )

    assert not User.objects.filter(username="sam").exists()
