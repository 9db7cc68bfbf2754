"""Where the reply reader must not take a date it found: the checks around a phrase.

A phrase the parser reads is still not the decision's date when it is cut from the words that
change it ("week of the 21st" read from "the 21st"), when the day it hangs on was dropped ("by
the end of the day on the 14th" read as "by the end of the day"), or when it dates another event
("your interview is booked for the 14th"). Brackets are joined to what they explain first.
"""

from __future__ import annotations

import re

from afterword.reading.meaning_date_words import MONTH_NAMES, WEEKDAY_GROUP

_ANY_WEEKDAY = r"(monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
# "After our offsite (12-13 Nov)": the dates in brackets are the event's, so "on" them.
_EVENT_GLOSS = re.compile(
    r"\b((?:after|before|once|following) (?:[a-z']+ ){1,5}?)\(([^)]*\d[^)]*)\)"
)
# "On the 3rd (a Tuesday)": the weekday in brackets is checked against the date it glosses.
_WEEKDAY_GLOSS = re.compile(
    r"\b(the )?(\d{1,2}(?:st|nd|rd|th)?(?: of)?(?: [a-z]+)?) \((?:a |which is a )?"
    + _ANY_WEEKDAY
    + r"\)"
)


def glosses(sentence: str) -> str:
    """Dates and weekdays in brackets joined to what they explain, so they are read with it."""
    sentence = _EVENT_GLOSS.sub(r"\1on \2", sentence)
    return _WEEKDAY_GLOSS.sub(lambda gloss: f"{gloss[3]} {gloss[1] or ''}{gloss[2]}", sentence)


# A date word: a day number ("14th", "13.11."), a month or a weekday.
_DATE_WORD = re.compile(
    r"(?:\d{1,2}(?:st|nd|rd|th)?|\d{1,4}[/.-]\d{1,2}\S*|"
    + "|".join(MONTH_NAMES)
    + "|"
    + WEEKDAY_GROUP[1:-1]
    + r")$"
)


def date_follows(words: list[str], end: int) -> bool:
    """Whether "on"/"of" and a date word come straight after the run that ends at ``end``."""
    rest = [word for word in words[end : end + 3] if word != "the"]
    return len(rest) >= 2 and rest[0] in ("on", "of") and bool(_DATE_WORD.match(rest[1]))


# Words that change the phrase after them; a phrase read without one is another phrase.
_CHANGES_WHAT_FOLLOWS = re.compile(
    r"(?:week|weeks|wk|commencing|ending|start|beginning|half|side|last|second|third|fourth|"
    r"q[1-4]|h[12])$"
)


def cut_from_before(words: list[str], start: int) -> bool:
    """Whether a word that would change the phrase at ``start`` stands just before it, across
    "of" and "the": "week of the 21st", "Q1 next year", "either side of the weekend", "last
    Friday" (the phrase read alone gives one day, a whole year, a weekend, a day ahead)."""
    at = start - 1
    while at >= 0 and words[at] in ("of", "the"):
        at -= 1
    return at >= 0 and bool(_CHANGES_WHAT_FOLLOWS.match(words[at]))


# Another event's date: an interview, a start, an email, in seven languages (after in_english).
_EVENT = re.compile(
    # Not "interviewing" or "Gespräche": "we're still interviewing and will decide by ..."
    r"(?:interview|start|starts|begin|begins|commence|commences|contract|assessment|"
    r"induction|onboarding|orientation|"
    r"email|e-mail|letter|gespräch|vorstellungsgespräch|entretien|"
    r"début|débuterait|entrevista|incorporación|gesprek|startdatum|colloquio|inizio|início)$"
)
_DEADLINE_LEAD = ("by", "before", "within", "until", "till", "after")
# "Thanks for interviewing with us on the 2nd": what one is thanked for is over.
_THANKS = re.compile(r"(?:thanks|thank|merci|danke|gracias|grazie|obrigad\w*|bedankt|dank)$")


def another_event(words: list[str], start: int, cues: list[int]) -> bool:
    """Whether the phrase at ``start`` dates another event named just before it, with no word
    about the decision in between: "the start date would be 1 February", "thanks for your email
    of 2 November". A deadline ("by", "before") is left alone."""
    if words[start] in _DEADLINE_LEAD:
        return False
    first = max([start - 6, *[cue + 1 for cue in cues if cue < start]])
    window = words[max(0, first) : start]
    if "¦" in window:
        window = window[len(window) - window[::-1].index("¦") :]
    if words[start] == "on" and any(word in ("after", "before", "once") for word in window):
        # "After our quarter-end on the 31st", not read whole: the day is the event's.
        return True
    return any(_EVENT.match(word) or _THANKS.match(word) for word in window)
