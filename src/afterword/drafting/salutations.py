"""How to greet a person: "Dear Dr Brandt,", "Hi Ngozi,", "Dear Professor Weber,".

A name as captured may carry titles in several languages ("Dr.-Ing. Katrin Hoffmann", "Herr
Thomas Keller", "Sra. Lucía Martín", "Mag. Eva Huber"). ``parse_name`` separates them from the
given name and the surname; ``salutation`` then picks the form of address:

1. The salutation the user recorded for the person, as recorded, in either tone.
2. Formal: the title in its English form and the surname ("Dr Hoffmann", "Ms Okafor"); without
   a title, the full name ("Dana Reyes"), since "Mr"/"Ms" would be a guess.
3. Warm: the given name; when only a title and a surname are known, those.

Drafts are written in English, so a German "Herr" is "Mr" and a French "Mme" is "Ms"; academic
and religious titles win over the others ("Herr Dr. Keller" is "Dr Keller").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from afterword.drafting.model import Tone
from afterword.rules.case import Interviewer

# Where "Dr" and "Ms" are written without a full stop.
NO_STOP_COUNTRIES = frozenset({"GB", "IE", "AU", "NZ", "ZA"})
# "degree": a title of degree that English letters leave out of the greeting (Dutch "drs.",
# "ir."): "Dear Eva Bakker", never "Dear drs. Bakker".
TitleKind = Literal["academic", "religious", "gender", "professional", "honour", "degree"]


@dataclass(frozen=True, slots=True)
class Title:
    kind: TitleKind
    # The English form, without a full stop ("Dr", "Ms"); None: keep it as typed ("Ing.").
    english: str | None


# Keys: lower case, without the final full stop.
TITLES: dict[str, Title] = {
    "dr": Title("academic", "Dr"),
    "dr.-ing": Title("academic", "Dr"),
    "dr. med": Title("academic", "Dr"),
    "dr.med": Title("academic", "Dr"),
    "dr. rer. nat": Title("academic", "Dr"),
    "dr. phil": Title("academic", "Dr"),
    "prof": Title("academic", "Professor"),
    "prof.in": Title("academic", "Professor"),
    "prof.'in": Title("academic", "Professor"),
    "profin": Title("academic", "Professor"),
    "professor": Title("academic", "Professor"),
    "rev": Title("religious", "Reverend"),
    "revd": Title("religious", "Reverend"),
    "reverend": Title("religious", "Reverend"),
    "fr": Title("religious", "Father"),
    "pastor": Title("religious", "Pastor"),
    "rabbi": Title("religious", "Rabbi"),
    "sister": Title("religious", "Sister"),
    "mr": Title("gender", "Mr"),
    "mrs": Title("gender", "Mrs"),
    "ms": Title("gender", "Ms"),
    "miss": Title("gender", "Miss"),
    "mx": Title("gender", "Mx"),
    "herr": Title("gender", "Mr"),
    "frau": Title("gender", "Ms"),
    "m": Title("gender", "Mr"),
    "mme": Title("gender", "Ms"),
    "mlle": Title("gender", "Ms"),
    "sr": Title("gender", "Mr"),
    "sra": Title("gender", "Ms"),
    "srta": Title("gender", "Ms"),
    "sig": Title("gender", "Mr"),
    "sig.ra": Title("gender", "Ms"),
    "dhr": Title("gender", "Mr"),
    "mevr": Title("gender", "Ms"),
    "ing": Title("professional", None),
    "dipl.-ing": Title("professional", None),
    "mag": Title("professional", None),
    "lic": Title("professional", None),
    "dott": Title("professional", None),
    "dott.ssa": Title("professional", None),
    "prof.ssa": Title("academic", "Professor"),
    "cllr": Title("professional", "Councillor"),
    "councillor": Title("professional", "Councillor"),
    "avv": Title("professional", None),
    # A lawyer in France and Belgium ("Me Sophie Lambert"): "Maître Lambert" in any language.
    "me": Title("professional", "Maître"),
    "maître": Title("professional", "Maître"),
    "maitre": Title("professional", "Maître"),
    "ir": Title("degree", None),
    "drs": Title("degree", None),
    "sir": Title("honour", "Sir"),
    "dame": Title("honour", "Dame"),
}
# Every word a title is made of, for the checker ("Hi Dr.-Ing.," greets nobody).
# ("in" of "Prof.in" is no title on its own.)
TITLE_WORDS: frozenset[str] = (
    frozenset(word for key in TITLES for word in re.split(r"[\s.\-']+", key) if word) - {"in"}
    | frozenset(t.english.lower() for t in TITLES.values() if t.english)
    | {"rer", "nat", "med"}
)
_FACULTY = re.compile(r"(?:[a-z]{1,6}\.\s*)+(?=\S)")
_DOCTORATE = re.compile(r"\b(?:Ph\.?\s?D|D\.?Phil|M\.?D|DVM|Ed\.?D|DNP)\b\.?")
# Letters after a name, after a comma ("Rebecca Stein, AIA", "Tom Price, PhD"): kept on the
# letter's address block, never in a greeting.
_POST_NOMINALS = re.compile(
    r"(?:,\s*(?:[A-Z][A-Za-z]*[A-Z][A-Za-z]*\.?|Ph\.?\s?D\.?|Esq\.?|Jr\.?|Sr\.?|"
    r"(?:[A-Z]\.){2,}))+\s*$"
)
_PARTICLES = frozenset(
    [
        "von",
        "van",
        "der",
        "den",
        "de",
        "del",
        "della",
        "di",
        "da",
        "du",
        "le",
        "la",
        "zu",
        "ten",
        "ter",
        "mac",
    ]
)
# Multi-word titles first, so that "Dr. rer. nat." is one title, not "Dr." and a name "rer.".
_TITLE_AT_START = re.compile(
    r"^(?P<title>"
    + "|".join(
        re.escape(key).replace(r"\ ", r"\s*") + r"\.?"
        for key in sorted(TITLES, key=len, reverse=True)
    )
    + r")(?=\s|$)",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class ParsedName:
    """A name as captured, in parts: titles as typed, given name, surname."""

    titles: tuple[str, ...]
    given: str | None
    surname: str | None


def title_key(typed: str) -> str:
    return " ".join(typed.lower().rstrip(".").split())


def parse_name(name: str) -> ParsedName:
    """Titles at the front, then the given name, then the surname (with "van der", "de")."""
    rest = " ".join(name.split())
    letters = _POST_NOMINALS.search(rest)
    titles: list[str] = []
    if letters is not None:
        rest = rest[: letters.start()]
        if _DOCTORATE.search(letters[0]) and not _TITLE_AT_START.match(rest):
            titles.append("Dr.")  # "Tom Price, PhD" is Dr Price
    while True:
        match = _TITLE_AT_START.match(rest)
        if match is None or title_key(match["title"]) not in _keys():
            break
        titles.append(match["title"])
        rest = rest[match.end() :].strip()
        # "Dr. rer. pol.", "Dr. med. dent.": the faculty in lower case belongs to the doctorate.
        while titles and TITLES[title_key(titles[-1])].kind == "academic":
            faculty = _FACULTY.match(rest)
            if faculty is None:
                break
            rest = rest[faculty.end() :].strip()
    words = rest.split()
    if not words:
        return ParsedName(tuple(titles), None, None)
    if len(words) == 1:
        # "Dr. Brandt": a title and one word is a surname; a lone word is a given name.
        return (
            ParsedName(tuple(titles), None, words[0]) if titles else ParsedName((), words[0], None)
        )
    surname_from = next(
        (i for i in range(1, len(words) - 1) if words[i].lower() in _PARTICLES), len(words) - 1
    )
    return ParsedName(tuple(titles), " ".join(words[:surname_from]), " ".join(words[surname_from:]))


def _keys() -> frozenset[str]:
    return frozenset(TITLES)


def _with_stop(english: str, country: str) -> str:
    # British usage writes "Dr" and "Ms" (the word's last letter is kept, so no full stop);
    # American, German and most other usage "Dr." and "Ms.".
    short = english in ("Dr", "Mr", "Mrs", "Ms", "Mx")
    return f"{english}." if short and country.upper() not in NO_STOP_COUNTRIES else english


def title_form(parsed: ParsedName, job_title: str | None, country: str) -> str | None:
    """The title to put before the surname, in English, or None when nothing is known.

    Religious before academic ("Reverend Dr"), academic over gender ("Herr Dr." is "Dr"),
    gender over professional ("Frau Mag." is "Ms"), a professional title alone as typed.
    """
    found = [TITLES[title_key(t)] for t in parsed.titles]
    typed = dict(zip((title_key(t) for t in parsed.titles), parsed.titles, strict=True))
    parts: list[str] = []
    religious = [t.english for t in found if t.kind == "religious" and t.english]
    academic = [t.english for t in found if t.kind == "academic" and t.english]
    if religious:
        parts.append(religious[0])
    if academic:
        parts.append("Professor" if "Professor" in academic else "Dr")
    elif job_title and re.search(r"\bprofessor\b", job_title, re.IGNORECASE) and not religious:
        parts.append("Professor")
    if not parts:
        gender = [t.english for t in found if t.kind in ("gender", "honour") and t.english]
        if gender:
            parts.append(gender[0])
        else:
            parts += [
                t.english or typed[key]
                for key, t in zip(typed, found, strict=True)
                if t.kind == "professional"
            ]
    if not parts:
        return None
    return " ".join(_with_stop(part, country) for part in parts)


def salutation(person: Interviewer, tone: Tone, country: str) -> str:
    """The words after "Dear" or "Hi": never a title alone, never empty."""
    if person.salutation:
        return person.salutation
    parsed = parse_name(person.name)
    title = title_form(parsed, person.title, country)
    honour = any(TITLES[title_key(t)].kind == "honour" for t in parsed.titles)
    if honour and title and parsed.given:
        return f"{title} {parsed.given.split()[0]}"  # "Sir John", "Dame Judith"
    if tone == "warm" and parsed.given:
        return parsed.given.split()[0]
    if title and parsed.surname:
        return f"{title} {parsed.surname}"
    plain = " ".join(part for part in (parsed.given, parsed.surname) if part)
    return plain or person.name


def full_name(person: Interviewer) -> str:
    """The name without its titles ("Katrin Hoffmann"), for lines that are not greetings."""
    parsed = parse_name(person.name)
    return " ".join(part for part in (parsed.given, parsed.surname) if part) or person.name
