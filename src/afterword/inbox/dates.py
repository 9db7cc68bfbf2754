"""Finding the date in a few words of a message with the planner's phrase parser."""

from __future__ import annotations

import re
from datetime import date

from afterword.rules.phrases import AlreadyOver, PhraseError, parse_phrase

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
        except AlreadyOver:
            return None
        except (PhraseError, ValueError):
            continue
    return None
