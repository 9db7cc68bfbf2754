"""The feed's interview entries follow a new decision date from a later reply."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from afterword.calendar_feed.ics import interview_event
from afterword.tracker.services import record_event, replan
from tests.factories import ApplicationFactory, InterviewerFactory, InterviewFactory


def test_a_reply_with_a_new_date_moves_the_interviews_decision_line(
    db: None, now: datetime
) -> None:
    """Decide by 13 Mar at the interview; a reply says 20 Mar: the entry says 20 Mar, newer."""
    application = ApplicationFactory(employer_timezone="America/New_York")
    person = InterviewerFactory(application=application)
    interview = InterviewFactory(
        application=application, interviewers=[person], decision_by=date(2026, 3, 13)
    )
    replan(application, now)
    before = interview_event(interview)

    record_event(
        application,
        "reply",
        now + timedelta(minutes=5),
        no_decision_yet=True,
        new_decision_by=date(2026, 3, 20),
    )
    application.refresh_from_db()
    interview.refresh_from_db()
    after = interview_event(interview)

    assert "They expect to decide by Fri 13 Mar." in str(before["DESCRIPTION"])
    assert "They now expect to decide by Fri 20 Mar" in str(after["DESCRIPTION"])
    assert "13 Mar" not in str(after["DESCRIPTION"])
    assert int(after["SEQUENCE"]) > int(before["SEQUENCE"])
