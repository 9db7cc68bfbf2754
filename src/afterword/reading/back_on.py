"""The first day back that an away notice names.

Each date in the notice is read with the words just before it (and, for German and Dutch word
order, just after it):

- "back on X", "returning X", "from X", "ab X", "à partir du X", "vanaf X", "X wieder", "X
  weer terug": X is the first day back;
- "until X", "through X", "bis (einschließlich) X", "jusqu'au X", "hasta el X", "tot en met X",
  "fino al X", "até X", "after X", and the end of a range ("vom 1. bis 4.", "del 1 al 4"): the
  person is away through X, so the first day back is the next business day after X in the
  sender's country (weekends and public holidays skipped);
- "not checking messages until X", "won't be back until X": X itself, the negation says when
  the absence ends.

The start of a range, and dates with no such words, say nothing about the return. Of the
days found, the latest counts ("away until the 4th, back on Monday the 7th"); a day before the
message's own date is an old notice's and is dropped.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from afterword.reading.dates import FoundDate, find_dates, fold

_WINDOW = 60
_SENTENCE_END = re.compile(r"[.!?;]\s+(?=\S)|\n")
_THROUGH = re.compile(
    r"(?:\b(?:until|till|til|through|thru|to|up to and including|bis|einschlieslich|einschl\.?"
    r"|bis zum|bis zur|bis einschlieslich|jusqu'au|jusqu'a|jusqu au|au|hasta|al|all'|"
    r"tot en met|t/m|tot|fino al|fino a|fino|ate|a|after|na)"
    r"|[-–—])\s*(?:(?:the|el|le|la|il|dia|den|dem|o)\s+)?$"
)
_AFTER = re.compile(
    r"\b(?:after|nach dem|nach|apres le|apres|despues del|despues de|na)\s*"
    r"(?:(?:the|el|le|la|il|dia|den|dem|o)\s+)?$"
)
_NEGATION = re.compile(r"\b(?:not|no|won't|wont|cannot|can't|never)\b|n't\b")
_BACK = re.compile(
    r"\b(?:back|return\w*|from|as of|starting|beginning|again|ab|wieder|zuruck|retour|"
    r"a partir d\w*|des le|vuelta|vuelvo|volvere|regres\w*|de nuevo|vanaf|terug|weer|"
    r"rientr\w*|ritorn\w*|torno|dal|volta|voltarei|retorn\w*|respond\w*|repondr\w*|"
    r"answer\w*|reply\w*|available|reachable|erreichbar|disponible|bereikbaar|reperibile)\b"
)
_BACK_AFTER = re.compile(
    r"^[\s,]*(?:\w+\s+){0,3}(?:wieder|zuruck|weer|terug|de retour|back|di ritorno|de volta)\b"
)
_RANGE_JOIN = re.compile(
    r"^\s*(?:to|till|until|through|-|–|—|bis|bis zum|au|al|all'|a|tot|tot en met|t/m|ate)\s*"
    r"(?:(?:the|el|le|la|il|dia|den|dem|o)\s+)?$"
)


@dataclass(frozen=True, slots=True)
class BackOn:
    day: date
    evidence: str
    relative: bool
    ambiguous: bool


def first_day_back(
    text: str, reference: date, next_business_day: Callable[[date], date], *, day_first: bool
) -> BackOn | None:
    """The first day back named in ``text`` (the sender's own words), or None."""
    folded = fold(text)
    found = find_dates(text, reference, day_first=day_first)
    candidates: list[tuple[date, FoundDate]] = []
    for index, item in enumerate(found):
        previous_end = found[index - 1].end if index else 0
        following = found[index + 1] if index + 1 < len(found) else None
        if following and _RANGE_JOIN.match(folded[item.end : following.start]):
            continue  # the first day of an absence, not of the return
        before = _clause_before(folded, item.start, previous_end)
        after = folded[item.end : (following.start if following else len(folded))]
        meaning = _meaning(before, after)
        if meaning is None:
            continue
        day = next_business_day(item.day) if meaning == "through" else item.day
        if day >= reference:
            candidates.append((day, item))
    if not candidates:
        return None
    day, item = max(candidates, key=lambda c: c[0])
    return BackOn(day, _sentence(text, item), item.relative, item.ambiguous)


def _meaning(before: str, after: str) -> str | None:
    """ "back" (the date is the first day back), "through" (the last day away), or None."""
    if _RANGE_JOIN.match(before) and before.strip():
        return "through"
    through = _THROUGH.search(before)
    if through is not None:
        negated = _NEGATION.search(before[: through.start()])
        if negated and not _AFTER.search(before):
            return "back"
        return "through"
    if _BACK.search(before) or _BACK_AFTER.match(after[:40]):
        return "back"
    return None


def _clause_before(folded: str, start: int, previous_end: int) -> str:
    window_start = max(previous_end, start - _WINDOW)
    window = folded[window_start:start]
    breaks = list(_SENTENCE_END.finditer(window))
    return window[breaks[-1].end() :] if breaks else window


def _sentence(text: str, item: FoundDate) -> str:
    """The sentence around a date, as written, for evidence."""
    starts = [m.end() for m in _SENTENCE_END.finditer(text[: item.start])]
    start = starts[-1] if starts else 0
    end_match = _SENTENCE_END.search(text, item.end)
    end = end_match.start() + 1 if end_match else len(text)
    return " ".join(text[start:end].split())[:200]
