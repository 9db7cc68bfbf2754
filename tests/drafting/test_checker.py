"""The draft checker: drafting/checker.py and the rules in drafting/findings.py.

Every finding has a test that raises it and one that proves a correct draft does not. The case:
Dana Reyes (Hiring Manager) and Priya Natarajan (Team Lead) interviewed Alex Morgan for the
Junior Analyst role at Northwind Traders on Monday 2 March 2026; a decision is due Friday 13
March, so the plan checks in on Monday 16 March (F1).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import pytest

from afterword.drafting.checker import CheckContext, check, context_for, promised_next
from afterword.drafting.model import Finding
from afterword.rules import Case, case_from_data, plan
from tests.rules.builders import case, interview, person

NOW = datetime.fromisoformat("2026-03-02T12:00:00-05:00")
SUBJECT = "Thank you for the Junior Analyst interview"
GOOD = """Dear Dana Reyes,

Thank you for meeting with me on Monday, March 2 to discuss the Junior Analyst position at \
Northwind Traders. Your focus on data quality in the monthly reporting stayed with me; it is \
work I would do with care, as I did in my last role.

If I have not heard from you by then, I will follow up on Monday, March 16.

Kind regards,
Alex Morgan"""
PRIYA = """Dear Priya Natarajan,

Many thanks for our conversation about the Junior Analyst position at Northwind Traders. What \
you said about stakeholder communication matched how I like to work, and I would welcome the \
chance to bring that to your team.

I will follow up on Monday, March 16.

