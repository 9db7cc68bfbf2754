"""One action as a file, /actions/<pk>/event.ics: owner only, same UID as in the feed."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import pytest
from django.test import Client

from afterword.tracker.models import Action, Application
from afterword.tracker.services import snooze_action
from tests.calendar_feed.helpers import (
    events_by_uid,
    fetch_feed,
    harbour,
    parse,
    parse_with_ical,
)


@pytest.fixture
def application(user: Any, now: datetime) -> Application:
    return harbour(user, now)


@pytest.fixture
def check_in(application: Application) -> Action:
    return application.actions.get(kind="check_in_email")


def signed_in(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_it_downloads_one_event_as_an_attachment(
    user: Any, check_in: Action, application: Application
) -> None:
    """A calendar file with exactly that action, offered as a download named for it."""

    response = signed_in(user).get(f"/actions/{check_in.pk}/event.ics")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"] == (
        'attachment; filename="check-in-email-harbour-logistics.ics"'
    )
    (event,) = parse(response.content).walk("VEVENT")
    assert event.start == check_in.due
    assert event.end - event.start == timedelta(minutes=15)
    assert str(event["SUMMARY"]) == "Check in by email · Priya Natarajan · Harbour Logistics"
    assert len(event.walk("VALARM")) == 1


def test_the_file_has_the_same_uid_as_the_feed_entry(user: Any, application: Application) -> None:
    """Each action's download and its feed event share one UID, so they never duplicate."""
    member = signed_in(user)
    feed = events_by_uid(fetch_feed(user).content)

    downloaded = {
        action.pk: parse(member.get(f"/actions/{action.pk}/event.ics").content)
        for action in application.actions.all()
    }

    for action in application.actions.all():
        (event,) = downloaded[action.pk].walk("VEVENT")
        uid = str(event["UID"])
        assert uid in feed
        assert feed[uid].start == event.start == action.due
    assert len({str(c.walk("VEVENT")[0]["UID"]) for c in downloaded.values()}) == 3


def test_the_ical_package_reads_the_file(user: Any, check_in: Action) -> None:
    """The independent parser accepts the single-event file too."""
    body = signed_in(user).get(f"/actions/{check_in.pk}/event.ics").content

    calendar = parse_with_ical(body)

    (event,) = calendar.events
    assert event.dtstart == check_in.due
    assert event.alarm[0].trigger == timedelta(minutes=-15)


def test_the_file_is_not_named_as_a_calendar(user: Any, check_in: Action) -> None:
    """Only the feed carries a calendar name; a named file would open as a new calendar."""

    body = signed_in(user).get(f"/actions/{check_in.pk}/event.ics").content

    assert b"X-WR-CALNAME" not in body
    assert b"\r\nNAME:" not in body


def test_an_outsider_gets_404(outsider: Any, check_in: Action) -> None:
    """Someone else's action id is as unknown as one that never existed."""

    response = signed_in(outsider).get(f"/actions/{check_in.pk}/event.ics")

    assert response.status_code == 404


def test_a_signed_out_visitor_is_sent_to_log_in(client: Client, check_in: Action) -> None:
    """No session, no file."""

    response = client.get(f"/actions/{check_in.pk}/event.ics")

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_an_action_replaced_by_a_re_plan_is_gone(
    user: Any, check_in: Action, application: Application, now: datetime
) -> None:
    """Old Action ids stop answering once a re-plan replaces their rows (a snooze does)."""
    snooze_action(check_in, now + timedelta(minutes=1))

    response = signed_in(user).get(f"/actions/{check_in.pk}/event.ics")

    assert response.status_code == 404


def test_every_follow_up_on_today_links_to_its_file(user: Any, application: Application) -> None:
    """Today shows an "Add to calendar" link under each action, described for screen readers
    by the action's own title (aria-describedby)."""

    html = signed_in(user).get("/").content.decode()

    for action in application.actions.all():
        assert (
            f'<a href="/actions/{action.pk}/event.ics" aria-describedby="t{action.pk}">'
            "Add to calendar</a>"
        ) in html
        assert f'id="t{action.pk}"' in html
