"""The calendar page /settings/calendar/: the private address, how to subscribe, and revoking."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from afterword.calendar_feed.models import CalendarFeed, feed_for


@pytest.fixture
def member(client: Client, user: Any) -> Client:
    client.force_login(user)
    return client


def test_it_shows_the_private_address_with_copy_and_webcal(member: Client, user: Any) -> None:
    """The page creates the feed on first visit and shows its https/http and webcal addresses."""

    response = member.get("/settings/calendar/")

    html = response.content.decode()
    token = CalendarFeed.objects.get(user=user).token
    assert response.status_code == 200
    assert f'value="http://testserver/calendar/{token}.ics"' in html
    assert f'href="webcal://testserver/calendar/{token}.ics"' in html
    assert "Copy address" in html
    for app in ("Google Calendar", "Apple Calendar", "Outlook"):
        assert f"<h3>{app}</h3>" in html


def test_visiting_again_keeps_the_same_address(member: Client, user: Any) -> None:
    """Only revoking changes the token; reloading the page does not."""
    member.get("/settings/calendar/")
    token = CalendarFeed.objects.get(user=user).token

    member.get("/settings/calendar/")

    assert CalendarFeed.objects.get(user=user).token == token
    assert CalendarFeed.objects.count() == 1


def test_revoking_replaces_the_token_and_says_so(member: Client, user: Any) -> None:
    """A confirmed POST issues a new token and shows it, with a message about the old one."""
    old = feed_for(user).token

    response = member.post("/settings/calendar/revoke/", {"confirm": "yes"}, follow=True)

    new = CalendarFeed.objects.get(user=user).token
    html = response.content.decode()
    assert new != old
    assert old not in html
    assert f"/calendar/{new}.ics" in html
    assert "The old calendar address no longer works" in html


def test_an_unconfirmed_post_changes_nothing(member: Client, user: Any) -> None:
    """Without the confirmation field the token stays and the page explains why."""
    old = feed_for(user).token

    response = member.post("/settings/calendar/revoke/", follow=True)

    assert CalendarFeed.objects.get(user=user).token == old
    assert "Nothing changed" in response.content.decode()


def test_revoking_needs_a_post(member: Client, user: Any) -> None:
    """A link or prefetch (GET) can never revoke the address."""
    old = feed_for(user).token

    response = member.get("/settings/calendar/revoke/")

    assert response.status_code == 405
    assert CalendarFeed.objects.get(user=user).token == old


def test_revoking_one_users_address_leaves_others_alone(
    member: Client, user: Any, outsider: Any
) -> None:
    """Sam's revoke replaces Sam's token only."""
    hers = feed_for(outsider).token

    member.post("/settings/calendar/revoke/", {"confirm": "yes"})

    assert CalendarFeed.objects.get(user=outsider).token == hers


@pytest.mark.parametrize("path", ["/settings/calendar/", "/settings/calendar/revoke/"])
def test_signed_out_visitors_are_sent_to_log_in(client: Client, db: None, path: str) -> None:
    """The page and the revoke button are for members only."""

    response = client.post(path) if path.endswith("revoke/") else client.get(path)

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    assert not CalendarFeed.objects.exists()


def test_a_loopback_address_warns_that_web_calendars_cannot_reach_it(
    member: Client, user: Any
) -> None:
    """Served from 127.0.0.1, the page says Google and Outlook on the web cannot fetch it."""

    local = member.get("/settings/calendar/", HTTP_HOST="127.0.0.1:8000").content.decode()
    public = member.get("/settings/calendar/").content.decode()

    assert "cannot reach it" in local
    assert "http://127.0.0.1:8000/calendar/" in local
    assert "cannot reach it" not in public


def test_the_settings_page_links_to_the_calendar_page(member: Client) -> None:
    """Settings has a Calendar section pointing at /settings/calendar/."""

    html = member.get("/settings/").content.decode()

    assert 'href="/settings/calendar/"' in html
