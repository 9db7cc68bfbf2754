"""Days and weeks: "tomorrow", "Friday", "Wednesday next week", "late next week", "EOD"."""

from __future__ import annotations

import re
from datetime import date, timedelta

from afterword.rules.phrases.model import (
    DAY,
    FRIDAY,
    Context,
    DateRange,
    PhraseError,
    monday_of,
    one_day,
    working_monday,
)
from afterword.rules.phrases.vocabulary import WEEKDAYS

# Which working week a phrase names, as the Monday it starts on. Calendar weeks run Monday to
# Sunday, so on a weekend "next week" is the coming one; "this week" on a weekend is the coming
# one too (nothing more happens in the week that is ending).
WEEK = r"(?P<week>this week|next week|week after next|following week|week)"


def week_monday(which: str | None, ctx: Context) -> date:
    if which in ("next week", "following week"):
        return monday_of(ctx.reference) + timedelta(days=7)
    if which == "week after next":
        return monday_of(ctx.reference) + timedelta(days=14)
    return working_monday(ctx.reference)


def weekday_after(weekday: int, day: date) -> date:
    """The first such weekday strictly after ``day``: said on a Friday, "Friday" is next week's."""
    return day + timedelta(days=(weekday - day.weekday() - 1) % 7 + 1)


def today(match: re.Match[str], ctx: Context) -> DateRange:
    return one_day(ctx.reference)


def tomorrow(match: re.Match[str], ctx: Context) -> DateRange:
    return one_day(ctx.reference + DAY)


def day_after_tomorrow(match: re.Match[str], ctx: Context) -> DateRange:
    return one_day(ctx.reference + 2 * DAY)


def yesterday(match: re.Match[str], ctx: Context) -> DateRange:
    return one_day(ctx.reference - DAY)


def _named_weekday(match: re.Match[str], ctx: Context, key: str = "weekday") -> date:
    weekday, week = WEEKDAYS[match[key]], match.groupdict().get("week")
    if match.groupdict().get("next") or week:
        return week_monday(week or "next week", ctx) + timedelta(days=weekday)
    return weekday_after(weekday, ctx.reference)


def weekday(match: re.Match[str], ctx: Context) -> DateRange:
    """ "Friday" is the next one; "next Friday" and "Friday next week" the one in next week."""
    return one_day(_named_weekday(match, ctx))


def weekday_span(match: re.Match[str], ctx: Context) -> DateRange:
    """ "Monday or Tuesday", "between Tuesday and Thursday next week": first day to the second."""
    first = _named_weekday(match, ctx)
    ahead = (WEEKDAYS[match["weekday2"]] - first.weekday()) % 7
    return DateRange(first, first + timedelta(days=ahead))


def this_week(match: re.Match[str], ctx: Context) -> DateRange:
    # A deadline: "this week" and "the end of the week" can mean today.
    return DateRange(ctx.reference, working_monday(ctx.reference) + timedelta(days=FRIDAY))


def end_of_week(match: re.Match[str], ctx: Context) -> DateRange:
    """ "End of next week" is a deadline on that week's Friday, as people use it."""
    friday = week_monday(match["week"], ctx) + timedelta(days=FRIDAY)
    return DateRange(ctx.reference, friday)


def whole_week(match: re.Match[str], ctx: Context) -> DateRange:
    monday = week_monday(match["week"], ctx)
    return DateRange(monday, monday + timedelta(days=FRIDAY))


# Parts of a working week as first and last weekday: early = Mon-Tue, mid = Tue-Thu,
# late = Thu-Fri.
_WEEK_PARTS = {
    "early": (0, 1),
    "beginning of": (0, 1),
    "start of": (0, 1),
    "mid": (1, 3),
    "middle of": (1, 3),
    "late": (3, 4),
}


def week_part(match: re.Match[str], ctx: Context) -> DateRange:
    monday = week_monday(match["week"], ctx)
    first, last = _WEEK_PARTS[match["part"]]
    return DateRange(monday + timedelta(days=first), monday + timedelta(days=last))


def later_this_week(match: re.Match[str], ctx: Context) -> DateRange:
    friday = working_monday(ctx.reference) + timedelta(days=FRIDAY)
    if friday <= ctx.reference:
        raise PhraseError(f"Nothing of this week is left after {ctx.reference.isoformat()}.")
    return DateRange(ctx.reference + DAY, friday)


def weekend(match: re.Match[str], ctx: Context) -> DateRange:
    """ "Over the weekend": the coming Saturday and Sunday, or the one under way."""
    saturday = working_monday(ctx.reference) + timedelta(days=5)
    if ctx.reference.weekday() >= 5:
        saturday = monday_of(ctx.reference) + timedelta(days=5)
    return DateRange(saturday, saturday + DAY)
