"""Decision phrases to date ranges: rules/phrases.py.

Reference days used below (November 2026): Mon 16, Wed 18, Fri 20, Sat 21, Sun 22.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from afterword.rules.phrases import (
    AlreadyOver,
    DateRange,
    NotUnderstood,
    PhraseError,
    parse_phrase,
)

WED = date(2026, 11, 18)
FRI = date(2026, 11, 20)
SAT = date(2026, 11, 21)
SUN = date(2026, 11, 22)


def d(text: str) -> date:
    return date.fromisoformat(text)


def span(start: str, end: str) -> DateRange:
    return DateRange(d(start), d(end))


def one(day: str) -> DateRange:
    return DateRange(d(day), d(day))


def test_as_json_gives_from_and_to_as_iso_dates():
    """as_json is the shape the CLI prints and the form reads."""
    assert span("2026-11-18", "2026-11-20").as_json() == {"from": "2026-11-18", "to": "2026-11-20"}


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("Monday", one("2026-11-23")),
        ("Tuesday", one("2026-11-24")),
        ("Wednesday", one("2026-11-25")),
        ("Thursday", one("2026-11-19")),
        ("Friday", one("2026-11-20")),
        ("Saturday", one("2026-11-21")),
        ("Sunday", one("2026-11-22")),
        ("on Friday", one("2026-11-20")),
        ("this Friday", one("2026-11-20")),
        ("fri", one("2026-11-20")),
    ],
)
def test_a_weekday_is_the_first_one_strictly_after_the_reference(phrase, expected):
    """A bare weekday names one day: the next such day after the reference."""
    assert parse_phrase(phrase, WED) == expected


@pytest.mark.parametrize(
    ("phrase", "reference", "expected"),
    [
        ("by Friday", WED, span("2026-11-18", "2026-11-20")),
        ("by Friday", FRI, span("2026-11-20", "2026-11-27")),
        ("Friday", FRI, one("2026-11-27")),
        ("by Monday", SUN, span("2026-11-22", "2026-11-23")),
        ("by Thursday", date(2026, 12, 31), span("2026-12-31", "2027-01-07")),
    ],
)
def test_by_a_weekday_runs_from_the_reference_to_that_weekday(phrase, reference, expected):
    """'by Friday' is a deadline; said on a Friday it means the next Friday."""
    assert parse_phrase(phrase, reference) == expected


@pytest.mark.parametrize(
    ("phrase", "reference", "expected"),
    [
        ("next Tuesday", WED, one("2026-11-24")),
        ("next Monday", WED, one("2026-11-23")),
        ("next Friday", WED, one("2026-11-27")),
        ("next Wednesday", WED, one("2026-11-25")),
        ("next Sunday", WED, one("2026-11-29")),
        ("next Monday", SUN, one("2026-11-23")),
        ("next Monday", date(2026, 11, 23), one("2026-11-30")),
        ("next Tuesday", date(2026, 12, 30), one("2027-01-05")),
    ],
)
def test_next_weekday_is_that_day_in_the_next_calendar_week(phrase, reference, expected):
    """'next Tuesday' is the Tuesday of the Monday-to-Sunday week after the reference's."""
    assert parse_phrase(phrase, reference) == expected


@pytest.mark.parametrize("phrase", ["end of the week", "end of this week", "this week"])
@pytest.mark.parametrize(
    ("reference", "expected"),
    [
        (WED, span("2026-11-18", "2026-11-20")),
        (date(2026, 11, 16), span("2026-11-16", "2026-11-20")),
        (FRI, span("2026-11-20", "2026-11-20")),
        (SAT, span("2026-11-21", "2026-11-27")),
        (SUN, span("2026-11-22", "2026-11-27")),
        (date(2026, 12, 30), span("2026-12-30", "2027-01-01")),
    ],
)
def test_end_of_the_week_is_the_friday_of_the_working_week(phrase, reference, expected):
    """On a weekend the working week meant is the coming one."""
    assert parse_phrase(phrase, reference) == expected


@pytest.mark.parametrize(
    ("reference", "expected"),
    [
        (WED, span("2026-11-18", "2026-11-27")),
        (FRI, span("2026-11-20", "2026-11-27")),
        (SAT, span("2026-11-21", "2026-11-27")),
        (date(2026, 12, 28), span("2026-12-28", "2027-01-08")),
    ],
)
def test_end_of_next_week_is_the_friday_of_the_following_week(reference, expected):
    """'end of next week' is a deadline on the Friday of the next calendar week."""
    assert parse_phrase("end of next week", reference) == expected


def test_next_week_is_monday_to_friday_of_the_next_calendar_week():
    """Without 'end of', next week is the whole working week."""
    assert parse_phrase("next week", WED) == span("2026-11-23", "2026-11-27")


@pytest.mark.parametrize(
    ("phrase", "reference", "expected"),
    [
        ("today", WED, one("2026-11-18")),
        ("tomorrow", WED, one("2026-11-19")),
        ("tomorrow", date(2026, 12, 31), one("2027-01-01")),
        ("in 3 days", WED, one("2026-11-21")),
        ("in three days", WED, one("2026-11-21")),
        ("in twelve days", WED, one("2026-11-30")),
        ("in 1 week", WED, one("2026-11-25")),
        ("in a week", WED, one("2026-11-25")),
        ("in two weeks", WED, one("2026-12-02")),
        ("in two weeks", date(2026, 12, 30), one("2027-01-13")),
        ("in 2 weeks' time", WED, one("2026-12-02")),
        ("in a month", WED, one("2026-12-18")),
        ("in a month", date(2027, 1, 31), one("2027-02-28")),
        ("in a month", date(2028, 1, 31), one("2028-02-29")),
        ("in 3 months", WED, one("2027-02-18")),
    ],
)
def test_in_a_duration_is_the_single_day_that_far_ahead(phrase, reference, expected):
    """'in N days/weeks/months' names one day; months keep the day or clamp to the last."""
    assert parse_phrase(phrase, reference) == expected


