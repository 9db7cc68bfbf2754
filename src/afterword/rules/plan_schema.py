"""The JSON Schema of ``afterword plan``'s output (PLAN_FORMAT.md), with its enums from the kinds.

``schema/plan.schema.json`` is this text, written by ``scripts/write_plan_schema.py``; a test
fails when the file and ``schema_text()`` differ, so a new kind reaches the schema by running
the script.
"""

from __future__ import annotations

import json
from typing import Any, get_args

from afterword.rules.kinds import ACTION_KINDS, CHANNELS
from afterword.rules.plan import Status

RULE_ID_PATTERN = "^(T[1-3]|C[1-4]|K[1-7]|F[1-9]|H[1-4]|P1)$"
MOMENT_PATTERN = r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?[+-]\d{2}:\d{2}$"


def plan_schema() -> dict[str, Any]:
    rule_ids = {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/ruleId"}}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://afterword.example/schema/plan.schema.json",
        "title": "Afterword plan (output of `afterword plan`)",
        "type": "object",
        "additionalProperties": False,
        "required": ["status", "actions", "notes"],
        "properties": {
            "status": {"enum": list(get_args(Status))},
            "actions": {"type": "array", "items": {"$ref": "#/$defs/action"}},
            "notes": {"type": "array", "items": {"$ref": "#/$defs/note"}},
        },
        "$defs": {
            "ruleId": {"type": "string", "pattern": RULE_ID_PATTERN},
            "moment": {"type": "string", "pattern": MOMENT_PATTERN},
            "action": {
                "type": "object",
                "additionalProperties": False,
                "required": [
                    "kind",
                    "interview",
                    "interviewer",
                    "channel",
                    "earliest",
                    "due",
                    "latest",
                    "overdue",
                    "rules",
                    "why",
                ],
                "properties": {
                    "kind": {"enum": list(ACTION_KINDS)},
                    "interview": {"type": "string", "minLength": 1},
                    "interviewer": {"type": ["string", "null"]},
                    "channel": {"enum": sorted(CHANNELS)},
                    "earliest": {"$ref": "#/$defs/moment"},
                    "due": {"$ref": "#/$defs/moment"},
                    "latest": {"$ref": "#/$defs/moment"},
                    "overdue": {"type": "boolean"},
                    "rules": {**rule_ids, "uniqueItems": True},
                    "why": {"type": "string", "minLength": 10, "pattern": "^[^\\n]+$"},
                },
            },
            "note": {
                "type": "object",
                "additionalProperties": False,
                "required": ["rules", "text"],
                "properties": {
                    "rules": rule_ids,
                    "text": {"type": "string", "minLength": 10},
                },
            },
        },
    }


def schema_text() -> str:
    """The schema as the file holds it: two-space indents, a final newline."""
    return json.dumps(plan_schema(), indent=2, ensure_ascii=False) + "\n"
