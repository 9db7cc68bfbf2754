"""Reading a date the way people say it: an ISO date or a phrase such as "end of next week"."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


class DateReadError(ValueError):
    """The text is neither a date nor a phrase the phrase parser understands."""


@dataclass(frozen=True, slots=True)
class ReadDate:
    """The days a date or phrase was read as; the plan uses ``end`` (see ``read_date``)."""

    start: date  # the first day the words allow; equal to ``end`` for a plain date
    end: date  # the last day, the one that is stored and planned with
    phrase: str  # the words the user typed, empty when they typed a plain date


def read_date(text: str, reference: date, country: str, subdivision: str | None) -> ReadDate:
    """Turn ``text`` into a range of days, counting phrases from ``reference`` in the country.

    A phrase names a range ("next week"); the employer's promise is only broken once the whole
    range has passed, so the last day of the range is the date that counts (F1).
    """
    # Imported here so that a page without phrases never pays for dateparser's start-up.
    from afterword.rules.phrases import PhraseError, parse_phrase

    cleaned = " ".join(text.split())
    if not cleaned:
        raise DateReadError("Enter a date or a phrase such as “end of next week”.")
    try:
        day = date.fromisoformat(cleaned)
    except ValueError:
        pass
    else:
        return ReadDate(day, day, "")
    try:
        found = parse_phrase(cleaned, reference, country, subdivision or None)
    except PhraseError as error:
        # The parser's messages are written for the person who typed the phrase.
        raise DateReadError(str(error)) from None
    return ReadDate(found.start, found.end, cleaned)


def stored_range(
    day: date, phrase: str, reference: date, country: str, subdivision: str | None
) -> ReadDate:
    """A stored day shown as the range its phrase means, when that range still ends on it.

    Only the last day of a range is stored. Reading the saved words again from the same
    ``reference`` gives the range back; if they now read differently (another country, a typed
    exact date that won over the words) the stored day stands alone: it is what the plan uses.
    """
    if phrase.strip():
        try:
            found = read_date(phrase, reference, country, subdivision)
        except DateReadError:
            found = None
        if found is not None and found.end == day:
            return found
    return ReadDate(day, day, "")
