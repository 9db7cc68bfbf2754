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
from dataclasses import dataclass

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


@dataclass(frozen=True, slots=True)
class Choice:
    """The person a point goes to by default, and why, in words for the interview form."""

    person: Interviewer
    why: str


def default_choice(interview: Interview) -> Choice | None:
    """The primary interviewer, else the most senior by title, else the first listed."""
    people = interview.interviewers
    if not people:
        return None
    primary = next((p for p in people if p.primary), None)
    if primary is not None:
        return Choice(primary, "main contact")
    senior = max(people, key=lambda p: (seniority(p.title), -people.index(p)))
    ranks = [seniority(p.title) for p in people]
    if len(people) > 1 and ranks.count(max(ranks)) == 1:
        return Choice(senior, "most senior title")
    return Choice(senior, "first listed" if len(people) > 1 else "the only interviewer")


def logistics_choice(interview: Interview) -> Choice | None:
    """Who handles pay, hours and contracts: HR or recruiting, else a non-technical manager."""
    people = interview.interviewers
    for person in people:
        if person.title and _PEOPLE_WORK.search(person.title):
            return Choice(person, "handles hiring and pay")
    managers = [
        p for p in people if p.title and _MANAGER.search(p.title) and not _TECHNICAL.search(p.title)
    ]
    if managers:
        chosen = max(managers, key=lambda p: (seniority(p.title), -people.index(p)))
        return Choice(chosen, "manager, not a technical lead")
    untechnical = [p for p in people if not (p.title and _TECHNICAL.search(p.title))]
    if untechnical:
        # Nobody's title says HR or manager: the first person not in a technical role.
        why = "not in a technical role" if len(untechnical) < len(people) else "first listed"
        return Choice(untechnical[0], why if len(people) > 1 else "the only interviewer")
    return default_choice(interview)


def default_person(interview: Interview) -> Interviewer | None:
    """The primary interviewer, else the most senior by title, else the first listed."""
    choice = default_choice(interview)
    return choice.person if choice is not None else None


def logistics_person(interview: Interview) -> Interviewer | None:
    """Who handles pay, hours and contracts: HR or recruiting, else a non-technical manager."""
    choice = logistics_choice(interview)
    return choice.person if choice is not None else None


def recipient(interview: Interview, item: NoteItem, source: Source) -> str | None:
    """The id of the person whose thank-you carries ``item`` (a point), or None."""
    chosen = interview.forgot_for if source == "forgot" else interview.to_clarify_for
    if chosen is not None:
        return chosen
    person = logistics_person(interview) if item.logistics else default_person(interview)
    return person.id if person is not None else None