Best regards,
Alex Morgan"""


def the_case(**changes: Any) -> Case:
    people = [
        person(
            "p1",
            "Dana Reyes",
            title="Hiring Manager",
            emphasised="data quality in the monthly reporting",
        ),
        person("p2", "Priya Natarajan", title="Team Lead", emphasised="stakeholder communication"),
    ]
    fields = {"decision_by": "2026-03-13", **changes.pop("interview", {})}
    data = case(
        interviews=[interview(people=people, **fields)],
        now=changes.pop("now", NOW.isoformat()),
        candidate={"name": "Alex Morgan"},
        **changes,
    )
    return case_from_data(data)


def context(
    kind: str = "thank_you_email", who: str | None = "p1", the: Case | None = None, **extra: Any
) -> CheckContext:
    chosen = the or the_case()
    current = plan(chosen, NOW)
    action = next(a for a in current.actions if a.kind == kind and a.interviewer == who)
    return context_for(chosen, action, NOW, plan=current, **extra)


def codes(found: list[Finding]) -> list[str]:
    return [f.code for f in found]


def only(code: str, found: list[Finding]) -> Finding:
    matching = [f for f in found if f.code == code]
    assert len(matching) == 1, found
    return matching[0]


def flagged(finding: Finding, subject: str, body: str) -> str:
    return (subject if finding.field == "subject" else body)[finding.start : finding.end]


def test_a_correct_thank_you_has_no_findings():
    """The reference draft: greeting, thanks, their emphasis, the planned date, a subject."""
    assert check(SUBJECT, GOOD, context()) == []


def test_the_second_interviewers_own_draft_is_clean_too():
    """Priya's note, beside Dana's, differs enough and names her correctly."""
    found = check(SUBJECT, PRIYA, context(who="p2", siblings=[("Dana Reyes", GOOD)]))

    assert found == []


# ---------------------------------------------------------------- placeholders


@pytest.mark.parametrize(
    "placeholder", ["{{ name }}", "{% if tone %}", "[Name]", "<company>", "XXX", "TODO", "None"]
)
def test_unfilled_placeholders_are_errors(placeholder):
    """Template code and placeholders are flagged as errors at their exact span."""
    body = GOOD.replace("Dana Reyes,", f"{placeholder},", 1)

    finding = only("placeholder", check(SUBJECT, body, context()))

    assert finding.severity == "error"
    assert flagged(finding, SUBJECT, body) == placeholder


def test_a_placeholder_in_the_subject_is_found_there():
    """The subject is checked too, with its own spans."""
    subject = "Thank you, {{ person_name }}"

    finding = only("placeholder", check(subject, GOOD, context()))

    assert (finding.field, flagged(finding, subject, GOOD)) == ("subject", "{{ person_name }}")


def test_none_opening_an_english_sentence_is_not_a_placeholder():
    """ "None of ..." is English; so are email addresses in angle brackets."""
    body = GOOD.replace(
        "Kind regards,",
        "None of my other interviews felt as clear. Write to <alex@example.com>.\n\nKind regards,",
    )

    assert "placeholder" not in codes(check(SUBJECT, body, context()))


# ---------------------------------------------------------------- names against the record


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("Dana Reyes,", "Dana Reyse,", "Dana Reyes"),
        ("Northwind Traders.", "Northwind Trader.", "Northwind Traders"),
        ("position at", "Hiring Manger position at", "Hiring Manager"),
        ("Alex Morgan", "Alex Morgen", "Alex Morgan"),
    ],
)
def test_names_titles_and_company_spelled_unlike_the_record_are_errors(old, new, expected):
    """A near miss of a recorded spelling is an error that names the recorded spelling."""
    body = GOOD.replace(old, new, 1)

    finding = only("name_misspelled", check(SUBJECT, body, context()))

    assert finding.severity == "error"
    assert f"“{expected}”" in finding.message
    assert flagged(finding, SUBJECT, body) in new


def test_a_lone_misspelled_surname_is_found():
    """ "Ms. Reyse" alone, without the first name, is still a slip."""
    body = GOOD.replace("Dear Dana Reyes,", "Dear Ms. Reyse,")

    finding = only("name_misspelled", check(SUBJECT, body, context()))

    assert flagged(finding, SUBJECT, body) == "Reyse"
    assert "“Reyes”" in finding.message


def test_a_name_written_in_lower_case_is_an_error():
    """ "reyes" is the right letters, the wrong capital."""
    body = GOOD.replace("Dear Dana Reyes,", "Dear Dana reyes,")

    finding = only("name_misspelled", check(SUBJECT, body, context()))

    assert flagged(finding, SUBJECT, body) == "reyes"


def test_a_misspelled_name_is_not_also_a_spelling_warning():
    """One mistake, one finding: the name check wins over the speller."""
    body = GOOD.replace("Dear Dana Reyes,", "Dear Dana Reyse,")

    assert codes(check(SUBJECT, body, context())) == ["name_misspelled"]


@pytest.mark.parametrize(
    "sentence",
    [
        "The data analysis you described sounds interesting.",
        "I have worked with hiring managers and team leads before.",
        "Northwind's customers and Dana Reyes's team impressed me.",
        "As hiring manager, you know the team well.",
    ],
)
def test_ordinary_words_plurals_and_possessives_are_not_name_slips(sentence):
    """Common words near a title, plurals, possessives and lower-case titles are fine."""
    body = GOOD.replace("Kind regards,", f"{sentence}\n\nKind regards,")

    assert "name_misspelled" not in codes(check(SUBJECT, body, context()))


# ---------------------------------------------------------------- the greeting


def test_a_greeting_to_the_other_interviewer_is_an_error():
    """Dana's note greeting Priya names the wrong person, and says whom to greet."""
    body = GOOD.replace("Dear Dana Reyes,", "Dear Priya Natarajan,")

    finding = only("wrong_greeting", check(SUBJECT, body, context()))

    assert finding.severity == "error"
    assert "Priya Natarajan" in finding.message and "Dana Reyes" in finding.message
    assert flagged(finding, SUBJECT, body) == "Priya Natarajan"


def test_a_greeting_without_the_addressees_name_is_an_error():
    """ "Dear Hiring Manager," does not name Dana Reyes."""
    body = GOOD.replace("Dear Dana Reyes,", "Dear Hiring Manager,")

    finding = only("wrong_greeting", check(SUBJECT, body, context()))

    assert "Dana Reyes" in finding.message


@pytest.mark.parametrize("greeting", ["Hi Dana,", "Dear Ms. Reyes,", "Hello Dana Reyes!"])
def test_greetings_that_name_the_addressee_are_fine(greeting):
    """First name, title and surname, or the full name all greet the right person."""
    body = GOOD.replace("Dear Dana Reyes,", greeting)

    assert "wrong_greeting" not in codes(check(SUBJECT, body, context()))


