"""Calendar dates and day ranges: "December 4", "the 9th", "Jan 12-16", "12/1", "2026-12-04"."""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from afterword.rules.phrases.model import (
    AlreadyOver,
    Context,
    DateRange,
    PhraseError,
    add_months,
    last_day,
)
from afterword.rules.phrases.vocabulary import MONTHS

# Countries that write numeric dates month first; everyone else writes the day first, except
# Canada, where both are common: there only a date that reads one way is accepted.
_MONTH_FIRST = frozenset({"US", "PH", "PR", "GU", "VI", "AS", "MP", "UM"})
_EITHER_ORDER = frozenset({"CA"})


def month_first(country: str) -> bool:
    """Whether the country writes numeric dates month first (12/1 is 1 December)."""
    return country in _MONTH_FIRST


# A day and month without a year that fell this close before the reference is a day gone by
# ("we'd hoped to decide by 30 October", written on 4 November), not next year's.
_JUST_PAST = timedelta(days=183)


def calendar_date(year: int, month: int, day: int, ctx: Context, explicit_year: bool) -> date:
    """The day itself with a year; without one, the next such day from the reference on,
    unless this year's fell within the half-year before the reference (then it is over)."""
    # "January 4" said on December 10 is next year's, "February 29" the next leap year's
    # within one year ahead.
    for candidate in (year,) if explicit_year else (year, year + 1):
        if 1 <= day <= last_day(candidate, month):
            found = date(candidate, month, day)
            if explicit_year or found >= ctx.reference:
                return found
            if ctx.reference - found <= _JUST_PAST:
                raise AlreadyOver(f"{found:%d %B} has already gone by.")
    raise PhraseError(f"There is no day {day} in {calendar.month_name[month]} {year}.")


def _one(day: date) -> DateRange:
    return DateRange(day, day)


def iso_date(match: re.Match[str], ctx: Context) -> DateRange:
    year, month, day = (int(match[key]) for key in ("year", "month_number", "day"))
    if not 1 <= month <= 12:
        raise PhraseError(f"There is no month {month}.")
    return _one(calendar_date(year, month, day, ctx, explicit_year=True))


def plain_date(match: re.Match[str], ctx: Context) -> DateRange:
    year = int(match["year"]) if match["year"] else ctx.reference.year
    day = calendar_date(year, MONTHS[match["month"]], int(match["day"]), ctx, bool(match["year"]))
    return _one(day)


def day_of_month(match: re.Match[str], ctx: Context) -> DateRange:
    """ "The 4th": this month's if still ahead (or today), else the next month that has one."""
    wanted, month = int(match["day"]), ctx.reference.replace(day=1)
    for _ in range(3):
        fits = 1 <= wanted <= last_day(month.year, month.month)
        if fits and month.replace(day=wanted) >= ctx.reference:
            return _one(month.replace(day=wanted))
        month = add_months(month, 1)
    raise PhraseError(f"No month has a day {wanted}.")


def day_of_next_month(match: re.Match[str], ctx: Context) -> DateRange:
    """ "The 1st of next month": that day of the month after the reference's."""
    month = add_months(ctx.reference.replace(day=1), 1)
    return _one(_checked(month.year, month.month, int(match["day"])))


def _checked(year: int, month: int, day: int) -> date:
    if not 1 <= day <= last_day(year, month):
        raise PhraseError(f"There is no day {day} in {calendar.month_name[month]} {year}.")
    return date(year, month, day)


def month_day_span(match: re.Match[str], ctx: Context) -> DateRange:
    """ "Jan 12-16", "12-16 January", "Nov 30 - Dec 4": the next such days not yet over."""
    first_month = MONTHS[match["month"]]
    second = match.groupdict().get("month2")
    second_month = MONTHS[second] if second else first_month
    years = [int(match["year"])] if match["year"] else [ctx.reference.year, ctx.reference.year + 1]
    for year in years:
        end_year = year if second_month >= first_month else year + 1
        found = DateRange(
            _checked(year, first_month, int(match["day"])),
            _checked(end_year, second_month, int(match["day2"])),
        )
        if found.start > found.end:
            raise PhraseError("The first day of a range should come before the last.")
        if match["year"] or found.end >= ctx.reference:
            return found
    raise PhraseError("That range of days is already over.")  # pragma: no cover - years[1] is ahead


def day_span(match: re.Match[str], ctx: Context) -> DateRange:
    """ "Between the 3rd and the 5th": this month's if not over, else the next month's."""
    first, last = int(match["day"]), int(match["day2"])
    if first > last:
        raise PhraseError(f"The {first} to the {last}: the first day should come first.")
    month = ctx.reference.replace(day=1)
    for _ in range(3):
        if last <= last_day(month.year, month.month) and month.replace(day=last) >= ctx.reference:
            return DateRange(month.replace(day=first), month.replace(day=last))
        month = add_months(month, 1)
    raise PhraseError(f"No month has a day {last}.")


def _readings(first: int, second: int, country: str) -> list[tuple[int, int]]:
    """(day, month) readings of "first/second" that can be real dates, the country's first."""
    usual = (
        [(second, first), (first, second)]
        if month_first(country)
        else [
            (first, second),
            (second, first),
        ]
    )
    readings: list[tuple[int, int]] = []
    for day, month in usual:
        if 1 <= month <= 12 and 1 <= day <= 31 and (day, month) not in readings:
            readings.append((day, month))
    return readings


def _two_digit_year(text: str | None) -> int | None:
    if text is None:
        return None
    return 2000 + int(text) if len(text) == 2 else int(text)


def numeric_date(match: re.Match[str], ctx: Context) -> DateRange:
    """ "12/1" is 1 December in the US and 12 January in most of the world."""
    first, second = int(match["a"]), int(match["b"])
    readings = _readings(first, second, ctx.country)
    if not readings:
        raise PhraseError(f"{match[0]!r} is not a date.")
    if len(readings) > 1 and ctx.country in _EITHER_ORDER:
        (day_a, month_a), (day_b, month_b) = readings
        raise PhraseError(
            f"{match[0]!r} could be {day_a} {calendar.month_name[month_a]} or {day_b} "
            f"{calendar.month_name[month_b]}: write the month as a word."
        )
    day, month = readings[0]
    return _dated(day, month, _two_digit_year(match["y"]), ctx)


def dotted_date(match: re.Match[str], ctx: Context) -> DateRange:
    """ "4.12." and "04.12.2026" are always day first."""
    day, month = int(match["d"]), int(match["m"])
    if not 1 <= month <= 12:
        raise PhraseError(f"There is no month {month}.")
    return _dated(day, month, _two_digit_year(match["y"]), ctx)


def _dated(day: int, month: int, year: int | None, ctx: Context) -> DateRange:
    if year is None:
        return _one(calendar_date(ctx.reference.year, month, day, ctx, explicit_year=False))
    return _one(calendar_date(year, month, day, ctx, explicit_year=True))
