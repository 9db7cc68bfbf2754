"""Scenario table: at least one case per docs/GUIDANCE.md rule, with dates worked out by hand.

The base case (tests/rules/builders.py): Monday 2 March 2026, 10:00-11:00 New York (-05:00;
DST starts Sunday 8 March, after which New York is -04:00), interviewer Dana Reyes (p1).
"""

from __future__ import annotations

import pytest

from tests.rules.builders import (
    case,
    event,
    interview,
    kinds,
    note_rules,
    only,
    person,
    planned,
    thanked,
)

# --- T: time ---------------------------------------------------------------------------------


def test_a_check_in_due_on_a_public_holiday_moves_to_the_next_business_day():
    """T1: decision by Fri 22 May; Mon 25 May is Memorial Day, so the check-in is Tue 26 May."""
    data = case(
        [
            interview(
                start="2026-05-20T10:00:00-04:00",
                end="2026-05-20T11:00:00-04:00",
                decision_by="2026-05-22",
            )
        ],
        [thanked("2026-05-20T13:00:00-04:00")],
        now="2026-05-21T09:00:00-04:00",
    )

    check_in = only(planned(data), "check_in_email")

    assert check_in["due"] == "2026-05-26T10:00:00-04:00"
    assert check_in["rules"][:1] == ["F1"] and "T1" in check_in["rules"]


@pytest.mark.parametrize(("subdivision", "expected"), [("BY", "2026-06-05"), ("BE", "2026-06-04")])
def test_holidays_of_the_employers_subdivision_apply(subdivision, expected):
    """T1: Corpus Christi (Thu 4 June 2026) is a holiday in Bavaria but not in Berlin."""
    data = case(
        [
            interview(
                start="2026-06-01T10:00:00+02:00",
                end="2026-06-01T11:00:00+02:00",
                decision_by="2026-06-03",
            )
        ],
        now="2026-06-01T12:00:00+02:00",
        employer={"timezone": "Europe/Berlin", "country": "DE", "subdivision": subdivision},
    )

    check_in = only(planned(data), "check_in_email")

    assert check_in["due"] == f"{expected}T10:00:00+02:00"


def test_check_ins_fall_inside_contact_hours_at_the_users_hour():
    """T2: contact hour 14 puts the check-in at 14:00, inside a 09:00-17:00 window."""
    data = case(user={"contact_hour": 14})

    check_in = only(planned(data), "check_in_email")

    assert check_in["earliest"] == "2026-03-09T09:00:00-04:00"
    assert check_in["due"] == "2026-03-09T14:00:00-04:00"
    assert check_in["latest"] == "2026-03-09T17:00:00-04:00"
    assert "T2" in check_in["rules"]


def test_a_check_in_keeps_its_local_hour_across_a_dst_change():
    """T3: interview in winter time (+01:00), check-in after Berlin moves to summer time."""
    data = case(
        [interview(start="2026-03-23T10:00:00+01:00", end="2026-03-23T11:00:00+01:00")],
        now="2026-03-23T12:00:00+01:00",
        employer={"timezone": "Europe/Berlin", "country": "DE", "subdivision": "BE"},
    )

    check_in = only(planned(data), "check_in_email")

    assert check_in["due"] == "2026-03-30T10:00:00+02:00"


def test_a_thank_you_is_due_24_real_hours_later_across_the_end_of_dst():
    """T3, K2: New York leaves DST on Sun 1 Nov 2026; 24 h after 18:00 EDT is 17:00 EST."""
    data = case(
        [interview(start="2026-10-31T17:00:00-04:00", end="2026-10-31T18:00:00-04:00")],
        now="2026-10-31T19:00:00-04:00",
    )

    thank_you = only(planned(data), "thank_you_email")

    assert thank_you["due"] == "2026-11-01T17:00:00-05:00"


# --- K: thank-you notes ----------------------------------------------------------------------


def test_every_interviewer_of_every_round_gets_a_thank_you():
    """K1: two interviewers in round 1 and a new one in round 2 make three thank-yous."""
    data = case(
        [
            interview(people=[person("p1"), person("p2", "Sam Okafor")]),
            interview(
                "i2",
                "2026-03-10T10:00:00-04:00",
                "2026-03-10T11:00:00-04:00",
                [person("p3", "Lee Chen")],
                round=2,
            ),
        ],
        now="2026-03-10T12:00:00-04:00",
    )

    result = planned(data)

    thanks = [
        (a["interview"], a["interviewer"])
        for a in result["actions"]
        if a["kind"] == "thank_you_email"
    ]
    assert sorted(thanks) == [("i1", "p1"), ("i1", "p2"), ("i2", "p3")]
    assert result["status"] == "thank_you_pending"


