"""Small helpers that turn dates into the short forms used in every ``why`` sentence."""

from __future__ import annotations

from datetime import date

_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def day_text(day: date) -> str:
    """``Fri 13 Mar``: short, unambiguous in every English locale, and fast to build."""
    return f"{_DAYS[day.weekday()]} {day.day} {_MONTHS[day.month - 1]}"
