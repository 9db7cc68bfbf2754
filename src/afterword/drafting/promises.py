"""Promised dates in a message: "I will follow up on Monday 16 March" -> 2026-03-16 (K7, F6).

A promise is a sentence in which the writer says they will check in, follow up, call, get back or
be in touch, together with a date. The date may be written out ("Monday 16 March", "Monday, March
16", "March 16th", "16 March 2026"), given as ISO ("2026-03-16"), as a day of the month ("on the
16th"), as a bare weekday ("on Tuesday") or as a relative phrase that ``rules.phrases`` understands
("by the end of next week").

Conventions, decided once here:

- A date without a year is the next such date on or after the day the message is written.
- A bare weekday (or "this Friday") is the next such day after that day; "next Tuesday" is
  the Tuesday of the following calendar week, as `afterword when` reads it.
- A relative phrase that means a range ("next week", "by Friday") promises its last day; the
  promise is kept by any day of the range, which ``earliest`` records.

Pure: the day of writing is passed in, nothing reads the clock.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date, timedelta

from afterword.rules.phrases import PhraseError, parse_phrase

_DAY = timedelta(days=1)
_HALF_YEAR = timedelta(days=183)


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date written in the text: ``text[start:end]`` are the date words."""

    day: date
    start: int
    end: int
    # The first day that keeps the promise; equal to ``day`` unless a range was written.
    earliest: date
    # The weekday the writer named, when it is not the weekday of ``day`` ("Monday, March 17").
    wrong_weekday: str | None = None


@dataclass(frozen=True, slots=True)
class Promise:
    """The date a sentence promises the next contact for, and where its words are."""

    day: date
    start: int
    end: int
    earliest: date
    wrong_weekday: str | None = None


# ---------------------------------------------------------------- the date words

_WEEKDAY_NUMBERS = {name.lower(): number for number, name in enumerate(calendar.day_name)} | {
    name.lower(): number for number, name in enumerate(calendar.day_abbr)
} | {"tues": 1, "thur": 3, "thurs": 3}  # fmt: skip
_MONTH_NUMBERS = {name.lower(): number for number, name in enumerate(calendar.month_name) if name}
_MONTH_NUMBERS |= {name.lower(): n for n, name in enumerate(calendar.month_abbr) if name}
_MONTH_NUMBERS["sept"] = 9


def _names(words: dict[str, int], full_names: list[str], group: str) -> str:
    """A group matching full names, or abbreviations with an optional full stop ("Mon.")."""
    full = {name.lower() for name in full_names if name}
    ordered = sorted(words, key=len, reverse=True)
    long_forms = "|".join(w for w in ordered if w in full)
    short_forms = "|".join(w for w in ordered if w not in full)
    return rf"(?P<{group}>{long_forms}|(?:{short_forms})\.?)"


_WEEKDAY = _names(_WEEKDAY_NUMBERS, list(calendar.day_name), "weekday")
_FULL_WEEKDAY = r"(?P<weekday>" + "|".join(n.lower() for n in calendar.day_name) + r")"
_MONTH = _names(_MONTH_NUMBERS, list(calendar.month_name), "month")
_DAY_NUMBER = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?:,?\s+(?P<year>\d{4}))?"
_ENDS = r"(?![\w:/.-]\d)(?!\w)"

_DAY_MONTH = re.compile(
    rf"\b(?:{_WEEKDAY},?\s+)?(?:the\s+)?{_DAY_NUMBER}(?:\s+of)?\s+{_MONTH}{_YEAR}{_ENDS}",
    re.IGNORECASE,
)
_MONTH_DAY = re.compile(
    rf"\b(?:{_WEEKDAY},?\s+)?{_MONTH}\s+(?:the\s+)?{_DAY_NUMBER}{_YEAR}{_ENDS}", re.IGNORECASE
)
_ISO = re.compile(r"\b(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})\b")
_ORDINAL = re.compile(r"\bthe\s+(?P<day>\d{1,2})(?:st|nd|rd|th)\b", re.IGNORECASE)
_WEEKDAY_ORDINAL = re.compile(
    rf"\b{_FULL_WEEKDAY},?\s+(?:the\s+)?(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b", re.IGNORECASE
)
_BARE_WEEKDAY = re.compile(rf"\b(?:(?:this|next|coming)\s+)?{_FULL_WEEKDAY}\b", re.IGNORECASE)