def test_a_thank_you_is_due_a_day_after_the_interview_and_late_after_two():
    """K2: earliest at the end of the interview, due 24 h later, latest 48 h later."""
    thank_you = only(planned(case()), "thank_you_email")

    assert thank_you["earliest"] == "2026-03-02T11:00:00-05:00"
    assert thank_you["due"] == "2026-03-03T11:00:00-05:00"
    assert thank_you["latest"] == "2026-03-04T11:00:00-05:00"
    assert thank_you["rules"][0] == "K2"
    assert thank_you["overdue"] is False


def test_a_thank_you_already_sent_is_not_planned_again():
    """K1: the thank-you to Dana is recorded as sent, so none is pending."""
    result = planned(case(events=[thanked()], now="2026-03-03T09:00:00-05:00"))

    assert "thank_you_email" not in kinds(result)
    assert result["status"] == "waiting"


def test_a_fast_decision_makes_the_thank_you_urgent_and_the_check_in_early():
    """K3, F1: Monday interview, decision by Wednesday: thank-you the same day, check in Thu."""
    result = planned(case([interview(decision_by="2026-03-04")]))

    thank_you = only(result, "thank_you_email")
    check_in = only(result, "check_in_email")
    assert thank_you["due"] == "2026-03-02T15:00:00-05:00"
    assert thank_you["rules"][0] == "K3"
    assert check_in["due"] == "2026-03-05T10:00:00-05:00"


@pytest.mark.parametrize(("decision_by", "urgent"), [("2026-03-05", True), ("2026-03-06", False)])
def test_fast_means_within_three_business_days(decision_by, urgent):
    """K3: Thursday is three business days after Monday; Friday is four."""
    thank_you = only(planned(case([interview(decision_by=decision_by)])), "thank_you_email")

    assert (thank_you["rules"][0] == "K3") is urgent


def test_two_interviewers_get_different_reasons_naming_each_of_them():
    """K4, K6: each thank-you names its own person, spelled exactly as captured."""
    data = case([interview(people=[person("p1", "Zoë Ødegård"), person("p2", "Sam O'Neill")])])

    reasons = [a["why"] for a in planned(data)["actions"] if a["kind"] == "thank_you_email"]

    assert len(set(reasons)) == 2
    assert any("Zoë Ødegård" in why for why in reasons)
    assert any("Sam O'Neill" in why for why in reasons)


def test_a_formal_employer_also_gets_a_printed_letter_within_two_business_days():
    """K5: a letter for Dana, due Wednesday, two business days after Monday's interview."""
    result = planned(case(employer={"style": "formal"}))

    letter = only(result, "thank_you_letter")
    assert letter["due"] == "2026-03-04T10:00:00-05:00"
    assert letter["rules"][0] == "K5"
    assert ("C3", "K5") in note_rules(result)  # no postal address captured


def test_letters_follow_the_users_choice_for_other_employers():
    """K5: a casual employer gets a letter only when the user opted in."""
    assert "thank_you_letter" not in kinds(planned(case(employer={"style": "casual"})))
    opted_in = case(employer={"style": "casual"}, user={"letters": True})
    assert "thank_you_letter" in kinds(planned(opted_in))


def test_a_mailed_letter_is_not_planned_again():
    """K5: letter_sent for Dana clears the letter."""
    data = case(
        employer={"style": "formal"},
        events=[
            event("2026-03-03T12:00:00-05:00", "letter_sent", interview="i1", interviewer="p1")
        ],
        now="2026-03-03T13:00:00-05:00",
    )

    assert "thank_you_letter" not in kinds(planned(data))


def test_a_follow_up_date_announced_in_the_note_is_kept():
    """K7, F6: the thank-you said "I'll check back on the 18th", so the check-in is Wed 18 Mar."""
    data = case(
        events=[
            event(
                "2026-03-02T18:00:00-05:00",
                "check_in_sent",
                channel="email",
                promised_next="2026-03-18",
            )
        ],
        now="2026-03-03T09:00:00-05:00",
    )

    check_in = only(planned(data), "check_in_email")

    assert check_in["due"] == "2026-03-18T10:00:00-04:00"
    assert check_in["rules"][0] == "F6"


