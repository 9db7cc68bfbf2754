"""The subscribed feed /calendar/<token>.ics: what calendar apps read, and who can read it."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from django.test import Client

from afterword.calendar_feed.models import CalendarFeed, feed_for
from afterword.tracker.models import Action, Application
from afterword.tracker.services import complete_action, record_event
from tests.calendar_feed.helpers import (
    content_lines,
    events_by_uid,
    feed_path,
    fetch_feed,
    harbour,
    parse,
    parse_with_ical,
)
from tests.factories import UserFactory


@pytest.fixture
def application(user: Any, now: datetime) -> Application:
    return harbour(user, now)


def test_it_serves_the_feed_without_a_login_as_utf8_calendar_text(
    user: Any, application: Application
) -> None:
    """A calendar app with no session gets 200 and UTF-8 text/calendar, kept from shared caches."""

    response = fetch_feed(user)

    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert "private" in response["Cache-Control"]
    assert "max-age=300" in response["Cache-Control"]
    assert response["ETag"].startswith('"')
    assert response.content.startswith(b"BEGIN:VCALENDAR\r\n")


def test_every_pending_action_is_a_timed_event_with_an_alarm(
    user: Any, application: Application
) -> None:
    """One VEVENT per Action row: due time in UTC, 15 minutes long, a display alarm before it."""
    actions = list(application.actions.select_related("interviewer"))

    body = fetch_feed(user).content

    events = [e for e in parse(body).walk("VEVENT") if isinstance(e.start, datetime)]
    assert len(events) == len(actions) == 3
    for action in actions:
        (event,) = [
            e for e in events if e.start == action.due and action.interviewer.name in e["SUMMARY"]
        ]
        assert event["DTSTART"].to_ical().endswith(b"Z"), "times are written in UTC"
        assert event.end - event.start == timedelta(minutes=15)
        assert action.interviewer.name in event["SUMMARY"]
        assert "Harbour Logistics" in event["SUMMARY"]
        assert action.why in str(event["DESCRIPTION"])
        for rule in action.rules:
            assert rule in str(event["DESCRIPTION"])
        assert str(event["URL"]) == f"http://testserver/applications/{application.pk}/"
        (alarm,) = event.walk("VALARM")
        assert str(alarm["ACTION"]) == "DISPLAY"
        assert alarm["TRIGGER"].dt == timedelta(minutes=-15)
        assert str(alarm["DESCRIPTION"]) == str(event["SUMMARY"])


def test_the_summary_names_the_task_the_person_and_the_employer(
    user: Any, application: Application
) -> None:
    """Priya's thank-you reads "Send a thank-you email · Priya Natarajan · Harbour Logistics"."""

    body = fetch_feed(user).content

    summaries = {str(e["SUMMARY"]) for e in parse(body).walk("VEVENT")}
    assert "Send a thank-you email · Priya Natarajan · Harbour Logistics" in summaries
    assert "Check in by email · Priya Natarajan · Harbour Logistics" in summaries


def test_an_interview_is_an_all_day_entry_on_its_local_date(
    user: Any, application: Application
) -> None:
    """The Monday interview is DTSTART;VALUE=DATE:20260302 to the next day, not busy time."""
    interview = application.interviews.get()

    body = fetch_feed(user).content

    event = events_by_uid(body)[f"application-{application.pk}.interview-{interview.pk}@afterword"]
    assert event.start == date(2026, 3, 2)
    assert event.end == date(2026, 3, 3)
    assert str(event["SUMMARY"]) == "Interview: Data Analyst at Harbour Logistics (round 1)"
    assert str(event["TRANSP"]) == "TRANSPARENT"
    assert "10:00–11:00 (New York time)" in str(event["DESCRIPTION"])
    assert b"DTSTART;VALUE=DATE:20260302\r\n" in body


