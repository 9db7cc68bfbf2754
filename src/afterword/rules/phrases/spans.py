"""Lengths of time from the reference: "in 2-3 weeks", "5 business days", "within 48 hours"."""

from __future__ import annotations

import math
import re
from datetime import timedelta

from afterword.rules.phrases.model import Context, DateRange, PhraseError, shift

UNIT = r"(?P<unit>day|week|fortnight|month|year)s?"
COUNTS = r"(?P<low>\d+)(?:(?: ?- ?| to | or )(?P<high>\d+))?"

# "A couple" is two or three, "a few" two to four: how people use them about waiting times.
_VAGUE_COUNTS = {"couple of": (2, 3), "couple": (2, 3), "few": (2, 4)}


def counts(match: re.Match[str]) -> tuple[int, int]:
    if "quantity" in match.groupdict() and match["quantity"]:
        return _VAGUE_COUNTS[match["quantity"]]
    low = int(match["low"])
    high = int(match["high"]) if match["high"] else low
    if high < low:
        raise PhraseError(f"{low} to {high}: the larger number should come second.")
    return low, high


def units(match: re.Match[str], ctx: Context) -> DateRange:
    """ "In 2 weeks" is one day; "in 2-3 weeks" and "a week or two" the days between."""
    low, high = counts(match)
    unit = match["unit"]
    return DateRange(shift(ctx.reference, low, unit), shift(ctx.reference, high, unit))


def business_days(match: re.Match[str], ctx: Context) -> DateRange:
    """Business days skip weekends and the country's public holidays; today does not count."""
    low, high = counts(match)
    business = ctx.business
    return DateRange(business.add(ctx.reference, low), business.add(ctx.reference, high))


def hours(match: re.Match[str], ctx: Context) -> DateRange:
    """ "In 36 hours" falls tomorrow or the day after, whatever the hour it was said at."""
    low, high = counts(match)
    return DateRange(
        ctx.reference + timedelta(days=low // 24),
        ctx.reference + timedelta(days=math.ceil(high / 24)),
    )