def test_a_date_promised_in_a_sent_thank_you_becomes_the_check_in_date():
    """K7, F6: the thank-you itself said "I'll check back on Thu 19 Mar", so that is the day."""
    data = case(
        events=[
            event(
                "2026-03-02T18:00:00-05:00",
                "thank_you_sent",
                interview="i1",
                interviewer="p1",
                promised_next="2026-03-19",
            )
        ],
        now="2026-03-03T09:00:00-05:00",
    )

    check_in = only(planned(data), "check_in_email")

    assert check_in["due"] == "2026-03-19T10:00:00-04:00"
    assert check_in["rules"][:2] == ["F6", "K7"]


def test_a_thank_you_promise_is_not_counted_as_an_unanswered_check_in():
    """F7 counts check-ins only: after a promise and three check-ins the plan stops, not before."""
    events = [
        event(
            "2026-03-02T18:00:00-05:00",
            "thank_you_sent",
            interview="i1",
            interviewer="p1",
            promised_next="2026-03-10",
        ),
        event("2026-03-10T10:00:00-04:00", "check_in_sent", channel="email"),
        event("2026-03-20T10:00:00-04:00", "check_in_sent", channel="email"),
    ]
    data = case(events=events, now="2026-03-21T09:00:00-04:00")

    assert "check_in_email" in kinds(planned(data))


# --- F: checking in --------------------------------------------------------------------------


def test_the_first_check_in_follows_the_stated_decision_date():
    """F1: decision by Fri 13 Mar: check in Mon 16 Mar at 10:00 (the contract's example)."""
    data = case(
        [
            interview(
                decision_by="2026-03-13", still_interviewing_others=True, preferred_channel="email"
            )
        ],
        [thanked()],
        now="2026-03-03T09:00:00-05:00",
    )

    result = planned(data)

    assert result["actions"] == [
        {
            "kind": "check_in_email",
            "interview": "i1",
            "interviewer": "p1",
            "channel": "email",
            "earliest": "2026-03-16T09:00:00-04:00",
            "due": "2026-03-16T10:00:00-04:00",
            "latest": "2026-03-16T17:00:00-04:00",
            "overdue": False,
            "rules": ["F1", "H1", "T1", "T2"],
            "why": "They said they would decide by Fri 13 Mar; if you have heard nothing, "
            "check in on Mon 16 Mar, the next business day.",
        }
    ]
    assert result["status"] == "waiting"


@pytest.mark.parametrize(
    ("agreed", "expected"), [("2026-03-10", "2026-03-10"), ("2026-03-14", "2026-03-16")]
)
def test_an_agreed_follow_up_date_is_kept_exactly(agreed, expected):
    """F2: agreed Tue 10 Mar gives Tue 10 Mar; agreed Saturday 14 moves to Monday 16 (T1)."""
    check_in = only(planned(case([interview(agreed_follow_up=agreed)])), "check_in_email")

    assert check_in["due"].startswith(expected)
    assert check_in["rules"][0] == "F2"


def test_an_agreed_date_before_the_decision_date_waits_for_the_decision():
    """F1 over F2: agreed Thu 5 Mar but decision by Fri 13 Mar: check in Mon 16 Mar."""
    data = case([interview(agreed_follow_up="2026-03-05", decision_by="2026-03-13")])

    check_in = only(planned(data), "check_in_email")

    assert check_in["due"] == "2026-03-16T10:00:00-04:00"


def test_an_employer_early_in_its_search_gets_two_weeks():
    """F3: still interviewing others, no date: check in Mon 16 Mar, two weeks later."""
    check_in = only(planned(case([interview(still_interviewing_others=True)])), "check_in_email")

    assert check_in["due"] == "2026-03-16T10:00:00-04:00"
    assert check_in["rules"][0] == "F3"


@pytest.mark.parametrize(
    ("profile", "expected"),
    [
        ("prompt", "2026-03-05T10:00:00-05:00"),
        ("standard", "2026-03-09T10:00:00-04:00"),
        ("patient", "2026-03-16T10:00:00-04:00"),
    ],
)
def test_with_no_date_the_profile_sets_the_first_check_in(profile, expected):
    """F4: 3, 5 or 10 business days after Monday 2 March."""
    check_in = only(planned(case(profile=profile)), "check_in_email")

    assert check_in["due"] == expected
    assert check_in["rules"][0] == "F4"