def test_a_phone_check_in_lasts_thirty_minutes_and_shows_the_number(
    user: Any, now: datetime
) -> None:
    """A call is half an hour of busy time, with the person's phone number in the text."""
    user.afterword.check_in_channel = "phone"
    user.afterword.save()
    application = harbour(user, now)
    call = application.actions.get(kind="check_in_call")

    body = fetch_feed(user).content

    event = next(e for e in parse(body).walk("VEVENT") if "Check in by phone" in e["SUMMARY"])
    assert event.start == call.due
    assert event.end - event.start == timedelta(minutes=30)
    assert str(event["TRANSP"]) == "OPAQUE"
    assert "Priya Natarajan: +1 212 555 0142" in str(event["DESCRIPTION"])


def test_the_independent_ical_package_reads_the_same_events(
    user: Any, application: Application
) -> None:
    """``ical`` parses and validates the feed: same UIDs, times, alarms and all-day interview."""
    body = fetch_feed(user).content
    by_icalendar = events_by_uid(body)

    calendar = parse_with_ical(body)

    assert calendar.prodid == "-//Afterword//Follow-up plan//EN"
    assert {event.uid for event in calendar.events} == set(by_icalendar)
    for event in calendar.events:
        assert event.dtstart == by_icalendar[event.uid].start
        assert event.dtstamp is not None
        if isinstance(event.dtstart, datetime):
            (alarm,) = event.alarm
            assert alarm.action == "DISPLAY"
            assert alarm.trigger == timedelta(minutes=-15)
        else:
            assert event.alarm == []


def test_the_feed_is_valid_rfc5545_text(user: Any, application: Application) -> None:
    """VERSION, PRODID, CALSCALE; every event has UID, DTSTAMP and SEQUENCE; CRLF, ≤ 75 octets."""

    body = fetch_feed(user).content

    calendar = parse(body)
    assert str(calendar["VERSION"]) == "2.0"
    assert str(calendar["CALSCALE"]) == "GREGORIAN"
    assert "PRODID" in calendar
    assert b"X-PUBLISHED-TTL:PT1H\r\n" in body
    for event in calendar.walk("VEVENT"):
        assert {"UID", "DTSTAMP", "SEQUENCE", "LAST-MODIFIED"} <= set(event)
        assert event["DTSTAMP"].dt == application.planned_at
    assert b"\n" not in body.replace(b"\r\n", b"")
    assert max(len(line) for line in content_lines(body)) <= 75


def test_a_long_description_in_several_scripts_is_folded_at_75_octets(
    user: Any, now: datetime
) -> None:
    """Multi-byte names make lines long in octets; each physical line stays within 75 octets."""
    application = harbour(
        user, now, employer="Société Générale d’Équipement Électrique — Zürich Überseedienst"
    )
    application.interviewers.filter(name="Priya Natarajan").update(name="Zoë Ångström-Øyen")

    body = fetch_feed(user).content

    lines = content_lines(body)
    assert max(len(line) for line in lines) <= 75
    assert any(line.startswith(b" ") for line in lines), "long lines were not folded"
    summaries = {str(e["SUMMARY"]) for e in parse(body).walk("VEVENT")}
    assert any("Société Générale d’Équipement" in s and "Überseedienst" in s for s in summaries)


def test_news_that_moves_the_check_in_keeps_its_uid_and_gives_it_a_new_time(
    user: Any, application: Application, now: datetime
) -> None:
    """A reply naming a later decision date moves the check-in to a new row; it keeps its UID."""
    check_in = application.actions.get(kind="check_in_email")
    before = events_by_uid(fetch_feed(user).content)
    uid = next(u for u in before if ".check-in." in u)
    later = now + timedelta(hours=2)

    record_event(application, "reply", later, new_decision_by=date(2026, 3, 13))

    after = events_by_uid(fetch_feed(user).content)
    moved = application.actions.get(kind="check_in_email")
    assert moved.pk != check_in.pk, "the re-plan wrote the moved check-in anew"
    assert set(after) == set(before)
    assert before[uid].start == check_in.due
    assert after[uid].start == moved.due == datetime(2026, 3, 16, 14, 0, tzinfo=UTC)
    assert after[uid]["SEQUENCE"] > before[uid]["SEQUENCE"]
    assert after[uid]["DTSTAMP"].dt == later