@pytest.mark.parametrize(
    ("phrase", "reference", "expected"),
    [
        ("within 10 days", WED, span("2026-11-18", "2026-11-28")),
        ("within a week", WED, span("2026-11-18", "2026-11-25")),
        ("within two weeks", date(2026, 12, 30), span("2026-12-30", "2027-01-13")),
        ("within a month", WED, span("2026-11-18", "2026-12-18")),
    ],
)
def test_within_a_duration_runs_from_the_reference(phrase, reference, expected):
    """'within X' is a deadline X ahead."""
    assert parse_phrase(phrase, reference) == expected


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("a couple of weeks", span("2026-11-25", "2026-12-02")),
        ("in a couple of weeks", span("2026-11-25", "2026-12-02")),
        ("a few weeks", span("2026-11-25", "2026-12-09")),
        ("in a few days", span("2026-11-13", "2026-11-15")),
        ("a couple of months", span("2027-01-11", "2027-02-11")),
    ],
)
def test_a_couple_is_two_to_three_and_a_few_is_two_to_four(phrase, expected):
    """Vague counts become ranges: a couple = 2-3 units, a few = 2-4 units."""
    assert parse_phrase(phrase, date(2026, 11, 11)) == expected


@pytest.mark.parametrize(
    ("phrase", "reference", "expected"),
    [
        ("in 5 business days", WED, one("2026-11-25")),
        ("in 3 business days", date(2026, 11, 24), one("2026-11-30")),
        ("in 2 working days", date(2026, 12, 24), one("2026-12-29")),
    ],
)
def test_business_days_skip_weekends_and_public_holidays(phrase, reference, expected):
    """Business days count Monday to Friday minus the country's holidays (Thanksgiving here)."""
    assert parse_phrase(phrase, reference) == expected


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("early October", span("2027-10-01", "2027-10-10")),
        ("beginning of October", span("2027-10-01", "2027-10-10")),
        ("start of October", span("2027-10-01", "2027-10-10")),
        ("mid October", span("2027-10-11", "2027-10-20")),
        ("mid-October", span("2027-10-11", "2027-10-20")),
        ("middle of October", span("2027-10-11", "2027-10-20")),
        ("end of October", span("2027-10-21", "2027-10-31")),
        ("the end of October", span("2027-10-21", "2027-10-31")),
        ("late October", span("2027-10-21", "2027-10-31")),
        ("in October", span("2027-10-01", "2027-10-31")),
        ("October", span("2027-10-01", "2027-10-31")),
        ("early Oct", span("2027-10-01", "2027-10-10")),
        ("early Sept", span("2027-09-01", "2027-09-10")),
        ("mid December", span("2026-12-11", "2026-12-20")),
        ("late Dec", span("2026-12-21", "2026-12-31")),
        ("end of April", span("2027-04-21", "2027-04-30")),
        ("in December 2027", span("2027-12-01", "2027-12-31")),
        ("by mid December", span("2026-11-18", "2026-12-20")),
    ],
)
def test_parts_of_a_month_are_fixed_day_ranges(phrase, expected):
    """early = 1-10, mid = 11-20, end/late = 21-last; a month already over means next year's."""
    assert parse_phrase(phrase, WED) == expected


@pytest.mark.parametrize(
    ("phrase", "reference", "expected"),
    [
        ("early January", date(2026, 12, 15), span("2027-01-01", "2027-01-10")),
        ("mid November", WED, span("2026-11-18", "2026-11-20")),
        ("in November", WED, span("2026-11-18", "2026-11-30")),
        ("late November", WED, span("2026-11-21", "2026-11-30")),
        ("early November", WED, span("2027-11-01", "2027-11-10")),
        ("end of February", date(2027, 11, 18), span("2028-02-21", "2028-02-29")),
        ("end of February", WED, span("2027-02-21", "2027-02-28")),
    ],
)
def test_month_ranges_cross_years_and_start_no_earlier_than_the_reference(
    phrase, reference, expected
):
    """A range holding the reference starts on it; one already over moves to next year."""
    assert parse_phrase(phrase, reference) == expected


@pytest.mark.parametrize(
    ("phrase", "reference", "expected"),
    [
        ("end of the month", WED, span("2026-11-21", "2026-11-30")),
        ("end of the month", date(2026, 11, 25), span("2026-11-25", "2026-11-30")),
        ("by the end of the month", WED, span("2026-11-18", "2026-11-30")),
        ("end of next month", WED, span("2026-12-21", "2026-12-31")),
        ("end of next month", date(2026, 12, 5), span("2027-01-21", "2027-01-31")),
        ("end of next month", date(2028, 1, 31), span("2028-02-21", "2028-02-29")),
        ("next month", WED, span("2026-12-01", "2026-12-31")),
        ("early next month", WED, span("2026-12-01", "2026-12-10")),
        ("mid this month", WED, span("2026-11-18", "2026-11-20")),
    ],
)
def test_this_and_next_month_work_like_month_names(phrase, reference, expected):
    """'end of the month' is this month's 21st to last day; 'next month' the whole next one."""
    assert parse_phrase(phrase, reference) == expected


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("end of the year", span("2026-12-21", "2026-12-31")),
        ("by the end of the year", span("2026-11-18", "2026-12-31")),
        ("year-end", span("2026-12-21", "2026-12-31")),
        ("by EOY", span("2026-11-18", "2026-12-31")),
    ],
)
def test_end_of_the_year_is_the_end_of_december(phrase, expected):
    """The end of the year is December 21-31, like the end of any month."""
    assert parse_phrase(phrase, WED) == expected


@pytest.mark.parametrize(
    ("phrase", "reference", "expected"),
    [
        ("before Thanksgiving", WED, span("2026-11-18", "2026-11-25")),
        ("before Thanksgiving", date(2026, 11, 27), span("2026-11-27", "2027-11-24")),
        ("before Christmas", WED, span("2026-11-18", "2026-12-24")),
        ("before the holidays", WED, span("2026-11-18", "2026-12-24")),
        ("before New Year", WED, span("2026-11-18", "2026-12-31")),
        ("before New Year's Day", WED, span("2026-11-18", "2026-12-31")),
        ("before Christmas", date(2026, 12, 26), span("2026-12-26", "2027-12-24")),
        # 2027-12-25 is a Saturday: the observed Friday holiday is not Christmas itself.
        ("before Christmas", date(2027, 12, 1), span("2027-12-01", "2027-12-24")),
        ("by Christmas", WED, span("2026-11-18", "2026-12-25")),
    ],
)
def test_before_a_us_holiday_ends_the_day_before_it(phrase, reference, expected):
    """US holidays come from the holidays package, this year's or next year's."""
    assert parse_phrase(phrase, reference, "US") == expected


