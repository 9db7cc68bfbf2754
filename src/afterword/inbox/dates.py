"""Finding the date in a few words of a message with the planner's phrase parser."""

from __future__ import annotations

import re
from datetime import date, timedelta

from afterword.rules.phrases import PhraseError, parse_phrase

# A reference date long before any message, to tell "not a date" from "a date already over".
_LONG_AGO = timedelta(days=3 * 365)
_HAS_WORD_OR_NUMBER = re.compile(r"\d|[a-z]{3}", re.IGNORECASE)


def leading_date(
    words: list[str], received: date, country: str = "US", subdivision: str | None = None
) -> date | None:
    """The last day of the longest run of ``words``, from the first, that names a date.

    1. Try all the words, then one fewer, and so on: "Dec 14 with limited access" fails until
       "Dec 14" is left.
    2. A run that reads as a date already over when the message arrived ("by 1 March 2026",
       received on 4 March) ends the search with None: a shorter run ("by 1 March") would
       wrongly mean next year.
    """
    for end in range(len(words), 0, -1):
        phrase = " ".join(words[:end])
        if not _HAS_WORD_OR_NUMBER.search(phrase):
            continue
        try:
            return parse_phrase(phrase, received, country, subdivision).end
        except (PhraseError, ValueError):
            if _understood(phrase, received - _LONG_AGO, country, subdivision):
                return None
    return None


def _understood(phrase: str, reference: date, country: str, subdivision: str | None) -> bool:
    try:
        parse_phrase(phrase, reference, country, subdivision)
    except (PhraseError, ValueError):
        return False
    return True
