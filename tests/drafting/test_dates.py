"""How drafts write dates: month first in the US, Canada and the Philippines, else day first."""

from __future__ import annotations

from datetime import date, time

import pytest

from afterword.drafting import format_day
from afterword.drafting.dates import format_clock, format_full_date, zone_place


@pytest.mark.parametrize("country", ["US", "CA", "PH", "us"])
def test_a_day_is_written_month_first_in_north_america_and_the_philippines(country):
    """Monday 16 March 2026 reads "Monday, March 16" where readers expect it."""
    assert format_day(date(2026, 3, 16), country) == "Monday, March 16"


@pytest.mark.parametrize("country", ["GB", "DE", "AU", "IN", "JP"])
def test_a_day_is_written_day_first_elsewhere(country):
    """Everywhere else: "Monday 16 March", no comma."""
    assert format_day(date(2026, 3, 16), country) == "Monday 16 March"


def test_the_weekday_is_the_true_weekday_of_the_date():
    """Across a year boundary and a leap day the weekday still matches the date."""
    assert format_day(date(2028, 2, 29), "GB") == "Tuesday 29 February"
    assert format_day(date(2027, 1, 1), "US") == "Friday, January 1"


def test_a_letter_is_dated_with_the_year():
    """The date line of a printed letter carries the year, in the country's order."""
    assert format_full_date(date(2026, 3, 3), "US") == "March 3, 2026"
    assert format_full_date(date(2026, 12, 3), "DE") == "3 December 2026"


def test_times_follow_the_countrys_clock():
    """12-hour clock with a.m./p.m. in the US, 24-hour elsewhere."""
    assert format_clock(time(9), "US") == "9:00 a.m."
    assert format_clock(time(17), "US") == "5:00 p.m."
    assert format_clock(time(12, 30), "CA") == "12:30 p.m."
    assert format_clock(time(9), "DE") == "09:00"


def test_a_zone_is_named_by_its_city():
    """America/New_York is "New York" time; nested zones keep only the city."""
    assert zone_place("America/New_York") == "New York"
    assert zone_place("America/Argentina/Buenos_Aires") == "Buenos Aires"
    assert zone_place("UTC") == "UTC"
