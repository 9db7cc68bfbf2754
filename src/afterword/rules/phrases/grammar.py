"""The grammar: each form of timing phrase as a regular expression and the function that reads it.

A core phrase (lower case, no "the", no frame such as "by" or "before") must match one pattern
whole; the first pattern that matches and gives an answer wins.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import timedelta

from afterword.rules.phrases import dates, months, named_days, spans, weeks
from afterword.rules.phrases.model import (
    FRIDAY,
    Context,
    DateRange,
    PhraseError,
    monday_of,
    shift,
)
from afterword.rules.phrases.vocabulary import (
    DAY,
    DAY2,
    MONTH,
    MONTH2,
    ORDINAL_SUFFIX,
    PART,
    TO,
    WEEKDAY,
    WEEKDAY2,
    WEEKDAYS,
    YEAR,
)

Handler = Callable[[re.Match[str], Context], DateRange | None]


def week_of(match: re.Match[str], ctx: Context) -> DateRange | None:
    """ "The week of the 9th", "w/c 22 March": Monday to Friday of the week holding that day."""
    # The day is looked for from this week's Monday on: "the week of the 16th" said on
    # Wednesday the 18th is this week.
    found = read_core(
        match["rest"], Context(monday_of(ctx.reference), ctx.country, ctx.subdivision)
    )
    if found is None or found.start != found.end:
        return None
    if found.start.weekday() >= 5:
        raise PhraseError(
            f"{found.start:%A %d %B} is a weekend day, so the week is unclear: "
            "name a weekday of that week."
        )
    monday = monday_of(found.start)
    return DateRange(monday, monday + timedelta(days=FRIDAY))


def weekday_and_date(match: re.Match[str], ctx: Context) -> DateRange | None:
    """ "Friday the 15th", "Monday 5 October": the date, if it falls on that weekday."""
    found = read_core(match["rest"], ctx)
    if found is None or found.start != found.end:
        return None
    if found.start.weekday() != WEEKDAYS[match["weekday"]]:
        raise PhraseError(
            f"{found.start:%d %B %Y} is a {found.start:%A}, not a {_day_name(match)}."
        )
    return found


def week_on_day(match: re.Match[str], ctx: Context) -> DateRange | None:
    """ "Thursday week", "a week on Monday", "three weeks from Friday", "a fortnight tomorrow":
    that many units after the day named (the next such weekday, tomorrow or today)."""
    day = read_core(match["rest"], ctx)
    if day is None or day.start != day.end:
        return None
    low, high = spans.counts(match) if match.groupdict().get("low") else (1, 1)
    unit = match.groupdict().get("unit") or "week"
    return DateRange(shift(day.start, low, unit), shift(day.start, high, unit))


def week_beside(match: re.Match[str], ctx: Context) -> DateRange | None:
    """ "The week before Christmas": Monday to Friday of the working week before the one it
    starts in; "the week after Easter": of the first week starting after its first day."""
    found = read_core(match["rest"], ctx)
    if found is None:
        return None
    if match["which"] == "before":
        monday = monday_of(found.start) - timedelta(days=7)
    else:
        monday = monday_of(found.start) + timedelta(days=7)
    return DateRange(monday, monday + timedelta(days=FRIDAY))


def weekday_beside(match: re.Match[str], ctx: Context) -> DateRange | None:
    """ "The Monday after Thanksgiving": the first such weekday after the day named (the last
    before it for "before")."""
    found = read_core(match["rest"], ctx)
    if found is None:
        return None
    weekday = WEEKDAYS[match["weekday"]]
    if match["which"] == "after":
        day = found.end + timedelta(days=(weekday - found.end.weekday() - 1) % 7 + 1)
    else:
        day = found.start - timedelta(days=(found.start.weekday() - weekday - 1) % 7 + 1)
    return DateRange(day, day)


def working_day_of(match: re.Match[str], ctx: Context) -> DateRange | None:
    """ "The last working day of the month", "the first business day of next month"."""
    found = read_core(match["rest"], ctx)
    if found is None:
        return None
    business = ctx.business
    if match["which"] == "1st":
        day = business.on_or_after(found.start)
    else:
        day = found.end
        while not business.is_business_day(day):
            day -= timedelta(days=1)
    if not found.start <= day <= found.end:
        return None
    return DateRange(day, day)


_PART_WORDS = {"end": "end of", "middle": "middle of"}


def part_to_part(match: re.Match[str], ctx: Context) -> DateRange | None:
    """ "Mid-to-late March", "early to mid next month": from the first part's start to the
    second part's end, of the same month or week."""
    second = _PART_WORDS.get(match["part2"], match["part2"])
    first = read_core(f"{match['part']} {match['rest']}", ctx)
    last = read_core(f"{second} {match['rest']}", ctx)
    if first is None or last is None or last.end < first.start:
        return None
    return DateRange(first.start, last.end)


