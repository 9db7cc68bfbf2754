"""Words and regular-expression pieces the phrase grammar shares."""

from __future__ import annotations

import calendar

WEEKDAYS = {
    "monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2, "wed": 2,
    "thursday": 3, "thu": 3, "thur": 3, "thurs": 3, "friday": 4, "fri": 4, "saturday": 5,
    "sat": 5, "sunday": 6, "sun": 6,
}  # fmt: skip
MONTHS = {name.lower(): number for number, name in enumerate(calendar.month_name) if name} | {
    name.lower(): number for number, name in enumerate(calendar.month_abbr) if name
}
MONTHS["sept"] = 9


def alternatives(words: dict[str, int], group: str) -> str:
    """A named group matching any of ``words``, longest first so "tues" beats "tue"."""
    return f"(?P<{group}>" + "|".join(sorted(words, key=len, reverse=True)) + ")"


WEEKDAY = alternatives(WEEKDAYS, "weekday")
WEEKDAY2 = alternatives(WEEKDAYS, "weekday2")
MONTH = alternatives(MONTHS, "month")
MONTH2 = alternatives(MONTHS, "month2")
ORDINAL_SUFFIX = r"(?:st|nd|rd|th)"
DAY = rf"(?P<day>\d{{1,2}}){ORDINAL_SUFFIX}?"
DAY2 = rf"(?P<day2>\d{{1,2}}){ORDINAL_SUFFIX}?"
YEAR = r"(?: (?P<year>\d{4}))?"
# Words that join the two ends of a range: "12-16", "12 to 16", "the 3rd and the 5th".
TO = r"(?: ?- ?| to | or | and | through | thru | till | until )"
# Parts of a month, quarter, week or year, as the first words of a phrase.
PART = r"(?P<part>early|beginning of|start of|mid|middle of|end of|late)"
