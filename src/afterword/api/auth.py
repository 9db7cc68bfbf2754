"""Signing API requests in with a personal access token, and what a read-only token may do."""

from __future__ import annotations

from django.contrib.auth.models import User
from django.http import HttpRequest
from django.utils import timezone
from ninja.errors import HttpError
from ninja.security import HttpBearer

from afterword.api.models import AccessToken
from afterword.api.tokens import token_in_use

READ_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
READ_ONLY = "This token is read-only; make a read-and-write token in Settings to change data."


class TokenAuth(HttpBearer):
    """``Authorization: Bearer aw_...``; the token's owner becomes ``request.user``.

    Every query then goes through tracker.access with that user, exactly as for a signed-in
    page, so a token reaches its owner's rows and nobody else's.
    """

    openapi_description = "A personal access token from Settings → API tokens."

    def authenticate(self, request: HttpRequest, token: str) -> AccessToken | None:
        row = token_in_use(token, timezone.now())
        if row is None:
            return None
        if request.method not in READ_METHODS and not row.can_write:
            raise HttpError(403, READ_ONLY)
        request.user = row.owner
        return row


def caller(request: HttpRequest) -> User:
    """Whose token signed this request (every route but the docs requires one)."""
    token = getattr(request, "auth", None)
    if not isinstance(token, AccessToken):
        raise HttpError(401, "Unauthorized")
    return token.owner