@pytest.mark.parametrize(
    ("country", "subdivision"), [("GB", None), ("DE", None), ("DE", "BY"), ("de", "by")]
)
def test_before_christmas_in_europe_ends_on_the_24th(country, subdivision):
    """Christmas is found by name in other countries too (DE also has a second day)."""
    expected = span("2026-11-18", "2026-12-24")

    assert parse_phrase("before Christmas", WED, country, subdivision) == expected


def test_thanksgiving_outside_the_us_is_refused_with_a_reason():
    """A holiday the country does not have is an error that says so."""
    with pytest.raises(PhraseError, match="Thanksgiving is not a public holiday in DE"):
        parse_phrase("before Thanksgiving", WED, "DE")


@pytest.mark.parametrize(
    ("phrase", "reference", "expected"),
    [
        ("2026-12-04", WED, one("2026-12-04")),
        ("by 2026-12-04", WED, span("2026-11-18", "2026-12-04")),
        ("December 4", WED, one("2026-12-04")),
        ("4 December", WED, one("2026-12-04")),
        ("Dec 4th", WED, one("2026-12-04")),
        ("4th of December", WED, one("2026-12-04")),
        ("December 4, 2027", WED, one("2027-12-04")),
        ("December 4", date(2026, 6, 1), one("2026-12-04")),
        ("4 March", date(2026, 12, 10), one("2027-03-04")),
        ("Jan 2nd", date(2026, 12, 30), one("2027-01-02")),
        ("February 29", date(2027, 3, 1), one("2028-02-29")),
        ("the 4th", WED, one("2026-12-04")),
        ("on the 30th", WED, one("2026-11-30")),
    ],
)
def test_calendar_dates_name_one_day_and_mean_the_next_one_without_a_year(
    phrase, reference, expected
):
    """ISO and written dates; without a year, a date already past is next year's."""
    assert parse_phrase(phrase, reference) == expected


@pytest.mark.parametrize(
    "phrase",
    [
        "We'll decide by Friday.",
        "we will decide by Friday!",
        "BY FRIDAY",
        "  by   Friday ?",
        "by Friday at the latest",
        "Friday at the latest",
        "no later than Friday",
        "we\u2019ll know by Friday",
        "we may decide by Friday",
    ],
)
def test_fillers_case_and_punctuation_do_not_matter(phrase):
    """What surrounds the date is ignored; deadlines stay deadlines."""
    assert parse_phrase(phrase, WED) == span("2026-11-18", "2026-11-20")


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("around Friday", one("2026-11-20")),
        ("on Friday", one("2026-11-20")),
        ("sometime next week", span("2026-11-23", "2026-11-27")),
        ("around mid-December", span("2026-12-11", "2026-12-20")),
        ("We'll decide by the end of next week.", span("2026-11-18", "2026-11-27")),
        ("a decision is expected within a week", span("2026-11-18", "2026-11-25")),
    ],
)
def test_vague_words_keep_the_phrase_meaning(phrase, expected):
    """'around', 'on', 'sometime' change nothing."""
    assert parse_phrase(phrase, WED) == expected


@pytest.mark.parametrize(
    ("phrase", "reference", "expected"),
    [
        ("December 4th 2026 at noon", WED, one("2026-12-04")),
        ("in 3 fortnights", WED, one("2026-12-30")),
        ("the day after tomorrow", date(2026, 12, 31), one("2027-01-02")),
        ("by the day after tomorrow", WED, span("2026-11-18", "2026-11-20")),
    ],
)
def test_times_of_day_and_fortnights_name_one_day(phrase, reference, expected):
    """A clock time does not change the day; fortnights and "the day after tomorrow" are days."""
    assert parse_phrase(phrase, reference) == expected


@pytest.mark.parametrize("phrase", ["yesterday", "2026-11-01", "before today", "early 2026"])
def test_dates_before_the_reference_are_refused(phrase):
    """A decision date already past is an error, from the grammar or from dateparser."""
    with pytest.raises(PhraseError):
        parse_phrase(phrase, WED)


@pytest.mark.parametrize(
    "phrase", ["soon", "when the budget is approved", "blah blah", "5", "a", "by", "we'll decide"]
)
def test_unknown_phrases_are_refused_with_examples_that_work(phrase):
    """The message says what was not understood and offers phrases that work."""
    with pytest.raises(PhraseError, match="Could not understand") as raised:
        parse_phrase(phrase, WED)

    assert '"by Friday"' in str(raised.value)
    assert '"end of next week"' in str(raised.value)


@pytest.mark.parametrize("phrase", ["", "   ", "\n"])
def test_an_empty_phrase_is_refused(phrase):
    """Nothing typed is an error with examples, not a date."""
    with pytest.raises(PhraseError, match=r"No phrase given.*by Friday"):
        parse_phrase(phrase, WED)


@pytest.mark.parametrize(
    ("phrase", "message"),
    [
        ("2026-13-01", "no month 13"),
        ("2026-02-30", "no day 30 in February"),
        ("February 30", "no day 30 in February"),
    ],
)
def test_impossible_dates_are_refused_with_a_reason(phrase, message):
    """A date that does not exist says why."""
    with pytest.raises(PhraseError, match=message):
        parse_phrase(phrase, WED)


@pytest.mark.parametrize(
    ("country", "subdivision", "message"),
    [("XX", None, "Unknown country code 'XX'"), ("DE", "ZZ", "Unknown subdivision 'ZZ' of DE")],
)
def test_unknown_places_are_refused(country, subdivision, message):
    """An unknown country or subdivision is a PhraseError, so callers catch one thing."""
    with pytest.raises(PhraseError, match=message):
        parse_phrase("by Friday", WED, country, subdivision)


def test_phrase_error_is_a_value_error():
    """Callers that validate input with ValueError catch it too."""
    assert issubclass(PhraseError, ValueError)


# ---------------------------------------------------------------- weeks

MON = date(2026, 11, 16)


@pytest.mark.parametrize(
    ("phrase", "reference", "expected"),
    [
        ("early next week", WED, span("2026-11-23", "2026-11-24")),
        ("beginning of next week", WED, span("2026-11-23", "2026-11-24")),
        ("mid next week", WED, span("2026-11-24", "2026-11-26")),
        ("mid-week next week", WED, span("2026-11-24", "2026-11-26")),
        ("late next week", WED, span("2026-11-26", "2026-11-27")),
        ("by the middle of next week", WED, span("2026-11-18", "2026-11-26")),
        ("late this week", MON, span("2026-11-19", "2026-11-20")),
        ("midweek", MON, span("2026-11-17", "2026-11-19")),
        ("later this week", MON, span("2026-11-17", "2026-11-20")),
        ("early next week", SAT, span("2026-11-23", "2026-11-24")),
    ],
)
def test_parts_of_a_week_are_fixed_weekdays(phrase, reference, expected):
    """Early = Mon-Tue, mid = Tue-Thu, late = Thu-Fri of the week named."""
    assert parse_phrase(phrase, reference) == expected


