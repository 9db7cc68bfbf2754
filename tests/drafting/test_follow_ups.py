"""Check-in emails, call scripts, portal visits and expedite emails (F1-F9, H1-H4)."""

from __future__ import annotations

import re

import pytest

from tests.drafting import scenarios
from tests.drafting.scenarios import event, only_draft

TONES = ["formal", "warm"]
# Phrases that say nothing: a check-in must carry content (GUIDANCE F, "never filler").
FILLER = re.compile(
    r"just (checking|following|touching|wanted)|touch(ing)? base|checking in|"
    r"hope (this|you are|you're) (finds|doing)|circling back|bump(ing)? this",
    re.IGNORECASE,
)


def paragraphs_of(body: str) -> list[str]:
    return body.split("\n\n")


@pytest.mark.parametrize("tone", TONES)
def test_a_check_in_restates_interest_asks_about_timing_and_offers_more(tone):
    """Polite and brief: interest, a question about when, an offer of more, no filler."""
    draft = only_draft(scenarios.northwind(), "check_in_email", tone)
    body = draft.body.lower()

    assert draft.subject
    assert "interested" in body or "excited" in body or "keen" in body
    assert "?" in draft.body and ("when" in body or "timing" in body)
    assert "references" in body and "send" in body
    assert not FILLER.search(draft.body)
    assert len(draft.body.split()) <= 150


@pytest.mark.parametrize("tone", TONES)
def test_a_check_in_mentions_the_decision_date_they_gave(tone):
    """F1: they said Fri 13 Mar; the check-in of Mon 16 Mar says so."""
    draft = only_draft(scenarios.northwind(), "check_in_email", tone)

    assert "Friday, March 13" in draft.body
    assert "Monday, March 2" in draft.body


@pytest.mark.parametrize("tone", TONES)
def test_the_second_and_third_check_ins_are_worded_anew(tone):
    """F5: a second and a third message do not repeat the first one's sentences."""
    first = only_draft(scenarios.northwind(), "check_in_email", tone)
    second = only_draft(scenarios.northwind_second(), "check_in_email", tone)
    third = only_draft(scenarios.northwind_third(), "check_in_email", tone)

    subjects = {first.subject, second.subject, third.subject}
    openings = {paragraphs_of(d.body)[1] for d in (first, second, third)}
    assert len(subjects) == 3 and len(openings) == 3
    assert "March 16" in second.body  # refers to the first check-in
    for draft in (second, third):
        assert not FILLER.search(draft.body)


@pytest.mark.parametrize("tone", TONES)
def test_a_check_in_after_their_reply_refers_to_it(tone):
    """F8: "no decision yet" on Wed 18 Mar; a week later the email picks up from there."""
    draft = only_draft(scenarios.northwind_after_reply(), "check_in_email", tone)

    assert "Wednesday, March 18" in draft.body
    assert "decision" in draft.body


@pytest.mark.parametrize("tone", TONES)
def test_an_email_after_unanswered_calls_says_the_calls_did_not_get_through(tone):
    """H3: after three unanswered calls the plan switches to email, which says why."""
    data = scenarios.contoso_calls()
    data["events"] = [
        *data["events"],
        event("2026-11-30T11:02:00-05:00", "call_no_answer"),
        event("2026-12-01T11:10:00-05:00", "call_no_answer"),
    ]
    data["now"] = "2026-12-02T09:00:00-05:00"

    draft = only_draft(data, "check_in_email", tone)

    assert "phone" in draft.body or "calling" in draft.body


@pytest.mark.parametrize("tone", TONES)
def test_an_agreed_follow_up_is_mentioned_as_agreed(tone):
    """F2: "call me next Tuesday" - the check-in says it comes as agreed."""
    data = scenarios.northwind()
    data["interviews"][0]["agreed_follow_up"] = "2026-03-17"

    draft = only_draft(data, "check_in_email", tone)

    assert "agreed" in draft.body.lower()


def test_a_check_in_to_no_one_in_particular_greets_the_hiring_team():
    """No interviewer recorded: the greeting is never empty."""
    data = scenarios.northwind()
    data["interviews"][0]["interviewers"] = []
    data["events"] = []

    formal = only_draft(data, "check_in_email", "formal")
    warm = only_draft(data, "check_in_email", "warm")

    assert formal.body.startswith("Dear Hiring Team,")
    assert warm.body.startswith("Hello Northwind Traders team,")
    assert formal.to_email is None


@pytest.mark.parametrize("tone", TONES)
def test_the_call_script_says_whom_to_ask_for_and_what_to_say(tone):
    """H4: the person, title and number; who you are, the role, job code, when and with whom."""
    draft = only_draft(scenarios.contoso_calls(), "check_in_call", tone)
    body = draft.body

    assert draft.kind == "call_script" and draft.subject == ""
    assert "Grace Whitfield, Operations Manager" in body
    assert "+1 212 555 0147" in body
    assert "Alex Morgan" in body
    assert "Operations Coordinator" in body and "OPS-0417" in body
    assert "Thursday, November 12" in body
    assert "Monday, November 30" in body


