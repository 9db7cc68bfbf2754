"""Promised dates read back out of a message: drafting/promises.py.

Written on Tuesday 3 March 2026 unless a test says otherwise. March 2026: Mon 9, Tue 10, Fri 13,
Mon 16, Tue 17, Fri 20.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from afterword.drafting.promises import find_dates, find_promise, find_promises, sentences
from afterword.rules.phrases import parse_phrase

TUESDAY = date(2026, 3, 3)


def promised(text: str, written_on: date = TUESDAY, country: str = "US") -> date | None:
    found = find_promise(text, written_on, country)
    return None if found is None else found.day


@pytest.mark.parametrize(
    "text",
    [
        "I will follow up on Monday 16 March.",
        "I will follow up on Monday, March 16.",
        "I'll check in on 16 March.",
        "I'll check in on March 16th if I have not heard from you.",
        "I will be in touch on the 16th of March.",
        "I will get back to you on Monday, 16 March 2026.",
        "I will call you on March 16, 2026.",
        "I will reach out again on 2026-03-16.",
        "May I check back on the 16th?",
        "I will write again on Monday the 16th.",
        "I'd like to follow up with you on Mon. 16 March.",
    ],
)
def test_every_written_form_of_a_day_is_read(text):
    """Weekday and day and month in both orders, ordinals, ISO and "the 16th" all mean the 16th."""
    assert promised(text) == date(2026, 3, 16)


def test_the_span_covers_exactly_the_date_words():
    """start..end of the promise is the date as written, without "on" or the full stop."""
    text = "Thank you again. I will follow up on Monday, March 16."

    found = find_promise(text, TUESDAY, "US")

    assert found is not None
    assert text[found.start : found.end] == "Monday, March 16"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I will call you on Tuesday.", date(2026, 3, 10)),
        ("I will check in this Friday.", date(2026, 3, 6)),
        ("On Wednesday I will follow up by email.", date(2026, 3, 4)),
    ],
)
def test_a_bare_weekday_is_the_next_such_day_after_writing(text, expected):
    """A weekday without a date is the first such day strictly after the day of writing."""
    assert promised(text) == expected


@pytest.mark.parametrize(
    ("written_on", "expected"),
    [(date(2026, 3, 2), date(2026, 3, 10)), (date(2026, 3, 3), date(2026, 3, 10))],
)
def test_next_weekday_is_in_the_following_week_as_the_phrase_parser_reads_it(written_on, expected):
    """ "next Tuesday" written on Mon 2 or Tue 3 March is Tue 10 March, as `afterword when` says."""
    assert find_promise("I will call you next Tuesday.", written_on, "US").day == expected
    assert parse_phrase("next Tuesday", written_on).end == expected


@pytest.mark.parametrize(
    ("text", "earliest", "day"),
    [
        ("I will be in touch by the end of next week.", TUESDAY, date(2026, 3, 13)),
        ("I'll follow up in two weeks.", date(2026, 3, 17), date(2026, 3, 17)),
        ("Let me get back to you tomorrow.", date(2026, 3, 4), date(2026, 3, 4)),
        ("I will follow up next week.", date(2026, 3, 9), date(2026, 3, 13)),
        ("I will follow up by Friday.", TUESDAY, date(2026, 3, 6)),
        ("I plan to write again before Friday.", TUESDAY, date(2026, 3, 5)),
    ],
)
def test_relative_phrases_promise_the_last_day_of_their_range(text, earliest, day):
    """A range promises its last day and is kept from its first; a deadline from today."""
    found = find_promise(text, TUESDAY, "US")

    assert found is not None
    assert (found.earliest, found.day) == (earliest, day)


def test_a_date_without_a_year_rolls_over_to_next_year():
    """Written in December, "January 5" is next January's."""
    found = promised("I will follow up on January 5.", written_on=date(2026, 12, 10))

    assert found == date(2027, 1, 5)


def test_a_date_later_this_year_stays_in_this_year():
    """Written in March, "December 5" is this December."""
    assert promised("I will follow up on December 5.") == date(2026, 12, 5)


def test_the_day_of_writing_itself_is_the_next_occurrence():
    """A date equal to the day of writing is that day, not next year's."""
    assert promised("I will call on 3 March.") == TUESDAY


def test_an_explicit_year_is_kept():
    """A written year wins over the next-occurrence rule."""
    assert promised("I will follow up on 16 March 2027.") == date(2027, 3, 16)


def test_february_29_waits_for_a_leap_year():
    """Written in 2026, "February 29" is 2028's, the next that exists."""
    assert promised("I will check in on February 29.") == date(2028, 2, 29)


def test_the_16th_is_next_month_once_this_month_is_past_it():
    """Written on 20 March, "the 16th" is 16 April."""
    assert promised("I will call on the 16th.", written_on=date(2026, 3, 20)) == date(2026, 4, 16)