@pytest.mark.parametrize(
    ("profile", "sent", "expected"),
    [
        ("standard", "2026-03-09", "2026-03-19"),
        ("prompt", "2026-03-09", "2026-03-16"),
        ("patient", "2026-03-09", "2026-03-23"),
        ("standard", "2026-03-11", "2026-03-23"),
    ],
)
def test_an_unanswered_check_in_is_followed_by_another_after_the_profiles_spacing(
    profile, sent, expected
):
    """F5: 10, 7 or 14 days later; Sat 21 Mar moves to Mon 23 Mar."""
    data = case(
        profile=profile,
        events=[thanked(), event(f"{sent}T10:00:00-04:00", "check_in_sent", channel="email")],
        now=f"{sent}T12:00:00-04:00",
    )

    check_in = only(planned(data), "check_in_email")

    assert check_in["due"] == f"{expected}T10:00:00-04:00"
    assert check_in["rules"][0] == "F5"


def test_three_unanswered_check_ins_stop_the_follow_up():
    """F7: after check-ins on 9, 19 and 30 March nothing more is planned: no response."""
    sent = ["2026-03-09", "2026-03-19", "2026-03-30"]
    data = case(
        events=[thanked()]
        + [event(f"{day}T10:00:00-04:00", "check_in_sent", channel="email") for day in sent],
        now="2026-03-31T09:00:00-04:00",
    )

    result = planned(data)

    assert result["actions"] == []
    assert result["status"] == "no_response"
    assert ("F7", "P1") in note_rules(result)


def test_a_reply_resets_the_count_of_unanswered_check_ins():
    """F7, F8: a reply after two check-ins; a third check-in then leaves room for a fourth."""
    data = case(
        events=[
            thanked(),
            event("2026-03-09T10:00:00-04:00", "check_in_sent", channel="email"),
            event("2026-03-19T10:00:00-04:00", "check_in_sent", channel="email"),
            event("2026-03-20T10:00:00-04:00", "reply", no_decision_yet=True),
            event("2026-03-27T10:00:00-04:00", "check_in_sent", channel="email"),
        ],
        now="2026-03-27T12:00:00-04:00",
    )

    check_in = only(planned(data), "check_in_email")

    assert check_in["due"] == "2026-04-06T10:00:00-04:00"


def test_nothing_is_planned_past_sixty_days_after_the_last_named_date():
    """F7: a promised date of 15 May is past the horizon of 1 May (2 March + 60 days)."""
    data = case(
        events=[
            thanked(),
            event(
                "2026-03-09T10:00:00-04:00",
                "check_in_sent",
                channel="email",
                promised_next="2026-05-15",
            ),
        ],
        now="2026-03-10T09:00:00-04:00",
    )

    result = planned(data)

    assert result["status"] == "no_response"
    assert "check_in_email" not in kinds(result)


def test_a_reply_with_a_new_date_plans_from_that_date():
    """F8, F1: "no decision yet, we'll know by Fri 20 Mar": check in Mon 23 Mar."""
    data = case(
        events=[
            thanked(),
            event(
                "2026-03-10T14:00:00-04:00",
                "reply",
                no_decision_yet=True,
                new_decision_by="2026-03-20",
            ),
        ],
        now="2026-03-10T15:00:00-04:00",
    )

    check_in = only(planned(data), "check_in_email")

    assert check_in["due"] == "2026-03-23T10:00:00-04:00"
    assert check_in["rules"][:2] == ["F8", "F1"]


def test_a_reply_without_a_date_plans_a_check_in_a_week_later():
    """F8: reply on Wed 11 Mar with no date: ask again on Wed 18 Mar."""
    data = case(
        events=[thanked(), event("2026-03-11T14:00:00-04:00", "reply", no_decision_yet=True)],
        now="2026-03-11T15:00:00-04:00",
    )

    check_in = only(planned(data), "check_in_email")

    assert check_in["due"] == "2026-03-18T10:00:00-04:00"
    assert check_in["rules"][0] == "F8"


def test_an_early_reply_never_brings_the_check_in_before_the_decision_date():
    """F1: a reply on 4 March (no date) would give 11 March, but they decide by 20 March."""
    data = case(
        [interview(decision_by="2026-03-20")],
        [thanked(), event("2026-03-04T09:00:00-05:00", "reply", no_decision_yet=True)],
        now="2026-03-04T10:00:00-05:00",
    )

    check_in = only(planned(data), "check_in_email")

    assert check_in["due"] == "2026-03-23T10:00:00-04:00"


