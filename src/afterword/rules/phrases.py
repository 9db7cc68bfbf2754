"""What employers say about timing, turned into dates: "we'll decide by end of next week".

A small grammar of regular expressions over normalised lower-case text comes first; it knows the
phrases interviewers actually use and gives each a deliberate meaning. ``dateparser`` is the
fallback for anything else that names one day. Pure: the reference date (usually the day of the
interview) is passed in; nothing here reads the clock.

Conventions, decided once here so every phrase follows them:

- A phrase naming one day ("Friday", "next Tuesday", "in 2 weeks", "December 4") gives
  start = end = that day.
- A deadline ("by Friday", "within 10 days", "end of the week", "Friday at the latest") gives
  start = the reference date itself: an answer can come the same day.
- "before X" ends the day before X starts ("before Christmas" = December 24).
- A range that began before the reference date starts on the reference date; a range that
  ended before it is an error, except month names without a year, which mean the next one.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache

_DAY = timedelta(days=1)
_EXAMPLES = ('"by Friday"', '"end of next week"', '"mid October"')


@dataclass(frozen=True, slots=True)
class DateRange:
    """When a decision is expected: no earlier than ``start``, no later than ``end``."""

    start: date  # earliest plausible date of the decision
    end: date  # latest: the form fills `decision_by` with this

    def as_json(self) -> dict[str, str]:
        """The range as ``{"from": "YYYY-MM-DD", "to": "YYYY-MM-DD"}``."""
        return {"from": self.start.isoformat(), "to": self.end.isoformat()}


class PhraseError(ValueError):
    """A phrase that gives no date; the message is written for the person who typed it."""


def _not_understood(text: str) -> PhraseError:
    examples = f"{_EXAMPLES[0]}, {_EXAMPLES[1]} or {_EXAMPLES[2]}"
    if not text.strip():
        return PhraseError(f"No phrase given. Try for example {examples}.")
    return PhraseError(f"Could not understand {text.strip()!r}. Try for example {examples}.")


@dataclass(frozen=True, slots=True)
class _Context:
    reference: date
    country: str
    subdivision: str | None


# ---------------------------------------------------------------- normalising the text

_NUMBER_WORDS = {
    "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6",
    "seven": "7", "eight": "8", "nine": "9", "ten": "10", "eleven": "11", "twelve": "12",
}  # fmt: skip
_NUMBER_WORD = re.compile(r"\b(" + "|".join(_NUMBER_WORDS) + r")\b")
# "a week", "a month": the article is the number one, but "a couple of" / "a few" are not.
_ARTICLE_AS_ONE = re.compile(r"\ban? (?=(?:day|week|month|business day|working day)s?\b)")
# What people wrap around the date; it carries no meaning for the range.
_FILLER = re.compile(
    r"^(?:(?:we|they|you|i)"
    r"(?:'ll|'re| will| should| are| may| might| hope to| expect to| plan to)? )?"
    r"(?:decide|deciding|know|have a decision|make (?:a|our|their) decision|be in touch|"
    r"let you know|get back to you|hear(?: back)?(?: from us)?|expect a decision|"
    r"a decision(?: is expected)?|decision(?: is expected)?|expected|decision expected)"
    r"(?: |$)"
)
_VAGUE = re.compile(r"^(?:on|around|about|approximately|roughly|sometime|some time) ")
_DEADLINE = re.compile(r"^(?:by|within|until|no later than|on or before|not later than) ")
_BEFORE = re.compile(r"^before ")
_AT_THE_LATEST = re.compile(r" at (?:the )?latest$")
_ISH = re.compile(r"(?:-?ish| or so)$")


def _normalise(text: str) -> str:
    text = text.lower().replace("\u2019", "'")
    text = re.sub(r"(?<=[a-z])-(?=[a-z])", " ", text)  # "mid-October", "end-of-week"
    text = re.sub(r"[,;:!?]", " ", text)
    text = " ".join(text.split()).rstrip(". ")
    text = _NUMBER_WORD.sub(lambda m: _NUMBER_WORDS[m.group(1)], text)
    text = _ARTICLE_AS_ONE.sub("1 ", text)
    # "the" never changes the meaning ("the end of the month") and removing it halves the patterns.
    return " ".join(word for word in text.split() if word != "the")


# ---------------------------------------------------------------- date arithmetic

_WEEKDAYS = {
    "monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2, "wed": 2,
    "thursday": 3, "thu": 3, "thur": 3, "thurs": 3, "friday": 4, "fri": 4, "saturday": 5,
    "sat": 5, "sunday": 6, "sun": 6,
}  # fmt: skip
_MONTHS = {name.lower(): number for number, name in enumerate(calendar.month_name) if name} | {
    name.lower(): number for number, name in enumerate(calendar.month_abbr) if name
}
_MONTHS["sept"] = 9
_WEEKDAY = "(?P<weekday>" + "|".join(_WEEKDAYS) + ")"
_MONTH = "(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + ")"
_FRIDAY = 4


def _monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _last_day(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def _add_months(day: date, months: int) -> date:
    """The same day ``months`` later, or that month's last day if it is shorter (Jan 31 + 1)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, _last_day(year, month + 1)))