_JOINER = re.compile(r" (?:or|to|through|thru|until|till|and) ")
_BORROWS = re.compile(r"1st|2nd|3rd|4th|last|early|mid|late")
# Two readings joined into one range may not span more than a quarter: "late March or early
# April", not "Monday or Q4".
_LONGEST_JOIN = timedelta(days=92)


def either_end(match: re.Match[str], ctx: Context) -> DateRange | None:
    """ "Late March or early April", "end of this week to early next week": from the first
    phrase's start to the second's end, when each reads on its own and they come in order."""
    text = match[0]
    for joiner in _JOINER.finditer(text):
        head, tail = text[: joiner.start()], text[joiner.end() :]
        if _BORROWS.fullmatch(head):
            # "The second or third week of May": the first borrows the second's words.
            head = f"{head} {tail.partition(' ')[2]}"
        first = read_core(head, ctx)
        last = read_core(tail, ctx)
        if first is None or last is None:
            continue
        in_order = first.start <= last.start and first.end <= last.end
        if in_order and last.end - first.start <= _LONGEST_JOIN:
            return DateRange(first.start, last.end)
        raise PhraseError(f"{text!r} joins two dates out of order or too far apart.")
    return None


def _day_name(match: re.Match[str]) -> str:
    return ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")[
        WEEKDAYS[match["weekday"]]
    ]


_NAMED_WEEK = r"(?P<week>this week|next week|week after next|following week)"
_WEEK = r"(?P<week>this week|next week|week after next|following week|week)"
_WEEK_PART = r"(?P<part>early|beginning of|start of|mid|middle of|late)"
_WEEKDAYS_JOINED = r"(?: to | or | and | through | thru | - | )"
_MONTH_OR_WORD = rf"(?:{MONTH}{YEAR}|(?P<month_word>(?:this |next )?month))"
_QUARTER = r"(?:q(?P<q>[1-4])|(?P<qo>[1-4])(?:st|nd|rd|th) quarter|quarter (?P<qn>[1-4]))"
_NOT_A_SPAN = r"(?!.*\b(?:weeks?|days?|months?|hours?|years?)\b)"

