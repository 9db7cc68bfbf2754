"""The short date forms of every sentence: one day, a range, and what a phrase was read as."""

from __future__ import annotations

from datetime import date

from afterword.rules.wording import day_text, range_text, understood_text


def test_a_day_is_weekday_day_and_month() -> None:
    """A day reads "Fri 13 Mar"."""
    text = day_text(date(2026, 3, 13))

    assert text == "Fri 13 Mar"


def test_a_range_within_a_month_names_the_month_once() -> None:
    """Mon 9 to Tue 10 March 2026 shares month and year."""
    text = range_text(date(2026, 3, 9), date(2026, 3, 10))

    assert text == "Mon 9 – Tue 10 Mar 2026"


def test_a_range_across_months_names_both_months() -> None:
    """Mon 30 March to Fri 3 April keeps each month and says the year once."""
    text = range_text(date(2026, 3, 30), date(2026, 4, 3))

    assert text == "Mon 30 Mar – Fri 3 Apr 2026"


def test_a_range_across_years_names_both_years() -> None:
    """Late December into January gives each end its own year."""
    text = range_text(date(2026, 12, 28), date(2027, 1, 8))

    assert text == "Mon 28 Dec 2026 – Fri 8 Jan 2027"


def test_a_single_day_range_is_one_day() -> None:
    """From == to is one day, with its year."""
    text = range_text(date(2026, 3, 10), date(2026, 3, 10))

    assert text == "Tue 10 Mar 2026"


def test_understood_names_the_range_the_words_and_the_planned_day() -> None:
    """A range says which of its days the plan uses: the last."""
    text = understood_text(date(2026, 3, 9), date(2026, 3, 10), "early next week")

    assert text == (
        "Understood: Mon 9 – Tue 10 Mar 2026 (early next week); the plan uses Tue 10 Mar."
    )


def test_understood_of_one_day_needs_no_planned_day() -> None:
    """One day is the day the plan uses; saying so twice adds nothing."""
    text = understood_text(date(2026, 3, 10), date(2026, 3, 10))

    assert text == "Understood: Tue 10 Mar 2026."
