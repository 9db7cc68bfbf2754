"""Names, titles and the company spelled as the record has them (K6), and the right greeting.

A near miss is a word or a run of words that is almost, but not exactly, something the record
holds: "Reyse" for "Reyes", "Northwind Trader" for "Northwind Traders", "Hiring Manger" for
"Hiring Manager". Ordinary English is protected: a common word ("data", "analysis") is never
taken for a misspelled name on its own.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from afterword.drafting.salutations import TITLE_WORDS
from afterword.drafting.spelling import word_frequency, words_in

NameKind = Literal["person", "company", "title", "role"]
# Words this frequent in English are ordinary words first ("Grant", "Data"), names second.
COMMON_WORD = 1000
_HONORIFICS = frozenset({"dr", "mr", "mrs", "ms", "mx", "prof", "sir", "dame"}) | TITLE_WORDS
_SMALL_WORDS = frozenset({"of", "and", "the", "for", "to", "in", "at", "on", "de", "von", "van"})
_PHRASE_RATIO = 0.85
_GREETING = re.compile(
    r"^[ \t]*(?P<word>dear|hello|hi|hey|good (?:morning|afternoon|evening)|greetings)\b"
    r"(?P<rest>[^\n]*)",
    re.IGNORECASE | re.MULTILINE,
)
_GREETING_LINES = 15  # a printed letter puts addresses and the date above the salutation


@dataclass(frozen=True, slots=True)
class RecordName:
    """Something the record spells one way: a person, a title, the company or the role."""

    text: str
    kind: NameKind


@dataclass(frozen=True, slots=True)
class NameSlip:
    """``written`` at ``start``..``end`` is a near miss of ``expected`` (a record spelling)."""

    start: int
    end: int
    written: str
    expected: str
    record: RecordName


@dataclass(frozen=True, slots=True)
class Greeting:
    """The salutation line: where the names in it are, and whom it names."""

    start: int
    end: int
    names_start: int
    names_end: int
    words: tuple[tuple[str, int, int], ...]


def is_common(word: str) -> bool:
    return word_frequency(word.lower()) >= COMMON_WORD


def name_words(name: str) -> list[str]:
    """The words of a name that identify it: no honorifics ("Dr."), no "of"/"and"."""
    return [
        word
        for word, _, _ in words_in(name)
        if word.lower() not in _HONORIFICS and word.lower() not in _SMALL_WORDS
    ]


def edit_distance(a: str, b: str, limit: int) -> int:
    """Optimal string alignment distance (a swap of neighbours counts once), capped at limit+1."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, char_b in enumerate(b, 1):
            cost = char_a != char_b
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and char_a == b[j - 2] and a[i - 2] == char_b:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]


def _allowed_slips(word: str) -> int:
    """How many edits still make a near miss: one for short names, two from eight letters."""
    return 2 if len(word) >= 8 else 1


@lru_cache(maxsize=16384)
def _near_token(written: str, targets: tuple[str, ...]) -> str | None:
    """The record word ``written`` (lower case) nearly spells, or None if it spells one exactly
    or none closely."""
    if written in targets:
        return None
    best: tuple[int, str] | None = None
    for target in targets:
        if len(target) < 4:
            continue
        limit = _allowed_slips(target)
        distance = edit_distance(written, target, limit)
        if distance <= limit and (best is None or distance < best[0]):
            best = (distance, target)
    return None if best is None else best[1]


def _similarity(a: str, b: str) -> float:
    """Edit-distance similarity of two phrases: 1 is equal, 0 shares nothing."""
    longest = max(len(a), len(b))
    limit = max(1, int(longest * (1 - _PHRASE_RATIO)) + 1)
    return 1 - edit_distance(a, b, limit) / longest