def _one_day(day: date) -> DateRange:
    return DateRange(day, day)


@lru_cache(maxsize=256)
def _holidays(country: str, subdivision: str | None, year: int) -> dict[date, str]:
    import holidays

    # Names are localised by the LANG of the process unless we ask for English; the patterns
    # below are English. Countries without an English translation already use English names.
    found = holidays.country_holidays(country, subdiv=subdivision, years=year, language="en_US")
    return dict(found.items())


def _is_business_day(day: date, ctx: _Context) -> bool:
    return day.weekday() < 5 and day not in _holidays(ctx.country, ctx.subdivision, day.year)


# ---------------------------------------------------------------- the grammar

_Handler = Callable[[re.Match[str], _Context], DateRange]


def _today(match: re.Match[str], ctx: _Context) -> DateRange:
    return _one_day(ctx.reference)


def _tomorrow(match: re.Match[str], ctx: _Context) -> DateRange:
    return _one_day(ctx.reference + _DAY)


def _weekday(match: re.Match[str], ctx: _Context) -> DateRange:
    # Strictly after: said on a Friday, "Friday" means the next one, not today.
    ahead = (_WEEKDAYS[match["weekday"]] - ctx.reference.weekday() - 1) % 7 + 1
    return _one_day(ctx.reference + timedelta(days=ahead))


def _next_weekday(match: re.Match[str], ctx: _Context) -> DateRange:
    # Calendar weeks run Monday to Sunday; "next Tuesday" is in the week after this one.
    next_monday = _monday_of(ctx.reference) + timedelta(days=7)
    return _one_day(next_monday + timedelta(days=_WEEKDAYS[match["weekday"]]))


def _this_week(match: re.Match[str], ctx: _Context) -> DateRange:
    # On a weekend the working week that matters is the coming one.
    ahead = (_FRIDAY - ctx.reference.weekday()) % 7
    return DateRange(ctx.reference, ctx.reference + timedelta(days=ahead))


def _end_of_next_week(match: re.Match[str], ctx: _Context) -> DateRange:
    friday = _monday_of(ctx.reference) + timedelta(days=7 + _FRIDAY)
    return DateRange(ctx.reference, friday)


def _next_week(match: re.Match[str], ctx: _Context) -> DateRange:
    monday = _monday_of(ctx.reference) + timedelta(days=7)
    return DateRange(monday, monday + timedelta(days=_FRIDAY))


def _shift(day: date, count: int, unit: str) -> date:
    if unit == "month":
        return _add_months(day, count)
    return day + timedelta(days=count * (7 if unit == "week" else 1))


def _in_units(match: re.Match[str], ctx: _Context) -> DateRange:
    return _one_day(_shift(ctx.reference, int(match["count"]), match["unit"]))


def _in_business_days(match: re.Match[str], ctx: _Context) -> DateRange:
    day, left = ctx.reference, int(match["count"])
    while left:
        day += _DAY
        left -= _is_business_day(day, ctx)
    return _one_day(day)


# "A couple" is two or three, "a few" two to four: how people use them about waiting times.
_VAGUE_COUNTS = {"couple of": (2, 3), "couple": (2, 3), "few": (2, 4)}


def _vague_units(match: re.Match[str], ctx: _Context) -> DateRange:
    low, high = _VAGUE_COUNTS[match["quantity"]]
    unit = match["unit"]
    return DateRange(_shift(ctx.reference, low, unit), _shift(ctx.reference, high, unit))


# Parts of a month as first and last day; None for the last day means the month's last day.
_MONTH_PARTS: dict[str | None, tuple[int, int | None]] = {
    None: (1, None),
    "early": (1, 10),
    "beginning of": (1, 10),
    "start of": (1, 10),
    "mid": (11, 20),
    "middle of": (11, 20),
    "end of": (21, None),
    "late": (21, None),
}