_PATTERNS: list[tuple[re.Pattern[str], Handler]] = [
    (re.compile(pattern), handler)
    for pattern, handler in [
        (r"today", weeks.today),
        (r"tomorrow", weeks.tomorrow),
        (r"day after tomorrow", weeks.day_after_tomorrow),
        (r"yesterday", weeks.yesterday),
        # weekdays
        (rf"{WEEKDAY} (?P<rest>{_NOT_A_SPAN}.*\d.*)", weekday_and_date),
        (rf"(?:this |coming |this coming )?{WEEKDAY}", weeks.weekday),
        (rf"(?P<next>next) {WEEKDAY}", weeks.weekday),
        (rf"{WEEKDAY} (?:of |in )?{_NAMED_WEEK}", weeks.weekday),
        (rf"(?P<rest>{WEEKDAY}) (?P<unit>week)", week_on_day),
        # "The Friday after next": a week after the coming Friday.
        (rf"(?P<rest>{WEEKDAY}) after next", week_on_day),
        (r"week (?P<which>before|after) (?P<rest>.+)", week_beside),
        (rf"{WEEKDAY} (?P<which>before|after) (?P<rest>.+)", weekday_beside),
        (rf"{_NAMED_WEEK} {WEEKDAY}", weeks.weekday),
        (
            rf"(?P<next>next )?{WEEKDAY}{_WEEKDAYS_JOINED}{WEEKDAY2}"
            rf"(?: (?:of |in )?{_NAMED_WEEK})?",
            weeks.weekday_span,
        ),
        # weeks
        (r"this week|end of (?:this )?(?:working )?week", weeks.this_week),
        (rf"end of {_NAMED_WEEK}", weeks.end_of_week),
        (r"(?P<week>next week|week after next|following week)", weeks.whole_week),
        (rf"{_WEEK_PART} (?:in |of )?{_WEEK}", weeks.week_part),
        (r"later (?:this|in) week", weeks.later_this_week),
        (r"(?:over |during |at |on )?(?:this |coming |this coming )?weekend", weeks.weekend),
        (
            r"(?:week of|week commencing|week beginning|week starting|w/c|w/b|wc|wb) (?P<rest>.+)",
            week_of,
        ),
        # lengths of time
        (
            rf"(?:{spans.COUNTS} )?{spans.UNIT} (?:on|from|after) (?P<rest>tomorrow|today|"
            rf"{WEEKDAY}.*|\d.*|{MONTH}.*)",
            week_on_day,
        ),
        (
            rf"{spans.COUNTS} (?P<unit>week|fortnight) (?P<rest>tomorrow|today|{WEEKDAY})",
            week_on_day,
        ),
        (rf"{spans.COUNTS} (?:business|working|work) days?", spans.business_days),
        (rf"{spans.COUNTS} {spans.UNIT}", spans.units),
        (rf"(?P<low>\d+) {spans.UNIT} or (?P<high>\d+)", spans.units),
        (rf"(?:a )?(?P<quantity>couple of|couple|few) {spans.UNIT}", spans.units),
        (rf"{spans.COUNTS} (?:hours?|hrs?)", spans.hours),
        (r"(?:a )?(?P<quantity>couple of|couple|few) (?:hours?|hrs?)", spans.hours),
        # months
        (rf"(?:{PART} )?{_MONTH_OR_WORD}", months.month_part),
        (r"later (?:this|in) month", months.later_this_month),
        (rf"(?P<half>1st|2nd) half (?:of |in )?{_MONTH_OR_WORD}", months.month_half),
        (
            r"(?P<part>early|beginning of|start of|mid|middle of|late)(?: to | - | through | or )"
            r"(?P<part2>mid|middle of|middle|late|end of|end)(?: of)? (?P<rest>.+)",
            part_to_part,
        ),
        (
            r"(?P<which>1st|last|final) (?:working|business|work) day (?:of|in) (?P<rest>.+)",
            working_day_of,
        ),
        (
            rf"(?P<nth>1st|2nd|3rd|4th|last|final) week (?:of|in) {_MONTH_OR_WORD}",
            months.week_of_month,
        ),
        # quarters, halves, years
        (
            rf"(?:{PART} (?:of )?)?{_QUARTER}(?: (?:of )?(?P<year>\d{{4}}|this year|next year))?",
            months.quarter,
        ),
        (
            rf"(?:{PART} (?:of )?)?(?:(?P<which>this|next|current|following) )?quarter",
            months.relative_quarter,
        ),
        (
            r"(?:h(?P<h>[12])|(?P<ho>1st|2nd) half(?: of)?)"
            r"(?: (?P<year>\d{4}|this year|next year|year))?",
            months.half,
        ),
        (
            r"(?:(?P<part>early|beginning of|start of|mid|middle of|end of|late|later) (?:in )?)?"
            r"(?P<year>20\d\d|this year|next year|year)",
            months.year_part,
        ),
        # holidays
        (named_days.HOLIDAY, named_days.holiday),
        # calendar dates
        (r"(?P<year>\d{4})-(?P<month_number>\d{1,2})-(?P<day>\d{1,2})", dates.iso_date),
        (rf"{MONTH} {DAY}{YEAR}", dates.plain_date),
        (rf"{DAY}(?: of)? {MONTH}{YEAR}", dates.plain_date),
        (rf"(?P<day>\d{{1,2}}){ORDINAL_SUFFIX}(?: of (?:this )?month)?", dates.day_of_month),
        (rf"(?P<day>\d{{1,2}}){ORDINAL_SUFFIX}? of next month", dates.day_of_next_month),
        # ranges of days
        (rf"{MONTH} {DAY}{TO}{DAY2}{YEAR}", dates.month_day_span),
        (rf"{DAY}{TO}{DAY2}(?: of)? {MONTH}{YEAR}", dates.month_day_span),
        (rf"{MONTH} {DAY}{TO}{MONTH2} {DAY2}{YEAR}", dates.month_day_span),
        (rf"{DAY}(?: of)? {MONTH}{TO}{DAY2}(?: of)? {MONTH2}{YEAR}", dates.month_day_span),
        (
            rf"(?P<day>\d{{1,2}}){ORDINAL_SUFFIX}{TO}(?P<day2>\d{{1,2}}){ORDINAL_SUFFIX}?",
            dates.day_span,
        ),
        # numeric dates
        (r"(?P<a>\d{1,2})/(?P<b>\d{1,2})(?:/(?P<y>\d{4}|\d{2}))?", dates.numeric_date),
        (r"(?P<a>\d{1,2})-(?P<b>\d{1,2})-(?P<y>\d{4})", dates.numeric_date),
        (r"(?P<d>\d{1,2})\.(?P<m>\d{1,2})(?:\.(?P<y>\d{4}|\d{2}))?\.?", dates.dotted_date),
        # last: holidays by the name the country's own table gives them, and two phrases
        # joined by "or" / "to"
        (r"(?P<name>[a-z][a-z' ]*[a-z])", named_days.by_table_name),
        (r".+ (?:or|to|through|thru|until|till|and) .+", either_end),
    ]
]


def read_core(core: str, ctx: Context) -> DateRange | None:
    """The dates a core phrase names, or None when no pattern reads it."""
    for pattern, handler in _PATTERNS:
        match = pattern.fullmatch(core)
        if match:
            found = handler(match, ctx)
            if found is not None:
                return found
    return None