def test_a_part_of_this_week_already_over_is_refused():
    """ "Early this week" said on a Friday is over, not next week."""
    with pytest.raises(PhraseError, match="already over"):
        parse_phrase("early this week", FRI)


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("the week after next", span("2026-11-30", "2026-12-04")),
        ("end of the week after next", span("2026-11-18", "2026-12-04")),
        ("Wednesday the week after next", one("2026-12-02")),
        ("Wednesday next week", one("2026-11-25")),
        ("by Wednesday next week", span("2026-11-18", "2026-11-25")),
        ("Friday of next week", one("2026-11-27")),
        ("Friday this week", one("2026-11-20")),
    ],
)
def test_named_weeks_fix_the_weekday(phrase, expected):
    """A weekday with "next week" or "the week after next" is the day of that calendar week."""
    assert parse_phrase(phrase, WED) == expected


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("Monday or Tuesday", span("2026-11-23", "2026-11-24")),
        ("between Monday and Wednesday", span("2026-11-23", "2026-11-25")),
        ("Thursday to Monday", span("2026-11-19", "2026-11-23")),
        ("Monday to Wednesday next week", span("2026-11-23", "2026-11-25")),
    ],
)
def test_two_weekdays_make_a_range_from_the_first(phrase, expected):
    """The first weekday is read as usual; the range runs to the next day named after it."""
    assert parse_phrase(phrase, WED) == expected


@pytest.mark.parametrize(
    ("phrase", "reference", "expected"),
    [
        ("the week of the 7th", WED, span("2026-12-07", "2026-12-11")),
        ("the week of the 16th", WED, span("2026-11-18", "2026-11-20")),
        ("w/c 22 March", date(2027, 3, 8), span("2027-03-22", "2027-03-26")),
        ("week commencing 5th October", date(2026, 9, 24), span("2026-10-05", "2026-10-09")),
        ("week of Dec 14", WED, span("2026-12-14", "2026-12-18")),
    ],
)
def test_the_week_of_a_day_is_monday_to_friday_of_its_week(phrase, reference, expected):
    """The week meant is the first not yet over that holds such a day."""
    assert parse_phrase(phrase, reference) == expected


def test_the_week_of_a_weekend_day_is_refused_as_unclear():
    """The 10th of October 2026 is a Saturday: the week before or after? Refused."""
    with pytest.raises(PhraseError, match="weekend day"):
        parse_phrase("the week of the 10th", date(2026, 9, 24))


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("EOD", one("2026-11-18")),
        ("by end of day", span("2026-11-18", "2026-11-18")),
        ("COB tomorrow", one("2026-11-19")),
        ("close of business Friday", one("2026-11-20")),
        ("by end of play Monday", span("2026-11-18", "2026-11-23")),
        ("EOD Friday at 5pm PST", one("2026-11-20")),
        ("first thing Monday morning", one("2026-11-23")),
    ],
)
def test_end_of_day_and_clock_times_name_the_day_only(phrase, expected):
    """EOD / COB / close of play are the working day they end; times of day are ignored."""
    assert parse_phrase(phrase, WED) == expected


# ---------------------------------------------------------------- lengths of time


@pytest.mark.parametrize(
    ("phrase", "reference", "country", "expected"),
    [
        ("in 3-5 business days", date(2026, 11, 23), "US", span("2026-11-27", "2026-12-01")),
        ("within 5 business days", WED, "US", span("2026-11-18", "2026-11-25")),
        ("3 to 5 working days", date(2026, 12, 23), "DE", span("2026-12-29", "2026-12-31")),
        (
            "in the next 2-3 business days",
            date(2027, 1, 12),
            "FR",
            span("2027-01-12", "2027-01-15"),
        ),
        ("in 4 business days", date(2026, 12, 22), "GB", one("2026-12-30")),
    ],
)
def test_business_day_ranges_skip_weekends_and_the_countrys_holidays(
    phrase, reference, country, expected
):
    """Thanksgiving (US), Christmas and the second day (DE), Boxing Day observed (GB) skipped."""
    assert parse_phrase(phrase, reference, country) == expected


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("in 2-3 weeks", span("2026-12-02", "2026-12-09")),
        ("in 3 to 4 weeks", span("2026-12-09", "2026-12-16")),
        ("in a week or two", span("2026-11-25", "2026-12-02")),
        ("two or three days", span("2026-11-20", "2026-11-21")),
        ("within a week or two", span("2026-11-18", "2026-12-02")),
        ("in a fortnight", one("2026-12-02")),
        ("within a fortnight", span("2026-11-18", "2026-12-02")),
        ("in a fortnight's time", one("2026-12-02")),
        ("in about 3 weeks", one("2026-12-09")),
    ],
)
def test_a_span_of_lengths_stays_a_range(phrase, expected):
    """ "2-3 weeks" is every day from two to three weeks ahead, never a single day."""
    assert parse_phrase(phrase, WED) == expected


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("in the coming days", span("2026-11-18", "2026-11-22")),
        ("in the next few days", span("2026-11-18", "2026-11-22")),
        ("over the next few weeks", span("2026-11-18", "2026-12-16")),
        ("in the coming weeks", span("2026-11-18", "2026-12-16")),
        ("over the next couple of weeks", span("2026-11-18", "2026-12-09")),
        ("in the next two weeks", span("2026-11-18", "2026-12-02")),
        ("within the next 30 days", span("2026-11-18", "2026-12-18")),
    ],
)
def test_the_next_and_the_coming_are_deadlines(phrase, expected):
    """ "The coming days" is a few days (up to 4) and "the coming weeks" a few weeks, from today."""
    assert parse_phrase(phrase, WED) == expected


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("within 24 hours", span("2026-11-18", "2026-11-19")),
        ("in 48 hours", one("2026-11-20")),
        ("in 36 hours", span("2026-11-19", "2026-11-20")),
        ("in 24-48 hours", span("2026-11-19", "2026-11-20")),
        ("in a few hours", span("2026-11-18", "2026-11-19")),
    ],
)
def test_hours_cover_the_days_they_can_reach(phrase, expected):
    """The hour it was said is unknown, so N hours reach from floor(N/24) to ceil(N/24) days."""
    assert parse_phrase(phrase, WED) == expected


