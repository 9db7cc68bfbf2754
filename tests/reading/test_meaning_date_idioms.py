"""Timing idioms with a word of their own, put into the English the date finder reads."""

from __future__ import annotations

import pytest

from afterword.reading.meaning_date_idioms import idioms_first, idioms_last


@pytest.mark.parametrize(
    ("sentence", "english"),
    [
        ("erst im neuen jahr", "erst in the new year"),
        ("na de jaarwisseling", "after the new year"),
        ("el año que viene", "next year"),
        ("no início do ano que vem", "early next year"),
        ("sous quinzaine", "within 2 weeks"),
        ("dentro de uma quinzena", "within 2 weeks"),
        ("sous huitaine", "within 8 days"),
        ("dans une quinzaine de jours", "in 2 weeks"),
        ("la segunda quincena de septiembre", "second_half septiembre"),
        ("the first half of may", "first_half may"),
        ("hasta el lunes no sabremos nada", "not until el lunes no sabremos nada"),
    ],
)
def test_idioms_in_their_own_words_become_english_or_a_token(sentence: str, english: str) -> None:
    """The turn of the year, fortnights, halves of a month and "hasta X no" in English."""

    assert idioms_first(sentence) == english


@pytest.mark.parametrize(
    "sentence",
    [
        "the first half of next year",
        "hasta el lunes, no dudes en escribirme",
        "bis ende april haben wir entschieden",
    ],
)
def test_look_alikes_are_left_as_they_are(sentence: str) -> None:
    """A half of something else, or an "until" with the negation in another clause, stays."""

    assert idioms_first(sentence) == sentence


@pytest.mark.parametrize(
    ("sentence", "english"),
    [
        ("the monday after thanksgiving", "monday-after thanksgiving"),
        ("on the friday before christmas", "friday-before christmas"),
        ("am tuesday after easter", "tuesday-after easter"),
        ("not until the new year", "not until in the new year"),
        ("monday after next", "monday after next"),
        ("tuesday after 3pm", "tuesday after 3pm"),
    ],
)
def test_a_weekday_counted_from_a_day_becomes_one_token(sentence: str, english: str) -> None:
    """ "The Monday after Thanksgiving" is one token; "Monday after next" is left to the parser."""

    assert idioms_last(sentence) == english


@pytest.mark.parametrize(
    ("sentence", "english"),
    [
        ("la seconda metà di marzo", "second_half marzo"),
        ("la segunda mitad de abril", "second_half abril"),
        ("a primeira metade de maio", "first_half maio"),
        ("in the second half of the month", "in the second half of the month"),
    ],
)
def test_a_half_of_a_month_in_words_for_half_but_not_of_the_month(
    sentence: str, english: str
) -> None:
    """ "Metà", "mitad", "metade" name halves; "the second half of the month" is left to the
    parser, which reads it itself."""

    assert idioms_first(sentence) == english


@pytest.mark.parametrize(
    ("sentence", "english"),
    [
        ("wir melden uns nach den feiertagen", "wir melden uns after the holidays"),
        ("we laten het na de feestdagen weten", "we laten het after the holidays weten"),
        ("daremos notícias depois das festas", "daremos notícias after the holidays"),
        ("antes de que acabe el mes", "before the end of the month"),
        ("ti scriviamo in settimana", "ti scriviamo within the week"),
    ],
)
def test_after_the_holidays_and_the_month_or_week_out_in_other_languages(
    sentence: str, english: str
) -> None:
    """ "Nach den Feiertagen", "antes de que acabe el mes", "in settimana" in English."""
    assert idioms_first(sentence) == english


def test_meta_mese_is_the_middle_of_the_month() -> None:
    """ "Entro metà mese" is by the middle of this month."""
    assert idioms_first("entro metà mese") == "entro mid month"
