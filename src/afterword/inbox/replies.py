"""What the user does with a reply on Today: confirm its meaning, dismiss it, or undo it.

Confirming records the event the meaning stands for (an offer, a rejection, another round, a new
decision date) and re-plans. Each action first moves the row out of "pending" with a conditional
UPDATE, so a double click records nothing twice.
"""

from __future__ import annotations

from datetime import datetime

from django.db import transaction

from afterword.inbox.models import InboxMessage, Meaning, ReplyState
from afterword.tracker.models import Event
from afterword.tracker.services import record_event, replan

MEANINGS = frozenset(Meaning.values)
_DECIDING = {"offer": "offer", "rejection": "rejection", "next_round": "next_round"}
NOTE = "Confirmed from a reply in your mailbox"


def _take(message: InboxMessage, state: str, now: datetime) -> bool:
    """Move a pending reply to ``state``; False when it was handled already."""
    return (
        InboxMessage.objects.filter(pk=message.pk, state=ReplyState.PENDING).update(
            state=state, resolved_at=now
        )
        == 1
    )


def confirm(message: InboxMessage, meaning: str, now: datetime) -> Event | None:
    """Record what the reply means and re-plan; returns the new event (None for "other").

    A no_decision reply with a date replaces the plain reply event recorded when it arrived by
    one that carries the new date (F8: check in the business day after it).
    """
    if meaning not in MEANINGS:
        raise ValueError(f"unknown meaning {meaning!r}")
    application = message.application
    with transaction.atomic():
        if application is None or not _take(message, ReplyState.CONFIRMED, now):
            return None
        event: Event | None = None
        if meaning in _DECIDING:
            event = record_event(
                application, _DECIDING[meaning], now, at=message.received_at, note=NOTE
            )
        elif meaning == "no_decision":
            new_date = message.suggested_date if message.suggestion == "no_decision" else None
            if message.event_id is not None:
                Event.objects.filter(pk=message.event_id, application=application).delete()
            event = record_event(
                application,
                "reply",
                now,
                at=message.received_at,
                no_decision_yet=True,
                new_decision_by=new_date,
                note=NOTE,
            )
            InboxMessage.objects.filter(pk=message.pk).update(event=event)
        InboxMessage.objects.filter(pk=message.pk).update(
            outcome_event=event if meaning in _DECIDING else None, suggestion=meaning
        )
    return event


def dismiss(message: InboxMessage, now: datetime) -> bool:
    """Hide the card; the reply stays recorded (they did answer)."""
    return _take(message, ReplyState.DISMISSED, now)


def undo(message: InboxMessage, now: datetime) -> bool:
    """Not about this application after all: remove the reply event and re-plan.

    The row stays (state "undone") so that a rescan of the mailbox does not record it again.
    """
    application = message.application
    with transaction.atomic():
        if application is None or not _take(message, ReplyState.UNDONE, now):
            return False
        if message.event_id is not None:
            Event.objects.filter(pk=message.event_id, application=application).delete()
        replan(application, now)
    return True
