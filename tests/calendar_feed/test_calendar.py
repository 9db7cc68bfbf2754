"""Building the iCalendar text from rows (calendar_feed/ics.py): UIDs, times, text, determinism."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

import icalendar

from afterword.calendar_feed.ics import (
    action_event,
    action_uids,
    feed_calendar,
    interview_event,
    sequence_of,
)
from afterword.tracker.models import Action, Application, Interview, Interviewer
from tests.factories import ApplicationFactory, InterviewerFactory, InterviewFactory

PLANNED = datetime(2026, 3, 3, 14, 0, tzinfo=UTC)
DUE = datetime(2026, 3, 9, 14, 0, tzinfo=UTC)


def unsaved_application(**fields: Any) -> Application:
    """Rows that need no database: the builder only reads attributes."""
    values = {
        "pk": 12,
        "employer": "Harbour Logistics",
        "role": "Data Analyst",
        "employer_timezone": "America/New_York",
        "planned_at": PLANNED,
        **fields,
    }
    return Application(**values)


def unsaved_action(application: Application, **fields: Any) -> Action:
    values = {
        "pk": 500,
        "application": application,
        "kind": "check_in_email",
        "interview": Interview(pk=31, application=application),
        "interviewer": Interviewer(pk=7, application=application, name="Priya Natarajan"),
        "channel": "email",
        "earliest": DUE - timedelta(hours=1),
        "due": DUE,
        "latest": DUE + timedelta(hours=7),
        "rules": ["F4", "H2", "T1", "T2"],
        "why": "No decision date was given, so check in on Mon 9 Mar.",
        "position": 2,
        **fields,
    }
    return Action(**values)


def test_the_uid_names_the_purpose_not_the_row() -> None:
    """Application 12's check-in of interview 31 with person 7, whatever the Action's pk."""
    application = unsaved_application()
    first = unsaved_action(application, pk=500)
    after_replan = unsaved_action(application, pk=9001, due=DUE + timedelta(days=7))

    uids = action_uids([first]) | action_uids([after_replan])

    assert uids[500] == uids[9001]
    assert uids[500] == "application-12.check-in.interview-31.interviewer-7@afterword"


def test_a_check_in_that_changes_channel_keeps_its_uid() -> None:
    """Three missed calls turn the call into an email (H3): still the same next check-in."""
    application = unsaved_application()
    call = unsaved_action(application, pk=1, kind="check_in_call", channel="phone")
    email = unsaved_action(application, pk=2, kind="check_in_email", channel="email")

    assert action_uids([call])[1] == action_uids([email])[2]


def test_thank_yous_to_two_people_have_two_uids() -> None:
    """Purpose includes the person: one UID per interviewer thanked."""
    application = unsaved_application()
    priya = unsaved_action(application, pk=1, kind="thank_you_email")
    tomasz = unsaved_action(
        application,
        pk=2,
        kind="thank_you_email",
        interviewer=Interviewer(pk=8, application=application, name="Tomasz Wilk"),
    )

    uids = action_uids([priya, tomasz])

    assert uids[1].endswith(".thank-you-email.interview-31.interviewer-7@afterword")
    assert uids[2].endswith(".thank-you-email.interview-31.interviewer-8@afterword")


def test_an_action_for_no_one_says_none() -> None:
    """A portal visit has no interviewer: the UID says ``interviewer-none``."""
    application = unsaved_application()
    portal = unsaved_action(application, kind="check_portal", channel="portal", interviewer=None)

    (uid,) = action_uids([portal]).values()

    assert uid == "application-12.check-in.interview-31.interviewer-none@afterword"


def test_two_actions_with_one_purpose_still_get_distinct_uids_in_any_order() -> None:
    """Should a plan ever repeat a purpose, the later one gets ``-2``, however rows are ordered."""
    application = unsaved_application()
    early = unsaved_action(application, pk=1, due=DUE)
    late = unsaved_action(application, pk=2, due=DUE + timedelta(days=3), position=3)

    forwards = action_uids([early, late])
    backwards = action_uids([late, early])

    assert forwards == backwards
    assert forwards[1] == "application-12.check-in.interview-31.interviewer-7@afterword"
    assert forwards[2] == "application-12.check-in.interview-31.interviewer-7-2@afterword"


def test_sequence_grows_with_every_later_plan() -> None:
    """SEQUENCE is derived from planned_at, so a newer plan always has a higher number."""

    earlier = sequence_of(PLANNED)
    later = sequence_of(PLANNED + timedelta(seconds=1))

    assert 0 < earlier < later < 2**31


def test_without_a_site_address_events_carry_no_url() -> None:
    """When the request's host is unknown the event has no URL and no dangling link text."""
    application = unsaved_application()
    action = unsaved_action(application)

    event = action_event(action, "x@afterword", site_url=None)

    assert "URL" not in event
    assert "Open in Afterword" not in str(event["DESCRIPTION"])


def test_the_description_gives_the_due_time_on_the_employers_clock() -> None:
    """14:00 UTC on Mon 9 Mar is 10:00 in New York (after the DST change on 8 Mar)."""
    application = unsaved_application()
    action = unsaved_action(application)

    event = action_event(action, "x@afterword")

    assert "Due Mon 9 Mar 2026, 10:00 (New York time)." in str(event["DESCRIPTION"])
    assert "F4: about a week later" in str(event["DESCRIPTION"])


def test_a_portal_visit_names_no_person() -> None:
    """No interviewer: the summary is the task and the employer."""
    application = unsaved_application()
    portal = unsaved_action(application, kind="check_portal", channel="portal", interviewer=None)

    event = action_event(portal, "x@afterword")

    assert str(event["SUMMARY"]) == "Look at the applicant portal · Harbour Logistics"


def test_an_interview_falls_on_its_local_date_not_the_utc_date(db: None) -> None:
    """09:00 Tuesday in Tokyo is Monday in UTC; the all-day entry is on the Tuesday."""
    application = ApplicationFactory(
        employer="Kinkō Systems", role="", employer_timezone="Asia/Tokyo", employer_country="JP"
    )
    application.planned_at = PLANNED
    start = datetime(2026, 3, 3, 0, 0, tzinfo=UTC)  # 09:00 JST
    interview = InterviewFactory(application=application, round=2, start=start)

    event = interview_event(interview)

    assert event.start == date(2026, 3, 3)
    assert event.end == date(2026, 3, 4)
    assert str(event["SUMMARY"]) == "Interview: Kinkō Systems (round 2)"
    assert str(event["DESCRIPTION"]).startswith("09:00–10:00 (Tokyo time) with ")


def test_the_same_rows_give_the_same_bytes(db: None) -> None:
    """No clock, no random ids: the feed of an unchanged plan is byte-for-byte the same."""
    application = ApplicationFactory(planned_at=PLANNED)
    person = InterviewerFactory(application=application)
    interview = InterviewFactory(application=application, interviewers=[person])
    action = unsaved_action(application, interview=interview, interviewer=person)

    first = feed_calendar([action], [interview], "https://afterword.example").to_ical()
    second = feed_calendar([action], [interview], "https://afterword.example").to_ical()

    assert first == second
    assert icalendar.Calendar.from_ical(first).walk("VEVENT")[0]["UID"]
