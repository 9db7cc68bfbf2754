"""The people met: what is learnt about their addresses from outside (a bounce)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from afterword.tracker.models import Interviewer


def mark_bounced(people: Iterable[Interviewer], at: datetime) -> int:
    """Mark each person's address as not working since ``at``; returns how many were marked.

    An address already marked keeps its first date. Nothing is re-planned: the planner does not
    read the mark, the application page warns about it, and a new address clears it.
    """
    return Interviewer.objects.filter(
        pk__in=[person.pk for person in people], email_bounced_at__isnull=True
    ).update(email_bounced_at=at)


def unmark_bounced(people: Iterable[Interviewer], at: datetime) -> int:
    """Take back the marks ``mark_bounced(people, at)`` set; returns how many were cleared.

    Only a mark dated ``at`` is cleared: an address marked earlier, by another bounce, stays.
    """
    return Interviewer.objects.filter(
        pk__in=[person.pk for person in people], email_bounced_at=at
    ).update(email_bounced_at=None)


def forget_bounces(people: Iterable[Interviewer]) -> int:
    """Clear every bounce mark on these people (their mailbox was disconnected, and with it the
    notices that set the marks); returns how many were cleared."""
    return Interviewer.objects.filter(
        pk__in=[person.pk for person in people], email_bounced_at__isnull=False
    ).update(email_bounced_at=None)