def _month_part(match: re.Match[str], ctx: _Context) -> DateRange:
    first, last = _MONTH_PARTS[match["part"]]
    name, ref = match["month"] or match["month_word"], ctx.reference
    if name in ("month", "this month", "next month"):
        shifted = _add_months(ref.replace(day=1), 1 if name == "next month" else 0)
        year, month = shifted.year, shifted.month
    else:
        month = _MONTHS[name]
        year = int(match["year"]) if match["year"] else ref.year
    end = date(year, month, last or _last_day(year, month))
    if end < ref and not match["year"] and name in _MONTHS:
        # "early January" said in December is next January.
        year += 1
        end = date(year, month, last or _last_day(year, month))
    return DateRange(date(year, month, first), end)


def _end_of_year(match: re.Match[str], ctx: _Context) -> DateRange:
    year = ctx.reference.year
    return DateRange(date(year, 12, 21), date(year, 12, 31))


_HOLIDAYS = {
    # key: (how we name it in messages, full-match pattern over the holidays package's names)
    "christmas": ("Christmas", re.compile(r"(?:catholic )?christmas(?: day)?")),
    "thanksgiving": ("Thanksgiving", re.compile(r"(?:national day of )?thanksgiving(?: day)?")),
    "new year": ("New Year", re.compile(r"new year(?:'s)?(?: day)?")),
}
# "Before the holidays" means the end-of-year break, which Christmas starts.
_HOLIDAY_WORDS = {"xmas": "christmas", "holidays": "christmas"}


def _holiday(match: re.Match[str], ctx: _Context) -> DateRange:
    word = "new year" if match["holiday"].startswith("new year") else match["holiday"]
    label, pattern = _HOLIDAYS[_HOLIDAY_WORDS.get(word, word)]
    for year in (ctx.reference.year, ctx.reference.year + 1):
        for day, names in sorted(_holidays(ctx.country, ctx.subdivision, year).items()):
            # Several holidays on one day are joined by "; "; "(observed)" days do not count.
            if day > ctx.reference and any(
                pattern.fullmatch(name.lower()) for name in names.split("; ")
            ):
                return _one_day(day)
    where = ctx.country + (f"-{ctx.subdivision}" if ctx.subdivision else "")
    raise PhraseError(f"{label} is not a public holiday in {where}.")


def _calendar_date(year: int, month: int, day: int, ctx: _Context, explicit_year: bool) -> date:
    # Without a year the next such day is meant: "December 4" said on December 10 is next
    # year's, "February 29" the next leap year's within one year ahead.
    for candidate in (year,) if explicit_year else (year, year + 1):
        if 1 <= day <= _last_day(candidate, month):
            found = date(candidate, month, day)
            if explicit_year or found >= ctx.reference:
                return found
    raise PhraseError(f"There is no day {day} in {calendar.month_name[month]} {year}.")


def _iso_date(match: re.Match[str], ctx: _Context) -> DateRange:
    year, month, day = (int(match[key]) for key in ("year", "month_number", "day"))
    if not 1 <= month <= 12:
        raise PhraseError(f"There is no month {month}.")
    return _one_day(_calendar_date(year, month, day, ctx, explicit_year=True))


def _plain_date(match: re.Match[str], ctx: _Context) -> DateRange:
    year = int(match["year"]) if match["year"] else ctx.reference.year
    day = _calendar_date(year, _MONTHS[match["month"]], int(match["day"]), ctx, bool(match["year"]))
    return _one_day(day)


def _day_of_month(match: re.Match[str], ctx: _Context) -> DateRange:
    # "the 4th": this month's if still ahead (or today), else next month's that has one.
    wanted, day = int(match["day"]), ctx.reference.replace(day=1)
    for _ in range(3):
        if (
            1 <= wanted <= _last_day(day.year, day.month)
            and day.replace(day=wanted) >= ctx.reference
        ):
            return _one_day(day.replace(day=wanted))
        day = _add_months(day, 1)
    raise PhraseError(f"No month has a day {wanted}.")


