"""Snooze means later: every snooze moves its follow-up one business day on (T1, PLAN_FORMAT).

Dates worked out by hand on the builders' base case: Monday 2 March 2026, 10:00-11:00 New York,
so the thank-you to Dana Reyes (p1) is due Tue 3 Mar 11:00 and late after Wed 4 Mar 11:00.
"""

from __future__ import annotations

from typing import Any

from tests.rules.builders import case, event, interview, only, planned, thanked


def snoozed(at: str, action: str = "thank_you_email", pid: str | None = "p1") -> dict[str, Any]:
    return event(at, "snoozed", action=action, interview="i1", interviewer=pid)


def test_each_snooze_moves_the_follow_up_one_more_business_day():
    """Two snoozes on Tuesday: Wed 4 Mar, then Thu 5 Mar, same hour."""
    data = case(
        events=[snoozed("2026-03-03T09:00:00-05:00"), snoozed("2026-03-03T09:05:00-05:00")],
        now="2026-03-03T09:30:00-05:00",
    )

    thank_you = only(planned(data), "thank_you_email")

    assert thank_you["due"] == "2026-03-05T11:00:00-05:00"
    assert "snoozed to Thu 5 Mar (2 snoozes)" in thank_you["why"]


def test_a_follow_up_not_yet_due_moves_past_its_own_due_day():
    """A check-in due Mon 16 Mar, snoozed on Tue 3 Mar, is due Tue 17 Mar (not Wed 4 Mar)."""
    data = case(
        [interview(decision_by="2026-03-13")],
        [thanked(), snoozed("2026-03-03T09:00:00-05:00", "check_in_email")],
        now="2026-03-03T09:30:00-05:00",
    )

    check_in = only(planned(data), "check_in_email")

    assert check_in["due"] == "2026-03-17T10:00:00-04:00"
    assert "T1" in check_in["rules"]


def test_an_overdue_follow_up_moves_past_the_day_of_the_snooze():
    """Overdue since Wed 4 Mar, snoozed on Thu 5 Mar: due Fri 6 Mar, no longer overdue."""
    data = case(events=[snoozed("2026-03-05T09:00:00-05:00")], now="2026-03-05T09:30:00-05:00")

    thank_you = only(planned(data), "thank_you_email")

    assert thank_you["due"] == "2026-03-06T11:00:00-05:00"
    assert thank_you["overdue"] is False


def test_a_finished_check_ins_snooze_does_not_move_the_next_one():
    """After the check-in went out, the next check-in is planned as if nothing was snoozed."""
    base = [thanked(), event("2026-03-16T10:30:00-04:00", "check_in_sent", channel="email")]
    unsnoozed = case([interview(decision_by="2026-03-13")], base, now="2026-03-17T09:00:00-04:00")
    with_snooze = case(
        [interview(decision_by="2026-03-13")],
        [*base[:1], snoozed("2026-03-16T09:00:00-04:00", "check_in_email"), *base[1:]],
        now="2026-03-17T09:00:00-04:00",
    )

    expected = only(planned(unsnoozed), "check_in_email")["due"]

    assert only(planned(with_snooze), "check_in_email")["due"] == expected


def test_a_snooze_over_a_public_holiday_names_it():
    """Thank-you due Fri 22 May 2026, snoozed that day: Mon 25 May is Memorial Day, so Tue 26."""
    data = case(
        [interview(start="2026-05-21T10:00:00-04:00", end="2026-05-21T11:00:00-04:00")],
        [snoozed("2026-05-22T09:00:00-04:00")],
        now="2026-05-22T09:30:00-04:00",
    )

    thank_you = only(planned(data), "thank_you_email")

    assert thank_you["due"] == "2026-05-26T11:00:00-04:00"
    assert "Mon 25 May is a public holiday in US-NY: Memorial Day" in thank_you["why"]