@pytest.mark.parametrize("outcome", ["offer", "rejection", "withdrawn"])
def test_a_decision_ends_the_plan_even_with_thank_yous_pending(outcome):
    """F8: nothing more is planned once the application is decided."""
    data = case(
        events=[event("2026-03-04T09:00:00-05:00", outcome)], now="2026-03-04T10:00:00-05:00"
    )

    result = planned(data)

    assert result["status"] == "decided"
    assert result["actions"] == []
    assert note_rules(result) == [("F8",)]


def test_a_new_round_gets_its_own_thank_yous_and_restarts_the_check_ins():
    """F8, K1: round 2 on Tue 10 Mar with Lee; check-in 5 business days after it, Tue 17 Mar."""
    data = case(
        [
            interview(),
            interview(
                "i2",
                "2026-03-10T10:00:00-04:00",
                "2026-03-10T11:00:00-04:00",
                [person("p2", "Lee Chen")],
                round=2,
            ),
        ],
        [
            thanked(),
            event("2026-03-05T10:00:00-05:00", "check_in_sent", channel="email"),
            event("2026-03-05T11:00:00-05:00", "next_round"),
        ],
        now="2026-03-10T12:00:00-04:00",
    )

    result = planned(data)

    assert only(result, "thank_you_email")["interviewer"] == "p2"
    check_in = only(result, "check_in_email")
    assert (check_in["interview"], check_in["interviewer"]) == ("i2", "p2")
    assert check_in["due"] == "2026-03-17T10:00:00-04:00"


def test_a_next_round_not_yet_recorded_asks_for_its_details():
    """F8: a next_round event with no later interview leaves a note to add it."""
    data = case(
        events=[thanked(), event("2026-03-05T10:00:00-05:00", "next_round")],
        now="2026-03-05T11:00:00-05:00",
    )

    assert ("F8", "K1") in note_rules(planned(data))


@pytest.mark.parametrize(
    ("received", "expected"),
    [
        ("2026-03-10T14:00:00-04:00", "2026-03-11T10:00:00-04:00"),
        ("2026-03-10T08:30:00-04:00", "2026-03-10T10:00:00-04:00"),
        ("2026-03-14T11:00:00-04:00", "2026-03-16T10:00:00-04:00"),
    ],
)
def test_another_offer_asks_them_to_speed_up_within_a_business_day(received, expected):
    """F9: an offer on Tue afternoon → Wed; Tue before 10:00 → Tue; Saturday → Monday."""
    data = case(
        events=[thanked(), event(received, "other_offer", deadline="2026-03-20")],
        now="2026-03-14T12:00:00-04:00",
    )

    expedite = only(planned(data), "expedite")

    assert expedite["due"] == expected
    assert expedite["rules"][0] == "F9"
    assert "Fri 20 Mar" in expedite["why"]


def test_no_expedite_once_sent_or_once_the_deadline_passed():
    """F9: a check-in after the other offer, or a past deadline, leaves no expedite."""
    offer = event("2026-03-10T14:00:00-04:00", "other_offer", deadline="2026-03-20")
    sent = case(
        events=[
            thanked(),
            offer,
            event("2026-03-11T10:00:00-04:00", "check_in_sent", channel="email"),
        ],
        now="2026-03-11T11:00:00-04:00",
    )
    expired = case(events=[thanked(), offer], now="2026-03-21T11:00:00-04:00")

    assert "expedite" not in kinds(planned(sent))
    assert "expedite" not in kinds(planned(expired))


# --- H: channel ------------------------------------------------------------------------------


def test_the_preferred_channel_phone_plans_a_call_to_the_primary_interviewer():
    """H1, H3, H4: they prefer phone; call Sam, who was marked primary."""
    data = case(
        [
            interview(
                people=[person("p1"), person("p2", "Sam Okafor", primary=True)],
                preferred_channel="phone",
            )
        ]
    )

    call = only(planned(data), "check_in_call")

    assert call["interviewer"] == "p2"
    assert call["channel"] == "phone"
    assert call["rules"] == ["F4", "H1", "H3", "H4", "T1", "T2"]


def test_a_portal_means_checking_the_portal_not_writing():
    """H1: portal preference plans a check_portal addressed to no one."""
    portal = only(planned(case([interview(preferred_channel="portal")])), "check_portal")

    assert portal["interviewer"] is None
    assert portal["channel"] == "portal"


def test_without_a_stated_preference_the_users_channel_is_used_and_noted():
    """H2, C2: email by default, phone when the user chose it; a note asks to find out."""
    default = planned(case())
    by_phone = planned(case(user={"check_in_channel": "phone"}))

    assert only(default, "check_in_email")["rules"][1] == "H2"
    assert ("C2", "H2") in note_rules(default)
    assert only(by_phone, "check_in_call")["rules"][1] == "H2"