# ---------------------------------------------------------------- months, quarters, years


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("before the end of the month", span("2026-11-18", "2026-11-30")),
        ("before the end of next month", span("2026-11-18", "2026-12-31")),
        ("later this month", span("2026-11-19", "2026-11-30")),
        ("by mid-January", span("2026-11-18", "2027-01-20")),
        ("the first week of December", span("2026-12-01", "2026-12-07")),
        ("the last week of January", span("2027-01-25", "2027-01-31")),
        ("second week of next month", span("2026-12-08", "2026-12-14")),
    ],
)
def test_before_the_end_and_weeks_of_a_month(phrase, expected):
    """ "Before the end of the month" runs to its last day, not to the 20th."""
    assert parse_phrase(phrase, WED) == expected


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("end of Q1", span("2027-03-01", "2027-03-31")),
        ("in Q4", span("2026-11-18", "2026-12-31")),
        ("early Q2 2027", span("2027-04-01", "2027-04-30")),
        ("next quarter", span("2027-01-01", "2027-03-31")),
        ("by the end of the quarter", span("2026-11-18", "2026-12-31")),
        ("the first quarter of next year", span("2027-01-01", "2027-03-31")),
        ("H1 2027", span("2027-01-01", "2027-06-30")),
        ("early 2027", span("2027-01-01", "2027-04-30")),
        ("mid-2027", span("2027-05-01", "2027-08-31")),
        ("late this year", span("2026-11-18", "2026-12-31")),
        ("start of next year", span("2027-01-01", "2027-01-31")),
        ("mid-year", span("2027-05-01", "2027-08-31")),
    ],
)
def test_quarters_halves_and_parts_of_years(phrase, expected):
    """Calendar quarters (a part of one is a month); a year's early / mid / late are thirds."""
    assert parse_phrase(phrase, WED) == expected


# ---------------------------------------------------------------- ranges and numeric dates


@pytest.mark.parametrize(
    ("phrase", "reference", "expected"),
    [
        ("Jan 12-16", WED, span("2027-01-12", "2027-01-16")),
        ("12-16 January", WED, span("2027-01-12", "2027-01-16")),
        ("Nov 30 - Dec 4", WED, span("2026-11-30", "2026-12-04")),
        ("between the 3rd and the 5th", WED, span("2026-12-03", "2026-12-05")),
        ("from the 14th to the 18th", WED, span("2026-11-18", "2026-11-18")),
        ("between 20 and 24 April", WED, span("2027-04-20", "2027-04-24")),
        ("Dec 30 - Jan 2", WED, span("2026-12-30", "2027-01-02")),
    ],
)
def test_a_range_of_days_is_the_next_one_not_yet_over(phrase, reference, expected):
    """Not 85 years ahead: "Jan 12-16" said in November is next January's."""
    assert parse_phrase(phrase, reference) == expected


@pytest.mark.parametrize(
    ("phrase", "country", "expected"),
    [
        ("12/1", "US", one("2026-12-01")),
        ("12/1", "GB", one("2027-01-12")),
        ("12/1", "DE", one("2027-01-12")),
        ("12/18", "GB", one("2026-12-18")),
        ("18/12", "US", one("2026-12-18")),
        ("12/18", "CA", one("2026-12-18")),
        ("4.12.", "DE", one("2026-12-04")),
        ("04.12.2026", "US", one("2026-12-04")),
        ("12/01/2026", "US", one("2026-12-01")),
        ("1/12/27", "AU", one("2027-12-01")),
        ("2026-12-04", "FR", one("2026-12-04")),
    ],
)
def test_numeric_dates_follow_the_countrys_order(phrase, country, expected):
    """Month first in the US, day first elsewhere, dots always day first, ISO everywhere."""
    assert parse_phrase(phrase, WED, country) == expected


def test_a_numeric_date_that_reads_both_ways_in_canada_is_refused():
    """Canada writes both orders, so 03/04 could be March or April: refused, not guessed."""
    with pytest.raises(PhraseError, match="could be 3 April or 4 March"):
        parse_phrase("03/04", WED, "CA")


@pytest.mark.parametrize("phrase", ["12-16", "10-14", "12/16-12/18"])
def test_bare_numbers_joined_by_a_dash_are_refused(phrase):
    """ "12-16" could be days or a date: no grammar reads it and dateparser is not asked."""
    with pytest.raises(PhraseError, match="Could not understand"):
        parse_phrase(phrase, WED)


@pytest.mark.parametrize(
    ("phrase", "reference", "expected"),
    [
        ("Friday the 15th", date(2027, 1, 12), one("2027-01-15")),
        ("Monday 5 October", date(2026, 9, 24), one("2026-10-05")),
        ("Friday, December 4", WED, one("2026-12-04")),
        ("Dec. 4", WED, one("2026-12-04")),
    ],
)
def test_a_weekday_with_a_date_gives_the_date(phrase, reference, expected):
    """The weekday only confirms the date."""
    assert parse_phrase(phrase, reference) == expected


def test_a_weekday_that_disagrees_with_its_date_is_refused():
    """14 May 2026 is a Thursday: "Tuesday the 14th" is refused with the reason."""
    with pytest.raises(PhraseError, match="is a Thursday, not a Tuesday"):
        parse_phrase("Tuesday the 14th", date(2026, 5, 6), "NL")


# ---------------------------------------------------------------- holidays and breaks


@pytest.mark.parametrize(
    ("phrase", "reference", "country", "expected"),
    [
        ("after Labor Day", date(2026, 8, 28), "US", span("2026-09-08", "2026-09-18")),
        ("after Thanksgiving", WED, "US", span("2026-11-27", "2026-12-04")),
        ("after the new year", WED, "GB", span("2027-01-04", "2027-01-15")),
        ("in the new year", WED, "GB", span("2027-01-04", "2027-01-15")),
        ("after the holidays", WED, "US", span("2027-01-04", "2027-01-15")),
        ("after Christmas", WED, "DE", span("2026-12-28", "2027-01-08")),
        ("after Boxing Day", WED, "GB", span("2026-12-29", "2027-01-08")),
    ],
)
def test_after_a_holiday_is_the_next_working_days(phrase, reference, country, expected):
    """From the first business day after it to the Friday of the following week."""
    assert parse_phrase(phrase, reference, country) == expected


