"""Fixtures for the API tests: tokens for ``user`` and ``outsider``, and a client using them."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client

from afterword.api.tokens import create_token
from tests.web.conftest import chromium, shoot  # noqa: F401 (the browser tests' fixtures)


class ApiClient:
    """The Django test client speaking JSON with a bearer token."""

    def __init__(self, client: Client, secret: str | None) -> None:
        self.client = client
        self.headers = {"Authorization": f"Bearer {secret}"} if secret else {}

    def get(self, path: str, **params: Any) -> Any:
        return self.client.get(f"/api{path}", params, headers=self.headers)

    def post(self, path: str, body: Any = None) -> Any:
        return self.client.post(
            f"/api{path}",
            json.dumps(body if body is not None else {}),
            content_type="application/json",
            headers=self.headers,
        )

    def put(self, path: str, body: Any) -> Any:
        return self.client.put(
            f"/api{path}", json.dumps(body), content_type="application/json", headers=self.headers
        )


@pytest.fixture
def api(user: Any) -> ApiClient:
    """``user``'s read-and-write token."""
    return ApiClient(Client(), create_token(user, "tests", can_write=True).secret)


@pytest.fixture
def reader(user: Any) -> ApiClient:
    """``user``'s read-only token."""
    return ApiClient(Client(), create_token(user, "reader", can_write=False).secret)


@pytest.fixture
def intruder(outsider: Any) -> ApiClient:
    """Someone else's read-and-write token."""
    return ApiClient(Client(), create_token(outsider, "theirs", can_write=True).secret)


@pytest.fixture
def application(user: Any, now: Any) -> Any:
    from tests.web.conftest import application as planned

    return planned.__wrapped__(user, now)  # type: ignore[attr-defined]
