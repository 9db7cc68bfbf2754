"""Ask, don't assume (F9): a check-in that did not mention the other offer keeps the expedite."""

from __future__ import annotations

from tests.rules.builders import case, event, kinds, planned, thanked

OFFER = event("2026-03-10T14:00:00-04:00", "other_offer", deadline="2026-03-20")


def checked_in(**fields: object) -> dict:
    return event("2026-03-11T10:00:00-04:00", "check_in_sent", channel="email", **fields)


def test_a_check_in_that_did_not_mention_the_offer_keeps_the_expedite():
    """offer_mentioned: false leaves 'tell them about your other offer' in the plan."""
    data = case(
        events=[thanked(), OFFER, checked_in(offer_mentioned=False)],
        now="2026-03-11T11:00:00-04:00",
    )

    assert "expedite" in kinds(planned(data))


def test_a_check_in_that_mentioned_the_offer_ends_the_expedite():
    """offer_mentioned: true (or absent, as the first contract had it) counts as telling them."""
    told = case(
        events=[thanked(), OFFER, checked_in(offer_mentioned=True)],
        now="2026-03-11T11:00:00-04:00",
    )

    assert "expedite" not in kinds(planned(told))