@pytest.mark.parametrize(
    ("phrase", "reference", "country", "expected"),
    [
        ("before the Easter break", date(2027, 3, 8), "GB", span("2027-03-08", "2027-03-25")),
        ("before Easter", date(2027, 3, 8), "US", span("2027-03-08", "2027-03-25")),
        ("after Easter", date(2026, 3, 16), "AU", span("2026-04-07", "2026-04-17")),
        ("after Whitsun", date(2026, 5, 6), "NL", span("2026-05-26", "2026-06-05")),
        ("before Ascension Day", date(2027, 4, 12), "NL", span("2027-04-12", "2027-05-05")),
    ],
)
def test_the_feasts_around_easter_are_computed_everywhere(phrase, reference, country, expected):
    """The Easter break is Good Friday to Easter Monday, even where they are not holidays."""
    assert parse_phrase(phrase, reference, country) == expected


@pytest.mark.parametrize(
    ("phrase", "reference", "country", "expected"),
    [
        ("before Thanksgiving", date(2026, 10, 1), "CA", span("2026-10-01", "2026-10-11")),
        ("after Canada Day", date(2026, 6, 22), "CA", span("2026-07-02", "2026-07-10")),
        ("before the bank holiday", date(2027, 5, 17), "GB", span("2027-05-17", "2027-05-30")),
        ("after the May bank holiday", date(2027, 4, 19), "GB", span("2027-05-04", "2027-05-14")),
        ("before King's Day", date(2027, 4, 12), "NL", span("2027-04-12", "2027-04-26")),
        ("after Bastille Day", date(2026, 6, 29), "FR", span("2026-07-15", "2026-07-24")),
        ("before German Unity Day", date(2026, 9, 24), "DE", span("2026-09-24", "2026-10-02")),
        ("after ANZAC Day", date(2027, 4, 14), "AU", span("2027-04-26", "2027-05-07")),
        # Ireland names its bank holidays by their month.
        ("after the June bank holiday", date(2027, 5, 20), "IE", span("2027-06-08", "2027-06-18")),
        ("before the October bank holiday", date(2027, 10, 4), "IE",
         span("2027-10-04", "2027-10-24")),
        ("after the August bank holiday", date(2027, 7, 20), "IE",
         span("2027-08-03", "2027-08-13")),
    ],
)  # fmt: skip
def test_named_holidays_of_the_country(phrase, reference, country, expected):
    """Canadian Thanksgiving is regional but on one day everywhere it is kept, so it counts."""
    assert parse_phrase(phrase, reference, country) == expected


def test_a_regional_holiday_on_different_days_asks_for_the_subdivision():
    """Labour Day in Australia depends on the state: refused without one, read with one."""
    with pytest.raises(PhraseError, match="give the subdivision"):
        parse_phrase("after Labour Day", WED, "AU")

    assert parse_phrase("before Labour Day", date(2027, 9, 1), "AU", "NSW") == span(
        "2027-09-01", "2027-10-03"
    )


# ---------------------------------------------------------------- refusals


@pytest.mark.parametrize(
    "phrase", ["in 3 years", "in 20 months", "by December 2028", "early 2029", "Q3 2028"]
)
def test_answers_more_than_18_months_ahead_are_refused(phrase):
    """Nothing is planned around a date further than 18 months away; it is likely a misreading."""
    with pytest.raises(PhraseError, match="more than 18 months"):
        parse_phrase(phrase, WED)


@pytest.mark.parametrize(
    "phrase",
    ["ASAP", "in due course", "next weekend", "after the board meeting", "later", "in a while"],
)
def test_vague_or_ambiguous_timing_is_refused(phrase):
    """No date is guessed for "ASAP", "next weekend" (this one or the one after?) and the like."""
    with pytest.raises(PhraseError, match="Could not understand"):
        parse_phrase(phrase, WED)


def test_a_date_already_over_raises_already_over():
    """Callers can tell "over" from "not a date": the inbox stops looking at "by 1 March 2026"."""
    with pytest.raises(AlreadyOver):
        parse_phrase("by 1 March 2026", date(2026, 3, 4))


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("We'll be in touch by the end of next week", span("2026-11-18", "2026-11-27")),
        ("You should hear back from us within 5 working days", span("2026-11-18", "2026-11-25")),
        ("The team will decide by Friday", span("2026-11-18", "2026-11-20")),
        ("Expect to hear from us early next week", span("2026-11-23", "2026-11-24")),
    ],
)
def test_the_sentence_around_the_timing_is_dropped(phrase, expected):
    """Words such as "we'll be in touch" are dropped from the front until the rest reads."""
    assert parse_phrase(phrase, WED) == expected


# ---------------------------------------------------------------- round twelve's kinds


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("give us up to ten more days", span("2026-11-18", "2026-11-28")),
        ("up to a further week", span("2026-11-18", "2026-11-25")),
        ("another 3 days", one("2026-11-21")),
        ("in the next week or two", span("2026-11-18", "2026-12-02")),
        ("in the next day or two", span("2026-11-18", "2026-11-20")),
    ],
)
def test_more_time_up_to_a_limit_is_a_deadline(phrase, expected):
    """ "Up to N more days", "the next week or two" run from the reference; "another N" is a day."""
    assert parse_phrase(phrase, WED) == expected


@pytest.mark.parametrize("phrase", ["within the fortnight", "over the coming fortnight"])
def test_the_fortnight_without_a_number_is_one_fortnight(phrase):
    """ "Within the fortnight" is a deadline 14 days on."""
    assert parse_phrase(phrase, WED) == span("2026-11-18", "2026-12-02")


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("Thursday week", one("2026-11-26")),
        ("a week on Monday", one("2026-11-30")),
        ("a fortnight today", one("2026-12-02")),
        ("two weeks from tomorrow", one("2026-12-03")),
        ("10 days from Friday", one("2026-11-30")),
    ],
)
def test_weeks_are_counted_from_the_day_they_name(phrase, expected):
    """ "Thursday week", "a week on Monday": that long after the coming such day."""
    assert parse_phrase(phrase, WED) == expected


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("towards the end of next week", span("2026-11-26", "2026-11-27")),
        ("the tail end of this month", span("2026-11-21", "2026-11-30")),
        ("towards the middle of December", span("2026-12-11", "2026-12-20")),
        ("mid-to-late December", span("2026-12-11", "2026-12-31")),
        ("early to mid January", span("2027-01-01", "2027-01-20")),
        ("late December or early January", span("2026-12-21", "2027-01-10")),
        ("the first half of December", span("2026-12-01", "2026-12-15")),
        ("the second half of next month", span("2026-12-16", "2026-12-31")),
        ("the latter half of January", span("2027-01-16", "2027-01-31")),
    ],
)
def test_loose_parts_halves_and_part_to_part_ranges(phrase, expected):
    """ "Towards the end of" is late; halves are days 1-15 and 16 on; two parts make one range."""
    assert parse_phrase(phrase, WED) == expected


