"""Turning what the user typed (names, notes, addresses) into pieces that sit inside a sentence."""

from __future__ import annotations

import re
from collections.abc import Sequence

from afterword.drafting.salutations import parse_name
from afterword.drafting.spelling import word_frequency

# How often a word must occur in the speller's English corpus to count as an ordinary word:
# "claims" (32k) and "reliable" (10k) pass, "python" (913) and "excel" (1.7k) do not.
_COMMON_WORD = 5000
# Ordinary words that are just as often the name of a product or firm at the start of a note.
_ALSO_NAMES = frozenset(
    {"apple", "react", "spring", "swift", "go", "access", "outlook", "office", "teams", "word"}
)
# Notes usually start like a sentence ("Keeping the clinics' intake running..."); inside our
# sentence the first word must then be lower case. Only words that are surely not names are
# lowered: function words and -ing forms. "Python testing" keeps its capital.
_LOWERABLE = frozenset(
    [
        "a",
        "an",
        "the",
        "my",
        "our",
        "your",
        "their",
        "his",
        "her",
        "its",
        "this",
        "that",
        "these",
        "those",
        "how",
        "what",
        "why",
        "when",
        "where",
        "whether",
        "which",
        "who",
        "some",
        "any",
        "more",
        "less",
        "most",
        "much",
        "many",
        "being",
        "having",
        "making",
        "getting",
    ]
)
_FIRST_PERSON = frozenset({"I", "I'm", "I've", "I'd", "I'll"})


def first_name(name: str) -> str:
    """The name to greet someone by in a warm note: the first word after any titles."""
    parsed = parse_name(name)
    if parsed.given:
        return parsed.given.split()[0]
    return parsed.surname or name


def join_words(items: Sequence[str]) -> str:
    """``A``, ``A and B``, ``A, B and C``."""
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    return f"{', '.join(items[:-1])} and {items[-1]}"


def lowered_start(phrase: str) -> str:
    """The phrase with its first word in lower case when that word is surely not a name."""
    first, _, rest = phrase.partition(" ")
    if first in _FIRST_PERSON:
        return phrase
    plain = first.lower()
    if first[:1].isupper() and first[1:].islower() and _surely_not_a_name(plain):
        return f"{plain}{' ' if rest else ''}{rest}"
    return phrase


def _surely_not_a_name(plain: str) -> bool:
    """Function words, -ing forms, and common English words ("Claims", "Well-tested"); rarer
    words ("Python", "Excel") and common words that are also product names keep their capital."""
    if plain in _LOWERABLE or (len(plain) > 5 and plain.endswith("ing")):
        return True
    head = plain.split("-", 1)[0]
    return head not in _ALSO_NAMES and word_frequency(head) >= _COMMON_WORD


def address_lines(address: str | None, *skip: str | None) -> tuple[str, ...]:
    """A postal address as lines, leaving out lines that repeat a name already above it."""
    if not address:
        return ()
    unwanted = {s.casefold() for s in skip if s}
    raw = address.splitlines()
    if len(raw) == 1:
        raw = _split_one_line_address(raw[0])
    lines = (" ".join(line.split()) for line in raw)
    return tuple(line for line in lines if line and line.casefold() not in unwanted)


_STATE_AND_CODE = re.compile(r"[A-Z]{2}\s+\d{5}(?:-\d{4})?$")


def _split_one_line_address(line: str) -> list[str]:
    """A postal block reads line by line: "Friedrichstraße 12, 10117 Berlin" becomes two lines,
    but a US "Brooklyn, NY 11215" stays together."""
    parts: list[str] = []
    for part in (p.strip() for p in line.split(",")):
        if parts and _STATE_AND_CODE.match(part):
            parts[-1] = f"{parts[-1]}, {part}"
        elif part:
            parts.append(part)
    return parts


# Words that name a department, not a person's role: "HR", "Faculty Finance", "Talent
# Acquisition". "as HR" reads badly in "your view as HR"; "VP People" is a role.
_DEPARTMENT_WORDS = frozenset(
    [
        *("hr", "human", "resources", "finance", "recruitment", "recruiting", "talent"),
        *("acquisition", "people", "culture", "payroll", "legal", "marketing", "sales", "it"),
        *("operations", "admissions", "procurement", "faculty", "accounts", "team", "dept"),
        *("department", "office", "of", "and", "&", "the", "personnel", "rh", "rrhh"),
        *("personal", "personalabteilung", "recursos", "humanos", "ressources", "humaines"),
    ]
)


def role_title(title: str | None) -> str | None:
    """The job title when it names a role ("Head Nurse", "HR Business Partner"), None when it
    names only a department ("HR", "Faculty Finance"), which no sentence can call a person."""
    if not title:
        return None
    words = title.lower().replace(",", " ").split()
    return None if all(word in _DEPARTMENT_WORDS for word in words) else title
