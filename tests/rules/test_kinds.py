"""The kinds table (rules/kinds.py): complete, consistent with itself and with the planner."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import get_args

import pytest

from afterword.rules import case_from_data, plan
from afterword.rules.case import Event, PreferredChannel
from afterword.rules.kinds import (
    ACTION_KINDS,
    ACTIONS,
    CHECK_IN_BY_CHANNEL,
    DRAFT_KINDS,
    EVENT_TYPES,
    EVENTS,
    action_label,
    event_label,
)
from tests.rules import builders

EXAMPLES = sorted((Path(__file__).parents[2] / "examples").glob("*.json"))


def test_every_action_kind_has_one_row_in_the_literals_order() -> None:
    """The table's rows are the ActionKind literal's names, each once, in the same order."""
    names = [info.name for info in ACTIONS.values()]

    assert names == list(ACTION_KINDS)
    assert list(ACTIONS) == names


def test_every_event_type_has_one_row_in_the_literals_order() -> None:
    """The table's rows are the EventType literal's names, each once, in the same order."""
    names = [info.name for info in EVENTS.values()]

    assert names == list(EVENT_TYPES)
    assert list(EVENTS) == names


def test_each_action_opens_its_own_draft_kind() -> None:
    """Actions and draft kinds pair one to one, so a draft always knows its action."""
    drafts = [info.draft for info in ACTIONS.values()]

    assert sorted(drafts) == sorted(DRAFT_KINDS)


def test_labels_tell_kinds_apart() -> None:
    """No two kinds share a label, a noun or a draft name; no two events share a label."""
    for field in ("label", "noun", "draft_noun"):
        values = [getattr(info, field) for info in ACTIONS.values()]
        assert len(set(values)) == len(values), field
    event_labels = [info.label for info in EVENTS.values()]
    assert len(set(event_labels)) == len(event_labels)


@pytest.mark.parametrize("kind", ACTION_KINDS)
def test_completing_an_action_records_a_valid_event(kind: str) -> None:
    """The done event, with the fields completing the action supplies, passes the schema."""
    info = ACTIONS[kind]
    fields = {"interview": "i1", "interviewer": "p1"} if info.role == "thank_you" else {}

    event = Event(
        at=datetime.fromisoformat("2026-03-03T10:00:00-05:00"),
        type=info.done_event,
        channel=info.done_channel,
        **fields,
    )

    assert event.type == info.done_event


def test_every_required_event_field_is_a_field_of_events() -> None:
    """Each event type requires only fields an event has."""
    required = {name for info in EVENTS.values() for name in info.requires}

    assert required <= set(Event.model_fields)


def test_every_preferred_channel_has_a_check_in_kind() -> None:
    """Email, phone and portal each map to the check-in of that channel (H1)."""
    channels = set(get_args(PreferredChannel))

    assert set(CHECK_IN_BY_CHANNEL) == channels
    assert all(ACTIONS[kind].channel == channel for channel, kind in CHECK_IN_BY_CHANNEL.items())


def test_the_planner_gives_each_kind_its_channel() -> None:
    """Every action of the example plans, and of a case preferring phone or portal, goes out on
    its kind's channel; only an expedite message follows an employer who prefers the phone."""
    cases = [case_from_data(json.loads(path.read_text(encoding="utf-8"))) for path in EXAMPLES]
    cases += [
        case_from_data(builders.case([builders.interview(preferred_channel=channel)]))
        for channel in ("phone", "portal")
    ]

    actions = [action for case in cases if case.now for action in plan(case, case.now).actions]

    assert {action.kind for action in actions} == set(ACTION_KINDS)
    for action in actions:
        info = ACTIONS[action.kind]
        assert action.channel == info.channel or (
            info.role == "expedite" and action.channel == "phone"
        )


def test_an_unknown_kind_is_shown_as_words() -> None:
    """A kind or event type no longer in the table (an old row) still gets a readable label."""
    assert action_label("send_a_fax") == "Send a fax"
    assert event_label("fax_sent") == "Fax sent"


def test_known_kinds_are_shown_with_their_label() -> None:
    """The lookups answer with the table's own wording."""
    assert action_label("check_in_call") == ACTIONS["check_in_call"].label
    assert event_label("out_of_office") == EVENTS["out_of_office"].label
