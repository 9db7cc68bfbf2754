"""The applications board: one column per status, with counts, and a quick-add form."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from afterword.site.pages import MemberRequest, member_view, prefs
from afterword.site.routes import pk_route
from afterword.tracker.access import archived_applications
from afterword.tracker.board import SORTS, BoardQuery, board_ids, status_counts, with_details
from afterword.tracker.models import Application, Status
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


PER_PAGE = 50


def board_context(request: HttpRequest, form: ApplicationForm | None) -> dict[str, object]:
    """One page of the board: the search as asked, the columns of this page, the counts."""
    query = BoardQuery.from_params(request.GET.dict())
    counts = status_counts(request.user, query)
    total = counts[query.status] if query.status else sum(counts.values())
    paginator = Paginator(board_ids(request.user, query), PER_PAGE)
    # The counts already say how many match: no second COUNT query for the paginator.
    paginator.count = total
    page = paginator.get_page(request.GET.get("page"))
    by_status: dict[str, list[Card]] = {status: [] for status in Status.values}
    page_url = pk_route("application")
    for application in with_details(request.user, list(page.object_list)):
        by_status[application.status].append(Card(application, page_url(application.pk)))
    columns = [
        Column(status, label, by_status[status], counts[status])
        for status, label in Status.choices
        if not query.status or status == query.status
    ]
    return {
        "columns": columns,
        "form": form,
        "query": query,
        "statuses": Status.choices,
        "sorts": [(key, label) for key, (label, _) in SORTS.items()],
        "page": page,
        "total": total,
        "archived": archived_applications(request.user).count(),
    }


@dataclass(frozen=True, slots=True)
class Card:
    application: Application
    url: str


@dataclass(frozen=True, slots=True)
class Column:
    status: str
    label: str
    cards: list[Card]
    count: int  # every match in this status, on any page


@member_view
@require_GET
def board(request: MemberRequest) -> HttpResponse:
    if request.htmx and request.htmx.target == "board-results":
        # The search form asked: only the results change.
        return render(request, "web/board_results_partial.html", board_context(request, None))
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
