"""The sentence that says what an import did, shared by the terminal and the pages."""

from __future__ import annotations

from typing import Any

from afterword.portability.outcome import import_summary
from afterword.tracker.models import Application
from afterword.tracker.services.known_applications import Added, Imported, Skipped


def _result(added: int, skipped: list[Skipped]) -> Imported:
    placeholder: Any = Application()
    return Imported([Added(f"applications[{n}]", placeholder) for n in range(added)], skipped)


def test_nothing_skipped_says_only_how_many_were_imported() -> None:
    """The old sentence, singular and plural."""
    assert import_summary(_result(3, [])) == "Imported 3 applications."
    assert import_summary(_result(1, [])) == "Imported 1 application."


def test_skipped_applications_are_counted_and_placed() -> None:
    """How many were skipped and where they sit in the file."""
    skipped = [Skipped("applications[3]"), Skipped("applications[4]")]

    assert import_summary(_result(3, skipped)) == (
        "Imported 3 applications; 2 already in the account were skipped "
        "(applications[3], applications[4])."
    )


def test_a_long_list_of_places_stops_at_ten() -> None:
    """Twelve skipped: the first ten places, then "and 2 more"."""
    skipped = [Skipped(f"row {n}") for n in range(2, 14)]

    message = import_summary(_result(1, skipped))

    assert message == (
        "Imported 1 application; 12 already in the account were skipped (row 2, row 3, row 4, "
        "row 5, row 6, row 7, row 8, row 9, row 10, row 11 and 2 more)."
    )


def test_repeats_within_the_file_are_told_apart() -> None:
    """One in the account, one that repeats an earlier part of the file."""
    skipped = [Skipped("row 3"), Skipped("row 5", repeats="row 2")]

    assert import_summary(_result(1, skipped)) == (
        "Imported 1 application; 1 already in the account was skipped (row 3); "
        "1 repeating an earlier one in the file was skipped (row 5)."
    )


def test_when_everything_was_skipped_it_says_nothing_was_added() -> None:
    """The sentence starts with the news: nothing was added."""
    many = [Skipped(f"applications[{n}]") for n in range(2)]

    assert import_summary(_result(0, many)) == (
        "Nothing was added: all 2 applications in the file are already in the account "
        "(applications[0], applications[1])."
    )
    assert import_summary(_result(0, many[:1])) == (
        "Nothing was added: the application in the file is already in the account "
        "(applications[0])."
    )


def test_an_empty_file_says_it_had_nothing() -> None:
    """No application at all in the file."""
    assert import_summary(_result(0, [])) == "Nothing was added: the file has no applications."
