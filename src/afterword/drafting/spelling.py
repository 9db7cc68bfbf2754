"""Spelling mistakes in a draft (K6), fast enough to run on every keystroke.

pyspellchecker's English word list decides what a word is. On top of it, a draft may use every
word of its record (names, titles, company, role, what the interviewers emphasised) and the
user's own word list, British spellings ("organise", "colour", "programme") and accented forms
("résumé"). Email addresses, web addresses, numbers, words with digits and all-capital acronyms
are never checked.

Everything slow is done once and cached: the word list is loaded on first use (about 0.1 s) and
every word's verdict and suggestion is remembered, so checking the same draft again after one
keystroke only looks at the word that changed.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from afterword.rules.case import Case

# Whitespace-separated chunks that are addresses, not words.
_ADDRESS = re.compile(r"\S+@\S+|(?:https?://|www\.)\S+|\S*\w[./\\]\w\S*")
_MAYBE_ADDRESS = re.compile(r"[@./\\]")
_CHUNK = re.compile(r"\S+")
_SPLITS = re.compile(r"[-–—/]")
_PART = re.compile(r"[^-–—/]+")
_DIGIT = re.compile(r"\d")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_ACRONYM = re.compile(r"[A-Z]{2,}s?")  # "SQL", "KPIs"
_POSSESSIVE = re.compile(r"['’]s$|(?<=s)['’]$", re.IGNORECASE)
# Suggestions beyond one edit come from words of about the same length and the same first letter,
# which is where nearly all real typos land and keeps the search to a few thousand words.
_SIMILAR_LENGTH = 2
_CLOSE_ENOUGH = 0.75


@dataclass(frozen=True, slots=True)
class Misspelling:
    """An unknown word at ``start``..``end``, and the word it probably was (if one is close)."""

    word: str
    start: int
    end: int
    suggestion: str | None


# Words of today's job search that the general word list lacks; every draft may use them.
WORKPLACE_WORDS = frozenset(
    {
        *("voicemail", "voicemails", "onboarding", "onboard", "offboarding", "workflow"),
        *("workflows", "dataset", "datasets", "analytics", "webinar", "webinars", "skillset"),
        *("upskilling", "reskilling", "upskill", "linkedin", "github", "fintech", "ecommerce"),
        *("backend", "frontend", "devops", "cybersecurity", "onsite", "offsite", "cv", "cvs"),
        *("timelines", "walkthrough", "roadmap", "roadmaps", "learnings", "microservices"),
        *("api", "apis", "saas", "ux", "ui", "deliverables", "async", "email", "emails"),
        *("maths", "rollout", "rollouts", "caseload", "caseloads", "upselling", "postmortems"),
        *("makerspace", "makerspaces", "telematics", "teleconsult", "microsite", "coworking"),
        *("app", "apps"),
    }
)


@cache
def _dictionary() -> Any:
    """pyspellchecker's English list plus WORKPLACE_WORDS, loaded once per process (~0.1 s)."""
    from spellchecker import SpellChecker

    speller = SpellChecker(language="en", distance=1)
    speller.word_frequency.load_words(sorted(WORKPLACE_WORDS))
    return speller


@cache
def _buckets() -> dict[tuple[str, int], list[str]]:
    """Dictionary words by (first letter, length), for suggestions beyond one edit."""
    buckets: dict[tuple[str, int], list[str]] = {}
    for word in _dictionary().word_frequency.dictionary:
        if word.isalpha():
            buckets.setdefault((word[0], len(word)), []).append(word)
    return buckets


# British endings and their American forms, which is how the word list spells them.
_BRITISH = (
    (re.compile(r"is(e|ed|es|ing|ation|ations|er|ers)$"), r"iz\1"),
    (re.compile(r"ys(e|ed|es|ing)$"), r"yz\1"),
    (re.compile(r"our(s|ed|ing|ite|ites|able|ful|less)?$"), r"or\1"),
    (re.compile(r"tre(s|d)?$"), r"ter\1"),
    (re.compile(r"ogue(s)?$"), r"og\1"),
    (re.compile(r"ll(ed|ing|er|ers)$"), r"l\1"),
    (re.compile(r"mme(s)?$"), r"m\1"),
    (re.compile(r"ence(s)?$"), r"ense\1"),
    (re.compile(r"l(ment|ments)$"), r"ll\1"),
    (re.compile(r"ae"), "e"),
)


def _plain(word: str) -> str:
    """Without accents: "résumé" -> "resume"."""
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def word_frequency(word: str) -> int:
    """How often ``word`` (lower case) occurs in the word list's English corpus; 0 if never."""
    return int(_dictionary().word_frequency.dictionary.get(word, 0))


@lru_cache(maxsize=65536)
def in_dictionary(word: str) -> bool:
    """Whether the word list knows ``word`` (lower case), directly or as a British or accented
    form."""
    known = _dictionary().word_frequency.dictionary
    if word in known:
        return True
    plain = _plain(word)
    if plain != word and plain in known:
        return True
    return any(
        pattern.search(plain) and pattern.sub(american, plain) in known
        for pattern, american in _BRITISH
    )


