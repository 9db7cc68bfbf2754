"""Small helpers that turn dates into the short forms used in every ``why`` sentence."""

from __future__ import annotations

from datetime import date
from functools import lru_cache

_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


@lru_cache(maxsize=8192)  # a plan names the same few days several times over
def day_text(day: date) -> str:
    """``Fri 13 Mar``: short, unambiguous in every English locale."""
    return f"{_DAYS[day.weekday()]} {day.day} {_MONTHS[day.month - 1]}"


def range_text(start: date, end: date) -> str:
    """``Mon 9 – Tue 10 Mar 2026``, or ``Tue 10 Mar 2026`` for one day.

    What the two ends share is said once, at the end: the month when both are in it, the year
    when both are in it.
    """
    last = f"{day_text(end)} {end.year}"
    if start == end:
        return last
    if start.year != end.year:
        first = f"{day_text(start)} {start.year}"
    elif start.month != end.month:
        first = day_text(start)
    else:
        first = f"{_DAYS[start.weekday()]} {start.day}"
    return f"{first} – {last}"


def understood_text(start: date, end: date, words: str = "") -> str:
    """What a timing phrase was read as, and the day the plan counts from.

    ``Understood: Mon 9 – Tue 10 Mar 2026 (early next week); the plan uses Tue 10 Mar.`` A
    promise is only broken once its whole range has passed, so the plan uses the last day (F1).
    """
    said = f" ({words})" if words else ""
    uses = f"; the plan uses {day_text(end)}" if start != end else ""
    return f"Understood: {range_text(start, end)}{said}{uses}."