# A relative phrase is tried only when it starts with one of these words and ends with a time
# word; everything else is left alone, so an ordinary sentence never reaches the phrase parser.
# A bare count ("four weeks") is not a time on its own: "my notice period is four weeks".
_PHRASE_START = frozenset(
    {
        *("on", "by", "in", "within", "before", "around", "about", "next", "this", "end"),
        *("early", "mid", "late", "until", "no", "tomorrow", "today"),
    }
)
_PHRASE_END = frozenset(
    {
        *("day", "days", "week", "weeks", "month", "months", "tomorrow", "today", "year"),
        *("christmas", "holidays", "thanksgiving"),
    }
)
_LONGEST_PHRASE = 7  # words: "by the end of next week" has six
_WORD = re.compile(r"[A-Za-z]+|\d+")


def _next_occurrence(month: int, day: int, written_on: date) -> date | None:
    """The first ``month``/``day`` on or after ``written_on`` (Feb 29 waits for a leap year)."""
    for year in range(written_on.year, written_on.year + 9):
        if day <= calendar.monthrange(year, month)[1]:
            found = date(year, month, day)
            if found >= written_on:
                return found
    return None


def _weekday_number(name: str) -> int:
    return _WEEKDAY_NUMBERS[name.lower().rstrip(".")]


def _year_of_weekday(month: int, day: int, weekday: int, written_on: date) -> date | None:
    """The date of last, this or next year that falls on ``weekday`` and lies within half a
    year of ``written_on`` ("Monday, March 2" written on March 3 is yesterday, not next year).

    A year moves a weekday by one or two days, so at most one year fits; a fit further away
    is more likely a wrong weekday than a date a year off.
    """
    for year in (written_on.year - 1, written_on.year, written_on.year + 1):
        if day > calendar.monthrange(year, month)[1]:
            continue
        candidate = date(year, month, day)
        if candidate.weekday() == weekday and abs(candidate - written_on) <= _HALF_YEAR:
            return candidate
    return None


def _calendar_mention(match: re.Match[str], written_on: date) -> DateMention | None:
    month = _MONTH_NUMBERS[match["month"].lower().rstrip(".")]
    day = int(match["day"])
    if not 1 <= day <= 31:
        return None
    if match["year"]:
        year = int(match["year"])
        if day > calendar.monthrange(year, month)[1]:
            return None
        found: date | None = date(year, month, day)
    else:
        found = _next_occurrence(month, day, written_on)
        if match["weekday"]:
            found = (
                _year_of_weekday(month, day, _weekday_number(match["weekday"]), written_on) or found
            )
    if found is None:
        return None
    wrong = None
    weekday = match["weekday"]
    if weekday and _weekday_number(weekday) != found.weekday():
        wrong = weekday
    return DateMention(found, match.start(), match.end(), found, wrong)


def _iso_mention(match: re.Match[str]) -> DateMention | None:
    try:
        found = date(int(match["year"]), int(match["month"]), int(match["day"]))
    except ValueError:
        return None
    return DateMention(found, match.start(), match.end(), found)


def _day_of_month(day: int, written_on: date) -> date | None:
    """ "The 16th": this month's if still ahead (or today), else the next month that has it."""
    month_start = written_on.replace(day=1)
    for _ in range(3):
        last = calendar.monthrange(month_start.year, month_start.month)[1]
        if day <= last and month_start.replace(day=day) >= written_on:
            return month_start.replace(day=day)
        month_start = (month_start + timedelta(days=last)).replace(day=1)
    return None


def _weekday_and_day(weekday: int, day: int, written_on: date) -> tuple[date, bool] | None:
    """ "Monday the 16th": the next 16th that is a Monday, else the next 16th (weekday wrong)."""
    first = _day_of_month(day, written_on)
    if first is None:
        return None
    month_start = first.replace(day=1)
    for _ in range(14):
        if day <= calendar.monthrange(month_start.year, month_start.month)[1]:
            candidate = month_start.replace(day=day)
            if candidate.weekday() == weekday:
                return candidate, True
        month_start = (month_start + timedelta(days=31)).replace(day=1)
    return first, False


