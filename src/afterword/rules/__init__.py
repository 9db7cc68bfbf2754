"""The planner: pure functions from what happened at interviews to what to do next.

No Django, no I/O, no clock: every function that needs the time takes ``now``.
"""

from typing import TYPE_CHECKING, Any

from afterword.rules.calendar import BusinessCalendar, calendar_for
from afterword.rules.case import (
    Candidate,
    Case,
    Employer,
    Event,
    Interview,
    Interviewer,
    UserPrefs,
)
from afterword.rules.plan import Action, Note, Plan
from afterword.rules.planner import plan
from afterword.rules.validation import CaseError, Problem, case_from_data, case_from_json

if TYPE_CHECKING:
    from afterword.rules.phrases import DateRange, PhraseError, parse_phrase

# Reading date phrases ("by end of next week") is not planning: its package (and its
# dateparser fallback) loads on first use, so that `afterword plan` starts without it.
_PHRASE_NAMES = frozenset({"DateRange", "PhraseError", "parse_phrase"})


def __getattr__(name: str) -> Any:
    if name in _PHRASE_NAMES:
        from afterword.rules import phrases

        return getattr(phrases, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "Action",
    "BusinessCalendar",
    "Candidate",
    "Case",
    "CaseError",
    "DateRange",
    "Employer",
    "Event",
    "Interview",
    "Interviewer",
    "Note",
    "PhraseError",
    "Plan",
    "Problem",
    "UserPrefs",
    "calendar_for",
    "case_from_data",
    "case_from_json",
    "parse_phrase",
    "plan",
]
