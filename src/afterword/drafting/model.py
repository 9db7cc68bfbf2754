"""What a draft is: the message Afterword writes for one planned action, and its findings.

These are the shapes shared by composition (``compose``), the printed letter (``letters``), the
checker (``checker``), the CLI and the web app. ``drafting`` imports ``rules`` and nothing else of
ours (docs/ARCHITECTURE.md): no Django, no I/O, the clock passed in.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

from afterword.rules.kinds import ACTIONS
from afterword.rules.kinds import DRAFT_KIND_FOR_ACTION as DRAFT_KIND_FOR_ACTION
from afterword.rules.kinds import DraftKind as DraftKind

Tone = Literal["formal", "warm"]
TONES: tuple[Tone, ...] = ("formal", "warm")

# Kinds that go out as an email (they have a subject and a recipient address).
EMAIL_KINDS: frozenset[DraftKind] = frozenset(
    info.draft for info in ACTIONS.values() if info.is_email
)

Severity = Literal["error", "warning", "advice"]
Field = Literal["subject", "body"]


@dataclass(frozen=True, slots=True)
class Letter:
    """The printed thank-you letter as blocks, in the order they appear on the page (K5)."""

    sender_lines: tuple[str, ...]
    date_line: str
    recipient_lines: tuple[str, ...]
    salutation: str
    paragraphs: tuple[str, ...]
    closing: str
    signature: str


@dataclass(frozen=True, slots=True)
class Draft:
    """One message, ready to edit. ``body`` is plain text; for a letter, the text as printed."""

    kind: DraftKind
    tone: Tone
    interview: str | None
    interviewer: str | None
    to_name: str | None
    to_email: str | None
    subject: str
    body: str
    # The check-in date the text announces (K7), which is always the planner's date.
    promised_next: date | None = None
    letter: Letter | None = None


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing the checker noticed, with where it is (``start``..``end`` in ``field``)."""

    code: str
    severity: Severity
    message: str
    field: Field
    start: int
    end: int
