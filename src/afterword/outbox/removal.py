"""What deleting something elsewhere means for the outbox.

A draft deleted with its interview or person (tracker/services/removal.py) must not leave its
email waiting: the link to the draft would be cleared, and with it the check that stops a
message the plan no longer asks for. So a waiting email is cancelled with the draft, and the
confirmation page says beforehand how many will not be sent (the ``removal.notes`` slot).
"""

from __future__ import annotations

from typing import Any

from django import template
from django.db.models.signals import pre_delete
from django.dispatch import receiver
from django.template.loader import render_to_string

from afterword.outbox.queue import cancel_for_drafts, waiting_for
from afterword.site.slots import fill
from afterword.tracker.models import Draft

CANCELLED = "Cancelled: the draft it was written from was deleted."


@receiver(pre_delete, sender=Draft, dispatch_uid="outbox_cancel_with_draft")
def cancel_with_draft(sender: type, instance: Draft, **_: Any) -> None:
    cancel_for_drafts([instance.pk], CANCELLED)


@fill("removal.notes")
def unsent_note(context: template.Context) -> str:
    removal = context.get("removal")
    owner_id = context.get("owner_id")
    if removal is None or owner_id is None:
        return ""
    waiting = waiting_for(
        int(owner_id), removal.ids("tracker.Draft"), removal.ids("tracker.Application")
    )
    if not waiting:
        return ""
    return render_to_string("outbox/_unsent_note.html", {"waiting": waiting})