# ---------------------------------------------------------------- spelling


def test_a_spelling_mistake_is_a_warning_with_a_suggestion():
    """ "recieve" is a warning and suggests "receive"."""
    body = GOOD.replace("stayed with me;", "stayed with me as I recieve it;")

    finding = only("spelling", check(SUBJECT, body, context()))

    assert finding.severity == "warning"
    assert "“receive”" in finding.message
    assert flagged(finding, SUBJECT, body) == "recieve"


def test_record_words_and_the_users_words_are_not_spelling_mistakes():
    """Words from the emphasis notes and from the user's word list pass."""
    the = the_case(interview={"forgot": "my Looker dashboards"})
    body = GOOD.replace("stayed with me;", "stayed with me, like Looker and my frobnitz work;")

    found = check(SUBJECT, body, context(the=the, extra_words=["frobnitz"]))

    assert "spelling" not in codes(found)


# ---------------------------------------------------------------- thanks and specifics


def test_a_thank_you_without_thanks_is_an_error():
    """No thanks at all in a thank-you note is an error pointing at its opening."""
    body = GOOD.replace("Thank you for meeting", "I met")

    finding = only("no_thanks", check(SUBJECT, body, context()))

    assert finding.severity == "error"
    assert flagged(finding, SUBJECT, body).startswith("I met with me")


def test_appreciation_counts_as_thanks():
    """ "I appreciated" says thanks in other words."""
    body = GOOD.replace("Thank you for meeting", "I appreciated meeting")

    assert "no_thanks" not in codes(check(SUBJECT, body, context()))


def test_a_check_in_needs_no_thanks():
    """Only thank-you kinds must thank."""
    body = "Dear Dana Reyes,\n\nI am writing about the Junior Analyst position.\n\nKind regards"

    found = check("Junior Analyst: following up", body, context("check_in_email"))

    assert "no_thanks" not in codes(found)


def test_a_thank_you_with_nothing_of_their_emphasis_is_a_warning():
    """Nothing about data quality or reporting: the note is not specific to Dana."""
    body = GOOD.replace(
        "Your focus on data quality in the monthly reporting stayed with me; it is work I would "
        "do with care, as I did in my last role.",
        "I enjoyed our talk.",
    )

    finding = only("not_specific", check(SUBJECT, body, context()))

    assert finding.severity == "warning"
    assert "data quality in the monthly reporting" in finding.message


def test_another_form_of_an_emphasised_word_is_specific_enough():
    """ "monthly reports" picks up "the monthly reporting"."""
    body = GOOD.replace(
        "Your focus on data quality in the monthly reporting", "Your view of the monthly reports"
    )

    assert "not_specific" not in codes(check(SUBJECT, body, context()))


def test_without_recorded_emphasis_there_is_nothing_to_miss():
    """When the record holds no emphasis, no note can miss it."""
    the = case_from_data(case(now=NOW.isoformat()))
    body = "Dear Dana Reyes,\n\nThank you for the interview.\n\nKind regards"

    assert "not_specific" not in codes(check(SUBJECT, body, context(the=the)))


# ---------------------------------------------------------------- promised dates


def test_a_promised_date_unlike_the_plan_is_an_error_naming_both():
    """Promising Friday 20 March when the plan checks in Monday 16 March is an error."""
    body = GOOD.replace("Monday, March 16", "Friday, March 20")

    finding = only("promise_mismatch", check(SUBJECT, body, context()))

    assert finding.severity == "error"
    assert "Friday, March 20" in finding.message and "Monday, March 16" in finding.message
    assert flagged(finding, SUBJECT, body) == "Friday, March 20"


@pytest.mark.parametrize(
    "promise",
    ["I will follow up on March 16.", "I will be in touch in two weeks.", "I'll call on the 16th."],
)
def test_any_way_of_writing_the_planned_day_keeps_the_promise(promise):
    """The planned day in other words is no mismatch."""
    body = GOOD.replace("I will follow up on Monday, March 16.", promise)

    assert "promise_mismatch" not in codes(check(SUBJECT, body, context()))