_ORDINAL = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?: (?P<year>\d{4}))?"
_UNIT = r"(?P<unit>day|week|month)s?"
_PATTERNS: list[tuple[re.Pattern[str], _Handler]] = [
    (re.compile(pattern), handler)
    for pattern, handler in [
        (r"today|end of (?:today|day)", _today),
        (r"tomorrow", _tomorrow),
        (rf"(?:this )?(?:coming )?{_WEEKDAY}", _weekday),
        (rf"next {_WEEKDAY}", _next_weekday),
        (r"this week|end of (?:this )?week|end of working week", _this_week),
        (r"end of next week", _end_of_next_week),
        (r"next week", _next_week),
        (rf"(?:in )?(?P<count>\d+) {_UNIT}(?: time| from now)?", _in_units),
        (
            r"(?:in )?(?P<count>\d+) (?:business|working) days?(?: time| from now)?",
            _in_business_days,
        ),
        (
            rf"(?:in )?a (?P<quantity>couple of|couple|few) {_UNIT}(?: time| from now)?",
            _vague_units,
        ),
        (
            r"(?:in )?(?:(?P<part>early|beginning of|start of|mid|middle of|end of|late) )?(?:in )?"
            rf"(?:{_MONTH}{_YEAR}|(?P<month_word>(?:this |next )?month))",
            _month_part,
        ),
        (r"(?:end of|late) (?:this )?year", _end_of_year),
        (r"(?P<holiday>christmas|xmas|holidays|thanksgiving|new year(?:'?s)?(?: day)?)", _holiday),
        (r"(?P<year>\d{4})-(?P<month_number>\d{1,2})-(?P<day>\d{1,2})", _iso_date),
        (rf"{_MONTH} {_ORDINAL}{_YEAR}", _plain_date),
        (rf"{_ORDINAL}(?: of)? {_MONTH}{_YEAR}", _plain_date),
        (r"(?P<day>\d{1,2})(?:st|nd|rd|th)(?: of (?:this )?month)?", _day_of_month),
    ]
]


def _by_grammar(core: str, ctx: _Context) -> DateRange | None:
    for pattern, handler in _PATTERNS:
        match = pattern.fullmatch(core)
        if match:
            return handler(match, ctx)
    return None


def _by_dateparser(core: str, ctx: _Context) -> DateRange | None:
    """One day from ``dateparser``, or None; imported here because it takes ~0.1 s to load."""
    # dateparser reads a lone "5" or "a" as a date; demand at least one real word.
    if not re.search(r"[a-z]{3}", core):
        return None
    import dateparser

    parsed = dateparser.parse(
        core,
        languages=["en"],  # our grammar is English; guessing the language is slow and misleads
        settings={
            "RELATIVE_BASE": datetime(ctx.reference.year, ctx.reference.month, ctx.reference.day),
            "PREFER_DATES_FROM": "future",
        },
    )
    if parsed is None or parsed.date() < ctx.reference:
        return None
    return _one_day(parsed.date())


def _checked_place(country: str, subdivision: str | None) -> tuple[str, str | None]:
    import holidays

    supported = holidays.list_supported_countries()
    code = country.strip().upper()
    if code not in supported:
        raise PhraseError(f"Unknown country code {country!r}: use a code such as US, GB or DE.")
    if subdivision is None or subdivision in supported[code]:
        return code, subdivision
    if subdivision.upper() in supported[code]:
        return code, subdivision.upper()
    raise PhraseError(f"Unknown subdivision {subdivision!r} of {code}.")


def parse_phrase(
    text: str, reference: date, country: str = "US", subdivision: str | None = None
) -> DateRange:
    """The dates an employer's timing phrase means, counted from ``reference``.

    1. Normalise: lower case, no "the", number words as digits, fillers such as "we'll decide"
       dropped.
    2. Take off the frame: "by"/"within"/"... at the latest" make a deadline (start = reference),
       "before X" ends the day before X, "on"/"around" change nothing.
    3. Match the rest against our grammar, else ask ``dateparser`` for one day.
    4. Refuse results that are over before ``reference``; clip a start before it.

    ``country`` and ``subdivision`` choose the public holidays ("before Thanksgiving", "in 5
    business days"). Raises PhraseError (a ValueError) with a message for the user.
    """
    ctx = _Context(reference, *_checked_place(country, subdivision))
    core = _FILLER.sub("", _normalise(text))
    core = _ISH.sub("", core).strip()
    deadline = before = False
    while True:
        if _AT_THE_LATEST.search(core):
            core, deadline = _AT_THE_LATEST.sub("", core), True
        elif _DEADLINE.match(core):
            core, deadline = _DEADLINE.sub("", core, count=1), True
        elif _BEFORE.match(core):
            core, before = _BEFORE.sub("", core, count=1), True
        elif _VAGUE.match(core):
            core = _VAGUE.sub("", core, count=1)
        else:
            break
    if not core:
        raise _not_understood(text)

    found = _by_grammar(core, ctx) or _by_dateparser(core, ctx)
    if found is None:
        raise _not_understood(text)
    if before:
        found = DateRange(reference, found.start - _DAY)
    elif deadline:
        found = DateRange(reference, found.end)
    if found.end < reference:
        raise PhraseError(
            f"{text.strip()!r} is already over on {reference.isoformat()}: give a later date."
        )
    return DateRange(max(found.start, reference), found.end)
