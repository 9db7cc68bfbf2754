"""Deny by default: an outsider gets 404 on every object URL; anonymous visitors log in first."""

from __future__ import annotations

import pytest
from django.test import Client

from afterword.tracker.models import Application, Event, Interview

PAGES = ["/", "/board/", "/applications/new/", "/checklist/", "/settings/", "/phrase/"]


def object_urls(application: Application) -> list[tuple[str, str]]:
    """(method, URL) for every page that names one of ``application``'s rows."""
    interview = application.interviews.get()
    action = application.actions.first()
    assert action is not None
    return [
        ("get", f"/applications/{application.pk}/"),
        ("get", f"/applications/{application.pk}/interviews/new/"),
        ("post", f"/applications/{application.pk}/interviews/new/"),
        ("post", f"/applications/{application.pk}/news/"),
        ("get", f"/interviews/{interview.pk}/edit/"),
        ("post", f"/interviews/{interview.pk}/edit/"),
        ("post", f"/actions/{action.pk}/done/"),
        ("post", f"/actions/{action.pk}/snooze/"),
        ("post", f"/actions/{action.pk}/no-answer/"),
    ]


def test_it_hides_every_object_from_an_outsider(stranger: Client, application: Application) -> None:
    """Each object URL answers 404 to another user, and their POSTs change nothing."""
    actions_before = list(application.actions.values_list("pk", flat=True))

    for method, url in object_urls(application):
        data = {"news": "offer", "round": "2"} if method == "post" else {}
        response = getattr(stranger, method)(url, data)
        assert response.status_code == 404, f"{method.upper()} {url}"

    assert not Event.objects.exists()
    assert Interview.objects.count() == 1
    assert list(application.actions.values_list("pk", flat=True)) == actions_before


def test_it_gives_the_same_404_for_ids_that_do_not_exist(member: Client, user: object) -> None:
    """A made-up id looks exactly like someone else's: 404."""
    assert member.get("/applications/999999/").status_code == 404
    assert member.post("/actions/999999/done/").status_code == 404


def test_it_sends_anonymous_visitors_to_log_in_from_object_urls(
    client: Client, application: Application
) -> None:
    """Without a session every object URL redirects to the log-in page, changing nothing."""
    for method, url in object_urls(application):
        response = getattr(client, method)(url)
        assert response.status_code == 302, f"{method.upper()} {url}"
        assert response["Location"].startswith("/accounts/login/?next=")

    assert not Event.objects.exists()


@pytest.mark.parametrize("url", PAGES)
def test_it_sends_anonymous_visitors_to_log_in(client: Client, db: None, url: str) -> None:
    """Every page but the account pages needs a signed-in user."""
    response = client.get(url)

    assert response.status_code == 302
    assert response["Location"] == f"/accounts/login/?next={url}"


def test_it_explains_a_404_in_plain_words(stranger: Client, application: Application) -> None:
    """The not-found page is ours, and does not confirm that the record exists."""
    response = stranger.get(f"/applications/{application.pk}/")

    html = response.content.decode()
    assert "does not exist, or it belongs to someone else" in html
    assert "Harbour Logistics" not in html
