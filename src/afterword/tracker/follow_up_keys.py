"""A follow-up's lasting name: what it is for, not which row a re-plan happened to write.

A re-plan replaces the Action rows it changes, so a row id is no name for a follow-up. The key
is built from what the plan contract says about an action (its ``kind``, ``interview`` and
``interviewer``) and an ordinal: how many times that line of follow-up has moved on so far. A
thank-you is owed once per person and interview, so its ordinal is always 1. A check-in, a call,
a portal visit or an expedite message comes back after each check-in, unanswered call or reply,
so those events number them: the second check-in is a different follow-up from the first, and a
link to the first says it is done instead of opening the second.

A snooze, an away notice or a new decision date moves a follow-up without making it another one:
its key stays.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from afterword.rules.kinds import ACTION_KINDS, CHECK_IN_ENDING_EVENTS, THANK_YOU_KINDS

# The events after which a check-in (call, portal visit, expedite message) is a new one.
ADVANCING_EVENTS = CHECK_IN_ENDING_EVENTS
_KEY = re.compile(r"^(?P<kind>[a-z-]+)-(?P<interview>\d+)-(?P<interviewer>\d+)-(?P<ordinal>\d+)$")


@dataclass(frozen=True, slots=True)
class KeyParts:
    kind: str
    interview_id: int
    interviewer_id: int | None
    ordinal: int


def follow_up_key(kind: str, interview_id: int, interviewer_id: int | None, ordinal: int) -> str:
    """``check-in-email-12-7-2``: kind, interview, person (0 for no one), ordinal."""
    return f"{kind.replace('_', '-')}-{interview_id}-{interviewer_id or 0}-{ordinal}"


def parse_key(key: str) -> KeyParts | None:
    """The parts of a key, or None when it is not one (a mistyped or invented URL)."""
    found = _KEY.match(key)
    if found is None:
        return None
    kind = found["kind"].replace("-", "_")
    if kind not in ACTION_KINDS:
        return None
    interviewer = int(found["interviewer"])
    return KeyParts(kind, int(found["interview"]), interviewer or None, int(found["ordinal"]))


def ordinal_for(kind: str, event_types: Iterable[str]) -> int:
    """Which of its line this follow-up is: 1 for a thank-you, 1 + the advancing events else."""
    if kind in THANK_YOU_KINDS:
        return 1
    return 1 + sum(1 for event_type in event_types if event_type in ADVANCING_EVENTS)


def keys_for(
    actions: Sequence[tuple[str, int, int | None]], event_types: Sequence[str]
) -> list[str]:
    """The key of each planned action ``(kind, interview id, interviewer id)``, all distinct.

    The planner never plans the same step twice; should it ever, the second gets a suffix
    rather than breaking the unique constraint.
    """
    keys: list[str] = []
    for kind, interview_id, interviewer_id in actions:
        key = follow_up_key(kind, interview_id, interviewer_id, ordinal_for(kind, event_types))
        while key in keys:
            key += "-x"
        keys.append(key)
    return keys
