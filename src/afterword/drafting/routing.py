"""Which interviewer's thank-you carries a point the user forgot or wants to clarify (K4).

A point goes to one person, once: the one it concerns. In order:

1. The person the user named for it (``forgot_for``, ``to_clarify_for``).
2. A point about pay, hours, place or contract goes to the person who handles those: someone
   in HR or recruiting, else a manager who is not a technical lead; never to an engineer.
3. Anything else goes to the primary interviewer, else the most senior by title, else the
   first listed.
"""

from __future__ import annotations

import re

from afterword.drafting.notes import NoteItem, Source
from afterword.rules.case import Interview, Interviewer

_PEOPLE_WORK = re.compile(
    r"\b(?:hr|human resources|people|personnel|recruit\w*|talent|personal\w*|rh|drh|"
    r"ressources humaines|business partner|officer)\b",
    re.IGNORECASE,
)
_TECHNICAL = re.compile(
    r"\b(?:engineer\w*|technical|developer|data|scientist|architect|designer|sre|"
    r"devops|platform|software|konstruktion|clinical|consultant|chef|nurse|teacher)\b",
    re.IGNORECASE,
)
_MANAGER = re.compile(
    r"\b(?:manager|director|owner|principal|partner|head|president|chief|ceo|coo|gm|"
    r"general manager|gerente|directeur|directrice|directora|geschäftsführer|leiter\w*)\b",
    re.IGNORECASE,
)
_SENIORITY: tuple[tuple[str, int], ...] = (
    (r"\b(?:chief|ceo|cfo|coo|cto|founder|owner|president|managing partner|geschäftsführer)\b", 5),
    (r"\b(?:headteacher|head teacher|chief executive|executive chef)\b", 5),
    (r"\b(?:partner|director|directeur|directrice|directora|head|vp|vice president)\b", 4),
    (r"\b(?:principal|deputy|general manager|gerente general)\b", 4),
    (r"\b(?:manager|gerente|leiter\w*|lead|supervisor|chair)\b", 3),
    (r"\b(?:senior|staff)\b", 2),
)


def seniority(title: str | None) -> int:
    """A rough rank from a job title: 5 for the top of a firm, 0 when nothing is said."""
    if not title:
        return 0
    return max(
        (rank for pattern, rank in _SENIORITY if re.search(pattern, title, re.IGNORECASE)),
        default=1,
    )


def default_person(interview: Interview) -> Interviewer | None:
    """The primary interviewer, else the most senior by title, else the first listed."""
    people = interview.interviewers
    if not people:
        return None
    primary = next((p for p in people if p.primary), None)
    if primary is not None:
        return primary
    return max(people, key=lambda p: (seniority(p.title), -people.index(p)))


def logistics_person(interview: Interview) -> Interviewer | None:
    """Who handles pay, hours and contracts: HR or recruiting, else a non-technical manager."""
    people = interview.interviewers
    for person in people:
        if person.title and _PEOPLE_WORK.search(person.title):
            return person
    managers = [
        p for p in people if p.title and _MANAGER.search(p.title) and not _TECHNICAL.search(p.title)
    ]
    if managers:
        return max(managers, key=lambda p: (seniority(p.title), -people.index(p)))
    untechnical = [p for p in people if not (p.title and _TECHNICAL.search(p.title))]
    return untechnical[0] if untechnical else default_person(interview)


def recipient(interview: Interview, item: NoteItem, source: Source) -> str | None:
    """The id of the person whose thank-you carries ``item`` (a point), or None."""
    chosen = interview.forgot_for if source == "forgot" else interview.to_clarify_for
    if chosen is not None:
        return chosen
    person = logistics_person(interview) if item.logistics else default_person(interview)
    return person.id if person is not None else None
