"""The planner's output: a Plan of pending Actions and Notes (docs/PLAN_FORMAT.md)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

from pydantic_core import to_json

from afterword.rules.kinds import ActionKind as ActionKind

Status = Literal["thank_you_pending", "waiting", "no_response", "decided"]


@dataclass(frozen=True, slots=True)
class Action:
    kind: ActionKind
    interview: str
    interviewer: str | None
    channel: str
    earliest: datetime
    due: datetime
    latest: datetime
    rules: tuple[str, ...]
    why: str
    overdue: bool = False

    def as_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "interview": self.interview,
            "interviewer": self.interviewer,
            "channel": self.channel,
            "earliest": self.earliest.isoformat(),
            "due": self.due.isoformat(),
            "latest": self.latest.isoformat(),
            "overdue": self.overdue,
            "rules": list(self.rules),
            "why": self.why,
        }


@dataclass(frozen=True, slots=True)
class Note:
    rules: tuple[str, ...]
    text: str

    def as_json(self) -> dict[str, Any]:
        return {"rules": list(self.rules), "text": self.text}


@dataclass(frozen=True, slots=True)
class Plan:
    status: Status
    actions: tuple[Action, ...]
    notes: tuple[Note, ...]

    def as_json(self) -> dict[str, Any]:
        return {
            "status": self.status,
            "actions": [action.as_json() for action in self.actions],
            "notes": [note.as_json() for note in self.notes],
        }

    def to_json_text(self, indent: int | None = 2) -> str:
        """The plan as JSON text. pydantic-core's encoder is used because it is several times
        faster than the standard library's; the values are already strings, so the text is the
        same apart from whitespace."""
        return to_json(self.as_json(), indent=indent).decode()
