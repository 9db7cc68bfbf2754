"""Creating, revoking and checking personal access tokens (the only writes to AccessToken).

A token is 32 random bytes behind a recognisable ``aw_`` prefix. It is shown once, when it is
made; the database keeps its SHA-256 digest. A salted slow hash is not needed: the secret is
random and long, so nobody can guess it from the digest, and checking stays one indexed lookup.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction

from afterword.api.models import AccessToken
from afterword.tracker.access import changeable, get_changeable_or_404

PREFIX = "aw_"
NAME_LIMIT = 100
# Recording the last use on every request would be a write per read; once a minute is plenty.
LAST_USED_GRAIN = timedelta(minutes=1)


@dataclass(frozen=True, slots=True)
class NewToken:
    row: AccessToken
    secret: str


def digest_of(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8", "surrogatepass")).hexdigest()


def create_token(owner: User, name: str, *, can_write: bool) -> NewToken:
    """A new token for ``owner``; its secret is in the result and nowhere else."""
    name = name.strip()
    if not name:
        raise ValidationError({"name": ["Give the token a name, such as the script that uses it."]})
    if len(name) > NAME_LIMIT:
        raise ValidationError({"name": [f"Keep the name within {NAME_LIMIT} characters."]})
    secret = PREFIX + secrets.token_urlsafe(32)
    row = AccessToken.objects.create(
        owner=owner,
        name=name,
        digest=digest_of(secret),
        prefix=secret[: len(PREFIX) + 6],
        can_write=can_write,
    )
    return NewToken(row, secret)


def revoke_token(owner: User, pk: object, now: datetime) -> AccessToken:
    """Stop the token at once; revoking twice changes nothing. Someone else's token is a 404."""
    with transaction.atomic():
        row = get_changeable_or_404(owner, AccessToken.objects.select_for_update(), pk)
        if row.revoked_at is None:
            row.revoked_at = now
            row.save(update_fields=["revoked_at"])
    return row


def live_tokens(owner: User) -> list[AccessToken]:
    return list(changeable(owner, AccessToken).filter(revoked_at__isnull=True))


def token_in_use(secret: str, now: datetime) -> AccessToken | None:
    """The live token with this secret, its owner loaded, or None (unknown, revoked, inactive)."""
    if not secret.startswith(PREFIX) or len(secret) > 200:
        return None
    row = (
        AccessToken.objects.select_related("owner")
        .filter(digest=digest_of(secret), revoked_at__isnull=True, owner__is_active=True)
        .first()
    )
    if row is None:
        return None
    if row.last_used_at is None or now - row.last_used_at >= LAST_USED_GRAIN:
        AccessToken.objects.filter(pk=row.pk).update(last_used_at=now)
        row.last_used_at = now
    return row
