"""What delivering one reminder came to: the sender records it (reminders/send.py)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

OutcomeState = Literal["sent", "skipped", "retry", "failed", "retime"]


@dataclass(frozen=True, slots=True)
class Outcome:
    state: OutcomeState
    # Why it was skipped, or what went wrong; shown on the notification settings page.
    note: str = ""
    # Merged into the row's payload: the digest's counts, the channels already reached.
    payload: dict[str, object] = field(default_factory=dict)
    # For "retime": the moment the reminder is now due.
    due_at: datetime | None = None

    @classmethod
    def sent(cls, **payload: object) -> Outcome:
        return cls("sent", payload=payload)

    @classmethod
    def skipped(cls, note: str, **payload: object) -> Outcome:
        return cls("skipped", note, payload=payload)

    @classmethod
    def retry(cls, note: str, **payload: object) -> Outcome:
        return cls("retry", note, payload=payload)

    @classmethod
    def failed(cls, note: str, **payload: object) -> Outcome:
        return cls("failed", note, payload=payload)

    @classmethod
    def retime(cls, due_at: datetime) -> Outcome:
        return cls("retime", due_at=due_at)