def _weekday_after(weekday: int, written_on: date) -> date:
    return written_on + timedelta(days=(weekday - written_on.weekday() - 1) % 7 + 1)


def _phrase_mentions(
    text: str, start: int, end: int, written_on: date, country: str
) -> Iterator[DateMention]:
    """Relative phrases between ``start`` and ``end``, longest first from each starting word."""
    words = list(_WORD.finditer(text, start, end))
    for first, opening in enumerate(words):
        if opening[0].lower() not in _PHRASE_START:
            continue
        last_choices = range(min(len(words), first + _LONGEST_PHRASE) - 1, first - 1, -1)
        for last in last_choices:
            if words[last][0].lower() not in _PHRASE_END:
                continue
            phrase = text[opening.start() : words[last].end()]
            try:
                found = parse_phrase(phrase, written_on, country)
            except PhraseError:
                continue
            # "on" and "by" belong to the sentence, not to the date words.
            span_start = opening.start()
            if opening[0].lower() in {"on", "by", "in", "within", "until", "before", "around"}:
                span_start = words[first + 1].start() if first + 1 <= last else span_start
            yield DateMention(found.end, span_start, words[last].end(), found.start)
            break


def find_dates(
    text: str,
    written_on: date,
    country: str = "US",
    start: int = 0,
    end: int | None = None,
    *,
    phrases: bool = True,
) -> list[DateMention]:
    """Every date written in ``text[start:end]``, in order, without overlaps.

    1. Calendar dates first (weekday, day and month in either order, with or without a year),
       then ISO dates, "the 16th", bare weekdays, and finally relative phrases.
    2. A later kind never claims words an earlier kind already took ("Monday" in "Monday 16
       March" is not a second date).
    3. "by" before a date makes it a deadline, kept from ``written_on`` on; "before" ends the day
       before.
    4. Relative phrases last, and only when ``phrases`` is true (they cost more to find).
    """
    stop = len(text) if end is None else end
    found: list[DateMention] = []

    def free(a: int, b: int) -> bool:
        return all(b <= m.start or a >= m.end for m in found)

    for pattern in (_DAY_MONTH, _MONTH_DAY):
        for match in pattern.finditer(text, start, stop):
            mention = _calendar_mention(match, written_on)
            if mention is not None and free(mention.start, mention.end):
                found.append(mention)
    for match in _ISO.finditer(text, start, stop):
        mention = _iso_mention(match)
        if mention is not None and free(mention.start, mention.end):
            found.append(mention)
    for match in _WEEKDAY_ORDINAL.finditer(text, start, stop):
        weekday = _WEEKDAY_NUMBERS[match["weekday"].lower()]
        chosen = _weekday_and_day(weekday, int(match["day"]), written_on)
        if chosen is not None and free(match.start(), match.end()):
            named, right = chosen
            wrong = None if right else match["weekday"]
            found.append(DateMention(named, match.start(), match.end(), named, wrong))
    for match in _ORDINAL.finditer(text, start, stop):
        nth = _day_of_month(int(match["day"]), written_on)
        if nth is not None and free(match.start(), match.end()):
            found.append(DateMention(nth, match.start(), match.end(), nth))
    for match in _BARE_WEEKDAY.finditer(text, start, stop):
        if free(match.start(), match.end()):
            weekday = _WEEKDAY_NUMBERS[match["weekday"].lower()]
            if match[0].lower().startswith("next"):
                # As `afterword when` reads it (rules/phrases.py): in the week after this one.
                next_monday = written_on + timedelta(days=7 - written_on.weekday())
                next_one = next_monday + timedelta(days=weekday)
            else:
                next_one = _weekday_after(weekday, written_on)
            found.append(DateMention(next_one, match.start(), match.end(), next_one))
    found = [_framed(mention, text, start, written_on) for mention in found]
    if phrases:
        for mention in _phrase_mentions(text, start, stop, written_on, country):
            if free(mention.start, mention.end):
                found.append(mention)
    return sorted(found, key=lambda m: m.start)


_DEADLINE_BEFORE = re.compile(r"\b(?P<frame>by|before|no later than|not later than)\s+$", re.I)


