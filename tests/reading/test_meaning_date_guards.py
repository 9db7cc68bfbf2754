"""The checks that keep the reply reader from taking a date that is not the decision's."""

from __future__ import annotations

import pytest

from afterword.reading.meaning_date_guards import (
    another_event,
    cut_from_before,
    date_follows,
    glosses,
)


def test_a_bracketed_date_after_an_event_becomes_the_events_day() -> None:
    """ "After our offsite (12-13 nov)" reads as "after our offsite on 12-13 nov"."""
    assert glosses("after our offsite (12-13 nov).") == "after our offsite on 12-13 nov."


def test_a_bracketed_weekday_moves_in_front_of_the_date_it_glosses() -> None:
    """ "On the 3rd (a tuesday)" becomes "on tuesday the 3rd", which the parser checks."""
    assert glosses("on the 3rd (a tuesday)") == "on tuesday the 3rd"


@pytest.mark.parametrize(
    ("words", "end", "expected"),
    [
        (["by", "the", "end", "of", "the", "day", "on", "the", "14th"], 6, True),
        (["before", "the", "shutdown", "on", "18", "december"], 3, True),
        (["by", "friday", "at", "5pm"], 2, False),
        (["by", "friday", "on", "the", "phone"], 2, False),
    ],
)
def test_a_day_straight_after_a_run_is_noticed(words: list[str], end: int, expected: bool) -> None:
    """ "On"/"of" and a day number, month or weekday after the run; not a clock or a noun."""
    assert date_follows(words, end) is expected


@pytest.mark.parametrize(
    ("words", "start", "expected"),
    [
        (["decision", "week", "of", "the", "21st"], 3, True),
        (["decide", "during", "q1", "next", "year"], 3, True),
        (["either", "side", "of", "the", "weekend"], 3, True),
        (["we", "will", "decide", "next", "week"], 3, False),
    ],
)
def test_a_phrase_cut_from_the_word_that_changes_it_is_noticed(
    words: list[str], start: int, expected: bool
) -> None:
    """ "Week of", "Q1", "either side of" just before the phrase, across "of" and "the"."""
    assert cut_from_before(words, start) is expected


@pytest.mark.parametrize(
    ("sentence", "start", "expected"),
    [
        ("your interview is booked for the 14th", 5, True),
        ("thanks for interviewing with us on the 2nd", 5, True),
        ("after our quarter-end on the 31st", 3, True),
        ("the outcome of your interview by friday", 5, False),
        ("we're still interviewing and will decide next week", 6, False),
    ],
)
def test_another_events_date_is_noticed_but_a_deadline_is_not(
    sentence: str, start: int, expected: bool
) -> None:
    """An interview, a thank-you, an unread "after <event> on"; "by" deadlines pass."""
    words = sentence.split()
    cues = [at for at, word in enumerate(words) if word.startswith(("decid", "outcome"))]
    assert another_event(words, start, cues) is expected