@pytest.mark.parametrize(
    "phrase",
    ["before the month is out", "by month end", "by EOM", "by the close of the month"],
)
def test_before_the_month_is_out_is_a_deadline_at_its_end(phrase):
    """ "Before the month is out", "EOM" and "month end" end on the month's last day."""
    assert parse_phrase(phrase, WED) == span("2026-11-18", "2026-11-30")


@pytest.mark.parametrize("phrase", ["before the week is out", "EOW", "by EOW"])
def test_before_the_week_is_out_is_a_deadline_on_its_friday(phrase):
    """ "EOW" is the end of this week, a deadline on its Friday."""
    assert parse_phrase(phrase, WED) == span("2026-11-18", "2026-11-20")


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("after the board meets on the 24th", span("2026-11-25", "2026-12-04")),
        ("once the panel has met on Monday", span("2026-11-24", "2026-12-04")),
        ("once the holidays are over", span("2027-01-04", "2027-01-15")),
        ("just after Christmas", span("2026-12-28", "2027-01-08")),
        ("this side of Christmas", span("2026-11-18", "2026-12-24")),
    ],
)
def test_after_an_event_on_a_day_or_once_a_holiday_is_over(phrase, expected):
    """An event on a day is after that day; "once X is over" is after X; "this side of" before."""
    assert parse_phrase(phrase, WED, "US") == expected


@pytest.mark.parametrize(
    ("phrase", "reference", "country", "expected"),
    [
        ("before Epiphany", WED, "ES", span("2026-11-18", "2027-01-05")),
        ("after St Patrick's Day", d("2027-02-17"), "IE", span("2027-03-18", "2027-03-26")),
        ("after the Fourth of July", d("2027-06-02"), "US", span("2027-07-06", "2027-07-16")),
        ("before Holy Week", d("2027-02-17"), "ES", span("2027-02-17", "2027-03-20")),
    ],
)
def test_holidays_by_the_name_in_the_countrys_own_table(phrase, reference, country, expected):
    """Any public holiday of the country reads by its own name; Holy Week is Palm Sunday on."""
    assert parse_phrase(phrase, reference, country) == expected


def test_an_observed_day_is_not_the_holiday_itself():
    """Juneteenth on a Saturday is the 19th, not the Friday it is observed on."""
    found = parse_phrase("by Juneteenth", d("2027-06-02"), "US")

    assert found == span("2027-06-02", "2027-06-19")


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("the last working day of the month", one("2026-11-30")),
        ("the first working day of next month", one("2026-12-01")),
        ("the first business day of January", one("2027-01-04")),
    ],
)
def test_the_first_or_last_working_day_of_a_month(phrase, expected):
    """The first or last business day of the month named, holidays skipped."""
    assert parse_phrase(phrase, WED, "US") == expected


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("at some point next year", span("2027-01-01", "2027-12-31")),
        ("some point next week", span("2026-11-23", "2026-11-27")),
    ],
)
def test_at_some_point_softens_without_moving(phrase, expected):
    """ "At some point" says nothing about which days."""
    assert parse_phrase(phrase, WED) == expected


@pytest.mark.parametrize("phrase", ["Christmas or Easter", "Friday to Q4"])
def test_two_dates_joined_out_of_order_or_far_apart_are_refused(phrase):
    """Two readings join into one range only in order and within a quarter."""
    with pytest.raises(PhraseError):
        parse_phrase(phrase, WED)


@pytest.mark.parametrize(
    ("phrase", "reference", "expected"),
    [
        ("the Friday after next", WED, one("2026-11-27")),
        ("the week before Christmas", WED, span("2026-12-14", "2026-12-18")),
        ("the week after Thanksgiving", WED, span("2026-11-30", "2026-12-04")),
        ("before Memorial Day weekend", d("2027-04-21"), span("2027-04-21", "2027-05-28")),
        ("first thing next week", WED, one("2026-11-23")),
        ("between now and the 20th", WED, span("2026-11-18", "2026-11-20")),
        ("within the week", WED, span("2026-11-18", "2026-11-20")),
        ("10th-12th", WED, span("2026-12-10", "2026-12-12")),
        ("on the 1st of next month", WED, one("2026-12-01")),
        ("any time between the 23rd and the 25th", WED, span("2026-11-23", "2026-11-25")),
        ("in the weeks ahead", WED, span("2026-11-18", "2026-12-16")),
        ("the back end of the year", WED, span("2026-11-18", "2026-12-31")),
    ],
)
def test_weeks_beside_a_day_long_weekends_and_loose_spans(phrase, reference, expected):
    """The week before or after a day, a holiday weekend, "first thing", "between now and"."""
    assert parse_phrase(phrase, reference, "US") == expected


def test_wk_of_is_the_week_of():
    """ "Wk of 30/11" is the working week holding 30 November, day first in Britain."""
    assert parse_phrase("wk of 30/11", WED, "GB") == span("2026-11-30", "2026-12-04")


@pytest.mark.parametrize("phrase", ["from the 23rd onwards", "Monday or later"])
def test_a_first_day_with_no_last_is_refused_as_read(phrase):
    """An open end is refused with its own reason, not as a phrase nobody could read."""
    with pytest.raises(PhraseError, match="no last one") as raised:
        parse_phrase(phrase, WED)

    assert not isinstance(raised.value, NotUnderstood)


