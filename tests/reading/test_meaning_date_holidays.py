"""Holidays named in six languages, with the word before them, put into English."""

from __future__ import annotations

from datetime import date

import pytest

from afterword.reading.meaning_date_holidays import holidays_to_english
from afterword.reading.meaning_dates import decision_range


@pytest.mark.parametrize(
    ("sentence", "english"),
    [
        ("wir melden uns nach ostern.", "wir melden uns after easter."),
        ("réponse avant noël.", "réponse before christmas."),
        ("decidimos después de semana santa.", "decidimos after easter."),
        ("we beslissen na pinksteren.", "we beslissen after pentecost."),
        ("vi rispondiamo dopo ferragosto.", "vi rispondiamo after assumption."),
        ("a decisão fica para depois do natal.", "a decisão fica para after christmas."),
        ("wir warten bis nach neujahr.", "wir warten until after new year's day."),
    ],
)
def test_a_holiday_after_a_time_word_is_put_into_english(sentence: str, english: str) -> None:
    """ "Nach Ostern", "avant Noël", "después de Semana Santa" become "after easter" and so on."""

    result = holidays_to_english(sentence)

    assert result == english


@pytest.mark.parametrize(
    "sentence", ["ich fahre nach natal in brasilien.", "que pasen un buen día.", "feliz natal!"]
)
def test_a_holiday_word_alone_or_a_look_alike_is_left_as_it_is(sentence: str) -> None:
    """A city called Natal or the Spanish verb "pasen" are no holidays without a time word."""

    result = holidays_to_english(sentence)

    assert result == sentence


@pytest.mark.parametrize(
    ("sentence", "country", "expected"),
    [
        ("wir entscheiden erst nach ostern.", "DE", ("2026-04-07", "2026-04-17")),
        ("nous ne déciderons pas avant la toussaint.", "FR", ("2026-11-01", "2026-11-01")),
        ("te decimos algo antes de navidad.", "ES", ("2026-03-04", "2026-12-24")),
    ],
)
def test_a_holiday_of_the_employers_country_dates_the_decision(
    sentence: str, country: str, expected: tuple[str, str]
) -> None:
    """The translated holiday is read by parse_phrase for the employer's country."""

    found = decision_range([sentence], date(2026, 3, 4), country, None)

    assert found is not None
    assert (found.range.start, found.range.end) == tuple(map(date.fromisoformat, expected))


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("decidimos antes de semana santa.", ("2027-02-17", "2027-03-20")),
        ("decidimos después de semana santa.", ("2027-03-30", "2027-04-09")),
        ("wir entscheiden nach der karwoche.", ("2027-03-30", "2027-04-09")),
    ],
)
def test_holy_week_runs_from_palm_sunday_to_easter_monday(
    sentence: str, expected: tuple[str, str]
) -> None:
    """Before Semana Santa is before Palm Sunday; after it, after the Easter Monday."""

    found = decision_range([sentence], date(2027, 2, 17), "ES", None)

    assert found is not None
    assert (found.range.start, found.range.end) == tuple(map(date.fromisoformat, expected))
