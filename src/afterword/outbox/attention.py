"""Emails that need the user, shown on Today and on their application's page (slots).

An email can wait in the outbox where nobody looks: held because the application was decided
after it was queued, failed, not confirmed, or pending long past its time (no worker running).
Today lists all of them; an application's page lists its own.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from django import template
from django.db.models import Q, QuerySet
from django.template.loader import render_to_string
from django.utils import timezone

from afterword.outbox.models import EmailState, OutgoingEmail
from afterword.outbox.queue import outbox_for
from afterword.site.slots import fill
from afterword.tracker import access
from afterword.tracker.models import Status
from afterword.tracker.services import compiled

# A pending email this late has not been picked up: the worker is probably not running.
STUCK_AFTER = timedelta(minutes=15)
# Failures older than this are history (the Outbox page keeps them), not today's business.
RECENT_FAILURES = timedelta(days=14)


def needing_attention(user: Any, now: datetime) -> QuerySet[OutgoingEmail]:
    """The user's emails that wait on them, oldest first."""
    return (
        outbox_for(user)
        .select_related("application", "draft")
        .filter(_waiting(now - RECENT_FAILURES, now - STUCK_AFTER))
        .order_by("created_at", "pk")
    )


def _waiting(failed_since: datetime, stuck_before: datetime) -> Q:
    return (
        Q(state__in=[EmailState.HELD, EmailState.UNCERTAIN])
        | Q(state=EmailState.FAILED, created_at__gte=failed_since)
        | Q(state=EmailState.PENDING, due_at__lt=stuck_before)
        | Q(
            state=EmailState.PENDING,
            application__status=Status.DECIDED,
            send_despite_decision=False,
        )
    )


def _first_waiting(
    owner_id: int, failed_since: datetime, stuck_before: datetime
) -> QuerySet[OutgoingEmail, tuple[Any, ...]]:
    return (
        access.belonging_to(owner_id, OutgoingEmail)
        .filter(_waiting(failed_since, stuck_before))
        .values_list("pk")[:1]
    )


def any_needing_attention(user: Any, now: datetime) -> bool:
    """Whether ``needing_attention`` has any email: Today asks on every visit, and usually none
    waits, so this is one read compiled once (tracker/services/compiled.py)."""
    owner = access.member_id(user)
    return owner is not None and bool(
        compiled.fetch(_first_waiting, owner, now - RECENT_FAILURES, now - STUCK_AFTER)
    )


def _panel(context: template.Context, emails: list[OutgoingEmail], where: str) -> str:
    if not emails:
        return ""
    request = context["request"]
    now = timezone.now()
    panel = {
        "emails": emails,
        "now": now,
        "stuck_before": now - STUCK_AFTER,
        "where": where,
        "next": request.get_full_path(),
        "request": request,
    }
    return render_to_string("outbox/_attention.html", panel, request=request)


@fill("today.top")
def on_today(context: template.Context) -> str:
    request, now = context["request"], timezone.now()
    if not any_needing_attention(request.user, now):
        return ""
    return _panel(context, list(needing_attention(request.user, now)[:20]), "today")


@fill("application.top")
def on_application(context: template.Context) -> str:
    request, application = context["request"], context["application"]
    emails = needing_attention(request.user, timezone.now()).filter(application=application)
    return _panel(context, list(emails[:20]), "application")
