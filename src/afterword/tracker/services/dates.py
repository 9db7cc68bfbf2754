"""Reading a date the way people say it: an ISO date or a phrase such as "end of next week"."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


class DateReadError(ValueError):
    """The text is neither a date nor a phrase the phrase parser understands."""


@dataclass(frozen=True, slots=True)
class ReadDate:
    value: date
    phrase: str  # the words the user typed, empty when they typed a plain date


def read_date(text: str, reference: date, country: str, subdivision: str | None) -> ReadDate:
    """Turn ``text`` into a date, counting phrases from ``reference`` in the given country.

    A phrase names a range ("next week"); the employer's promise is only broken once the whole
    range has passed, so the last day of the range is the date that counts (F1).
    """
    # Imported here so that a page without phrases never pays for dateparser's start-up.
    from afterword.rules.phrases import PhraseError, parse_phrase

    cleaned = " ".join(text.split())
    if not cleaned:
        raise DateReadError("Enter a date or a phrase such as “end of next week”.")
    try:
        return ReadDate(date.fromisoformat(cleaned), "")
    except ValueError:
        pass
    try:
        found = parse_phrase(cleaned, reference, country, subdivision or None)
    except PhraseError as error:
        # The parser's messages are written for the person who typed the phrase.
        raise DateReadError(str(error)) from None
    return ReadDate(found.end, cleaned)
