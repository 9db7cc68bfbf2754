"""What employers say about timing, turned into dates: "we'll decide by end of next week".

A grammar of regular expressions over normalised lower-case English reads the phrases recruiters
use and gives each a deliberate meaning; ``dateparser`` only reads single calendar dates the
grammar missed, and only when its answer agrees with the words. Whatever else is refused with a
PhraseError: a wrong date is worse than none. Pure: the reference date (usually the day of the
interview) is passed in; nothing here reads the clock.

Conventions, decided once here so every phrase follows them:

- A phrase naming one day ("Friday", "next Tuesday", "in 2 weeks", "12/1") gives start = end.
  A bare weekday is the next one strictly after the reference; "next Tuesday", "Tuesday next
  week" are in the next Monday-to-Sunday week.
- A range stays a range: "Jan 12-16", "in 2-3 weeks", "a week or two", "3-5 business days".
- A deadline ("by Friday", "within 10 days", "in the next two weeks", "Friday at the latest",
  "before the end of the month") gives start = the reference date itself.
- "before X" ends the day before X starts ("before Christmas" = December 24).
- "after X" runs from the first business day after X to the Friday of the following week
  ("after Labor Day", "after the new year"); "in the new year" means the same.
- Weeks: early = Monday-Tuesday, mid = Tuesday-Thursday, late = Thursday-Friday; "the end of
  (next) week" is a deadline on its Friday. "The week of the 9th" is Monday to Friday of that
  day's week (refused when the 9th is a weekend day).
- Months: early = 1-10, mid = 11-20, end / late = 21 to the last day; the first week is days
  1-7, the last week the last seven days. Quarters are calendar quarters, and a part of one is
  one of its months. Years: early = January-April, mid = May-August, late = September-December,
  the start = January, the end = December 21-31.
- "A couple" is 2-3, "a few" 2-4; "the coming days" = a few days, "the coming weeks" = a few
  weeks, both deadlines. "In N hours" falls on the days N hours can reach.
- Business days skip weekends and the country's public holidays (rules/calendar.py).
- Numeric dates follow the country: month first in the US, day first in most of the world,
  either in Canada (so only a date that reads one way is accepted there); "4.12." is always day
  first, ISO dates are read anywhere.
- Without a year a date, month or holiday means the next one not yet over; a range holding the
  reference starts on it; one already over is refused, as is anything ending more than 18 months
  after the reference. A day and month that fell in the half-year before the reference is over
  ("by 30 October" on 4 November), not next year's.
- Halves of a month are days 1-15 and 16 to its end. "Thursday week", "a week on Monday" count
  from the next such day. "The week before X" is Monday to Friday of the week before the one X
  starts in, "the week after X" of the first week starting after X's first day. A holiday
  "weekend" is the Saturday to a Monday holiday (a Friday one to Sunday). "After <an event> on
  <a day>" is after that day; "once X is over" is after X.
- Two phrases joined by "or", "to", "and" make one range when they come in order and span at
  most a quarter; otherwise the phrase is refused. A first day with no last ("from the 9th
  onwards", "Monday or later") is refused. Any public holiday reads by the name the country's
  own table gives it; an "(observed)" day is not the holiday.
"""

from __future__ import annotations

import re
from datetime import date

from afterword.rules.phrases.fallback import by_dateparser
from afterword.rules.phrases.grammar import read_core
from afterword.rules.phrases.model import (
    DAY,
    FRIDAY,
    HORIZON_MONTHS,
    AlreadyOver,
    Context,
    DateRange,
    NotUnderstood,
    PhraseError,
    add_months,
    monday_of,
)
from afterword.rules.phrases.text import FILLER_WORDS, normalise, take_frame

__all__ = ["AlreadyOver", "DateRange", "NotUnderstood", "PhraseError", "parse_phrase"]

_EXAMPLES = ('"by Friday"', '"end of next week"', '"mid October"')


