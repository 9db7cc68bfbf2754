"""Notes and nudges from coaches, on the student's Today (the ``today.top`` slot)."""

from __future__ import annotations

from django import template
from django.template.loader import render_to_string

from afterword.coaching.notes import has_open_notes, open_notes
from afterword.site.slots import fill


@fill("today.top")
def coach_notes(context: template.Context) -> str:
    request = context["request"]
    if not has_open_notes(request.user):
        return ""
    found = list(open_notes(request.user)[:10])
    if not found:
        return ""
    return render_to_string(
        "coaching/today_notes_partial.html", {"notes": found, "request": request}, request=request
    )
