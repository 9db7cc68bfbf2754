"""Holidays by name: "before Christmas", "after Labor Day", "before the Easter break".

Public holidays come from the ``holidays`` package, in English, for the employer's country (and
subdivision when given). A holiday kept only in some regions (Canadian Thanksgiving, Easter
Monday in the UK) counts when every region that keeps it keeps it on the same day; otherwise
the phrase is refused and names the subdivision as the way out. The feasts around Easter move
with it and are computed the same everywhere: the Easter break is Good Friday to Easter Monday,
Whitsun is Pentecost Sunday and Monday, whether or not those are public holidays there.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, timedelta
from functools import lru_cache

from afterword.rules.phrases.model import Context, DateRange, PhraseError

# Days from Easter Sunday to the first and last day of each feast.
_EASTER_FEASTS = {
    "easter": (-2, 1),
    # Holy Week as a time off: Palm Sunday to Easter Monday ("después de Semana Santa" is
    # after the Monday, which much of Spain keeps).
    "holy week": (-7, 1),
    "good friday": (-2, -2),
    "easter monday": (1, 1),
    "ascension": (39, 39),
    "ascension day": (39, 39),
    "whitsun": (49, 50),
    "pentecost": (49, 50),
    "whit monday": (50, 50),
    "pentecost monday": (50, 50),
}
# What people call a holiday -> (how we name it in messages, full match over the English names
# the holidays package uses, in any of its countries).
_NAMED = {
    "christmas": ("Christmas", r"christmas day"),
    "christmas day": ("Christmas", r"christmas day"),
    "christmas eve": ("Christmas Eve", r"christmas eve"),
    "boxing day": ("Boxing Day", r"boxing day|second day of christmas"),
    "new year's": ("New Year", r"new year's day"),
    "new year's day": ("New Year", r"new year's day"),
    "thanksgiving": ("Thanksgiving", r"(?:national day of )?thanksgiving(?: day)?"),
    "labor day": ("Labor Day", r"labor day"),
    "memorial day": ("Memorial Day", r"memorial day"),
    "independence day": ("Independence Day", r"independence day"),
    "juneteenth": ("Juneteenth", r"juneteenth.*"),
    "columbus day": ("Columbus Day", r"columbus day"),
    "veterans day": ("Veterans Day", r"veterans day"),
    "mlk day": ("Martin Luther King Jr. Day", r"martin luther king.*"),
    "martin luther king day": ("Martin Luther King Jr. Day", r"martin luther king.*"),
    "presidents' day": ("Presidents' Day", r"washington's birthday|presidents' day"),
    "presidents day": ("Presidents' Day", r"washington's birthday|presidents' day"),
    "canada day": ("Canada Day", r"canada day"),
    "victoria day": ("Victoria Day", r"victoria day"),
    "family day": ("Family Day", r"family day"),
    "remembrance day": ("Remembrance Day", r"remembrance day"),
    "australia day": ("Australia Day", r"australia day"),
    "anzac day": ("ANZAC Day", r"anzac day"),
    "king's birthday": ("King's Birthday", r"king's birthday"),
    "king's day": ("King's Day", r"king's day"),
    "liberation day": ("Liberation Day", r"liberation day"),
    "bastille day": ("Bastille Day", r"national day"),
    "all saints' day": ("All Saints' Day", r"all saints' day"),
    "all saints day": ("All Saints' Day", r"all saints' day"),
    "all saints": ("All Saints' Day", r"all saints' day"),
    "armistice day": ("Armistice Day", r"armistice day"),
    "assumption": ("Assumption Day", r"assumption day|assumption of mary"),
    "assumption day": ("Assumption Day", r"assumption day|assumption of mary"),
    "may day": ("May Day", r"may day"),
    "may bank holiday": ("May Day", r"may day"),
    "early may bank holiday": ("May Day", r"may day"),
    "spring bank holiday": ("Spring Bank Holiday", r"spring bank holiday"),
    "late may bank holiday": ("Spring Bank Holiday", r"spring bank holiday"),
    "summer bank holiday": ("Summer Bank Holiday", r"summer bank holiday"),
    # Ireland names its bank holidays by month.
    "august bank holiday": ("August Bank Holiday", r"summer bank holiday|august bank holiday"),
    "june bank holiday": ("June Bank Holiday", r"june bank holiday"),
    "october bank holiday": ("October Bank Holiday", r"october bank holiday"),
    "german unity day": ("German Unity Day", r"german unity day"),
    "day of german unity": ("German Unity Day", r"german unity day"),
}
# The end-of-year break runs from Christmas Day to New Year's Day.
_END_OF_YEAR = frozenset(
    {"holidays", "holiday season", "festive season", "festive break", "winter break", "christmas"}
)
_ANY_HOLIDAY = frozenset({"bank holiday", "public holiday"})
_BREAK = re.compile(r" (?:break|holidays?|weekend|period|season|shutdown|closure|vacation)$")

NAMES = sorted(
    {*_EASTER_FEASTS, *_NAMED, *_END_OF_YEAR, *_ANY_HOLIDAY}, key=len, reverse=True
)  # for the grammar
HOLIDAY = (
    "(?P<holiday>(?:" + "|".join(re.escape(name) for name in NAMES) + ")"
    r"(?: (?:break|holidays?|weekend|period|season|shutdown|closure|vacation))?)"
)


@lru_cache(maxsize=512)
def _names(country: str, subdivision: str | None, year: int) -> tuple[tuple[date, str], ...]:
    import holidays

    # Names are localised by the LANG of the process unless we ask for English; the patterns
    # above are English. Countries without an English translation already use English names.
    found = holidays.country_holidays(country, subdiv=subdivision, years=year, language="en_US")
    return tuple(sorted(found.items()))


@lru_cache(maxsize=64)
def _subdivisions(country: str) -> tuple[str, ...]:
    import holidays

    return tuple(holidays.list_supported_countries()[country])


def _matching(
    pattern: re.Pattern[str], country: str, subdivision: str | None, year: int
) -> set[date]:
    # Several holidays on one day are joined by "; "; "(observed)" days are not the holiday,
    # even for a pattern open at its end ("juneteenth.*").
    return {
        day
        for day, names in _names(country, subdivision, year)
        if any(
            pattern.fullmatch(name.lower()) and not name.endswith("(observed)")
            for name in names.split("; ")
        )
    }


def _holiday_days(pattern: re.Pattern[str], ctx: Context, year: int) -> set[date] | None:
    """The days of a named holiday in one year; None if regions disagree on them."""
    found = _matching(pattern, ctx.country, ctx.subdivision, year)
    if found or ctx.subdivision is not None:
        return found
    regional = {
        frozenset(days)
        for region in _subdivisions(ctx.country)
        if (days := _matching(pattern, ctx.country, region, year))
    }
    if len(regional) > 1:
        return None
    return set(next(iter(regional))) if regional else set()


def _where(ctx: Context) -> str:
    return ctx.country + (f"-{ctx.subdivision}" if ctx.subdivision else "")


def _years(ctx: Context) -> Iterator[int]:
    yield from (ctx.reference.year - 1, ctx.reference.year, ctx.reference.year + 1)


def _first_not_over(ranges: Iterator[DateRange], ctx: Context) -> DateRange | None:
    return next((found for found in ranges if found.end >= ctx.reference), None)


def _named(key: str, ctx: Context) -> DateRange:
    label, regex = _NAMED[key]
    pattern = re.compile(regex)

    def days() -> Iterator[DateRange]:
        for year in _years(ctx):
            found = _holiday_days(pattern, ctx, year)
            if found is None:
                raise PhraseError(
                    f"{label} falls on different days in different parts of {ctx.country}: "
                    "give the subdivision."
                )
            yield from (DateRange(day, day) for day in sorted(found))

    found = _first_not_over(days(), ctx)
    if found is None:
        raise PhraseError(f"{label} is not a public holiday in {_where(ctx)}.")
    return found


def _easter_sunday(year: int) -> date:
    from dateutil.easter import easter  # type: ignore[import-untyped]  # no stubs installed

    sunday: date = easter(year)
    return sunday


def _easter_feast(key: str, ctx: Context) -> DateRange:
    first, last = _EASTER_FEASTS[key]

    def feasts() -> Iterator[DateRange]:
        for year in _years(ctx):
            sunday = _easter_sunday(year)
            yield DateRange(sunday + timedelta(days=first), sunday + timedelta(days=last))

    found = _first_not_over(feasts(), ctx)
    assert found is not None  # next year's feast is always ahead
    return found


def _end_of_year_break(ctx: Context) -> DateRange:
    def breaks() -> Iterator[DateRange]:
        for year in _years(ctx):
            christmas = _holiday_days(re.compile(r"christmas day"), ctx, year)
            if not christmas:
                raise PhraseError(f"Christmas is not a public holiday in {_where(ctx)}.")
            yield DateRange(min(christmas), date(year + 1, 1, 1))

    found = _first_not_over(breaks(), ctx)
    assert found is not None  # next year's break is always ahead
    return found


def _next_public_holiday(ctx: Context) -> DateRange:
    for year in _years(ctx):
        for day, names in _names(ctx.country, ctx.subdivision, year):
            if day >= ctx.reference and "(observed)" not in names:
                return DateRange(day, day)
    raise PhraseError(f"No public holiday is known in {_where(ctx)}.")  # pragma: no cover


def _long_weekend(day: DateRange) -> DateRange:
    """ "Memorial Day weekend": a Monday holiday and the weekend before it; a Friday one and
    the weekend after it; a holiday on any other day alone."""
    if day.start.weekday() == 0:
        return DateRange(day.start - timedelta(days=2), day.end)
    if day.end.weekday() == 4:
        return DateRange(day.start, day.end + timedelta(days=2))
    return day


def holiday(match: re.Match[str], ctx: Context) -> DateRange:
    """The days of the holiday or break a phrase names, the next one not yet over."""
    name = match["holiday"]
    base = _BREAK.sub("", name)
    if name in _NAMED:
        return _named(name, ctx)
    if name.endswith(" weekend") and base in _NAMED:
        return _long_weekend(_named(base, ctx))
    if name in _ANY_HOLIDAY or (name.startswith(tuple(_ANY_HOLIDAY)) and name != base):
        return _next_public_holiday(ctx)
    if name in _END_OF_YEAR or base in _END_OF_YEAR:
        return _end_of_year_break(ctx)
    if base in _EASTER_FEASTS:
        return _easter_feast(base, ctx)
    return _named(base, ctx)


@lru_cache(maxsize=512)
def _by_name(country: str, subdivision: str | None, year: int) -> dict[str, tuple[date, ...]]:
    """The year's public holidays by their lower-case names ("(observed)" days left out)."""
    found: dict[str, list[date]] = {}
    for day, names in _names(country, subdivision, year):
        for name in names.lower().split("; "):
            if not name.endswith("(observed)"):
                found.setdefault(name, []).append(day)
    return {name: tuple(days) for name, days in found.items()}


def by_table_name(match: re.Match[str], ctx: Context) -> DateRange | None:
    """A public holiday called by the name the country's own table gives it ("Epiphany",
    "Saint Brigid's Day", "the Immaculate Conception"), the next one not yet over."""
    name = match["name"]
    for year in _years(ctx):
        table = _by_name(ctx.country, ctx.subdivision, year)
        for day in (*table.get(name, ()), *table.get(f"{name} day", ())):
            if day >= ctx.reference:
                return DateRange(day, day)
    return None


@lru_cache(maxsize=256)
def table_names(country: str, subdivision: str | None, year: int) -> re.Pattern[str]:
    """A pattern finding any holiday name of the country's table in ``year`` and the years
    either side (for the reply reader: such a name is a time word)."""
    names = {
        name.removesuffix(" day")
        for one in (year - 1, year, year + 1)
        for name in _by_name(country, subdivision, one)
    }
    return re.compile(r"\b(?:" + "|".join(re.escape(name) for name in sorted(names)) + r")\b")