def _not_understood(text: str) -> NotUnderstood:
    examples = f"{_EXAMPLES[0]}, {_EXAMPLES[1]} or {_EXAMPLES[2]}"
    if not text.strip():
        return NotUnderstood(f"No phrase given. Try for example {examples}.")
    return NotUnderstood(f"Could not understand {text.strip()!r}. Try for example {examples}.")


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


def _after(found: DateRange, ctx: Context) -> DateRange:
    start = ctx.business.after(found.end)
    return DateRange(start, monday_of(start) + DAY * (7 + FRIDAY))


def _read(core: str, ctx: Context, end_of_day: bool, *, fallback: bool) -> DateRange | None:
    framed = take_frame(core)
    words = framed.core or ("today" if end_of_day else "")
    if not words:
        return None
    found = by_dateparser(words, ctx) if fallback else read_core(words, ctx)
    if found is None:
        return None
    if framed.before:
        return DateRange(ctx.reference, found.start - DAY)
    if framed.after:
        return _after(found, ctx)
    if framed.deadline:
        return DateRange(ctx.reference, found.end)
    return found


def parse_phrase(
    text: str, reference: date, country: str = "US", subdivision: str | None = None
) -> DateRange:
    """The dates an employer's timing phrase means, counted from ``reference``.

    1. Normalise: lower case, no "the", number words as digits, clock times dropped, "EOD" and
       "close of business" as the day they end.
    2. Drop the words around the date ("we'll be in touch", "you should hear back"), trying the
       whole text first and then without its first filler words, one at a time.
    3. Take off the frame: "by"/"within"/"... at the latest" make a deadline (start =
       reference), "before X" ends the day before X, "after X" starts the business day after.
    4. Match the rest against our grammar; only if nothing reads it, ask ``dateparser`` for one
       calendar date.
    5. Refuse results that are over before ``reference`` or end more than 18 months after it;
       clip a start before it.

    ``country`` and ``subdivision`` choose the public holidays ("before Thanksgiving", "in 5
    business days") and the order of numeric dates. Raises PhraseError (a ValueError) with a
    message for the user.
    """
    try:
        return _parse(text, reference, country, subdivision)
    except OverflowError:
        # Counting days or months from a reference near 9999-12-31 leaves the calendar.
        raise PhraseError(
            f"counted from {reference.isoformat()}, this runs past the last day the calendar "
            "holds (31 December 9999): give a nearer date."
        ) from None


# "From the 9th onwards", "Monday or later": a first day and no last one.
_OPEN_END = re.compile(r"\b(?:onwards?|or later|and beyond|at the earliest|or after)$")


# "The Monday after, the 30th": counted from a day named earlier, which the phrase lacks; read
# without its comma it would be the Monday after the 30th.
_COUNTED_FROM_BEFORE = re.compile(r"\b(?:after|before),")


def _parse(text: str, reference: date, country: str, subdivision: str | None) -> DateRange:
    ctx = Context(reference, *_checked_place(country, subdivision))
    if _COUNTED_FROM_BEFORE.search(text.lower()):
        raise NotUnderstood(
            f"{text.strip()!r} counts from a day named before it: give the day itself."
        )
    core, end_of_day = normalise(text)
    if _OPEN_END.search(core):
        raise PhraseError(
            f"{text.strip()!r} gives a first day but no last one: give a day or a range."
        )
    words = core.split()
    for fallback in (False, True):
        for first in range(len(words) + 1):
            if first and words[first - 1] not in FILLER_WORDS:
                break
            found = _read(" ".join(words[first:]), ctx, end_of_day, fallback=fallback)
            if found is not None:
                return _within_reach(found, text, reference)
    raise _not_understood(text)


def _within_reach(found: DateRange, text: str, reference: date) -> DateRange:
    if found.end < reference:
        raise AlreadyOver(
            f"{text.strip()!r} is already over on {reference.isoformat()}: give a later date."
        )
    limit = add_months(reference, HORIZON_MONTHS)
    if found.end > limit:
        raise PhraseError(
            f"{text.strip()!r} ends after {limit.isoformat()}, more than {HORIZON_MONTHS} months "
            f"from {reference.isoformat()}: give a nearer date."
        )
    return DateRange(max(found.start, reference), found.end)