class NameIndex:
    """The record's spellings, ready to find near misses in a text."""

    def __init__(self, names: Iterable[RecordName]) -> None:
        self.names = tuple(dict.fromkeys(name for name in names if name.text.strip()))
        # Words that identify a person or the company, whatever their case ("Reyes").
        self._words: dict[str, tuple[str, RecordName]] = {}
        for name in self.names:
            if name.kind in ("person", "company"):
                for word in name_words(name.text):
                    self._words.setdefault(word.lower(), (word, name))
        self._targets = tuple(sorted(self._words))
        self._phrases = [
            (name, tuple(w.lower() for w, _, _ in words_in(name.text)))
            for name in self.names
            if len(list(words_in(name.text))) >= 2
        ]
        self._exact = frozenset(words for _, words in self._phrases)
        self._all_lower = frozenset(
            w.lower() for name in self.names for w, _, _ in words_in(name.text)
        )

    def slips(self, text: str) -> list[NameSlip]:
        """Near misses in ``text``: whole names first, then single words outside them.

        1. Runs of as many words as a multi-word record name, anchored on a word they share
           exactly, compared as phrases ("Northwind Trader").
        2. Each remaining word against the identifying words of people and the company
           ("Reyse"), and capitalisation of those words ("reyes").
        3. A common English word is a slip only next to a distinctive word of the same name.
        """
        tokens = list(words_in(text))
        found = self._phrase_slips(text, tokens)
        taken = [(slip.start, slip.end) for slip in found]
        for word, start, end in tokens:
            if any(a <= start < b for a, b in taken):
                continue
            slip = self._word_slip(word, start, end)
            if slip is not None:
                found.append(slip)
        return sorted(found, key=lambda slip: slip.start)

    def _word_slip(self, word: str, start: int, end: int) -> NameSlip | None:
        lower = word.lower()
        if lower in self._words:
            recorded, name = self._words[lower]
            if word != recorded and word[:1].islower() and not is_common(recorded):
                return NameSlip(start, end, word, recorded, name)
            return None
        if len(word) < 3 or lower in self._all_lower or is_common(lower):
            return None
        target = _near_token(lower, self._targets)
        if target is None:
            return None
        recorded, name = self._words[target]
        return NameSlip(start, end, word, recorded, name)

    def _phrase_slips(self, text: str, tokens: Sequence[tuple[str, int, int]]) -> list[NameSlip]:
        found: list[NameSlip] = []
        lowered = [word.lower() for word, _, _ in tokens]
        for name, words in self._phrases:
            size = len(words)
            phrase = " ".join(words)
            for first in range(len(tokens) - size + 1):
                window = lowered[first : first + size]
                if not set(window) & set(words) or tuple(window) in self._exact:
                    continue  # nothing shared, or exactly this or another record name
                if not self._same_run(text, tokens, first, size):
                    continue
                written = " ".join(window)
                if written in (phrase + "s", phrase + "'s") or written.endswith("s'"):
                    continue  # a plural or possessive ("Hiring Managers", "Northwind's")
                if _similarity(written, phrase) < _PHRASE_RATIO:
                    continue
                pairs = list(zip(window, words, strict=True))
                if all(e in _HONORIFICS for w, e in pairs if w != e):
                    continue  # only the titles differ: "Dear Pieter van den Berg" for "Ir. ..."
                differing = [w for w, expected in pairs if w != expected]
                distinctive = any(w == e and not is_common(w) for w, e in pairs)
                if all(is_common(w) for w in differing) and not distinctive:
                    continue  # "data analysis" is not a misspelled "Data Analyst"
                start, end = tokens[first][1], tokens[first + size - 1][2]
                if any(start < slip.end and slip.start < end for slip in found):
                    continue
                found.append(NameSlip(start, end, text[start:end], name.text, name))
        return found

    @staticmethod
    def _same_run(text: str, tokens: Sequence[tuple[str, int, int]], first: int, size: int) -> bool:
        """Whether the words sit together, separated by spaces, "&" or a hyphen only."""
        return all(
            re.fullmatch(r"[\s&+-]+", text[tokens[i][2] : tokens[i + 1][1]]) is not None
            for i in range(first, first + size - 1)
        )

    def names_of(self, word: str) -> list[RecordName]:
        """The people whose identifying words ``word`` is or nearly is."""
        lower = word.lower()
        matches = []
        for name in self.names:
            if name.kind != "person":
                continue
            own = [w.lower() for w in name_words(name.text)]
            if lower in own or (len(lower) >= 3 and _near_token(lower, tuple(own)) is not None):
                matches.append(name)
        return matches


def find_greeting(body: str) -> Greeting | None:
    """The salutation ("Dear Dana Reyes,", "Hi Dana,") within the first lines of the body."""
    for match in _GREETING.finditer(body):
        if body.count("\n", 0, match.start()) >= _GREETING_LINES:
            return None
        rest_start = match.start("rest")
        rest = match["rest"]
        # A full stop ends the names only at the end of the line: "Dear Dr. Hoffmann,".
        cut = re.search(r"[,:;!](?:\s|$)|\.\s*$|\s[-–—]\s", rest)
        names_end = rest_start + (cut.start() if cut else len(rest.rstrip()))
        names_start = rest_start + (len(rest) - len(rest.lstrip()))
        names_start = min(names_start, names_end)
        words = tuple(
            (word, names_start + a, names_start + b)
            for word, a, b in words_in(body[names_start:names_end])
        )
        return Greeting(match.start("word"), match.end(), names_start, names_end, words)
    return None
