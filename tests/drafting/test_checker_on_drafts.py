"""Our own drafts pass our own checker: every composed draft checks free of errors.

The examples in examples/ and generated cases (names with accents and apostrophes, titles,
emphasis notes, both tones, every channel) are composed with compose and checked with the
siblings the web editor would pass. Any error here is a real defect in one of the two.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from afterword.drafting.checker import check, context_for
from afterword.drafting.compose import compose
from afterword.drafting.model import Draft, Finding
from afterword.rules import Case, case_from_data, case_from_json, plan
from tests.rules.builders import case, interview, person

EXAMPLES = sorted((Path(__file__).parents[2] / "examples").glob("*.json"))
THANK_YOU_DRAFTS = frozenset({"thank_you_email", "thank_you_letter"})


def errors_in_drafts(the: Case, now: datetime, tone: str) -> list[tuple[str, str, Finding]]:
    """Compose every planned draft, check each beside its siblings, keep the errors.

    A user slot is left out: it is the gap Afterword leaves on purpose, blocking sending until
    the user writes; tests of the slot itself are in test_material.py and test_prose.py.
    """
    current = plan(the, now)
    drafts: list[Draft] = [compose(the, a, now, tone=tone, plan=current) for a in current.actions]
    errors = []
    for action, draft in zip(current.actions, drafts, strict=True):
        siblings = [
            (other.to_name or "", other.body)
            for other_action, other in zip(current.actions, drafts, strict=True)
            if draft.kind in THANK_YOU_DRAFTS
            and other.kind == draft.kind
            and other_action.interview == action.interview
            and other_action.interviewer != action.interviewer
        ]
        context = context_for(the, action, now, plan=current, siblings=siblings)
        for finding in check(draft.subject, draft.body, context):
            if finding.severity == "error" and finding.code != "user_slot":
                text = draft.subject if finding.field == "subject" else draft.body
                errors.append((draft.kind, text[finding.start : finding.end], finding))
    return errors


@pytest.mark.parametrize("tone", ["formal", "warm"])
@pytest.mark.parametrize("path", EXAMPLES, ids=lambda path: path.stem)
def test_every_draft_of_the_examples_checks_free_of_errors(path, tone):
    """Each example's drafts, in both tones, raise no error-severity finding."""
    the = case_from_json(path.read_bytes())
    assert the.now is not None

    assert errors_in_drafts(the, the.now, tone) == []


FIRST = ["Dana", "Priya", "Jörg", "Siobhán", "Tom", "Mei", "José", "Anne-Marie", "Kwame"]
LAST = ["Reyes", "Natarajan", "O'Brien", "Maier", "Nguyen", "Hoffmann", "Ødegaard", "Smith"]
TITLES = [None, "Hiring Manager", "Team Lead", "Head of Analytics", "Senior Data Engineer"]
EMPHASIS = [
    None,
    "data quality in the monthly reporting",
    "how I explain numbers to people who are not analysts",
    "Keeping the clinics' intake running during the migration",
    "on-call rotas and incident reviews",
]
COMPANIES = ["Northwind Traders", "Adler & Söhne", "Contoso", "Fabrikam Cloud", "Tailspin Toys"]


@st.composite
def cases(draw: st.DrawFn) -> dict[str, Any]:
    count = draw(st.integers(min_value=1, max_value=3))
    names = draw(
        st.lists(
            st.tuples(st.sampled_from(FIRST), st.sampled_from(LAST)),
            min_size=count,
            max_size=count,
            unique_by=lambda name: name[1],
        )
    )
    people = [
        person(
            f"p{index}",
            f"{first} {last}",
            title=draw(st.sampled_from(TITLES)),
            emphasised=draw(st.sampled_from(EMPHASIS)),
        )
        for index, (first, last) in enumerate(names, 1)
    ]
    details = {
        "decision_by": draw(st.sampled_from([None, "2026-03-04", "2026-03-13"])),
        "preferred_channel": draw(st.sampled_from([None, "email", "phone", "portal"])),
        "forgot": draw(st.sampled_from([None, "that I led a migration to dbt last year"])),
        "to_clarify": draw(st.sampled_from([None, "my notice period is four weeks, not eight"])),
    }
    stage = draw(st.sampled_from(["fresh", "waiting", "other offer"]))
    thanked = [
        {"at": "2026-03-02T18:00:00-05:00", "type": "thank_you_sent", "interview": "i1"}
        | {"interviewer": each["id"]}
        for each in people
    ]
    events = {
        "fresh": [],
        "waiting": thanked,
        "other offer": [
            *thanked,
            {"at": "2026-03-19T12:00:00-04:00", "type": "other_offer", "deadline": "2026-03-27"},
        ],
    }[stage]
    return case(
        interviews=[interview(people=people, **details)],
        events=events,
        now="2026-03-02T12:00:00-05:00" if stage == "fresh" else "2026-03-20T09:30:00-04:00",
        employer={
            "name": draw(st.sampled_from(COMPANIES)),
            "style": draw(st.sampled_from(["formal", "casual", "unknown"])),
        },
        candidate={"name": draw(st.sampled_from([None, "Alex Morgan", "Zoë Brennan-Kaur"]))},
        user={"letters": draw(st.booleans())},
    )


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=cases(), tone=st.sampled_from(["formal", "warm"]))
def test_every_draft_of_any_case_checks_free_of_errors(data, tone):
    """For generated cases, no composed draft has an error the checker can find."""
    the = case_from_data(data)
    assert the.now is not None

    assert errors_in_drafts(the, the.now, tone) == []
