"""Rate limits: each throttled page answers the request past its limit with the 429 page."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from tests.factories import NotificationChannelFactory

HX = {"HTTP_HX_REQUEST": "true"}


def _post_until_refused(client: Client, url: str, times: int, **extra: Any) -> list[int]:
    return [client.post(url, {}, **extra).status_code for _ in range(times)]


@pytest.mark.parametrize(("url_name", "limit"), [("signup", 10), ("password_reset", 5)])
def test_anonymous_forms_answer_429_past_their_limit(
    client: Client, db: None, url_name: str, limit: int
) -> None:
    """Sign-up and password reset: the request past the limit gets the page that says when."""
    url = reverse(url_name)
    statuses = _post_until_refused(client, url, limit)

    response = client.post(url, {})

    assert 429 not in statuses
    assert response.status_code == 429
    assert "Please try again in" in response.content.decode()
    assert int(response["Retry-After"]) > 0


@pytest.mark.parametrize("url_name", ["mail_test", "inbox_test", "channel_test"])
def test_the_test_buttons_answer_429_after_ten_tries(
    client: Client, user: Any, url_name: str
) -> None:
    """Mail, inbox and channel tests: ten tries in ten minutes, then a message in place."""
    client.force_login(user)
    channel = NotificationChannelFactory(owner=user)
    url = reverse(url_name, args=[channel.pk] if url_name == "channel_test" else [])
    statuses = [client.post(url, {}, **HX).status_code for _ in range(10)]

    response = client.post(url, {}, **HX)

    assert 429 not in statuses
    assert response.status_code == 429
    assert "<html" not in response.content.decode()
    assert "Please try again in" in response.content.decode()


def test_the_test_buttons_share_one_allowance(client: Client, user: Any) -> None:
    """Ten mail tests use up the inbox test too: one allowance for reaching out."""
    client.force_login(user)
    for _ in range(10):
        client.post(reverse("mail_test"), {}, **HX)

    response = client.post(reverse("inbox_test"), {}, **HX)

    assert response.status_code == 429


def test_the_phrase_preview_answers_429_past_120_a_minute(client: Client, user: Any) -> None:
    """The live preview allows brisk typing, not a flood."""
    client.force_login(user)
    url = reverse("phrase")
    statuses = {
        client.get(url, {"decision_phrase": "next week"}, **HX).status_code for _ in range(120)
    }

    response = client.get(url, {"decision_phrase": "next week"}, **HX)

    assert statuses == {200}
    assert response.status_code == 429


def test_one_persons_limit_does_not_touch_another(client: Client, user: Any, outsider: Any) -> None:
    """Limits of signed-in pages count per person."""
    client.force_login(user)
    for _ in range(11):
        client.post(reverse("mail_test"), {}, **HX)
    client.force_login(outsider)

    response = client.post(reverse("mail_test"), {}, **HX)

    assert response.status_code == 200
