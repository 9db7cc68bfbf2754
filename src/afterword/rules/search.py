"""Keeping the whole search moving (P1): a rule over all of a user's applications at once."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from afterword.rules.plan import Note, Status

ACTIVE_STATUSES = frozenset({"thank_you_pending", "waiting"})
FEW_OTHERS = 3
RECENT = timedelta(days=7)


@dataclass(frozen=True, slots=True)
class ApplicationSummary:
    """One application, or ``count`` applications of one status of which ``created`` is the
    newest: the rule only counts them and asks whether any was added lately."""

    status: Status
    created: datetime
    count: int = 1


def keep_searching(applications: Sequence[ApplicationSummary], now: datetime) -> Note | None:
    """A reminder to keep applying, or None when the search is moving well enough.

    1. Nothing is waiting for news: no reminder (there is nothing to wait on).
    2. Fewer than three applications besides the one waiting are active: remind.
    3. No application was added in the last seven days: remind.
    """
    active = sum(a.count for a in applications if a.status in ACTIVE_STATUSES)
    if active == 0:
        return None
    others = active - 1
    added_lately = any(now - a.created <= RECENT for a in applications)
    if others < FEW_OTHERS:
        count = {0: "no other application is", 1: "only one other application is"}.get(
            others, f"only {others} other applications are"
        )
        return Note(
            ("P1",),
            f"While you wait, {count} in progress: apply to a few more and get back in touch "
            "with your network, so that one answer never decides everything.",
        )
    if not added_lately:
        return Note(
            ("P1",),
            "You have not added an application in the last seven days: keep applying and "
            "networking while you wait for answers.",
        )
    return None