@lru_cache(maxsize=8192)
def _one_edit_suggestion(word: str) -> str | None:
    """The most frequent dictionary word one edit away from ``word`` (lower case), or None."""
    speller = _dictionary()
    close: set[str] | None = speller.candidates(word)
    if not close:
        return None
    frequency = speller.word_frequency.dictionary
    return max(sorted(close), key=lambda candidate: int(frequency[candidate]))


@lru_cache(maxsize=8192)
def _distant_suggestion(word: str) -> str | None:
    """The closest word of similar length and the same first letter, or None."""
    buckets = _buckets()
    pool = [
        candidate
        for length in range(len(word) - _SIMILAR_LENGTH, len(word) + _SIMILAR_LENGTH + 1)
        for candidate in buckets.get((word[0], length), ())
    ]
    matches = difflib.get_close_matches(word, pool, n=1, cutoff=_CLOSE_ENOUGH)
    return matches[0] if matches else None


def one_edit_from_a_word(word: str) -> bool:
    """Whether ``word`` (lower case, unknown) is probably a typo: five letters or more and one
    edit from a dictionary word ("recieve"). Shorter words are too often near something."""
    return len(word) >= 5 and _one_edit_suggestion(word) is not None


def _suggestion(word: str) -> str | None:
    return _one_edit_suggestion(word) or _distant_suggestion(word)


def _like(suggestion: str, word: str) -> str:
    """The suggestion with the word's capitalisation ("Recieve" -> "Receive")."""
    if word[:1].isupper():
        return suggestion[:1].upper() + suggestion[1:]
    return suggestion


def words_in(text: str) -> Iterator[tuple[str, int, int]]:
    """(word, start, end) of every word a speller should look at.

    1. Split at whitespace; drop chunks that are email or web addresses or paths.
    2. Split the rest at hyphens and slashes; drop parts with digits ("REQ-1182", "10am").
    3. Take the words of each part, without a possessive "'s"; drop all-capital acronyms.

    Every check reads the same text several times (names, spelling, specifics), so the words
    of recent texts are remembered.
    """
    return iter(_words(text))


@lru_cache(maxsize=256)
def _words(text: str) -> tuple[tuple[str, int, int], ...]:
    found = []
    for chunk in _CHUNK.finditer(text):
        piece = chunk[0]
        if _MAYBE_ADDRESS.search(piece) and _ADDRESS.fullmatch(piece):
            continue
        if _SPLITS.search(piece):
            parts = [(m.start(), m[0]) for m in _PART.finditer(piece)]
        else:
            parts = [(0, piece)]
        for part_start, part in parts:
            if _DIGIT.search(part):
                continue
            offset = chunk.start() + part_start
            for match in _WORD.finditer(part):
                word = match[0]
                if "'" in word or "’" in word:
                    word = _POSSESSIVE.sub("", word)
                if word[1:2].isupper() and (_ACRONYM.fullmatch(word) or word.isupper()):
                    continue
                start = offset + match.start()
                found.append((word, start, start + len(word)))
    return tuple(found)


def words_of(texts: Iterable[str | None]) -> frozenset[str]:
    """The lower-case words of some texts, as a speller's allowed words."""
    return frozenset(
        form
        for text in texts
        if text
        for word, _, _ in words_in(text)
        for form in (word.lower(), word.lower().replace("’", "'"))
    )


def record_words(case: Case) -> frozenset[str]:
    """Every word the record itself uses: people, titles, company, role, job code, candidate.

    Not the notes: they are typed in haste ("exp", "recieve"); the words Afterword makes of them
    are allowed instead (``material.note_words``)."""
    texts: list[str | None] = [
        # The city of the employer's zone: a call script names it ("Los Angeles time").
        case.employer.timezone.rsplit("/", 1)[-1].replace("_", " "),
        case.employer.name,
        case.role,
        case.job_code,
        case.candidate.name,
        case.candidate.address,
    ]
    for interview in case.interviews:
        for person in interview.interviewers:
            texts += [person.name, person.title, person.address, person.salutation]
    return words_of(texts)


class Speller:
    """An English speller that also accepts ``allowed`` words (any case)."""

    def __init__(self, allowed: Iterable[str] = ()) -> None:
        self.allowed = frozenset(word.lower().replace("’", "'") for word in allowed)

    def is_known(self, word: str) -> bool:
        lower = word.lower().replace("’", "'")
        return lower in self.allowed or in_dictionary(lower)

    def suggest(self, word: str) -> str | None:
        """The likeliest intended word, written with ``word``'s capitalisation, or None."""
        found = _suggestion(word.lower().replace("’", "'"))
        return None if found is None else _like(found, word)

    def misspellings(self, text: str) -> list[Misspelling]:
        """Unknown words of ``text``, in order, each with a suggestion where one is close.

        A capitalised unknown word is usually a name the record does not know (a city, a
        product), so it is reported only when a dictionary word is one edit away ("Thnak").
        """
        found = []
        for word, start, end in words_in(text):
            if self.is_known(word):
                continue
            lower = word.lower().replace("’", "'")
            if word[:1].isupper():
                close = _one_edit_suggestion(lower)
                if close is None:
                    continue
                found.append(Misspelling(word, start, end, _like(close, word)))
            else:
                found.append(Misspelling(word, start, end, self.suggest(word)))
        return found
