"""Every URL of the site refuses a POST without a CSRF token, signed in or not.

The URLs come from the URL configuration (tests/security/urls.py) and are filled with the
member's own ids, so that each POST would otherwise act; none may, and none may change a row.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from tests.security.urls import fill, patterns
from tests.security.victim import ids_of, rows_of

pytestmark = pytest.mark.django_db


# The JSON API takes no cookies, so there is no CSRF to refuse: a browser's session gets 401
# there (only a bearer token signs in), 405 where the route has no POST, 403 for its docs pages.
API_ANSWERS = {401, 403, 405}


def refused(path: str, status: int) -> bool:
    return status in API_ANSWERS if path.startswith("/api/") else status == 403


def member_paths(member: Any) -> list[str]:
    """Every URL, filled with ``member``'s own ids: each POST would act if it got through."""
    ids = ids_of(member)
    return [path for pattern in patterns() for path in fill(pattern, ids)]


def test_every_post_without_a_token_is_refused_for_a_member(victim: Any) -> None:
    """Signed in, a POST to any URL with the member's own ids and no CSRF token gets 403
    (the API: 401, since a session is no way in)."""
    client = Client(enforce_csrf_checks=True)
    client.force_login(victim)
    before = rows_of(victim)

    answers = {path: client.post(path, {"x": "1"}).status_code for path in member_paths(victim)}

    assert {path: status for path, status in answers.items() if not refused(path, status)} == {}
    assert rows_of(victim) == before


def test_every_post_without_a_token_is_refused_for_a_visitor(victim: Any) -> None:
    """Not signed in (log-in, sign-up, password reset included), every POST gets 403 (the
    API: 401)."""
    client = Client(enforce_csrf_checks=True)

    answers = {path: client.post(path, {"x": "1"}).status_code for path in member_paths(victim)}

    assert {path: status for path, status in answers.items() if not refused(path, status)} == {}


def test_a_post_with_the_token_is_let_through(victim: Any) -> None:
    """The refusals are the token's doing: the same client with its token passes the check."""
    client = Client(enforce_csrf_checks=True)
    client.force_login(victim)
    client.get("/settings/")
    token = client.cookies["csrftoken"].value

    response = client.post("/settings/", {"csrfmiddlewaretoken": token})

    assert response.status_code != 403


def test_the_refusal_is_our_own_page_without_inline_style() -> None:
    """A refused form gets the site's page (styled by its stylesheet, which the CSP allows),
    not Django's built-in one, whose inline <style> the policy blocks."""
    client = Client(enforce_csrf_checks=True)

    response = client.post("/accounts/login/", {"username": "sam", "password": "x"})

    page = response.content.decode()
    assert response.status_code == 403
    assert "That form could not be sent" in page and "Nothing was saved." in page
    assert "<style" not in page and "afterword.css" in page