@pytest.mark.parametrize(
    ("phrase", "reference", "expected"),
    [
        ("on or around the 20th", WED, one("2026-11-20")),
        ("circa 25 November", WED, one("2026-11-25")),
        ("halfway through next month", WED, span("2026-12-11", "2026-12-20")),
        ("right at the start of December", WED, span("2026-12-01", "2026-12-10")),
        ("Friday at the very latest", WED, span("2026-11-18", "2026-11-20")),
        ("ahead of the weekend", WED, span("2026-11-18", "2026-11-20")),
        ("over the weekend", WED, span("2026-11-21", "2026-11-22")),
        ("over the weekend", SAT, span("2026-11-21", "2026-11-22")),
        ("the second or third week of December", WED, span("2026-12-08", "2026-12-21")),
        ("end of December and early January", WED, span("2026-12-21", "2027-01-10")),
        ("just before Christmas", WED, span("2026-11-18", "2026-12-24")),
    ],
)
def test_hedges_weekends_and_ordinals_sharing_their_words(phrase, reference, expected):
    """ "On or around", "circa", "very", "right", the weekend, "the second or third week of"."""
    assert parse_phrase(phrase, reference, "US") == expected


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("the Monday after Thanksgiving", one("2026-11-30")),
        ("the Friday before Christmas", one("2026-12-18")),
    ],
)
def test_a_weekday_counted_from_a_holiday(phrase, expected):
    """The first such weekday after the holiday, or the last one before it."""
    assert parse_phrase(phrase, WED, "US") == expected


# ---------------------------------------------------------------- the hand-labelled corpus

CORPUS = Path(__file__).parent / "corpus"


def corpus_misses(half: str) -> tuple[int, list[str], list[str]]:
    """(phrases, wrong answers, refusals of phrases that have an answer) for one half."""
    wrong, refused, rows = [], [], 0
    for line in (CORPUS / f"phrases_{half}.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if row.get("language", "en") != "en":
            continue  # read inside replies by the reader, not by `afterword when`
        rows += 1
        expected = None if row.get("refused") else span(row["from"], row["to"])
        try:
            got = parse_phrase(
                row["phrase"], d(row["reference"]), row["country"], row.get("subdivision")
            )
        except PhraseError:
            got = None
        if got is None and expected is not None:
            refused.append(row["phrase"])
        elif got != expected:
            wrong.append(f"{row['phrase']!r} on {row['reference']}: {got}")
    return rows, wrong, refused


def test_the_corpus_has_at_least_300_phrases_in_two_halves():
    """At least 300 hand-labelled phrases, split into a tune half and a test half."""
    sizes = [corpus_misses(half)[0] for half in ("tune", "test")]

    assert sum(sizes) >= 300
    assert min(sizes) >= 140


def test_at_most_one_percent_of_the_test_half_gets_a_wrong_date():
    """The goal of issue 11: at most 1 % wrong dates on the half the rules were not tuned on."""
    rows, wrong, _refused = corpus_misses("test")

    assert len(wrong) <= rows // 100, wrong


@pytest.mark.parametrize("half", ["test3", "tune3", "tune4", "tune5", "tune6"])
def test_at_most_one_percent_of_round_twelves_halves_gets_a_wrong_date(half):
    """The same goal on the twelfth round's held-out half and its three tune batches."""
    rows, wrong, _refused = corpus_misses(half)

    assert len(wrong) <= rows // 100, wrong


@pytest.mark.parametrize(
    ("phrase", "reference"),
    [
        ("December 4", date(2026, 12, 10)),
        ("by 30 October", date(2026, 11, 4)),
        ("on the 30th of October", date(2026, 11, 4)),
        ("by 2/11", date(2026, 11, 4)),
    ],
)
def test_a_day_and_month_just_gone_by_is_refused_not_read_as_next_years(
    phrase: str, reference: date
) -> None:
    """A date without a year from the half-year before the reference is over, not next year's."""
    with pytest.raises(AlreadyOver):
        parse_phrase(phrase, reference, "GB")


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("before the Christmas shutdown on the 18th", span("2026-12-09", "2026-12-17")),
        ("ahead of the offsite on 14 December", span("2026-12-09", "2026-12-13")),
    ],
)
def test_before_an_event_on_a_day_ends_the_day_before_that_day(
    phrase: str, expected: DateRange
) -> None:
    """ "Before the shutdown on the 18th" is before the 18th, whatever the event is called."""
    assert parse_phrase(phrase, date(2026, 12, 9), "GB") == expected


@pytest.mark.parametrize(
    ("phrase", "reference", "expected"),
    [
        ("by month's end", date(2026, 11, 4), span("2026-11-04", "2026-11-30")),
        ("by the end of this calendar month", date(2026, 11, 4), span("2026-11-04", "2026-11-30")),
        ("in 2 wks", date(2026, 11, 4), one("2026-11-18")),
        ("Monday coming", date(2026, 11, 4), one("2026-11-09")),
        ("later today", date(2026, 11, 4), one("2026-11-04")),
        ("before we break for Christmas", date(2026, 12, 9), span("2026-12-09", "2026-12-24")),
        (
            "before the team breaks for the holidays",
            date(2026, 12, 9),
            span("2026-12-09", "2026-12-24"),
        ),
        ("end of Nov / early Dec", date(2026, 11, 4), span("2026-11-21", "2026-12-10")),
    ],
)
def test_everyday_shorthand_reads_as_its_plain_form(
    phrase: str, reference: date, expected: DateRange
) -> None:
    """ "Month's end", "calendar month", "wks", "Monday coming", "we break for", a slash."""
    assert parse_phrase(phrase, reference, "GB") == expected


def test_a_day_counted_from_a_day_named_elsewhere_is_refused() -> None:
    """ "The Monday after, the 30th" lacks the day it counts from; it is not after the 30th."""
    with pytest.raises(NotUnderstood):
        parse_phrase("the Monday after, the 30th", date(2026, 11, 4), "US")


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("no later than Weds", span("2027-03-10", "2027-03-17")),
        ("Thurs pm", one("2027-03-11")),
        ("tmrw", one("2027-03-11")),
        ("in the latter part of next week", span("2027-03-18", "2027-03-19")),
        ("by 1700 on the 12th", span("2027-03-10", "2027-03-12")),
        ("by the end of the month at the outside", span("2027-03-10", "2027-03-31")),
        ("on Friday 19th (our panel day)", one("2027-03-19")),
        ("by 2027", span("2027-03-10", "2027-12-31")),
    ],
)
def test_abbreviations_clock_times_and_asides_leave_the_date_they_surround(
    phrase: str, expected: DateRange
) -> None:
    """ "Weds", "tmrw", "pm", "1700 on", "latter part of", "at the outside", a bracketed aside."""
    assert parse_phrase(phrase, date(2027, 3, 10), "GB") == expected


def test_a_weekday_in_brackets_is_not_dropped_as_an_aside() -> None:
    """ "On the 3rd (a Tuesday)" on a Thursday the 3rd is not read as the 3rd."""
    with pytest.raises(PhraseError):
        parse_phrase("on the 3rd (a Tuesday)", date(2026, 11, 4), "US")