@pytest.mark.parametrize(
    "text",
    [
        "We spoke on Monday.",
        "Thank you for meeting me on Monday, March 2.",
        "I enjoyed our call on March 2 about the reporting work.",
        "You said you would decide by March 13.",
        "I will send the report on Monday.",
        "I will follow up soon.",
        "Please call me on Monday if anything changes.",
        "If I have not heard by March 13, I will follow up.",
        "",
    ],
)
def test_sentences_without_a_dated_promise_give_none(text):
    """Past meetings, their promises, other verbs and undated promises are not promises."""
    assert find_promise(text, TUESDAY, "US") is None


def test_the_date_after_the_verb_wins_over_an_earlier_one():
    """ "Following our talk on Monday, I will check in on March 20" promises the 20th."""
    assert promised("Following our talk on Monday, I will check in on March 20.") == date(
        2026, 3, 20
    )


def test_the_promise_is_found_in_a_longer_message():
    """Only the promising sentence counts, wherever it is in the message."""
    text = (
        "Dear Dana Reyes,\n\nThank you for our conversation on Monday, March 2. "
        "I enjoyed hearing about the reporting work.\n\n"
        "If I have not heard by then, I will follow up on Monday, March 16.\n\nBest regards,\nSam"
    )

    found = find_promise(text, TUESDAY, "US")

    assert found is not None
    assert found.day == date(2026, 3, 16)
    assert text[found.start : found.end] == "Monday, March 16"


def test_an_abbreviated_title_does_not_end_the_sentence():
    """ "I will call Dr. Hoffmann on Friday 13 March" is one sentence with one promise."""
    assert promised("I will call Dr. Hoffmann on Friday 13 March.") == date(2026, 3, 13)


def test_every_promise_of_a_message_is_listed_in_order():
    """find_promises gives one promise per promising sentence."""
    text = "I will call on Monday 9 March. If we miss each other, I will write again on 12 March."

    found = find_promises(text, TUESDAY, "US")

    assert [p.day for p in found] == [date(2026, 3, 9), date(2026, 3, 12)]


def test_a_weekday_that_does_not_fit_the_date_is_reported():
    """ "Tuesday, March 16" keeps the date and names the wrong weekday."""
    found = find_promise("I will follow up on Tuesday, March 16.", TUESDAY, "US")

    assert found is not None
    assert (found.day, found.wrong_weekday) == (date(2026, 3, 16), "Tuesday")


def test_a_weekday_that_fits_reports_nothing():
    """ "Monday, March 16" is right, so no weekday is named as wrong."""
    found = find_promise("I will follow up on Monday, March 16.", TUESDAY, "US")

    assert found is not None
    assert found.wrong_weekday is None


def test_find_dates_lists_dates_without_overlaps():
    """ "Monday 2 March" is one date, not a weekday and a date."""
    found = find_dates("We met on Monday 2 March; decision by 2026-03-13.", TUESDAY, "US")

    assert [(m.day, m.start, m.end) for m in found] == [
        (date(2026, 3, 2), 10, 24),
        (date(2026, 3, 13), 38, 48),
    ]


def test_a_weekday_places_a_recent_date_in_the_past():
    """Written on 3 March, "Monday 2 March" is yesterday (a Monday), not 2 March 2027."""
    (found,) = find_dates("We met on Monday 2 March.", TUESDAY, "GB")

    assert (found.day, found.wrong_weekday) == (date(2026, 3, 2), None)


def test_a_weekday_a_year_away_is_taken_as_a_wrong_weekday():
    """ "Tuesday, March 16" fits 2027, but the nearer 16 March (a Monday) is meant."""
    (found,) = find_dates("See you Tuesday, March 16.", TUESDAY, "US")

    assert (found.day, found.wrong_weekday) == (date(2026, 3, 16), "Tuesday")


def test_sentences_split_at_full_stops_and_line_breaks():
    """Sentence spans end after their punctuation; "Dr." does not end one."""
    text = "Thank you, Dr. Hoffmann. I enjoyed it!\nBest"

    assert [text[a:b].strip() for a, b in sentences(text)] == [
        "Thank you, Dr. Hoffmann.",
        "I enjoyed it!",
        "Best",
    ]


def _format(day: date, country: str) -> str:
    from afterword.drafting.dates import format_day

    return format_day(day, country)


@given(
    written_on=st.dates(min_value=date(2024, 1, 1), max_value=date(2035, 12, 31)),
    ahead=st.integers(min_value=1, max_value=364),
    country=st.sampled_from(["US", "CA", "PH", "GB", "DE", "AU", "IE", "IN", "NZ"]),
)
def test_any_day_a_draft_writes_is_read_back(written_on, ahead, country):
    """For any later day within a year and any country, the drafts' own format round-trips."""
    day = written_on + timedelta(days=ahead)
    text = f"I will follow up on {_format(day, country)}."

    found = find_promise(text, written_on, country)

    assert found is not None
    assert found.day == day
    assert text[found.start : found.end] == _format(day, country)
