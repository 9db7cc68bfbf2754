"""Properties of every draft for any valid case (hypothesis), built on the planner's generator."""

from __future__ import annotations

import json
import re
from datetime import date
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from afterword.drafting import EMAIL_KINDS, TONES, Draft, compose, compose_all
from afterword.drafting.checker import check, context_for
from afterword.drafting.export import draft_as_json
from afterword.rules import Case, case_from_data, plan
from tests.rules.test_planner_properties import NAMES, PROPERTY_SETTINGS, cases

# Words a user might type into the notes; none of them is a placeholder or the word None.
NOTE_WORDS = [
    "keeping", "Keeping", "the", "The", "intake", "records", "clean", "during", "migration",
    "SQL", "reporting", "customers", "informed", "outages", "my", "My", "audit", "of",
    "duplicate", "patient", "data", "and", "or", "a", "team", "Python", "I", "can", "start",
    "in", "April", "weekly", "dashboards,", "budgets;", "on-call", "-", "shifts.", "Also",
    # as people type after an interview: shorthand, lower case, questions, asides
    "exp", "sql", "python", "w/", "+", "mgmt", "i", "wants", "asked", "about", "pay?", "lol",
    "hybrid", "2", "days/wk", "seemed", "bored", "dbt", "ppl", "yrs", "b/c", "recieve",
    "july", "monday", "relocation", "probation", "ugh", "->", "salary", "50k", "(exp", "2028)",
]  # fmt: skip
# A user slot ("[[Write one sentence about ...]]") is the one bracket a draft may show.
SLOT = re.compile(r"\[\[Write one sentence about [^\[\]]*\]\]")
PLACEHOLDER = re.compile(r"\{\{|\}\}|\{%|%\}|\bNone\b|\[|\]")
TITLES = ["Hiring Manager", "Head of Analytics", "Team Lead", "Recruiter"]


def note_text() -> st.SearchStrategy[str | None]:
    text = st.lists(st.sampled_from(NOTE_WORDS), min_size=1, max_size=140).map(" ".join)
    return st.none() | text | text.map(lambda t: f"{t}.") | text.map(lambda t: f"{t}\n{t}.")


@st.composite
def drafting_cases(draw: st.DrawFn) -> dict[str, Any]:
    """The planner's valid cases, plus what drafts use: candidate, role, notes and titles."""
    data = draw(cases())
    data["employer"]["name"] = draw(st.none() | st.sampled_from(["Acme", "Adler & Söhne"]))
    data["role"] = draw(st.none() | st.sampled_from(["Junior Analyst", "Data Engineer"]))
    data["job_code"] = draw(st.none() | st.sampled_from(["REQ-1182", "DA-2026-31"]))
    data["candidate"] = {
        key: value
        for key, value in {
            "name": draw(st.none() | st.sampled_from(NAMES)),
            "email": draw(st.none() | st.just("me@example.com")),
            "phone": draw(st.none() | st.just("+1 312 555 0199")),
            "address": draw(st.none() | st.just("48 Elm Street\nEvanston, IL 60201")),
        }.items()
        if value is not None
    }
    for interview in data["interviews"]:
        for key in ("emphasised", "forgot", "to_clarify"):
            interview[key] = draw(note_text())
        for person in interview["interviewers"]:
            person["title"] = draw(st.none() | st.sampled_from(TITLES))
            person["emphasised"] = draw(note_text())
            person["phone"] = draw(st.none() | st.just("+49 30 1234567"))
            person["address"] = draw(st.none() | st.just("Friedrichstraße 12\n10117 Berlin"))
    return data


def composed(data: dict[str, Any]) -> tuple[Case, list[Draft]]:
    case = case_from_data(data)
    assert case.now is not None
    return case, [d for tone in TONES for d in compose_all(case, case.now, tone=tone)]


def texts(draft: Draft) -> list[str]:
    found = [draft.subject, draft.body]
    if draft.letter is not None:
        letter = draft.letter
        found += [*letter.sender_lines, letter.date_line, *letter.recipient_lines]
        found += [letter.salutation, *letter.paragraphs, letter.closing, letter.signature]
    return found


def greeting(draft: Draft) -> str:
    if draft.letter is not None:
        return draft.letter.salutation
    return draft.body.split("\n\n", 1)[0]


