"""Archiving: an application put away keeps its history but asks nothing of anyone until restored.

While ``archived_at`` is set, re-planning stores no action for it (replan.py), so it is gone from
Today, the calendar feed, the reminders and the digest; the board lists only current
applications, and the outbox holds its emails. Restoring re-plans at once, so the plan comes
back as the facts make it now.
"""

from __future__ import annotations

from datetime import datetime

from django.db import transaction

from afterword.tracker.models import Application
from afterword.tracker.services.replan import replan


def archive_application(application: Application, now: datetime) -> bool:
    """Put the application away; False when it already was (a second click changes nothing)."""
    with transaction.atomic():
        changed = Application.objects.filter(pk=application.pk, archived_at__isnull=True).update(
            archived_at=now
        )
        if changed:
            application.archived_at = now
            replan(application, now)
    return bool(changed)


def restore_application(application: Application, now: datetime) -> bool:
    """Bring it back and plan it again; False when it was not archived."""
    with transaction.atomic():
        changed = Application.objects.filter(pk=application.pk, archived_at__isnull=False).update(
            archived_at=None
        )
        if changed:
            application.archived_at = None
            replan(application, now)
    return bool(changed)
