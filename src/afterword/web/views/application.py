"""One application: who you met, what happened, the plan with its reasons, and *record news*."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET

from afterword.site.pages import local_today, member_view, user_zone
from afterword.site.templatetags.afterword_site import event_label
from afterword.tracker.access import get_application_or_404
from afterword.tracker.models import Application, Event, Interview, Interviewer
from afterword.web.action_rows import action_rows, glossary, rows_html
from afterword.web.forms.news import NewsForm


@dataclass(frozen=True, slots=True)
class Moment:
    """One line of the timeline: an interview or an event."""

    at: datetime
    title: str
    detail: str
    # The message as it went out, for events recorded from a draft.
    link: str = ""
    # Where to remove an event recorded by mistake (interviews are deleted from their panel).
    remove: str = ""


def event_detail(event: Event) -> str:
    parts: list[str] = []
    if event.interviewer:
        parts.append(f"to {event.interviewer.name}")
    if event.channel:
        parts.append(f"by {event.get_channel_display().lower()}")
    if event.no_decision_yet:
        parts.append("no decision yet")
    if event.new_decision_by:
        parts.append(f"new date {event.new_decision_by:%a %d %b %Y}")
    if event.promised_next:
        parts.append(f"you said you would check back on {event.promised_next:%a %d %b %Y}")
    if event.deadline:
        parts.append(f"answer needed by {event.deadline:%a %d %b %Y}")
    if event.action:
        parts.append(event.get_action_display().lower())
    if event.note:
        parts.append(f"“{event.note}”")
    return "; ".join(parts)


def timeline(application: Application, interviews: list[Interview]) -> list[Moment]:
    moments = [
        Moment(
            interview.start,
            f"Interview, round {interview.round}",
            ", ".join(person.name for person in interview.interviewers.all()),
        )
        for interview in interviews
    ]
    events = application.events.select_related("interviewer")
    sent = dict(application.drafts.filter(event__isnull=False).values_list("event_id", "pk"))
    moments += [
        Moment(
            event.at,
            event_label(event.type),
            event_detail(event),
            reverse("draft", args=[sent[event.pk]]) if event.pk in sent else "",
            reverse("event_remove", args=[event.pk]),
        )
        for event in events
    ]
    return sorted(moments, key=lambda moment: moment.at, reverse=True)


def plan_context(request: HttpRequest, application: Application) -> dict[str, Any]:
    actions = list(application.actions.select_related("interviewer").order_by("position"))
    for action in actions:
        action.application = application  # the rows read it; no query per action
    now = timezone.now()
    rows = action_rows(actions, now, user_zone(request))
    return {
        "application": application,
        "rows": rows,
        "rows_html": rows_html(rows, show_employer=False, level=3),
        "rules_used": glossary(rows),
        "notes": application.plan_notes,
        "now": now,
    }


def application_context(
    request: HttpRequest, application: Application, news_form: NewsForm | None = None
) -> dict[str, Any]:
    interviews = list(
        application.interviews.prefetch_related(
            Prefetch("interviewers", queryset=Interviewer.objects.order_by("pk"))
        ).order_by("-start")
    )
    if news_form is None:
        today = local_today(request, timezone.now())
        news_form = NewsForm(application=application, today=today)
    return {
        **plan_context(request, application),
        "interviews": interviews,
        "timeline": timeline(application, interviews),
        "news_form": news_form,
    }


@member_view
@require_GET
def application_detail(request: HttpRequest, pk: int) -> HttpResponse:
    application = get_application_or_404(request.user, pk)
    return render(request, "web/application.html", application_context(request, application))
