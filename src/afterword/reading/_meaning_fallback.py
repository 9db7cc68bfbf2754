"""Stand-in for ``reading/meaning.py`` until that module (written on another branch) is merged:
every reply is ``other``, with ``low`` confidence, so that the user is asked. Delete this file
when meaning.py lands."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class MeaningReading:
    meaning: str
    confidence: str
    evidence: str
    decision_from: date | None
    decision_to: date | None


def read_meaning(
    text: str, *, sent_on: date, country: str, subdivision: str | None, language: str | None
) -> MeaningReading:
    first_line = next((line.strip() for line in text.splitlines() if line.strip()), "")
    return MeaningReading("other", "low", first_line[:200], None, None)