def _framed(mention: DateMention, text: str, start: int, written_on: date) -> DateMention:
    """ "by Friday" is kept by any day up to Friday; "before Friday" ends on Thursday."""
    frame = _DEADLINE_BEFORE.search(text, max(start, mention.start - 20), mention.start)
    if frame is None:
        return mention
    day = mention.day - _DAY if frame["frame"].lower() == "before" else mention.day
    return replace(mention, day=max(day, written_on), earliest=written_on)


# ---------------------------------------------------------------- the promise around them

_INTENT = (
    r"(?:\b(?:i|we)(?:\s*['’](?:ll|d)|\s+will|\s+shall|\s+would|\s+plan\s+to|\s+intend\s+to"
    r"|\s*(?:['’]m|['’]re|\s+am|\s+are)\s+(?:going|planning|hoping)\s+to|\s+hope\s+to"
    r"|\s+expect\s+to|\s+aim\s+to|\s+may|\s+might|\s+can|\s+could|\s+want\s+to)"
    r"|\b(?:may|might|could|can|shall)\s+(?:i|we)|\blet\s+me)\b"
)
_PROMISE_VERB = (
    r"(?:check\s+(?:in|back)|follow\s+up|be\s+in\s+touch|get\s+(?:back|in\s+touch)|call|phone"
    r"|ring|reach\s+out|write(?:\s+to\s+you)?\s+(?:again|back)|touch\s+base|contact|e-?mail"
    r"|give\s+(?:you\s+)?a\s+(?:call|ring))\b"
)
_PROMISE = re.compile(rf"{_INTENT}\s+(?:[\w'’,-]+\s+){{0,5}}?{_PROMISE_VERB}", re.IGNORECASE)
# Abbreviations whose full stop does not end a sentence ("Dr. Hoffmann", "Mon. 16 March").
_ABBREVIATION = re.compile(
    r"\b(?:mr|mrs|ms|dr|prof|st|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|jan|feb|mar|apr|jun"
    r"|jul|aug|sep|sept|oct|nov|dec|e\.g|i\.e|etc|vs|no)\.$",
    re.IGNORECASE,
)
_CLAUSE_END = re.compile(r"[:;]|\s[-–—]\s")
_CONDITION = re.compile(r"\b(?:if|unless|until|should)\b", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?]+(?=\s|$)|\n")


def sentences(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each sentence: split at ". ", "! ", "? " and line breaks."""
    start = 0
    for match in _SENTENCE_END.finditer(text):
        if match[0] != "\n" and _ABBREVIATION.search(
            text, max(start, match.start() - 6), match.end()
        ):
            continue
        if text[start : match.start()].strip():
            yield start, match.end()
        start = match.end()
    if text[start:].strip():
        yield start, len(text)


def find_promises(text: str, written_on: date, country: str = "US") -> list[Promise]:
    """Every promised date in ``text``, one per promising sentence, in order.

    1. Split the text into sentences.
    2. Keep the sentences where the writer says they will follow up, check in, call, get back or
       be in touch ("I will", "I'll", "may I", "let me" before the verb).
    3. Take the first date after the verb, else the last one before it ("On Monday I will call"),
       except a deadline in a condition ("if I have not heard by Friday, I will call").
    """
    promises = []
    for start, end in sentences(text):
        verb = _PROMISE.search(text, start, end)
        if verb is None:
            continue
        mentions = find_dates(text, written_on, country, start, end)
        # A colon, semicolon or dash after the verb starts another thought ("let me follow up
        # on one point: my notice period is four weeks").
        clause = _CLAUSE_END.search(text, verb.end(), end)
        clause_end = clause.start() if clause else end
        after = [m for m in mentions if verb.end() <= m.start < clause_end]
        # "If I have not heard by Friday, I will call": Friday is the condition, not the promise.
        conditional = _CONDITION.search(text, start, verb.start()) is not None
        before = [
            m
            for m in mentions
            if m.end <= verb.start() and not (conditional and m.earliest != m.day)
        ]
        chosen = after[0] if after else before[-1] if before else None
        if chosen is not None:
            promises.append(
                Promise(chosen.day, chosen.start, chosen.end, chosen.earliest, chosen.wrong_weekday)
            )
    return promises


def find_promise(text: str, written_on: date, country: str = "US") -> Promise | None:
    """The first promised date in ``text``, or None when the text promises no dated contact."""
    promises = find_promises(text, written_on, country)
    return promises[0] if promises else None
