"""Deleting an application, an interview or a person, and removing a timeline event.

Each has a confirmation page (GET) that says exactly what goes, counted by the same walk the
deletion makes (tracker/services/removal.py), and deletes only on POST.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from afterword.site.pages import member_view
from afterword.site.templatetags.afterword_site import event_label
from afterword.tracker.access import (
    get_application_or_404,
    get_event_or_404,
    get_interview_or_404,
    get_interviewer_or_404,
)
from afterword.tracker.services.removal import (
    Removal,
    alone_at,
    application_rows,
    delete_application,
    delete_interview,
    delete_person,
    event_rows,
    interview_rows,
    person_rows,
    remove_event,
    what_goes,
)
from afterword.web.views.application import event_detail


@dataclass(frozen=True, slots=True)
class Confirmation:
    """What one confirmation page says and where its buttons lead."""

    title: str
    lead: str
    removal: Removal
    # The kind being deleted: the heading names it, so the list does not count it again.
    origin: str
    button: str
    cancel: str
    owner_id: int
    problem: str = ""


def confirm_or_do(
    request: HttpRequest, page: Confirmation, do: Callable[[], str], done: str
) -> HttpResponse:
    """The confirmation page on GET; on POST do it, say what was done and go to ``done``."""
    if request.method == "POST" and not page.problem:
        try:
            said = do()
        except ValidationError as error:
            page = replace(page, problem=" ".join(error.messages))
        else:
            messages.success(request, said)
            return redirect(done)
    context = {
        "page": page,
        "going": page.removal.without(page.origin),
        "removal": page.removal,
        "owner_id": page.owner_id,
    }
    return render(request, "web/confirm_removal.html", context)


@member_view
@require_http_methods(["GET", "POST"])
def application_delete(request: HttpRequest, pk: int) -> HttpResponse:
    application = get_application_or_404(request.user, pk)
    name = str(application)
    page = Confirmation(
        title=f"Delete {name}?",
        lead="The application and everything under it are deleted for good. To keep it out of "
        "sight but keep its history, archive it instead.",
        removal=what_goes(application_rows(application)),
        origin="tracker.Application",
        button="Delete for good",
        cancel=reverse("application", args=[application.pk]),
        owner_id=application.owner_id,
    )

    def do() -> str:
        delete_application(application)
        return f"Deleted {name}."

    return confirm_or_do(request, page, do, reverse("board"))


@member_view
@require_http_methods(["GET", "POST"])
def interview_delete(request: HttpRequest, pk: int) -> HttpResponse:
    interview = get_interview_or_404(request.user, pk)
    application = interview.application
    page = Confirmation(
        title=f"Delete round {interview.round} at {application.employer}?",
        lead="The round is deleted with what was recorded about it; people met only at this "
        "round go with it, people met at other rounds stay. The plan is made again.",
        removal=what_goes(interview_rows(interview)),
        origin="tracker.Interview",
        button=f"Delete round {interview.round}",
        cancel=reverse("application", args=[application.pk]),
        owner_id=application.owner_id,
    )

    def do() -> str:
        delete_interview(interview, timezone.now())
        return f"Deleted round {interview.round}. The plan is updated."

    return confirm_or_do(request, page, do, reverse("application", args=[application.pk]))


@member_view
@require_http_methods(["GET", "POST"])
def person_delete(request: HttpRequest, pk: int) -> HttpResponse:
    person = get_interviewer_or_404(request.user, pk)
    application = person.application
    lonely = alone_at(person)
    page = Confirmation(
        title=f"Remove {person.name}?",
        lead=f"{person.name} is removed from every round of {application.employer}, with the "
        "thank-yous, drafts and events about them. The plan is made again.",
        removal=what_goes(person_rows(person)),
        origin="tracker.Interviewer",
        button=f"Remove {person.name}",
        cancel=reverse("application", args=[application.pk]),
        owner_id=application.owner_id,
        problem=(
            f"{person.name} is the only person noted at "
            f"{', '.join(f'round {interview.round}' for interview in lonely)}: edit that round "
            "to put the right person in, or delete the round."
            if lonely
            else ""
        ),
    )

    def do() -> str:
        delete_person(person, timezone.now())
        return f"Removed {person.name}. The plan is updated."

    return confirm_or_do(request, page, do, reverse("application", args=[application.pk]))


@member_view
@require_http_methods(["GET", "POST"])
def event_remove(request: HttpRequest, pk: int) -> HttpResponse:
    event = get_event_or_404(request.user, pk)
    application = event.application
    what = event_label(event.type)
    detail = event_detail(event)
    day = timezone.localtime(event.at)
    when = f"{day:%a} {day.day} {day:%b %Y}" + (f" ({detail})" if detail else "")
    page = Confirmation(
        title=f"Remove “{what}” from the timeline?",
        lead=f"{what} on {when}. Remove it if "
        "it was recorded by mistake: the plan is made again as if it had not happened.",
        removal=what_goes(event_rows(event)),
        origin="tracker.Event",
        button="Remove and re-plan",
        cancel=reverse("application", args=[application.pk]) + "#timeline-heading",
        owner_id=application.owner_id,
    )

    def do() -> str:
        remove_event(event, timezone.now())
        return f"Removed “{what}”. The plan is updated."

    return confirm_or_do(request, page, do, reverse("application", args=[application.pk]))
