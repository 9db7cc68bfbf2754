"""schema/plan.schema.json is written from the kinds table (rules/plan_schema.py)."""

from __future__ import annotations

import json
from pathlib import Path

from afterword.rules.kinds import ACTION_KINDS, ACTIONS
from afterword.rules.plan_schema import plan_schema, schema_text

SCHEMA_FILE = Path(__file__).parents[2] / "schema" / "plan.schema.json"


def test_the_schema_file_is_the_generated_text() -> None:
    """The file in schema/ is what `make schema` writes; run it after changing a kind."""
    on_disk = SCHEMA_FILE.read_text(encoding="utf-8")

    assert on_disk == schema_text()


def test_the_schema_lists_every_action_kind_and_channel() -> None:
    """The enums of kind and channel are the table's kinds and their channels."""
    action = plan_schema()["$defs"]["action"]["properties"]

    assert action["kind"]["enum"] == list(ACTION_KINDS)
    assert set(action["channel"]["enum"]) >= {info.channel for info in ACTIONS.values()}


def test_the_schema_text_is_json() -> None:
    """The text parses back to the same schema."""
    assert json.loads(schema_text()) == plan_schema()
