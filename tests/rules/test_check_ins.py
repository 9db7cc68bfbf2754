"""The edges of the check-in rules: the decision date itself (F1) and the 60-day horizon (F7).

Base case as in test_planner.py: interview Mon 2 Mar 2026 in New York with Dana Reyes (p1).
Each test puts a check-in exactly on a boundary, where an off-by-one would move or drop it
(scripts/mutants.py shows which one-line bugs these tests catch).
"""

from __future__ import annotations

import pytest

from tests.rules.builders import case, event, interview, kinds, note_rules, only, planned, thanked

DECISION_DAY = "2026-03-13"  # a Friday; the next business day is Mon 16 Mar


@pytest.mark.parametrize(
    "events",
    [
        pytest.param(
            [thanked(), event("2026-03-06T14:00:00-05:00", "reply", no_decision_yet=True)],
            id="reply-a-week-before",
        ),
        pytest.param(
            [
                event(
                    "2026-03-02T18:00:00-05:00",
                    "thank_you_sent",
                    interview="i1",
                    interviewer="p1",
                    promised_next=DECISION_DAY,
                )
            ],
            id="promise-in-the-thank-you",
        ),
    ],
)
def test_first_check_in_is_never_on_the_decision_date_itself(events):
    """F1: a check-in that would land on Fri 13 Mar, their decision day, waits for Mon 16 Mar."""
    data = case([interview(decision_by=DECISION_DAY)], events, now="2026-03-06T15:00:00-05:00")

    check_in = only(planned(data), "check_in_email")

    assert check_in["due"] == "2026-03-16T10:00:00-04:00"
    assert check_in["rules"][0] == "F1"


@pytest.mark.parametrize(
    ("decision_by", "sent_on", "sixtieth_day"),
    [
        pytest.param(None, "2026-03-09", "2026-05-01", id="after-the-interview"),
        pytest.param(DECISION_DAY, "2026-03-16", "2026-05-12", id="after-the-decision-date"),
    ],
)
def test_a_check_in_exactly_sixty_days_after_the_last_named_date_is_still_planned(
    decision_by, sent_on, sixtieth_day
):
    """F7: "more than 60 days" stops the plan; a promise for day 60 itself is kept (F6)."""
    data = case(
        [interview(decision_by=decision_by)],
        [
            thanked(),
            event(
                f"{sent_on}T10:00:00-04:00",
                "check_in_sent",
                channel="email",
                promised_next=sixtieth_day,
            ),
        ],
        now=f"{sent_on}T12:00:00-04:00",
    )

    result = planned(data)

    assert only(result, "check_in_email")["due"] == f"{sixtieth_day}T10:00:00-04:00"
    assert result["status"] == "waiting"


def test_a_check_in_sixty_one_days_after_the_last_named_date_is_not_planned():
    """F7: decision by Fri 13 Mar, so a promise for Wed 13 May (day 61) ends the follow-up."""
    data = case(
        [interview(decision_by=DECISION_DAY)],
        [
            thanked(),
            event(
                "2026-03-16T10:00:00-04:00",
                "check_in_sent",
                channel="email",
                promised_next="2026-05-13",
            ),
        ],
        now="2026-03-16T12:00:00-04:00",
    )

    result = planned(data)

    assert "check_in_email" not in kinds(result)
    assert result["status"] == "no_response"
    assert ("F7", "P1") in note_rules(result)