@PROPERTY_SETTINGS
@given(drafting_cases())
def test_no_draft_ever_shows_template_syntax_none_or_brackets(data):
    """K6: no "{{", "}}", "None" or "[...]" placeholders in any field, in either tone; at most
    one user slot per draft."""
    _, drafts = composed(data)

    for draft in drafts:
        assert len(SLOT.findall(draft.body)) <= 1, draft.body
        for text in texts(draft):
            assert not PLACEHOLDER.search(SLOT.sub("", text)), (draft.kind, text)
            assert "  " not in text and " ." not in text and " ," not in text, text


@PROPERTY_SETTINGS
@given(drafting_cases())
def test_every_message_has_a_greeting_and_every_email_a_subject(data):
    """Emails and letters open with a real greeting; emails always have a subject."""
    _, drafts = composed(data)

    for draft in drafts:
        if draft.kind in EMAIL_KINDS or draft.kind == "thank_you_letter":
            opening = greeting(draft)
            assert opening.endswith(",") and opening.rstrip(",").strip(), opening
            assert opening not in ("Dear ,", "Hi ,")
        if draft.kind in EMAIL_KINDS:
            assert draft.subject.strip()
        else:
            assert draft.subject == ""


@PROPERTY_SETTINGS
@given(drafting_cases())
def test_drafts_are_deterministic(data):
    """Same input, same drafts: composed twice, and from the case re-read from its JSON."""
    _, first = composed(data)
    _, again = composed(json.loads(json.dumps(data)))

    assert [draft_as_json(d) for d in first] == [draft_as_json(d) for d in again]


@PROPERTY_SETTINGS
@given(drafting_cases())
def test_thank_you_emails_are_brief_and_promise_only_the_planners_day(data):
    """K4: at most 200 words; K7: any announced day is the planned check-in's due day."""
    case, drafts = composed(data)
    assert case.now is not None
    tz = case.employer.timezone
    from zoneinfo import ZoneInfo

    check_ins = [
        a for a in plan(case, case.now).actions if a.kind in ("check_in_email", "check_in_call")
    ]
    planned_days: set[date] = {a.due.astimezone(ZoneInfo(tz)).date() for a in check_ins}

    for draft in drafts:
        if draft.kind == "thank_you_email":
            assert len(draft.body.split()) <= 200
        if draft.promised_next is not None:
            assert draft.kind == "thank_you_email"
            assert draft.promised_next in planned_days


@PROPERTY_SETTINGS
@given(drafting_cases())
def test_no_two_people_of_one_interview_get_the_same_thank_you(data):
    """K4: different text for every interviewer of an interview, names blanked out."""
    case, drafts = composed(data)
    names = {p.name for i in case.interviews for p in i.interviewers}

    def blank(text: str) -> str:
        for name in sorted(names, key=len, reverse=True):
            for part in [name, *name.split()]:
                text = re.sub(rf"\b{re.escape(part)}\b", "NAME", text)
        return text

    seen: dict[tuple[str, str, str | None], set[str]] = {}
    for draft in drafts:
        if draft.kind in ("thank_you_email", "thank_you_letter"):
            key = (draft.kind, draft.tone, draft.interview)
            text = blank(f"{draft.subject}\n{draft.body}")
            assert text not in seen.setdefault(key, set())
            seen[key].add(text)


@PROPERTY_SETTINGS
@given(drafting_cases())
def test_a_draft_from_messy_notes_never_trips_its_own_checker(data):
    """Whatever the notes hold, our own drafts raise no finding but the user slot, beside
    their siblings; and no question or private remark of the notes reaches a draft."""
    case = case_from_data(data)
    assert case.now is not None
    current = plan(case, case.now)

    for tone in TONES:
        pairs = [(a, compose(case, a, case.now, tone=tone, plan=current)) for a in current.actions]
        for action, draft in pairs:
            siblings = [
                (other.to_name or "", other.body)
                for other_action, other in pairs
                if draft.kind in ("thank_you_email", "thank_you_letter")
                and other.kind == draft.kind
                and other_action.interview == action.interview
                and other_action.interviewer != action.interviewer
            ]
            context = context_for(case, action, case.now, plan=current, siblings=siblings)
            found = check(draft.subject, draft.body, context)
            assert [f for f in found if f.code != "user_slot"] == [], (draft.body, found)
            for kept in context.private_notes:
                if len(kept.split()) >= 3:  # a single word ("can") is in any English text
                    assert kept not in SLOT.sub("", draft.body), kept
