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

    def as_json(self, moments: dict[int, str] | None = None) -> dict[str, Any]:
        """The action as PLAN_FORMAT.md writes it; ``moments`` holds the texts of times already
        written (see ``Plan.as_json``)."""
        if moments is None:
            moments = {}
        return {
            "kind": self.kind,
            "interview": self.interview,
            "interviewer": self.interviewer,
            "channel": self.channel,
            "earliest": _moment_text(self.earliest, moments),
            "due": _moment_text(self.due, moments),
            "latest": _moment_text(self.latest, moments),
            "overdue": self.overdue,
            "rules": list(self.rules),
            "why": self.why,
        }


def _moment_text(moment: datetime, texts: dict[int, str]) -> str:
    text = texts.get(id(moment))
    if text is None:
        text = texts[id(moment)] = moment.isoformat()
    return text


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
        # Writing times is most of the cost of the output, and the actions of a plan share many
        # (the thank-yous of one interview, to each interviewer, have the same three): each
        # time object is written once. Keyed by identity, which is safe while the plan lives.
        moments: dict[int, str] = {}
        return {
            "status": self.status,
            "actions": [action.as_json(moments) for action in self.actions],
            "notes": [note.as_json() for note in self.notes],
        }

    def to_json_text(self, indent: int | None = 2) -> str:
        """The plan as JSON text. pydantic-core's encoder is used because it is several times
        faster than the standard library's; the values are already strings, so the text is the
        same apart from whitespace."""
        return to_json(self.as_json(), indent=indent).decode()