def test_a_done_thank_you_leaves_the_feed_and_the_rest_keep_their_uids(
    user: Any, application: Application, now: datetime
) -> None:
    """Marking Priya's thank-you done removes that one event and touches no other UID."""
    priya = application.actions.get(kind="thank_you_email", interviewer__name="Priya Natarajan")
    before = set(events_by_uid(fetch_feed(user).content))

    complete_action(priya, now + timedelta(minutes=5))

    after = set(events_by_uid(fetch_feed(user).content))
    assert before - after == {
        f"application-{application.pk}.thank-you-email.interview-{priya.interview_id}"
        f".interviewer-{priya.interviewer_id}@afterword"
    }
    assert after < before


def test_a_decided_application_contributes_no_actions(
    user: Any, application: Application, now: datetime
) -> None:
    """After an offer the plan ends: only the interview's all-day entry stays in the feed."""

    record_event(application, "offer", now + timedelta(hours=1))

    events = list(parse(fetch_feed(user).content).walk("VEVENT"))
    assert [str(e["SUMMARY"]) for e in events] == [
        "Interview: Data Analyst at Harbour Logistics (round 1)"
    ]
    assert not Action.objects.filter(application=application).exists()


def test_a_feed_never_holds_another_users_actions(
    user: Any, outsider: Any, application: Application, now: datetime
) -> None:
    """Olive's feed shows Olive's employer only, and Sam's shows none of Olive's events."""
    hers = harbour(outsider, now, employer="Quayside Analytics")

    mine = events_by_uid(fetch_feed(user).content)
    theirs = events_by_uid(fetch_feed(outsider).content)

    assert mine and theirs
    assert not set(mine) & set(theirs)
    assert all(f"application-{application.pk}." in uid for uid in mine)
    assert all(f"application-{hers.pk}." in uid for uid in theirs)
    assert not any("Quayside" in str(e["SUMMARY"]) for e in mine.values())
    assert not any("Harbour" in str(e["SUMMARY"]) for e in theirs.values())


def test_an_unknown_token_is_404(user: Any, application: Application) -> None:
    """A well-formed token that was never issued finds nothing."""
    feed_for(user)

    response = Client().get("/calendar/" + "A" * 43 + ".ics")

    assert response.status_code == 404


def test_a_revoked_token_is_404_and_the_new_one_works(user: Any, application: Application) -> None:
    """After "Revoke and make a new link" the old address is dead and the new one serves."""
    old = feed_path(user)
    member = Client()
    member.force_login(user)

    member.post("/settings/calendar/revoke/", {"confirm": "yes"})

    assert Client().get(old).status_code == 404
    new = feed_path(user)
    assert new != old
    assert Client().get(new).status_code == 200


def test_an_inactive_account_has_no_feed(user: Any, application: Application) -> None:
    """A deactivated user's address answers 404 like any unknown one."""
    path = feed_path(user)
    user.is_active = False
    user.save()

    response = Client().get(path)

    assert response.status_code == 404


def test_an_unchanged_feed_answers_304_to_its_etag(
    user: Any, application: Application, now: datetime
) -> None:
    """The same plan gives the same bytes and ETag; a re-plan that moves a time gives a new one."""
    first = fetch_feed(user)

    again = fetch_feed(user, HTTP_IF_NONE_MATCH=first["ETag"])
    record_event(application, "reply", now + timedelta(hours=1), new_decision_by=date(2026, 3, 13))
    changed = fetch_feed(user, HTTP_IF_NONE_MATCH=first["ETag"])

    assert again.status_code == 304
    assert again.content == b""
    assert changed.status_code == 200
    assert changed["ETag"] != first["ETag"]


def test_the_feed_refuses_to_be_written_to(user: Any, application: Application) -> None:
    """Only GET and HEAD: a POST to the feed address is 405."""

    response = Client().post(feed_path(user))

    assert response.status_code == 405


def test_each_user_has_a_distinct_long_token(db: None) -> None:
    """Tokens are 43 URL-safe characters from 32 random bytes, one per user."""
    users = UserFactory.create_batch(5)

    tokens = {feed_for(u).token for u in users}

    assert len(tokens) == 5
    assert all(len(t) == 43 and t.replace("-", "").replace("_", "").isalnum() for t in tokens)
    assert CalendarFeed.objects.count() == 5
