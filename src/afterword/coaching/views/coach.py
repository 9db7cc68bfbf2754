"""The coach's pages: the cohort (with its CSV), one student read-only, notes, and statistics.

Every page that shows a student's data logs the view for that student (coaching/notes.py), and
every student lookup goes through tracker/access.py, so without a consent that counts now the
coach gets the same 404 as anyone else.
"""

from __future__ import annotations

import csv
from datetime import date, timedelta
from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from afterword.coaching import cohort as cohort_query
from afterword.coaching import notes
from afterword.coaching.errors import CoachingProblem
from afterword.coaching.forms import NoteForm, show_problem
from afterword.coaching.statistics import MIN_STUDENTS, organisation_statistics
from afterword.site.pages import MemberRequest, local_today, member_view
from afterword.tracker import access
from afterword.tracker.models import Action, Application, Event, Interview

WEEK = timedelta(days=7)


@member_view
@require_GET
def cohort(request: MemberRequest) -> HttpResponse:
    now = timezone.now()
    today = local_today(request, now)
    query = cohort_query.CohortQuery.from_params(request.GET)
    everyone = cohort_query.cohort(request.user, now, today)
    rows = cohort_query.chosen_rows(everyone, query)
    page = Paginator(rows, cohort_query.PAGE_SIZE).get_page(request.GET.get("page"))
    notes.log_views(request.user, [row.pk for row in page], "cohort", request.get_full_path(), now)
    kept = {"filter": query.filter, "sort": query.sort, "q": query.search}
    return render(
        request,
        "coaching/cohort.html",
        {
            "page": page,
            "query": query,
            "totals": cohort_query.totals(everyone),
            "filters": [(name, label) for name, (label, _q) in cohort_query.FILTERS.items()],
            "sorts": [(name, label) for name, (label, _o) in cohort_query.SORTS.items()],
            "kept": urlencode({key: value for key, value in kept.items() if value}),
            "idle_days": cohort_query.IDLE_DAYS,
            "now": now,
        },
    )


@member_view
@require_GET
def cohort_csv(request: MemberRequest) -> HttpResponse:
    """The same rows as the page (filter, search, sort), every page at once, for reporting."""
    now = timezone.now()
    today = local_today(request, now)
    query = cohort_query.CohortQuery.from_params(request.GET)
    rows = cohort_query.chosen_rows(cohort_query.cohort(request.user, now, today), query)
    notes.log_views(request.user, [row.pk for row in rows], "cohort export", request.path, now)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="cohort-{today:%Y-%m-%d}.csv"'
    writer = csv.writer(response)
    writer.writerow(
        [
            "student",
            "name",
            "email",
            "applications",
            "overdue thank-yous",
            "no response",
            "last application",
            f"no application for {cohort_query.IDLE_DAYS} days",
            "decisions this week",
        ]
    )
    for row in rows:
        writer.writerow(
            [
                _cell(row.username),
                _cell(row.get_full_name()),
                _cell(row.email),
                row.application_count,
                row.overdue_thanks,
                row.silent,
                row.last_applied.date().isoformat() if row.last_applied else "",
                "yes" if row.idle else "no",
                row.deciding,
            ]
        )
    return response


def _cell(text: str) -> str:
    # A cell starting with = + - @ would run as a formula in a spreadsheet; a quote keeps it text.
    return f"'{text}" if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


# Applications on one page of a student's page, as many as the board's phone-friendly half.
STUDENT_PAGE_SIZE = 25


def student_context(request: MemberRequest, pk: int) -> dict[str, Any]:
    """One page of the student's applications (``?page=``) with their plans, and every
    follow-up due now or this week across all of them."""
    consent = access.consent_or_404(request.user, pk)
    now = timezone.now()
    applications = access.student_rows_or_404(request.user, pk, Application).order_by(
        "-created_at", "-pk"
    )
    page = Paginator(applications, STUDENT_PAGE_SIZE).get_page(request.GET.get("page"))
    shown = [application.pk for application in page]
    student_actions = access.student_rows_or_404(request.user, pk, Action).select_related(
        "application", "interviewer"
    )
    due = list(
        student_actions.filter(Q(latest__lt=now) | Q(due__lt=now + WEEK)).order_by(
            "due", "position"
        )
    )
    plans: dict[int, list[Action]] = {}
    for action in student_actions.filter(application_id__in=shown).order_by("due", "position"):
        plans.setdefault(action.application_id, []).append(action)
    decisions = (
        access.student_rows_or_404(request.user, pk, Interview)
        .filter(decision_by__isnull=False, application_id__in=shown)
        .values("application_id", "decision_by")
    )
    decided_by: dict[int, date] = {}
    for row in decisions:
        day = row["decision_by"]
        assert day is not None  # filtered above
        decided_by[row["application_id"]] = max(day, decided_by.get(row["application_id"], day))
    shared_notes = []
    if consent.share_notes:
        shared_notes = list(
            access.student_rows_or_404(request.user, pk, Event)
            .exclude(note="")
            .select_related("application")
            .order_by("-at")[:30]
        )
    return {
        "consent": consent,
        "student": consent.student,
        "page": page,
        "applications": [
            (application, plans.get(application.pk, []), decided_by.get(application.pk))
            for application in page
        ],
        "overdue": [a for a in due if a.latest < now],
        "coming": [a for a in due if a.latest >= now],
        "shared_notes": shared_notes,
        "notes_sent": notes.notes_to(request.user, consent.student_id)[:10],
        "now": now,
    }


@member_view
@require_http_methods(["GET", "POST"])
def student(request: MemberRequest, pk: int) -> HttpResponse:
    """One student, read-only, and the form for a note or nudge on their Today page."""
    context = student_context(request, pk)
    form = NoteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            notes.write_note(
                request.user,
                pk,
                form.cleaned_data["kind"],
                form.cleaned_data["text"],
                timezone.now(),
            )
        except CoachingProblem as problem:
            show_problem(form, problem)
        else:
            messages.success(request, "Sent: it is on their Today page.")
            return redirect(reverse("coaching_student", args=[pk]) + "#notes")
    # The log names the page of applications actually shown (?page=2; a page past the end shows
    # the last one), so the student's log says which of their applications the coach saw.
    shown = context["page"].number
    path = f"{request.path}?page={shown}" if shown > 1 else request.path
    notes.log_views(request.user, [context["student"].pk], "student page", path, timezone.now())
    return render(request, "coaching/student.html", {**context, "form": form})


@member_view
@require_GET
def organisation_statistics_page(request: MemberRequest, pk: int) -> HttpResponse:
    membership = access.membership_or_404(request.user, pk, ("admin", "coach"))
    found = organisation_statistics(membership.organisation_id)
    return render(
        request,
        "coaching/statistics.html",
        {
            "organisation": membership.organisation,
            "stats": found,
            "min_students": MIN_STUDENTS,
        },
    )
