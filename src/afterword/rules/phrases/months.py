"""Months, quarters, halves and years: "end of the month", "early Q4", "by year-end", "mid-2027"."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from afterword.rules.phrases.model import (
    DAY,
    Context,
    DateRange,
    add_months,
    last_day,
    month_range,
)
from afterword.rules.phrases.vocabulary import MONTHS

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


def _named_month(match: re.Match[str], ctx: Context) -> tuple[int, int, bool]:
    """Year and month of "October", "October 2027", "this month" or "next month"; and whether
    the phrase pinned the year (a month name alone may move to next year)."""
    name = match["month"] or match["month_word"]
    if name in ("month", "this month", "next month"):
        shifted = add_months(ctx.reference.replace(day=1), 1 if name == "next month" else 0)
        return shifted.year, shifted.month, True
    if match["year"]:
        return int(match["year"]), MONTHS[name], True
    return ctx.reference.year, MONTHS[name], False


def month_part(match: re.Match[str], ctx: Context) -> DateRange:
    year, month, pinned = _named_month(match, ctx)
    first, last = _MONTH_PARTS[match["part"]]
    found = month_range(year, month, first, last)
    if not pinned and found.end < ctx.reference:
        # "Early January" said in December is next January's.
        found = month_range(year + 1, month, first, last)
    return found


def later_this_month(match: re.Match[str], ctx: Context) -> DateRange:
    ref = ctx.reference
    return DateRange(ref + DAY, date(ref.year, ref.month, last_day(ref.year, ref.month)))


def month_half(match: re.Match[str], ctx: Context) -> DateRange:
    """ "The first half of May" is days 1-15, "the second half of next month" the 16th on."""
    year, month, pinned = _named_month(match, ctx)
    first, last = (1, 15) if match["half"] == "1st" else (16, None)
    found = month_range(year, month, first, last)
    if not pinned and found.end < ctx.reference:
        found = month_range(year + 1, month, first, last)
    return found


# The n-th week of a month is days 1-7, 8-14, ...; the last week is its last seven days.
_NTH_WEEK = {"1st": 0, "2nd": 1, "3rd": 2, "4th": 3}


def _week_of_month(year: int, month: int, nth: str) -> DateRange:
    if nth in ("last", "final"):
        end = last_day(year, month)
        return month_range(year, month, end - 6, end)
    first = 1 + 7 * _NTH_WEEK[nth]
    return month_range(year, month, first, first + 6)


def week_of_month(match: re.Match[str], ctx: Context) -> DateRange:
    year, month, pinned = _named_month(match, ctx)
    found = _week_of_month(year, month, match["nth"])
    if not pinned and found.end < ctx.reference:
        found = _week_of_month(year + 1, month, match["nth"])
    return found


# ---------------------------------------------------------------- quarters, halves and years

_YEAR_WORDS = {"this year": 0, "next year": 1}


def _year_of(text: str | None, ctx: Context) -> int | None:
    """The year a phrase pins ("2027", "next year"), or None when it leaves it open."""
    if text is None or text == "year":
        return None
    if text in _YEAR_WORDS:
        return ctx.reference.year + _YEAR_WORDS[text]
    return int(text)


def _months(year: int, first: int, last: int) -> DateRange:
    return DateRange(date(year, first, 1), date(year, last, last_day(year, last)))


def _first_not_over(year: int | None, make: Callable[[int], DateRange], ctx: Context) -> DateRange:
    if year is not None:
        return make(year)
    found = make(ctx.reference.year)
    return found if found.end >= ctx.reference else make(ctx.reference.year + 1)


# A part of a quarter is one of its months: early = the first, mid = the second, end = the last.
_QUARTER_PARTS = {
    None: (0, 2),
    "early": (0, 0),
    "beginning of": (0, 0),
    "start of": (0, 0),
    "mid": (1, 1),
    "middle of": (1, 1),
    "end of": (2, 2),
    "late": (2, 2),
}


def _quarter(year: int, quarter: int, part: str | None) -> DateRange:
    first, last = _QUARTER_PARTS[part]
    return _months(year, 3 * quarter - 2 + first, 3 * quarter - 2 + last)


def quarter(match: re.Match[str], ctx: Context) -> DateRange:
    number = int(match["q"] or match["qo"] or match["qn"])
    year = _year_of(match["year"], ctx)
    return _first_not_over(year, lambda y: _quarter(y, number, match["part"]), ctx)


def relative_quarter(match: re.Match[str], ctx: Context) -> DateRange:
    """ "This quarter", "next quarter", "the end of the quarter": calendar quarters."""
    index = (ctx.reference.month - 1) // 3 + (1 if match["which"] in ("next", "following") else 0)
    year, number = ctx.reference.year + index // 4, index % 4 + 1
    return _quarter(year, number, match["part"])


def half(match: re.Match[str], ctx: Context) -> DateRange:
    second = (match["h"] or match["ho"]) in ("2", "2nd")
    year = _year_of(match["year"], ctx)
    return _first_not_over(year, lambda y: _months(y, 7, 12) if second else _months(y, 1, 6), ctx)


# Parts of a year: thirds for early / mid / late; the start is January and the end is the last
# ten days of December, as "the end of the month" is its last ten days.
_YEAR_PARTS: dict[str | None, tuple[tuple[int, int], tuple[int, int]]] = {
    None: ((1, 1), (12, 31)),
    "early": ((1, 1), (4, 30)),
    "beginning of": ((1, 1), (1, 31)),
    "start of": ((1, 1), (1, 31)),
    "mid": ((5, 1), (8, 31)),
    "middle of": ((5, 1), (8, 31)),
    "late": ((9, 1), (12, 31)),
    "end of": ((12, 21), (12, 31)),
}


def year_part(match: re.Match[str], ctx: Context) -> DateRange:
    if match["part"] == "later":
        return DateRange(ctx.reference + DAY, date(ctx.reference.year, 12, 31))
    (first_month, first_day), (last_month, last_day_) = _YEAR_PARTS[match["part"]]

    def make(year: int) -> DateRange:
        return DateRange(date(year, first_month, first_day), date(year, last_month, last_day_))

    return _first_not_over(_year_of(match["year"], ctx), make, ctx)
