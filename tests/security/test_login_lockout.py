"""Log-in lock-out (django-axes): 15 failures from one address, then every attempt is refused."""

from __future__ import annotations

from typing import Any

from django.test import Client

from tests.factories import PASSWORD

LOGIN = "/accounts/login/"


def _fail(client: Client, times: int) -> list[int]:
    return [
        client.post(LOGIN, {"username": "sam", "password": f"wrong-{n}"}).status_code
        for n in range(times)
    ]


def test_the_sixteenth_wrong_password_is_refused_with_the_429_page(
    client: Client, user: Any
) -> None:
    """Fourteen failures get the form back; the 15th locks the address; the 16th is refused."""
    statuses = _fail(client, 15)

    response = client.post(LOGIN, {"username": "sam", "password": "wrong-again"})

    assert statuses[:14] == [200] * 14
    assert statuses[14] == 429
    assert response.status_code == 429
    assert "try again in 15 minutes" in response.content.decode()
    assert response["Retry-After"] == "900"


def test_a_locked_address_is_refused_even_with_the_right_password(
    client: Client, user: Any
) -> None:
    """After 15 failures the right password does not get in either: guessing has stopped."""
    _fail(client, 15)

    response = client.post(LOGIN, {"username": "sam", "password": PASSWORD})

    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_another_address_can_still_log_in(client: Client, user: Any) -> None:
    """The lock-out is per address: someone elsewhere logs in as usual."""
    _fail(client, 15)
    elsewhere = Client(REMOTE_ADDR="203.0.113.9")

    response = elsewhere.post(LOGIN, {"username": "sam", "password": PASSWORD})

    assert response.status_code == 302
    assert response["Location"] == "/"


def test_a_successful_log_in_clears_the_count(client: Client, user: Any) -> None:
    """Fourteen typos, a right password, fourteen more typos: still not locked out."""
    _fail(client, 14)
    client.post(LOGIN, {"username": "sam", "password": PASSWORD})
    client.post("/accounts/logout/")

    statuses = _fail(client, 14)

    assert statuses == [200] * 14
