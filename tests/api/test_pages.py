"""Settings → API tokens: make one (its secret shown once), list, revoke; owners only."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from afterword.api.models import AccessToken
from afterword.api.tokens import create_token

pytestmark = pytest.mark.django_db


def test_a_new_tokens_secret_is_shown_once_and_never_cached(client: Client, user: Any) -> None:
    """The page after making it shows the secret; the next visit shows only the prefix."""
    client.force_login(user)

    made = client.post("/settings/api-tokens/", {"name": "sheet sync", "can_write": "true"})
    later = client.get("/settings/api-tokens/")

    row = AccessToken.objects.get()
    secret = made.context["secret"]
    assert row.can_write and row.name == "sheet sync"
    assert secret in made.content.decode()
    assert made["Cache-Control"] == "no-store"
    assert secret not in later.content.decode()
    assert row.prefix in later.content.decode()


def test_a_nameless_token_is_refused_on_the_page(client: Client, user: Any) -> None:
    """The form names the missing field; nothing is made."""
    client.force_login(user)

    response = client.post("/settings/api-tokens/", {"name": "", "can_write": "false"})

    assert response.status_code == 200
    assert response.context["form"].errors["name"]
    assert not AccessToken.objects.exists()


def test_revoking_on_the_page_stops_the_token(client: Client, user: Any) -> None:
    """Revoke removes it from the list and from use."""
    client.force_login(user)
    made = create_token(user, "old script", can_write=False)

    response = client.post(f"/settings/api-tokens/{made.row.pk}/revoke/")

    assert response.status_code == 302
    assert AccessToken.objects.get().revoked_at is not None
    assert client.get("/settings/api-tokens/").context["tokens"] == []


def test_settings_links_to_the_tokens_page(client: Client, user: Any) -> None:
    """The Settings page offers the API section."""
    client.force_login(user)

    assert "/settings/api-tokens/" in client.get("/settings/").content.decode()