def test_a_range_that_misses_the_planned_day_names_the_range():
    """ "by the end of next week" (by 13 March) does not reach the 16th."""
    body = GOOD.replace(
        "I will follow up on Monday, March 16.", "I will call by the end of next week."
    )

    finding = only("promise_mismatch", check(SUBJECT, body, context()))

    assert "Monday, March 2 to Friday, March 13" in finding.message


def test_a_check_in_email_may_promise_the_next_check_in():
    """After a check-in on 16 March the plan waits 10 days (F5): 26 March is the next one."""
    the = the_case(now="2026-03-16T09:30:00-04:00", events=_thanked())
    action_context = _context_at(the, "2026-03-16T09:30:00-04:00", "check_in_email")
    body = (
        "Dear Dana Reyes,\n\nIf I have not heard by then, I will write again on March 26.\n\nBest"
    )

    assert action_context.planned_check_in == date(2026, 3, 26)
    assert "promise_mismatch" not in codes(check("Following up", body, action_context))
    wrong = body.replace("March 26", "March 23")
    assert "promise_mismatch" in codes(check("Following up", wrong, action_context))


def test_a_promise_while_nothing_is_planned_is_a_warning():
    """With a portal as the channel no check-in is planned: a promised date is a warning."""
    the = the_case(interview={"preferred_channel": "portal"})

    finding = only("promise_without_check_in", check(SUBJECT, GOOD, context(the=the)))

    assert finding.severity == "warning"
    assert "Monday, March 16" in finding.message


def test_no_promise_no_promise_warning():
    """A note without a dated promise says nothing about dates, planned or not."""
    the = the_case(interview={"preferred_channel": "portal"})
    body = GOOD.replace("I will follow up on Monday, March 16.", "I look forward to your news.")

    assert check(SUBJECT, body, context(the=the)) == []


def test_a_weekday_that_does_not_fit_its_date_is_an_error():
    """ "Tuesday, March 16" is wrong: the 16th is a Monday."""
    body = GOOD.replace("Monday, March 16", "Tuesday, March 16")

    finding = only("wrong_weekday", check(SUBJECT, body, context()))

    assert "Monday, March 16" in finding.message
    assert flagged(finding, SUBJECT, body) == "Tuesday, March 16"


def test_a_past_date_with_its_right_weekday_is_fine():
    """ "Monday, March 2" (the interview, yesterday) is a correct date, not next year's."""
    assert "wrong_weekday" not in codes(check(SUBJECT, GOOD, context()))


# ---------------------------------------------------------------- sameness, length, filler


def test_the_same_text_to_two_interviewers_is_an_error():
    """Dana's note with only the names changed, sent to Priya, is flagged in Priya's draft."""
    copy = GOOD.replace("Dana Reyes", "Priya Natarajan")

    finding = only(
        "same_as_other_draft",
        check(SUBJECT, copy, context(who="p2", siblings=[("Dana Reyes", GOOD)])),
    )

    assert finding.severity == "error"
    assert "Dana Reyes" in finding.message


def test_a_long_thank_you_is_a_warning_from_the_first_word_too_many():
    """201 words in a thank-you email: the span starts at word 201."""
    body = GOOD + "\n" + " ".join(["word"] * (200 - len(GOOD.split())) + ["extra"])

    finding = only("too_long", check(SUBJECT, body, context()))

    assert finding.severity == "warning"
    assert flagged(finding, SUBJECT, body) == "extra"


def test_exactly_the_limit_is_not_too_long():
    """200 words is within the limit of a thank-you email."""
    body = GOOD + "\n" + " ".join(["word"] * (200 - len(GOOD.split())))

    assert "too_long" not in codes(check(SUBJECT, body, context()))


def test_a_check_in_email_is_held_to_150_words():
    """A check-in over 150 words is too long."""
    body = "Dear Dana Reyes,\n\n" + " ".join(["word"] * 150)

    assert "too_long" in codes(check("Following up", body, context("check_in_email")))


