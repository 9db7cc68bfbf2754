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
from afterword.tracker.models import Status

# A pending email this late has not been picked up: the worker is probably not running.
STUCK_AFTER = timedelta(minutes=15)
# Failures older than this are history (the Outbox page keeps them), not today's business.
RECENT_FAILURES = timedelta(days=14)


def needing_attention(user: Any, now: datetime) -> QuerySet[OutgoingEmail]:
    """The user's emails that wait on them, oldest first."""
    return (
        outbox_for(user)
        .select_related("application", "draft")
        .filter(
            Q(state__in=[EmailState.HELD, EmailState.UNCERTAIN])
            | Q(state=EmailState.FAILED, created_at__gte=now - RECENT_FAILURES)
            | Q(state=EmailState.PENDING, due_at__lt=now - STUCK_AFTER)
            | Q(
                state=EmailState.PENDING,
                application__status=Status.DECIDED,
                send_despite_decision=False,
            )
        )
        .order_by("created_at", "pk")
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
    request = context["request"]
    return _panel(context, list(needing_attention(request.user, timezone.now())[:20]), "today")


@fill("application.top")
def on_application(context: template.Context) -> str:
    request, application = context["request"], context["application"]
    emails = needing_attention(request.user, timezone.now()).filter(application=application)
    return _panel(context, list(emails[:20]), "application")
