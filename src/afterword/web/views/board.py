"""The applications board: one column per status, with counts, and a quick-add form."""

from __future__ import annotations

from django.contrib import messages
from django.db.models import OuterRef, Prefetch, Subquery
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from afterword.rules.kinds import DECIDING_EVENTS
from afterword.site.pages import MemberRequest, member_view, prefs
from afterword.tracker.access import archived_applications, current_applications
from afterword.tracker.models import Action, Application, Event, Status
from afterword.tracker.services import create_application
from afterword.web.forms.applications import ApplicationForm


def blank_application_form(request: HttpRequest) -> ApplicationForm:
    """A quick-add form that starts from the user's own time zone and country."""
    mine = prefs(request)
    return ApplicationForm(
        initial={
            "employer_timezone": mine.timezone,
            "employer_country": mine.country,
            "employer_subdivision": mine.subdivision,
            "employer_style": "unknown",
        }
    )


def board_context(request: HttpRequest, form: ApplicationForm) -> dict[str, object]:
    # A decided card says how it ended: the latest offer, rejection or withdrawal.
    outcomes = Event.objects.filter(application=OuterRef("pk"), type__in=DECIDING_EVENTS).order_by(
        "-at", "-pk"
    )
    applications = (
        current_applications(request.user)
        .annotate(outcome=Subquery(outcomes.values("type")[:1]))
        .prefetch_related(Prefetch("actions", queryset=Action.objects.order_by("position")))
    )
    by_status: dict[str, list[Application]] = {status: [] for status in Status.values}
    for application in applications:
        by_status.setdefault(application.status, []).append(application)
    columns = [(status, label, by_status[status]) for status, label in Status.choices]
    return {
        "columns": columns,
        "form": form,
        "total": sum(len(c[2]) for c in columns),
        "archived": archived_applications(request.user).count(),
    }


@member_view
@require_GET
def board(request: HttpRequest) -> HttpResponse:
    return render(
        request, "web/board.html", board_context(request, blank_application_form(request))
    )


@member_view
@require_http_methods(["GET", "POST"])
def application_new(request: MemberRequest) -> HttpResponse:
    if request.method != "POST":
        return render(
            request, "web/application_new.html", {"form": blank_application_form(request)}
        )
    form = ApplicationForm(request.POST)
    if not form.is_valid():
        template = (
            "web/board.html" if request.POST.get("from") == "board" else "web/application_new.html"
        )
        return render(request, template, board_context(request, form))
    fields = dict(form.cleaned_data)
    application = create_application(request.user, fields.pop("employer"), timezone.now(), **fields)
    messages.success(request, f"Added {application.employer}. Next: note the interview.")
    return redirect(reverse("application", args=[application.pk]))
