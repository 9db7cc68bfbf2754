"""The shapes every phrase module shares: the answer, the error, the context and day arithmetic."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

from afterword.rules.calendar import BusinessCalendar, calendar_for

DAY = timedelta(days=1)
FRIDAY = 4
# Every answer must end within this many months of the reference date: a longer horizon is
# either a misreading or not a decision date anyone can plan around.
HORIZON_MONTHS = 18


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


class NotUnderstood(PhraseError):
    """A phrase none of our forms reads; other PhraseErrors are phrases read and found wanting
    (over, too far ahead, a weekday that disagrees with its date)."""


class AlreadyOver(PhraseError):
    """A phrase that names dates, all of them before the reference date ("by 1 March 2026")."""


@dataclass(frozen=True, slots=True)
class Context:
    reference: date
    country: str
    subdivision: str | None

    @property
    def business(self) -> BusinessCalendar:
        # The time zone plays no part in counting days; the calendar only needs the holidays.
        return calendar_for(self.country, self.subdivision, "UTC")


def one_day(day: date) -> DateRange:
    return DateRange(day, day)


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


def working_monday(day: date) -> date:
    """Monday of the working week meant by "this week": on a weekend, the coming one."""
    return monday_of(day) + timedelta(days=7 if day.weekday() >= 5 else 0)


def last_day(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def month_range(year: int, month: int, first: int = 1, last: int | None = None) -> DateRange:
    return DateRange(date(year, month, first), date(year, month, last or last_day(year, month)))


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later, or that month's last day if it is shorter (Jan 31 + 1)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, last_day(year, month + 1)))


def shift(day: date, count: int, unit: str) -> date:
    """``count`` units after ``day``; units are day, week, fortnight, month and year."""
    if unit == "month":
        return add_months(day, count)
    if unit == "year":
        return add_months(day, 12 * count)
    return day + timedelta(days=count * {"day": 1, "week": 7, "fortnight": 14}[unit])
