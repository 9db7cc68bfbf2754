"""The planner: pure functions from what happened at interviews to what to do next.

No Django, no I/O, no clock: every function that needs the time takes ``now``.
"""

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
from afterword.rules.phrases import DateRange, PhraseError, parse_phrase
from afterword.rules.plan import Action, Note, Plan
from afterword.rules.planner import plan
from afterword.rules.validation import CaseError, Problem, case_from_data, case_from_json

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
