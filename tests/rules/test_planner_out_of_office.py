"""The out_of_office event: an automatic reply with a return date postpones the check-in.

Base case as in test_planner.py: interview Mon 2 Mar 2026 in New York with Dana Reyes (p1),
thanked that evening; with no date given, the check-in is Mon 9 Mar (F4, standard profile).
"""

from __future__ import annotations

import pytest

from afterword.rules import CaseError, case_from_data
from tests.rules.builders import case, event, interview, kinds, only, planned, thanked

AWAY_NOTICE_AT = "2026-03-04T10:30:00-05:00"


def away(until: str, at: str = AWAY_NOTICE_AT) -> dict:
    return event(at, "out_of_office", until=until)


def test_a_check_in_due_while_they_are_away_moves_to_the_business_day_after_their_return():
    """Away until Thu 12 Mar: the Mon 9 Mar check-in moves to Fri 13 Mar."""
    data = case(events=[thanked(), away("2026-03-12")], now="2026-03-05T09:00:00-05:00")

    check_in = only(planned(data), "check_in_email")

    assert check_in["due"] == "2026-03-13T10:00:00-04:00"
    assert check_in["rules"][:2] == ["F8", "T1"]
    assert "away until Thu 12 Mar" in check_in["why"]


def test_a_return_on_a_friday_moves_the_check_in_past_the_weekend():
    """Back on Fri 13 Mar: the business day after is Mon 16 Mar (T1)."""
    data = case(events=[thanked(), away("2026-03-13")], now="2026-03-05T09:00:00-05:00")

    assert only(planned(data), "check_in_email")["due"] == "2026-03-16T10:00:00-04:00"


def test_an_away_notice_ending_before_the_check_in_changes_nothing():
    """Away until Thu 5 Mar: the check-in stays on Mon 9 Mar, for the reason it had."""
    data = case(events=[thanked(), away("2026-03-05")], now="2026-03-05T09:00:00-05:00")

    check_in = only(planned(data), "check_in_email")

    assert check_in["due"] == "2026-03-09T10:00:00-04:00"
    assert check_in["rules"][0] == "F4"


def test_an_automatic_reply_is_not_a_reply_and_cancels_nothing():
    """After two unanswered check-ins an away notice does not reset the count (F7 still at 3)."""
    events = [
        thanked(),
        event("2026-03-09T10:00:00-04:00", "check_in_sent", channel="email"),
        away("2026-03-12", at="2026-03-09T10:05:00-04:00"),
        event("2026-03-19T10:00:00-04:00", "check_in_sent", channel="email"),
        event("2026-03-30T10:00:00-04:00", "check_in_sent", channel="email"),
    ]

    result = planned(case(events=events, now="2026-03-31T09:00:00-04:00"))

    assert result["status"] == "no_response"
    assert "check_in_email" not in kinds(result)


def test_a_reply_after_the_away_notice_means_they_are_back():
    """A reply on Tue 10 Mar with no date: ask again a week later, Tue 17 Mar (F8), not later."""
    events = [
        thanked(),
        away("2026-03-20"),
        event("2026-03-10T09:00:00-04:00", "reply", no_decision_yet=True),
    ]

    check_in = only(planned(case(events=events, now="2026-03-10T12:00:00-04:00")), "check_in_email")

    assert check_in["due"] == "2026-03-17T10:00:00-04:00"


def test_a_stated_decision_date_after_the_return_still_wins():
    """Decision by Fri 20 Mar, away until Thu 12 Mar: the check-in is Mon 23 Mar (F1)."""
    data = case(
        [interview(decision_by="2026-03-20")],
        [thanked(), away("2026-03-12")],
        now="2026-03-05T09:00:00-05:00",
    )

    check_in = only(planned(data), "check_in_email")

    assert check_in["due"] == "2026-03-23T10:00:00-04:00"
    assert check_in["rules"][0] == "F1"


def test_an_out_of_office_event_needs_its_until_date():
    """Contract: until is required, and named in the error."""
    data = case(events=[event(AWAY_NOTICE_AT, "out_of_office")], now="2026-03-05T09:00:00-05:00")

    with pytest.raises(CaseError) as error:
        case_from_data(data)

    assert "events[0].until: required for a out_of_office event" in str(error.value)
