"""Dates written in seven languages, with their positions: reading/dates.py.

Reference: Wednesday 2 December 2026.
"""

from __future__ import annotations

from datetime import date

import pytest

from afterword.reading.dates import find_dates, fold

WED = date(2026, 12, 2)


def only_date(text: str, *, day_first: bool = True) -> date:
    found = find_dates(text, WED, day_first=day_first)
    assert len(found) == 1, found
    return found[0].day


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Friday, December 4", "2026-12-04"),
        ("Dec. 10th", "2026-12-10"),
        ("the 3rd of January", "2027-01-03"),
        ("Monday, January 4, 2027", "2027-01-04"),
        ("4. Dezember", "2026-12-04"),
        ("Montag, dem 7. Dezember", "2026-12-07"),
        ("vendredi 11 décembre", "2026-12-11"),
        ("1er décembre", "2026-12-01"),
        ("lunes 14 de diciembre", "2026-12-14"),
        ("maandag 14 december", "2026-12-14"),
        ("venerdì 11 dicembre", "2026-12-11"),
        ("segunda-feira, 7 de dezembro", "2026-12-07"),
        ("2026-12-10", "2026-12-10"),
        ("11.12.2026", "2026-12-11"),
        ("30.11.", "2026-11-30"),
    ],
)
def test_written_dates_in_seven_languages(text: str, expected: str):
    """Month names, ordinals, articles and weekday prefixes of each language."""
    assert only_date(text).isoformat() == expected


@pytest.mark.parametrize(
    ("text", "day_first", "expected"),
    [
        ("12/8/2026", False, "2026-12-08"),
        ("12/8/2026", True, "2026-08-12"),
        ("8/12", True, "2026-12-08"),
        ("14/12/2026", False, "2026-12-14"),
        ("12/14", True, "2026-12-14"),
    ],
)
def test_numeric_dates_follow_the_writers_convention_unless_a_part_is_over_12(
    text: str, day_first: bool, expected: str
):
    """US month/day, most of the world day/month; 14 can only be a day."""
    assert only_date(text, day_first=day_first).isoformat() == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("next Monday", "2026-12-07"),
        ("Monday the 7th", "2026-12-07"),
        ("the 14th", "2026-12-14"),
        ("tomorrow", "2026-12-03"),
        ("ab Montag", "2026-12-07"),
        ("la semaine prochaine", "2026-12-07"),
    ],
)
def test_relative_dates_count_from_the_reference_day(text: str, expected: str):
    """Weekdays are the next such day; a day of the month the next such date."""
    found = find_dates(text, WED, day_first=True)

    assert [f.day.isoformat() for f in found] == [expected]
    assert found[0].relative


def test_a_date_without_a_year_long_past_is_next_years():
    """'4 January', written in December, is next January."""
    assert only_date("4 January").year == 2027


def test_times_and_number_ranges_are_not_dates():
    """'10.30 Uhr' and '3-5 days' name no day."""
    assert find_dates("um 10.30 Uhr, in 3-5 days", WED, day_first=True) == []


def test_ambiguous_numeric_dates_are_marked():
    """Both parts 12 or less: the convention decided."""
    found = find_dates("7/12", WED, day_first=True)

    assert found[0].ambiguous


def test_fold_keeps_positions():
    """Accents go, lengths stay, so spans found in the folded text fit the original."""
    text = "Jusqu’au vendredi 11 décembre, Grüße"

    assert len(fold(text)) == len(text)
    assert fold(text) == "jusqu'au vendredi 11 decembre, gruse"
