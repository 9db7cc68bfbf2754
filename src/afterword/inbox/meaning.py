"""What an employer's reply probably means: offer, rejection, another round, no decision yet.

A suggestion only: the user confirms it with one click on Today, and only then is the deciding
event recorded. The rules are small lists of phrases, checked in a fixed order, and each
suggestion carries the sentence that triggered it, so the user sees why.

Order matters. A rejection is checked first because it often borrows an offer's or an invitation's
words ("we are unable to offer you the role", "we will not invite you to the next round"). An
offer comes before another round, and both before "no decision yet", whose words ("we will be
in touch") appear in offers and invitations too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Literal

from afterword.inbox.dates import leading_date

Meaning = Literal["offer", "rejection", "next_round", "no_decision", "other"]


@dataclass(frozen=True, slots=True)
class Suggestion:
    meaning: Meaning
    # The new date they expect to decide by ("by the 20th"), only for no_decision.
    new_date: date | None
    # The sentence the suggestion rests on, for the user to judge ("" for other).
    evidence: str


def _phrases(*patterns: str) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


_REJECTION = _phrases(
    r"regret to (?:inform|let you know|tell you)",
    r"(?:not|won't|will not|unable to|cannot|can't) (?:be )?(?:moving|move|proceeding|proceed|"
    r"progressing|progress|taking|take)(?: you| your application)? (?:forward|further)",
    r"decided (?:to )?(?:move|moving|proceed|proceeding|go|going) (?:forward )?with (?:an?other|"
    r"other|a different|different) (?:candidate|applicant)",
    r"(?:pursue|pursuing|progress with|proceed with) other (?:candidates|applicants)",
    r"(?:not|weren't|were not|wasn't|was not|haven't|have not|has not) been "
    r"(?:successful|selected)",
    r"\bunsuccessful\b",
    r"(?:not|won't) be (?:offering|extending|inviting|progressing)",
    r"(?:unable|not able) to (?:offer|extend|invite)",
    r"decided not to (?:offer|proceed|move|progress|invite|pursue)",
    r"(?:chosen|selected|hired|offered the (?:position|role) to) (?:another|a different|an "
    r"internal|other) (?:candidate|applicant|person)",
    r"(?:position|role|vacancy) has (?:now )?been filled",
    r"no longer (?:being )?considered",
    r"not (?:a|the right) (?:fit|match) (?:for|at) this (?:time|point)",
)
_OFFER = _phrases(
    r"(?:pleased|happy|delighted|thrilled|excited|glad) to (?:formally )?(?:offer you (?:the|a|"
    r"this) (?:position|role|job)|extend (?:you )?(?:an|a|the|this) (?:formal |written |verbal )?"
    r"offer|make you an offer|offer you employment)",
    r"(?:would|'d) like to offer you (?:the|a|this) (?:position|role|job)",
    r"(?:extend|extending|make|making) (?:you )?an? (?:formal |written |verbal |job )?offer",
    r"offer (?:of employment|letter)",
    r"\bjob offer\b",
    r"offer you the (?:position|role|job)",
    r"welcome you (?:to|aboard|on board)",
)
_NEXT_ROUND = _phrases(
    r"(?:next|second|third|final|another|further|follow-up|onsite|on-site|in-person) "
    r"(?:round|interview|stage|conversation|meeting)",
    r"invite you (?:to|for) (?:an?|another|the|our)",
    r"(?:schedule|arrange|set up|book) (?:a|an|another|some|the next) (?:time|call|interview|"
    r"meeting|conversation)",
    r"(?:meet|speak with|talk to) (?:the|our) (?:team|hiring manager|director|founders?)",
    r"move (?:you )?(?:forward|on) to the next",
    r"(?:take-home|technical|case) (?:assignment|exercise|task|test|study)",
)
_NO_DECISION = _phrases(
    r"no (?:final )?decision (?:has been made )?yet",
    r"(?:not|haven't|have not|hasn't|has not) (?:yet )?(?:made|reached|come to) (?:a|our|any) "
    r"(?:final )?decision",
    r"(?:still|currently) (?:interviewing|reviewing|evaluating|considering|deciding|meeting|"
    r"talking|speaking)",
    r"(?:expect|hope|plan|aim) to (?:decide|make (?:a|our|the) (?:final )?decision|have (?:a|an) "
    r"(?:decision|update|answer))",
    r"decision (?:is|will be) (?:expected|made)",
    r"(?:get back to you|be in touch|let you know|update you|come back to you)",
    r"(?:process|timeline|decision) (?:has been|is|was) (?:delayed|pushed back|taking longer)",
    r"taking (?:a bit |a little |slightly )?longer than",
)
# After these words, a timing phrase says when they will decide or write again.
_DATE_CUE = re.compile(
    r"\b(?:decide|decision|decided|get back to you|be in touch|let you know|update you|"
    r"come back to you|hear from us|hear back|know more|an answer|an update|news)\b",
    re.IGNORECASE,
)
_TIMING = re.compile(
    r"\b(?:by|before|within|on|in|around|until|at the end of|end of|early|mid|late|next|"
    r"this|no later than)\b",
    re.IGNORECASE,
)
_CLAUSE_END = re.compile(r"[.;!?\n]|\s-\s|\bbut\b|\band\b|\bif\b|\bso\b|\bwhen\b", re.IGNORECASE)
_SENTENCE = re.compile(r"[^.!?\n]*(?:[.!?]|$)")
_MAX_WORDS = 7


def suggest(
    text: str,
    subject: str,
    received: date,
    country: str = "US",
    subdivision: str | None = None,
) -> Suggestion:
    """Suggest what a reply means from its subject and the new words of its body.

    1. Rejection, offer, another round: the first of these whose phrases occur wins.
    2. Otherwise look for a date they expect to decide or write by ("we expect to decide by the
       20th"): with one, or with words like "no decision yet", it is no_decision.
    3. Anything else is "other": a reply, nothing more to record.
    """
    words = f"{subject}\n{text}"
    in_order: tuple[tuple[Meaning, re.Pattern[str]], ...] = (
        ("rejection", _REJECTION),
        ("offer", _OFFER),
        ("next_round", _NEXT_ROUND),
    )
    for meaning, pattern in in_order:
        found = pattern.search(words)
        if found:
            return Suggestion(meaning, None, _sentence_around(words, found.start()))
    dated = decision_date(text, received, country, subdivision)
    if dated is not None:
        day, where = dated
        return Suggestion("no_decision", day, _sentence_around(text, where))
    found = _NO_DECISION.search(words)
    if found:
        return Suggestion("no_decision", None, _sentence_around(words, found.start()))
    return Suggestion("other", None, "")


def decision_date(
    text: str, received: date, country: str = "US", subdivision: str | None = None
) -> tuple[date, int] | None:
    """The date a reply says they will decide or write by, and where it is in the text.

    After each cue ("decide", "get back to you", "an update"), the clause's timing phrase
    ("by the 20th", "next week") is read by the planner's phrase parser counted from the day the
    reply arrived (dates.leading_date); the deadline's last day is the date. The first cue with
    a date decides.
    """
    for cue in _DATE_CUE.finditer(text):
        clause = _CLAUSE_END.split(text[cue.end() : cue.end() + 100], maxsplit=1)[0]
        for timing in _TIMING.finditer(clause):
            words = clause[timing.start() :].replace(",", " ").split()[:_MAX_WORDS]
            day = leading_date(words, received, country, subdivision)
            if day is not None:
                return day, cue.start()
    return None


def _sentence_around(text: str, index: int) -> str:
    for match in _SENTENCE.finditer(text):
        if match.start() <= index < max(match.end(), match.start() + 1):
            sentence = " ".join(match.group(0).split())
            return sentence[:300]
    return ""