@pytest.mark.parametrize(
    ("phrase", "severity"),
    [
        ("I am just checking in", "warning"),
        ("I am touching base", "warning"),
        ("I hope this email finds you well", "advice"),
        ("I know you're busy", "advice"),
    ],
)
def test_filler_phrases_are_flagged(phrase, severity):
    """Filler is flagged at its span with the severity it deserves."""
    body = "Dear Dana Reyes,\n\n" + phrase + " about the Junior Analyst position.\n\nBest"

    finding = only("filler", check("Following up", body, context("check_in_email")))

    assert finding.severity == severity
    assert flagged(finding, "", body).lower() in phrase.lower()


def test_a_plain_reason_for_writing_is_not_filler():
    """Saying why you write is what filler should be replaced with."""
    body = (
        "Dear Dana Reyes,\n\nI am writing to ask about the timing of your decision on the "
        "Junior Analyst position.\n\nBest"
    )

    assert "filler" not in codes(check("Following up", body, context("check_in_email")))


# ---------------------------------------------------------------- subject and empty body


def test_an_email_without_a_subject_is_an_error():
    """Thank-you, check-in and expedite emails need a subject."""
    finding = only("missing_subject", check("  ", GOOD, context()))

    assert (finding.severity, finding.field) == ("error", "subject")


def test_a_letter_needs_no_subject():
    """A printed letter has no subject line."""
    the = the_case(employer={"style": "formal"})

    assert "missing_subject" not in codes(check("", GOOD, context("thank_you_letter", the=the)))


def test_an_empty_message_is_an_error():
    """Nothing written is an error, not a clean bill."""
    assert "empty_body" in codes(check(SUBJECT, "  \n", context()))


# ---------------------------------------------------------------- order and context


def test_findings_are_sorted_subject_first_then_by_position():
    """The subject's findings come first, then the body's in reading order."""
    subject = "Thank you, [Name]"
    body = GOOD.replace("Dear Dana Reyes,", "Dear Dana Reyse,").replace("Monday, March 16", "XXX")

    found = check(subject, body, context())

    assert [(f.field, f.code) for f in found] == [
        ("subject", "placeholder"),
        ("body", "name_misspelled"),
        ("body", "placeholder"),
    ]


def test_context_for_takes_the_planned_check_in_in_the_employers_zone():
    """A thank-you may promise the plan's check-in day: Monday 16 March (F1)."""
    built = context()

    assert built.planned_check_in == date(2026, 3, 16)
    assert built.addressee == "Dana Reyes"
    assert built.written_on == date(2026, 3, 2)
    assert built.people == ("Dana Reyes", "Priya Natarajan")


def test_context_for_refuses_an_action_of_another_case():
    """An action naming an interview the case lacks is a ValueError, not a wrong check."""
    current = plan(the_case(), NOW)
    other = case_from_data(case(interviews=[interview("i9")], now=NOW.isoformat()))

    with pytest.raises(ValueError, match="i1"):
        context_for(other, current.actions[0], NOW)


def _thanked() -> list[dict[str, Any]]:
    return [
        {
            "at": "2026-03-02T18:00:00-05:00",
            "type": "thank_you_sent",
            "interview": "i1",
            "interviewer": p,
        }
        for p in ("p1", "p2")
    ]


def _context_at(the: Case, when: str, kind: str) -> CheckContext:
    now = datetime.fromisoformat(when)
    current = plan(the, now)
    action = next(a for a in current.actions if a.kind == kind)
    return context_for(the, action, now, plan=current)


def test_promised_next_is_the_day_to_record_when_sent():
    """The edited promise is what a sent message records (F6); no promise records nothing."""
    edited = GOOD.replace("Monday, March 16", "Wednesday, March 18")

    assert promised_next(edited, context()) == date(2026, 3, 18)
    assert promised_next(GOOD.replace("on Monday, March 16", "soon"), context()) is None


def test_a_call_script_records_no_promise():
    """What a script says is spoken; the agreed day is entered when the call is marked made."""
    the = the_case(
        now="2026-03-16T09:30:00-04:00", interview={"preferred_channel": "phone"}, events=_thanked()
    )
    script = _context_at(the, "2026-03-16T09:30:00-04:00", "check_in_call")

    assert promised_next("May I call you again on Monday 23 March?", script) is None
