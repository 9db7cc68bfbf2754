"""Follow-up keys: named by what the follow-up is for, stable while it is pending."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from afterword.tracker.follow_up_keys import KeyParts, follow_up_key, keys_for, parse_key
from afterword.tracker.services import record_event, replan
from tests.factories import ApplicationFactory, InterviewerFactory, InterviewFactory


def test_a_key_reads_back_into_its_parts() -> None:
    """kind, interview, person (none as 0) and ordinal survive a round trip."""
    assert parse_key(follow_up_key("check_in_email", 12, 7, 2)) == KeyParts(
        "check_in_email", 12, 7, 2
    )
    assert parse_key(follow_up_key("check_portal", 3, None, 1)) == KeyParts(
        "check_portal", 3, None, 1
    )


def test_junk_is_not_a_key() -> None:
    """A made-up kind or shape parses to None, never to a guess."""
    assert parse_key("send-flowers-1-2-1") is None
    assert parse_key("thank-you-email-1-2") is None


def test_a_check_in_is_numbered_by_the_check_ins_before_it() -> None:
    """Each check-in sent, unanswered call or reply starts the next check-in's number."""
    types = ["thank_you_sent", "check_in_sent", "snoozed", "reply", "out_of_office"]

    assert keys_for(
        [
            (
                "check_in_email",
                4,
                9,
            )
        ],
        types,
    ) == ["check-in-email-4-9-3"]
    assert keys_for([("thank_you_email", 4, 9)], types) == ["thank-you-email-4-9-1"]


def test_keys_of_one_plan_are_distinct() -> None:
    """Even a repeated step gets its own key, so the unique constraint cannot break a re-plan."""
    keys = keys_for([("expedite", 1, 2), ("expedite", 1, 2)], [])

    assert len(set(keys)) == 2


def test_re_planning_keeps_keys_and_a_sent_check_in_changes_them(db: None, now: datetime) -> None:
    """Row ids change at every re-plan, keys do not; after a check-in the next has a new key."""
    application: Any = ApplicationFactory()
    person = InterviewerFactory(application=application, name="Ada Byrne", is_primary=True)
    InterviewFactory(application=application, interviewers=[person])
    replan(application, now)
    before = dict(application.actions.values_list("kind", "key"))
    ids_before = set(application.actions.values_list("pk", flat=True))

    replan(application, now)
    after = dict(application.actions.values_list("kind", "key"))
    record_event(
        application, "thank_you_sent", now, interview=person.interviews.get(), interviewer=person
    )
    check_in = application.actions.get(kind__startswith="check_in")
    record_event(application, "check_in_sent", now + timedelta(minutes=1), channel="email")
    following = application.actions.filter(kind__startswith="check_in").first()

    assert after == before
    assert ids_before.isdisjoint(application.actions.values_list("pk", flat=True))
    assert check_in.key.endswith("-1")
    assert following is not None and following.key.endswith("-2")
