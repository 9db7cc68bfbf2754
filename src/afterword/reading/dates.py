"""Dates written in mail, in English, German, French, Spanish, Dutch, Italian and Portuguese.

``find_dates`` returns every date it can read in a text with where it stands, so that the
words around it can say what it means (back on it, away until it). It reads ISO dates, numeric
dates in the writer's convention (month first in the US, day first in most of the world, always
day first with dots as in "7.12."), day and month names with or without a year ("7. Dezember",
"Dec. 10th", "3rd of January", "lunes 7 de diciembre"), a weekday with a day ("Monday the 7th"),
"the 14th", weekdays ("next Monday", "ab Montag"), "tomorrow" and "next week". A date without a
year is the next one from the reference day (or the one whose weekday agrees with a weekday
written beside it); a weekday alone is the first such day after the reference.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

_FOLD = str.maketrans("àáâãäåçèéêëìíîïñòóôõöùúûüýÿßœæ’‘`´", "aaaaaaceeeeiiiinooooouuuuyysoa''''")

_MONTHS = {
    1: "january jan januar janner janvier janv enero ene januari gennaio janeiro",
    2: "february feb februar fevrier fevr fev febrero februari febbraio fevereiro",
    3: "march mar marz maerz mars marzo maart mrt marco",
    4: "april apr avril avr abril abr aprile",
    5: "may mai mayo mei maggio maio",
    6: "june jun juni juin junio giugno junho",
    7: "july jul juli juillet juil julio luglio julho",
    8: "august aug aout agosto augustus",
    9: "september sept sep septembre septiembre setiembre settembre setembro",
    10: "october oct oktober okt octobre octubre ottobre outubro",
    11: "november nov novembre noviembre novembro",
    12: "december dec dezember dez decembre diciembre dic dicembre dezembro",
}
_WEEKDAYS = {
    0: "monday mon montag lundi lunes maandag lunedi segunda-feira segunda",
    1: "tuesday tues tue dienstag mardi martes dinsdag martedi terca-feira terca",
    2: "wednesday wed mittwoch mercredi miercoles woensdag mercoledi quarta-feira quarta",
    3: "thursday thurs thur thu donnerstag jeudi jueves donderdag giovedi quinta-feira quinta",
    4: "friday fri freitag vendredi viernes vrijdag venerdi sexta-feira sexta",
    5: "saturday sat samstag sonnabend samedi sabado zaterdag sabato",
    6: "sunday sun sonntag dimanche domingo zondag domenica",
}
# Forms that are other words too ("sat", "segunda" = second) count only right before a date.
_NOT_ALONE = frozenset(
    [
        "mon",
        "tues",
        "tue",
        "wed",
        "thurs",
        "thur",
        "thu",
        "fri",
        "sat",
        "sun",
        "segunda",
        "terca",
        "quarta",
        "quinta",
        "sexta",
    ]
)

MONTH_OF = {name: number for number, names in _MONTHS.items() for name in names.split()}
WEEKDAY_OF = {name: number for number, names in _WEEKDAYS.items() for name in names.split()}


def _alternatives(names: Iterable[str]) -> str:
    return "|".join(sorted((re.escape(n) for n in names), key=len, reverse=True))


_MONTH = rf"(?P<m>{_alternatives(MONTH_OF)})\.?(?![a-z])"
_WD_ANY = rf"(?P<wd>{_alternatives(WEEKDAY_OF)})(?![a-z])"
_WD_ALONE = rf"(?P<wd>{_alternatives(set(WEEKDAY_OF) - _NOT_ALONE)})(?![a-z-])"
_WD_PREFIX = rf"(?:{_WD_ANY}\.?,?\s+(?:(?:the|den|dem|le|el|il|de|o|op)\s+)?)?"
_DAY = r"(?P<d>[0-3]?\d)(?:st|nd|rd|th|er|e|º|°|\.)?"
_YEAR = r"(?:,?\s*(?:de\s+)?(?P<y>(?:19|20)\d\d)(?!\d))?"

_PATTERNS: dict[str, re.Pattern[str]] = {
    "iso": re.compile(r"(?<![\d.])(?P<y>(?:19|20)\d\d)-(?P<m>[01]?\d)-(?P<d>[0-3]?\d)(?!\d)"),
    "numeric": re.compile(
        rf"(?<![\d./-]){_WD_PREFIX}(?P<a>[0-3]?\d)(?P<sep>[./-])(?P<b>[01]?\d)"
        r"(?:(?P=sep)(?P<y>(?:19|20)?\d\d)(?!\d))?(?P<dot>\.)?(?![\d/])"
    ),
    "day_month": re.compile(
        rf"(?<![\d])(?<![\d.]){_WD_PREFIX}{_DAY}\s*(?:of\s+|de\s+|di\s+)?{_MONTH}{_YEAR}"
    ),
    "month_day": re.compile(
        rf"(?<![a-z]){_WD_PREFIX}{_MONTH}\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?(?![\d:])"
        r"(?:,?\s+(?P<y>(?:19|20)\d\d)(?!\d))?"
    ),
    "weekday_day": re.compile(
        rf"(?<![a-z]){_WD_ANY}\.?,?\s+(?:(?:the|den|dem|le|el|il)\s+)?(?P<d>[0-3]?\d)"
        r"(?:st|nd|rd|th|er|\.)?(?![\d./:]|\s*(?:[ap]\.?m\b|h\b|uhr\b|o'clock))"
    ),
    "the_nth": re.compile(r"\bthe\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)\b"),
    "weekday": re.compile(
        r"(?<![a-z])(?:(?P<next>next|this|coming|nachsten|nachster|kommenden|kommender|"
        r"proximo|proxima|volgende|komende|prossimo)\s+)?" + _WD_ALONE
    ),
    "tomorrow": re.compile(r"(?<![a-z])(?:tomorrow|morgen|demain|manana|domani|amanha)(?![a-z])"),
    "next_week": re.compile(
        r"(?<![a-z])(?:next week|nachste woche|la semaine prochaine|la proxima semana|"
        r"la semana que viene|volgende week|la prossima settimana|na proxima semana|"
        r"a proxima semana)(?![a-z])"
    ),
}
_RELATIVE = frozenset({"weekday_day", "the_nth", "weekday", "tomorrow", "next_week"})


@dataclass(frozen=True, slots=True)
class FoundDate:
    day: date
    start: int
    end: int
    relative: bool  # counted from the reference day ("next Monday", "the 14th")
    ambiguous: bool  # a numeric date whose order the writer's convention decided


def fold(text: str) -> str:
    """Lower case without accents, one character for one, so positions stay the same."""
    lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return lowered.translate(_FOLD)


def find_dates(text: str, reference: date, *, day_first: bool) -> list[FoundDate]:
    """Every date in ``text``, in order; overlapping readings keep the longest."""
    folded = fold(text)
    matches: list[tuple[str, re.Match[str]]] = [
        (kind, match) for kind, pattern in _PATTERNS.items() for match in pattern.finditer(folded)
    ]
    matches.sort(key=lambda km: (-(km[1].end() - km[1].start()), km[1].start()))
    taken: list[tuple[int, int]] = []
    found: list[FoundDate] = []
    for kind, match in matches:
        start, end = match.span()
        if any(start < e and s < end for s, e in taken):
            continue
        resolved = _resolve(kind, match, reference, day_first)
        if resolved is None:
            continue
        day, ambiguous = resolved
        taken.append((start, end))
        found.append(FoundDate(day, start, end, kind in _RELATIVE, ambiguous))
    return sorted(found, key=lambda f: f.start)


def _resolve(
    kind: str, match: re.Match[str], reference: date, day_first: bool
) -> tuple[date, bool] | None:
    groups = match.groupdict()
    weekday = WEEKDAY_OF.get(groups["wd"]) if groups.get("wd") else None
    if kind == "tomorrow":
        return reference + timedelta(days=1), False
    if kind == "next_week":
        return reference + timedelta(days=7 - reference.weekday()), False
    if kind == "weekday":
        assert weekday is not None
        return reference + timedelta(days=(weekday - reference.weekday() - 1) % 7 + 1), False
    if kind in ("weekday_day", "the_nth"):
        day = _day_of_month(int(groups["d"]), weekday, reference)
        return (day, False) if day else None
    if kind == "numeric":
        return _numeric(groups, reference, day_first, weekday)
    year = int(groups["y"]) if groups.get("y") else None
    if kind == "iso":
        month, day_number = int(groups["m"]), int(groups["d"])
    else:
        month, day_number = MONTH_OF[groups["m"]], int(groups["d"])
    found = _dated(year, month, day_number, weekday, reference)
    return (found, False) if found else None


def _numeric(
    groups: dict[str, str | None], reference: date, day_first: bool, weekday: int | None
) -> tuple[date, bool] | None:
    a, b = int(groups["a"] or 0), int(groups["b"] or 0)
    sep, year_text = groups["sep"], groups.get("y")
    if sep == "." and not (year_text or groups.get("dot")):
        return None  # "10.30" is a time, "7.12." or "7.12.2026" a date
    if sep == "-" and not year_text:
        return None  # "3-5" is a range of numbers more often than a date
    ambiguous = False
    if sep == "." or a > 12:
        day_number, month = a, b
    elif b > 12:
        month, day_number = a, b
    else:
        day_number, month = (a, b) if day_first else (b, a)
        ambiguous = a != b
    year = None
    if year_text:
        year = int(year_text) + (2000 if len(year_text) == 2 else 0)
    found = _dated(year, month, day_number, weekday, reference)
    return (found, ambiguous) if found else None


def _dated(
    year: int | None, month: int, day_number: int, weekday: int | None, reference: date
) -> date | None:
    """The date, its year taken from the reference when not written."""
    if year is not None:
        return _valid(year, month, day_number)
    candidates = [
        d
        for d in (_valid(y, month, day_number) for y in (reference.year, reference.year + 1))
        if d is not None
    ]
    if weekday is not None:
        agreeing = [d for d in candidates if d.weekday() == weekday]
        candidates = agreeing or candidates
    # A date more than three months before the message is next year's ("back on 4 January").
    recent = [d for d in candidates if d >= reference - timedelta(days=90)]
    return recent[0] if recent else None


def _day_of_month(day_number: int, weekday: int | None, reference: date) -> date | None:
    """The first day numbered ``day_number`` from the reference on (with that weekday, if any)."""
    year, month = reference.year, reference.month
    for _ in range(13):
        found = _valid(year, month, day_number)
        if found and found >= reference and (weekday is None or found.weekday() == weekday):
            return found
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return None


def _valid(year: int, month: int, day_number: int) -> date | None:
    try:
        return date(year, month, day_number)
    except ValueError:
        return None
