"""Personal access tokens: made with a secret shown once, kept as a digest, revoked at once."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.http import Http404

from afterword.api.models import AccessToken
from afterword.api.tokens import create_token, digest_of, revoke_token, token_in_use

pytestmark = pytest.mark.django_db


def test_only_a_digest_of_the_secret_is_stored(user: Any) -> None:
    """The database row holds the SHA-256 digest and a short prefix, never the secret."""
    made = create_token(user, "sync", can_write=False)

    row = AccessToken.objects.get()
    assert made.secret.startswith("aw_") and len(made.secret) > 40
    assert row.digest == digest_of(made.secret)
    assert made.secret not in str(AccessToken.objects.values().get())
    assert made.secret.startswith(row.prefix)


def test_a_name_is_required(user: Any) -> None:
    """A blank name is refused under name; no token is made."""
    with pytest.raises(ValidationError) as refused:
        create_token(user, "   ", can_write=True)

    assert "name" in refused.value.message_dict
    assert not AccessToken.objects.exists()


def test_a_revoked_token_stops_working_at_once(user: Any, now: Any) -> None:
    """After revoking, the secret finds no token."""
    made = create_token(user, "sync", can_write=True)

    revoke_token(user, made.row.pk, now)

    assert token_in_use(made.secret, now) is None


def test_nobody_revokes_someone_elses_token(user: Any, outsider: Any, now: Any) -> None:
    """Another user's token is a 404 and keeps working."""
    made = create_token(user, "sync", can_write=True)

    with pytest.raises(Http404):
        revoke_token(outsider, made.row.pk, now)

    assert token_in_use(made.secret, now) is not None


def test_a_deactivated_users_token_finds_nobody(user: Any, now: Any) -> None:
    """An inactive account's tokens stop working."""
    made = create_token(user, "sync", can_write=True)
    user.is_active = False
    user.save()

    assert token_in_use(made.secret, now) is None


def test_last_use_is_recorded_once_a_minute(user: Any, now: Any) -> None:
    """Two uses within a minute record the first; a later use moves it on."""
    made = create_token(user, "sync", can_write=False)

    token_in_use(made.secret, now)
    token_in_use(made.secret, now + timedelta(seconds=30))
    first = AccessToken.objects.get().last_used_at
    token_in_use(made.secret, now + timedelta(minutes=2))

    assert first == now
    assert AccessToken.objects.get().last_used_at == now + timedelta(minutes=2)


def test_a_secret_without_the_prefix_is_not_looked_up(user: Any, now: Any) -> None:
    """Junk and foreign tokens find nothing."""
    assert token_in_use("Bearer nonsense", now) is None
    assert token_in_use("aw_" + "x" * 300, now) is None
