"""Signing in to the API: a live token, nothing else; read-only tokens only read."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from afterword.api.tokens import create_token, revoke_token
from afterword.tracker.models import Application
from tests.api.conftest import ApiClient

pytestmark = pytest.mark.django_db


def test_no_token_is_401(application: Any) -> None:
    """Without Authorization the API answers 401, never a log-in redirect."""
    response = ApiClient(Client(), None).get("/applications")

    assert response.status_code == 401


def test_a_signed_in_browser_session_is_not_enough(client: Client, user: Any) -> None:
    """The API takes tokens only: a session cookie (and CSRF with it) is not accepted."""
    client.force_login(user)

    assert client.get("/api/applications").status_code == 401


def test_a_wrong_or_revoked_token_is_401(user: Any, now: Any) -> None:
    """A made-up token and a revoked one are both refused."""
    made = create_token(user, "old", can_write=True)
    revoke_token(user, made.row.pk, now)

    answers = [
        ApiClient(Client(), "aw_madeup").get("/today").status_code,
        ApiClient(Client(), made.secret).get("/today").status_code,
    ]

    assert answers == [401, 401]


def test_a_read_only_token_cannot_write(reader: Any) -> None:
    """POST with a read-only token is 403 naming why; nothing is created."""
    response = reader.post("/applications", {"employer": "Acme", "role": "Analyst"})

    assert response.status_code == 403
    assert "read-only" in response.json()["detail"]
    assert not Application.objects.exists()
