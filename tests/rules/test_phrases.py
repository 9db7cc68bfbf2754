"""Decision phrases to date ranges: rules/phrases.py.

Reference days used below (November 2026): Mon 16, Wed 18, Fri 20, Sat 21, Sun 22.
"""

from __future__ import annotations

from datetime import date

import pytest

from afterword.rules.phrases import DateRange, PhraseError, parse_phrase

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
        ("late this year", span("2026-12-21", "2026-12-31")),
        ("by the end of the year", span("2026-11-18", "2026-12-31")),
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
        ("December 4", date(2026, 12, 10), one("2027-12-04")),
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
def test_dateparser_understands_what_our_grammar_does_not(phrase, reference, expected):
    """Phrases outside the grammar go to dateparser, which gives one day."""
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