@pytest.mark.parametrize("tone", TONES)
def test_the_call_script_asks_for_a_decision_then_the_time_frame(tone):
    """H4: has a decision been made; if not, restate interest and ask when."""
    body = only_draft(scenarios.contoso_calls(), "check_in_call", tone).body

    ask = body[body.index("Ask:") :]
    assert "decision been made" in ask
    assert "If not:" in ask and ("interested" in ask or "keen" in ask) and "decide" in ask


@pytest.mark.parametrize("tone", TONES)
def test_the_call_script_leaves_no_voicemail_and_tries_the_next_business_day(tone):
    """H3: not there? No message; try again the next business day."""
    body = only_draft(scenarios.contoso_calls(), "check_in_call", tone).body

    assert "Do not leave a voicemail" in body
    assert "next business day" in body


@pytest.mark.parametrize("tone", TONES)
def test_the_call_script_asks_whether_you_may_call_again_in_a_week(tone):
    """H4 (004): the closing line offers a call in a week, and names that day."""
    body = only_draft(scenarios.contoso_calls(), "check_in_call", tone).body

    closing = body[body.index("Before you hang up:") :]
    assert "call you again in a week?" in closing
    assert "Monday, December 7" in closing


def test_the_call_script_without_a_phone_number_says_where_to_find_one():
    """C3: no number recorded - the script says how to get a direct line, not a blank."""
    data = scenarios.contoso_calls()
    del data["interviews"][0]["interviewers"][0]["phone"]

    body = only_draft(data, "check_in_call", "formal").body

    assert "Phone: not recorded yet" in body


def test_the_portal_check_lists_steps_and_what_to_record():
    """H1: look at the portal on the planned day, note the status, record news in Afterword."""
    draft = only_draft(scenarios.contoso_portal(), "check_portal")

    assert draft.kind == "portal_check" and draft.subject == "" and draft.interviewer is None
    assert "Contoso Logistics candidate portal on Friday, November 27" in draft.body
    assert "1. Sign in" in draft.body and "\n4. " in draft.body
    assert "record it in Afterword" in draft.body


@pytest.mark.parametrize("tone", TONES)
def test_the_expedite_email_names_the_other_deadline_and_asks_to_move(tone):
    """F9: another offer until Fri 11 Dec; still keen on this role; can they decide sooner?"""
    draft = only_draft(scenarios.berlin(), "expedite", tone)
    body = draft.body.lower()

    assert draft.subject and draft.to_email == "k.hoffmann@adler.example"
    assert "Friday 11 December" in draft.body
    assert "offer" in body
    assert "keen" in body
    assert "timeline" in body and "?" in draft.body


def test_the_expedite_email_uses_the_latest_offer():
    """F9: two offers on record: the deadline of the more recent one is the one named."""
    data = scenarios.berlin()
    data["events"].insert(
        0, event("2026-12-01T09:00:00+01:00", "other_offer", deadline="2026-12-20")
    )

    draft = only_draft(data, "expedite", "formal")

    assert "Friday 11 December" in draft.body and "December 20" not in draft.body


@pytest.mark.parametrize(
    "scenario, kind", [(scenarios.northwind, "check_in_email"), (scenarios.berlin, "expedite")]
)
def test_formal_and_warm_emails_are_worded_differently(scenario, kind):
    """Two tones: a different greeting and a different opening in every email kind."""
    formal = only_draft(scenario(), kind, "formal")
    warm = only_draft(scenario(), kind, "warm")

    assert formal.subject != warm.subject
    assert paragraphs_of(formal.body)[0] != paragraphs_of(warm.body)[0]
    assert paragraphs_of(formal.body)[1] != paragraphs_of(warm.body)[1]


def test_formal_and_warm_call_scripts_give_different_lines_to_say():
    """The instructions are the same; every quoted line to say follows the tone."""
    formal = only_draft(scenarios.contoso_calls(), "check_in_call", "formal")
    warm = only_draft(scenarios.contoso_calls(), "check_in_call", "warm")

    def spoken(body: str) -> set[str]:
        return set(re.findall(r'"([^"]+)"', body)) - {"No answer"}

    assert spoken(formal.body) and spoken(warm.body)
    assert spoken(formal.body).isdisjoint(spoken(warm.body))


def test_a_call_script_without_the_candidates_name_still_reads_as_sentences():
    """No name to give: the spoken lines drop it cleanly ("Hi Grace, we met on ...")."""
    data = scenarios.contoso_calls()
    del data["candidate"]

    warm = only_draft(data, "check_in_call", "warm").body
    formal = only_draft(data, "check_in_call", "formal").body

    assert '"Hi Grace, we met on Thursday, November 12 about' in warm
    assert '"Hello, I interviewed with you on Thursday, November 12 for' in formal
    assert "My name is" not in formal


def test_an_overdue_call_or_portal_visit_says_the_day_has_passed():
    """The planned day is behind us: the script says to act at the next chance."""
    calls = scenarios.contoso_calls()
    calls["now"] = "2026-12-01T09:00:00-05:00"
    portal = scenarios.contoso_portal()
    portal["now"] = "2026-11-30T09:00:00-05:00"

    call = only_draft(calls, "check_in_call", "formal").body
    look = only_draft(portal, "check_portal").body
    on_time = only_draft(scenarios.contoso_calls(), "check_in_call", "formal").body

    assert "That day has passed" in call and "That day has passed" in look
    assert "That day has passed" not in on_time
