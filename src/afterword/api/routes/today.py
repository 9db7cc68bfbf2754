"""Today: what to do now, in the sections the Today page shows."""

# No "from __future__ import annotations": ninja reads these signatures at run time.
from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from ninja import Router

from afterword.api.schemas import TodayOut
from afterword.tracker.models import Action
from afterword.tracker.today import search_reminder, today_sections

router = Router(tags=["today"])


def action_out(action: Action) -> dict[str, Any]:
    return {
        "id": action.pk,
        "application": action.application_id,
        "employer": action.application.employer,
        "role": action.application.role,
        "kind": action.kind,
        "what": action.get_kind_display(),
        "person": action.interviewer.name if action.interviewer else "",
        "channel": action.channel,
        "earliest": action.earliest,
        "due": action.due,
        "latest": action.latest,
        "rules": [str(rule) for rule in action.rules],
        "why": action.why,
    }


@router.get("/today", response=TodayOut)
def today(request: HttpRequest) -> dict[str, Any]:
    """Overdue, due today and the coming week, in your time zone; and the search reminder (P1)."""
    now = timezone.now()
    sections = today_sections(request.user, now)
    reminder = search_reminder(request.user, now)
    return {
        "day": sections.day,
        "timezone": str(sections.zone),
        "overdue": [action_out(action) for action in sections.overdue],
        "today": [action_out(action) for action in sections.today],
        "this_week": [action_out(action) for action in sections.this_week],
        "keep_searching": reminder.text if reminder is not None else None,
    }