def test_an_unanswered_call_is_retried_the_next_business_day():
    """H3: a call on Fri 13 Mar found nobody: call again Mon 16 Mar."""
    data = case(
        [interview(preferred_channel="phone")],
        [thanked(), event("2026-03-13T10:05:00-04:00", "call_no_answer")],
        now="2026-03-13T11:00:00-04:00",
    )

    call = only(planned(data), "check_in_call")

    assert call["due"] == "2026-03-16T10:00:00-04:00"
    assert call["rules"][0] == "H3"


def test_three_unanswered_calls_switch_to_email_and_do_not_count_as_check_ins():
    """H3, F7: two check-ins and three unanswered calls: an email on Thu 26 Mar, not a stop."""
    data = case(
        [interview(preferred_channel="phone")],
        [
            thanked(),
            event("2026-03-09T10:00:00-04:00", "check_in_sent", channel="phone"),
            event("2026-03-19T10:00:00-04:00", "check_in_sent", channel="phone"),
            event("2026-03-23T10:00:00-04:00", "call_no_answer"),
            event("2026-03-24T10:00:00-04:00", "call_no_answer"),
            event("2026-03-25T10:00:00-04:00", "call_no_answer"),
        ],
        now="2026-03-25T11:00:00-04:00",
    )

    result = planned(data)

    email = only(result, "check_in_email")
    assert email["due"] == "2026-03-26T10:00:00-04:00"
    assert "H3" in email["rules"]
    assert result["status"] == "waiting"


# --- C and P: notes --------------------------------------------------------------------------


def test_missing_capture_answers_are_named_in_notes():
    """C1, C2: no decision date and no channel: the notes say what was assumed."""
    rules = note_rules(planned(case()))

    assert ("C1", "F4") in rules
    assert ("C2", "H2") in rules


def test_a_decision_date_given_later_in_a_reply_settles_the_missing_date_note():
    """C1, F8: once a reply names a date, the plan stops asking for one."""
    data = case(
        events=[
            thanked(),
            event("2026-03-10T14:00:00-04:00", "reply", new_decision_by="2026-03-20"),
        ],
        now="2026-03-10T15:00:00-04:00",
    )

    assert not any(rules[0] == "C1" for rules in note_rules(planned(data)))


def test_an_interview_without_interviewers_asks_for_their_names():
    """C3: nobody to thank yet; the note asks for names, and no thank-you is invented."""
    result = planned(case([interview(people=[])]))

    assert ("C3", "K1") in note_rules(result)
    assert "thank_you_email" not in kinds(result)
    assert only(result, "check_in_email")["interviewer"] is None


def test_a_missing_email_address_is_pointed_out():
    """C3: Dana has no email address, and check-ins go by email."""
    data = case([interview(people=[{"id": "p1", "name": "Dana Reyes"}])])

    assert ("C3", "H1") in note_rules(planned(data))


def test_keep_searching_is_suggested_while_waiting():
    """P1: a waiting application carries the keep-searching note."""
    assert ("P1",) in note_rules(planned(case(events=[thanked()], now="2026-03-03T09:00:00-05:00")))


# --- Snoozing and overdue ----------------------------------------------------------------------


def test_a_snoozed_action_moves_to_the_next_business_day():
    """T1: snoozing Tuesday's thank-you on Tuesday moves it to Wednesday, same hour."""
    data = case(
        events=[
            event(
                "2026-03-03T09:00:00-05:00",
                "snoozed",
                action="thank_you_email",
                interview="i1",
                interviewer="p1",
            )
        ],
        now="2026-03-03T09:30:00-05:00",
    )

    thank_you = only(planned(data), "thank_you_email")

    assert thank_you["due"] == "2026-03-04T11:00:00-05:00"
    assert "snoozed to Wed 4 Mar" in thank_you["why"]


def test_an_action_past_its_latest_time_is_overdue():
    """Contract: a thank-you not sent by Wed 4 Mar 11:00 is listed as overdue."""
    thank_you = only(planned(case(now="2026-03-05T09:00:00-05:00")), "thank_you_email")

    assert thank_you["overdue"] is True


def test_actions_are_sorted_by_due_time_then_kind():
    """Contract: the urgent thank-you comes before the letter and the check-in."""
    result = planned(case([interview(decision_by="2026-03-04")], employer={"style": "formal"}))

    assert kinds(result) == ["thank_you_email", "thank_you_letter", "check_in_email"]
