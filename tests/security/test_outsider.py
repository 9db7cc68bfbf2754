"""An outsider walks every URL of the site with another user's ids: 404, and nothing leaks.

The URLs come from the URL configuration (tests/security/urls.py), so a page added later is
walked too. Each id parameter is filled with every id of the victim's rows, of every kind, and a
junk id; the outsider must get 404 (405 where the method is wrong, which reads nothing), never a
page with the victim's words on it, and must change none of the victim's rows. Anonymous
visitors are sent to the log-in page from everywhere but the few public pages.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client

from afterword.api.tokens import create_token
from tests.security.urls import ID_PARAMETERS, Pattern, fill, patterns
from tests.security.victim import SECRETS, ids_of, keys_of, rows_of

pytestmark = pytest.mark.django_db

# Pages anyone may open without signing in; every other page sends them to log in.
PUBLIC = {
    "login",
    "logout",
    "signup",
    "password_reset",
    "password_reset_done",
    "password_reset_confirm",
    "password_reset_complete",
    "calendar_feed",
    # The API's schema and its docs page describe routes, never anyone's data.
    "openapi-json",
    "openapi-view",
    "api-root",
}
API = "api"
# Bodies the API would accept, by route, so that an outsider is refused on the id, not the body.
API_BODIES: dict[str, Any] = {
    "api/applications/<application_id>/interviews": {
        "round": 2,
        "start": "2026-03-04T10:00:00-05:00",
        "end": "2026-03-04T11:00:00-05:00",
        "interviewers": [{"name": "Someone New"}],
    },
    "api/applications/<application_id>/events": {"news": "offer"},
    "api/drafts/<draft_id>": {"subject": "Hello", "body": "A new body."},
}


def api_call(client: Client, method: str, path: str, pattern: Pattern, token: str) -> Any:
    body = json.dumps(API_BODIES.get(pattern.route, {}))
    return client.generic(
        method,
        path,
        body,
        content_type="application/json",
        headers={"Authorization": f"Bearer {token}"},
    )


@pytest.fixture(autouse=True)
def _no_rate_limits(settings: Any) -> None:
    """The walk posts to every test button in a row: access is what it checks, not the rate
    limits (tests/security/test_throttles.py checks those)."""
    settings.RATELIMIT_ENABLE = False


def walk(victim: Any) -> list[tuple[Pattern, str]]:
    ids, keys = ids_of(victim), keys_of(victim)
    return [(pattern, path) for pattern in patterns() for path in fill(pattern, ids, keys)]


def leaked(body: bytes) -> list[str]:
    text = body.decode(errors="replace")
    return [secret for secret in SECRETS if secret in text]


def test_the_walk_covers_every_url_pattern(victim: Any) -> None:
    """Every pattern of the URL configuration yields at least one path to walk."""
    walked = {pattern for pattern, _path in walk(victim)}

    assert walked == set(patterns())
    assert len(walked) > 50


def test_an_outsider_gets_404_for_every_url_with_another_users_id(
    client: Client, victim: Any, outsider: Any
) -> None:
    """Signed in as someone else, every id URL answers 404 (or 405), GET and POST alike."""
    before = rows_of(victim)
    client.force_login(outsider)
    problems = []

    for pattern, path in walk(victim):
        if pattern.namespace in ("admin", API) or not pattern.parameters():
            continue
        if pattern.name in PUBLIC:
            continue
        if not ID_PARAMETERS & set(pattern.parameters()):
            # No id in it (Today's /today/<section>/): the outsider's own page, which the
            # next test proves free of the victim's words.
            continue
        for method in (client.get, client.post):
            response = method(path)
            if response.status_code not in (404, 405) or leaked(response.content):
                problems.append((method.__name__, path, response.status_code))
    # After the pages: the outsider's own token must not be among the ids the pages tried.
    token = create_token(outsider, "outsider", can_write=True).secret
    for pattern, path in walk(victim):
        if pattern.namespace != API or not pattern.parameters():
            continue
        for verb in ("GET", "POST", "PUT"):
            response = api_call(client, verb, path, pattern, token)
            if response.status_code not in (404, 405) or leaked(response.content):
                problems.append((verb, path, response.status_code))

    assert problems == []
    assert rows_of(victim) == before


def test_no_page_shows_an_outsider_another_users_words(
    client: Client, victim: Any, outsider: Any
) -> None:
    """Every page of the site, opened by an outsider, is free of the victim's words."""
    before = rows_of(victim)
    client.force_login(outsider)
    token = create_token(outsider, "outsider", can_write=False).secret

    found = []
    for pattern, path in walk(victim):
        if pattern.name == "logout":
            continue  # it would end the walk's session
        if pattern.namespace == API:
            response = api_call(client, "GET", path, pattern, token)
        else:
            response = client.get(path)
        if response.status_code >= 500 or leaked(response.content):
            found.append((path, response.status_code, leaked(response.content)))

    assert found == []
    assert rows_of(victim) == before


def test_the_admin_sends_a_member_who_is_not_staff_to_its_log_in(
    client: Client, victim: Any, outsider: Any
) -> None:
    """Every admin URL, for a signed-in member who is not staff, redirects to the admin log-in."""
    client.force_login(outsider)

    answers = {
        path: client.get(path)
        for pattern, path in walk(victim)
        if pattern.namespace == "admin" and pattern.name not in ("login", "logout")
    }

    wrong = {
        path: response.status_code
        for path, response in answers.items()
        if not (response.status_code == 302 and response["Location"].startswith("/admin/login/"))
        and response.status_code != 404
    }
    assert wrong == {}


def test_an_anonymous_visitor_is_sent_to_log_in_from_every_private_page(
    client: Client, victim: Any
) -> None:
    """Without signing in, every page but the public ones redirects to the log-in page; the
    API answers 401 instead (a script has no log-in page to go to)."""
    before = rows_of(victim)
    wrong = []

    for pattern, path in walk(victim):
        if pattern.namespace == "admin" or pattern.name in PUBLIC:
            continue
        if pattern.namespace == API:
            for verb in ("GET", "POST", "PUT"):
                status = client.generic(verb, path).status_code
                if status not in (401, 405):
                    wrong.append((verb, path, status))
            continue
        for method in (client.get, client.post):
            response = method(path)
            location = response.get("Location", "")
            if response.status_code != 302 or not location.startswith("/accounts/login/"):
                wrong.append((method.__name__, path, response.status_code))

    assert wrong == []
    assert rows_of(victim) == before
