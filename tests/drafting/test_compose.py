"""compose, compose_all, tone_for and keep_searching_text: the public face of composition."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, datetime

import pytest

from afterword.drafting import (
    DRAFT_KIND_FOR_ACTION,
    compose,
    compose_all,
    keep_searching_text,
    tone_for,
)
from afterword.rules import Note, plan
from tests.drafting import scenarios


@pytest.mark.parametrize(
    "style, preference, expected",
    [
        ("formal", "auto", "formal"),
        ("unknown", "auto", "formal"),
        ("casual", "auto", "warm"),
        ("casual", "formal", "formal"),
        ("formal", "warm", "warm"),
    ],
)
def test_tone_for_follows_the_employer_unless_the_user_chose(style, preference, expected):
    """auto: warm only for a casual employer; an explicit choice always wins."""
    data = scenarios.northwind()
    data["employer"]["style"] = style

    assert tone_for(scenarios.validated(data), preference) == expected


def test_compose_all_gives_one_draft_per_action_in_plan_order():
    """Every pending action has its draft, in the plan's order, of the matching kind."""
    subject = scenarios.validated(scenarios.berlin())
    now = scenarios.now_of(subject)

    drafts = compose_all(subject, now)

    planned = plan(subject, now).actions
    assert [d.kind for d in drafts] == [DRAFT_KIND_FOR_ACTION[a.kind] for a in planned]
    assert [(d.interview, d.interviewer) for d in drafts] == [
        (a.interview, a.interviewer) for a in planned
    ]


def test_compose_without_a_plan_works_it_out_itself():
    """plan=None: the same draft as with the plan passed in."""
    subject = scenarios.validated(scenarios.larkspur())
    now = scenarios.now_of(subject)
    current = plan(subject, now)

    for action in current.actions:
        assert compose(subject, action, now) == compose(subject, action, now, plan=current)


def test_compose_all_is_empty_once_the_application_is_decided():
    """F8: nothing planned, nothing drafted."""
    data = scenarios.northwind([{"at": "2026-03-03T08:00:00-05:00", "type": "offer"}])

    assert compose_all(scenarios.validated(data), datetime(2026, 3, 3, 14, tzinfo=UTC)) == []


def test_drafts_are_identical_in_another_process_with_another_hash_seed_and_zone():
    """SHA-256, not hash(): the same case gives the same text in any process, in any zone."""
    script = (
        "import json,sys\n"
        "from afterword.rules import case_from_json\n"
        "from afterword.drafting import compose_all\n"
        "from afterword.drafting.export import draft_as_json\n"
        "c = case_from_json(sys.stdin.read())\n"
        "print(json.dumps([draft_as_json(d) for d in compose_all(c, c.now)]))\n"
    )
    text = json.dumps(scenarios.larkspur())
    outputs = set()
    for seed, zone in (("1", "UTC"), ("2", "Pacific/Kiritimati"), ("3", "America/Adak")):
        env = {**os.environ, "PYTHONHASHSEED": seed, "TZ": zone}
        run = subprocess.run(
            [sys.executable, "-c", script], input=text, capture_output=True, text=True, env=env
        )
        assert run.returncode == 0, run.stderr
        outputs.add(run.stdout)

    assert len(outputs) == 1


def test_keep_searching_names_whom_you_wait_on_and_a_next_step():
    """P1: the planner's reminder, the employers still to answer, and one concrete step."""
    note = Note(("P1",), "Keep applying and networking while you wait.")

    text = keep_searching_text(note, ["Northwind Traders", "Contoso Logistics", "Fabrikam"])

    assert text.startswith("You are waiting to hear from Northwind Traders, Contoso Logistics")
    assert "and Fabrikam." in text
    assert note.text in text
    assert "\n" not in text


def test_keep_searching_counts_the_employers_past_three():
    """A long list is named in part: three names and "2 more"."""
    note = Note(("P1",), "Keep applying and networking while you wait.")

    text = keep_searching_text(note, ["A Co", "B Co", "C Co", "D Co", "E Co"])

    assert "A Co, B Co, C Co and 2 more." in text


def test_keep_searching_without_a_list_is_still_a_paragraph():
    """Nothing named: the reminder and the step, no empty "waiting to hear from"."""
    note = Note(("P1",), "Keep applying and networking while you wait.")

    text = keep_searching_text(note, [])

    assert text.startswith(note.text) and "waiting to hear from" not in text
