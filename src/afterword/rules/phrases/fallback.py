"""``dateparser`` as a last resort, kept to what it reads safely: one calendar date by month name.

Left to itself it reads day ranges as far-off years ("Jan 12-16" as 12 January 2116), spans as
single days and numeric dates in one convention for every country. So it is asked only about a
phrase that names exactly one month, at most one day number and no range, and its answer is kept
only when it has that month, that day and that year.
"""

from __future__ import annotations

import re
from datetime import datetime

from afterword.rules.phrases.dates import month_first
from afterword.rules.phrases.model import Context, DateRange
from afterword.rules.phrases.vocabulary import MONTHS

_RANGE = re.compile(r"\d ?- ?\d|\b(?:to|and|or|between|until|till|through|thru)\b")
_DAY_NUMBER = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\b")
_YEAR_NUMBER = re.compile(r"\b(\d{4})\b")


def by_dateparser(core: str, ctx: Context) -> DateRange | None:
    """One day from ``dateparser`` that agrees with the words, or None."""
    named = {MONTHS[word] for word in core.split() if word in MONTHS}
    days, years = _DAY_NUMBER.findall(core), _YEAR_NUMBER.findall(core)
    if len(named) != 1 or len(days) > 1 or len(years) > 1 or _RANGE.search(core):
        return None
    import dateparser  # imported here because it takes ~0.1 s to load

    ref = ctx.reference
    parsed = dateparser.parse(
        core,
        languages=["en"],  # our grammar is English; guessing the language is slow and misleads
        settings={
            "RELATIVE_BASE": datetime(ref.year, ref.month, ref.day),
            "PREFER_DATES_FROM": "future",
            "DATE_ORDER": "MDY" if month_first(ctx.country) else "DMY",
            "REQUIRE_PARTS": ["day", "month"],
        },
    )
    if parsed is None:
        return None
    found = parsed.date()
    if (
        found.month not in named
        or (days and found.day != int(days[0]))
        or (years and found.year != int(years[0]))
    ):
        return None
    return DateRange(found, found)
