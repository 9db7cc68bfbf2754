"""What the user does on Today with an away notice or a bounce the reader was unsure of.

Such a notice changed nothing when it arrived (records.py). Confirming it records exactly what a
sure reading records at once, through the same tracker services: the ``out_of_office`` event
(the check-ins move past the last day away) or the bounce marks on the contacts' addresses.
Ignoring it changes nothing. Undo takes a confirmation back (or un-ignores) and shows the card
again. Each step first moves the row with a conditional UPDATE, so a double click does nothing
twice.
"""

from __future__ import annotations

from datetime import datetime

from django.db import transaction

from afterword.inbox.models import InboxKind, InboxMessage, ReplyState
from afterword.inbox.records import away_event, bounced_people
from afterword.tracker.models import Event, Interviewer
from afterword.tracker.services import mark_bounced, record_event, replan, unmark_bounced

KINDS = (InboxKind.OUT_OF_OFFICE, InboxKind.BOUNCE)


def _move(message: InboxMessage, from_states: tuple[str, ...], state: str, now: datetime) -> bool:
    """Move the notice from one of ``from_states`` to ``state``; False when it was not there."""
    resolved = None if state == ReplyState.PENDING else now
    moved = InboxMessage.objects.filter(pk=message.pk, state__in=from_states).update(
        state=state, resolved_at=resolved
    )
    return moved == 1


def confirm(message: InboxMessage, now: datetime) -> bool:
    """Do what the notice says; False when it was handled already.

    Raises ValidationError (and changes nothing) when the application refuses the event.
    """
    with transaction.atomic():
        if not _move(message, (ReplyState.PENDING,), ReplyState.CONFIRMED, now):
            return False
        if message.kind == InboxKind.BOUNCE:
            mark_bounced(_people(message), message.received_at)
            return True
        application = message.application
        if application is None or message.suggested_date is None:
            return True
        fields = away_event(message.suggested_date, message.received_at)
        event = record_event(application, "out_of_office", now, **fields)
        InboxMessage.objects.filter(pk=message.pk).update(event=event)
    return True


def ignore(message: InboxMessage, now: datetime) -> bool:
    """Hide the card and change nothing."""
    return _move(message, (ReplyState.PENDING,), ReplyState.DISMISSED, now)


def undo(message: InboxMessage, now: datetime) -> bool:
    """Take back a confirmation or an ignore: the card is pending again, as it arrived."""
    with transaction.atomic():
        undone = (ReplyState.CONFIRMED, ReplyState.DISMISSED)
        if not _move(message, undone, ReplyState.PENDING, now):
            return False
        if message.kind == InboxKind.BOUNCE:
            unmark_bounced(_people(message), message.received_at)
            return True
        application = message.application
        if message.event_id is not None and application is not None:
            Event.objects.filter(pk=message.event_id, application=application).delete()
            InboxMessage.objects.filter(pk=message.pk).update(event=None)
            replan(application, now)
    return True


def _people(message: InboxMessage) -> list[Interviewer]:
    return bounced_people(message.owner_id, tuple(message.address_list))
