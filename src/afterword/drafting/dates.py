"""How drafts write dates and times: the one place that decides it.

The checker's promise finder reads dates back out of the text a user edits, so every draft
writes a day through ``format_day`` and nothing else. Month-first order is used where readers
expect it (the United States, Canada, the Philippines); day-first everywhere else, which is
also how most of the English-speaking world reads a date.
"""

from __future__ import annotations

from datetime import date, datetime, time, tzinfo

MONTH_FIRST_COUNTRIES = frozenset({"US", "CA", "PH"})
DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def month_first(country: str) -> bool:
    return country.upper() in MONTH_FIRST_COUNTRIES


def format_day(day: date, country: str) -> str:
    """``Monday, March 16`` (US, CA, PH) or ``Monday 16 March`` (elsewhere): a day in a sentence.

    No year: drafts only name days within a few weeks of the writing date.
    """
    weekday = DAY_NAMES[day.weekday()]
    month = MONTH_NAMES[day.month - 1]
    if month_first(country):
        return f"{weekday}, {month} {day.day}"
    return f"{weekday} {day.day} {month}"


def format_full_date(day: date, country: str) -> str:
    """``March 3, 2026`` or ``3 March 2026``: the date line at the top of a printed letter."""
    month = MONTH_NAMES[day.month - 1]
    if month_first(country):
        return f"{month} {day.day}, {day.year}"
    return f"{day.day} {month} {day.year}"


def format_clock(clock: time, country: str) -> str:
    """``10:00 a.m.`` where the 12-hour clock is usual, ``10:00`` elsewhere."""
    if month_first(country):
        hour = clock.hour % 12 or 12
        half = "a.m." if clock.hour < 12 else "p.m."
        return f"{hour}:{clock.minute:02d} {half}"
    return f"{clock.hour:02d}:{clock.minute:02d}"


def zone_place(zone_name: str) -> str:
    """The city part of an IANA zone, as people say it: ``America/New_York`` -> ``New York``."""
    return zone_name.rsplit("/", 1)[-1].replace("_", " ")


def local_day(moment: datetime, zone: tzinfo) -> date:
    return moment.astimezone(zone).date()
