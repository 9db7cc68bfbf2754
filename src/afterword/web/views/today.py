"""Today: what is overdue, what is due today and what comes up this week, across applications."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from afterword.site.pages import member_view
from afterword.tracker.today import search_reminder, today_sections


def today_context(request: HttpRequest) -> dict[str, object]:
    now = timezone.now()
    sections = today_sections(request.user, now)
    return {
        "sections": [
            ("overdue", "Overdue", sections.overdue),
            ("today", "Due today", sections.today),
            ("week", "Coming up this week", sections.this_week),
        ],
        "nothing_due": not (sections.overdue or sections.today or sections.this_week),
        "search_reminder": search_reminder(request.user, now),
        "now": now,
    }


@member_view
@require_GET
def today(request: HttpRequest) -> HttpResponse:
    return render(request, "web/today.html", today_context(request))
