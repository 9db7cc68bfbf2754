"""Correcting an application, putting it away (archive) and bringing it back (restore)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.forms.models import model_to_dict
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from afterword.site.pages import member_view, safe_next
from afterword.tracker.access import archived_applications, get_application_or_404
from afterword.tracker.services.archive import archive_application, restore_application
from afterword.tracker.services.editing import EDITABLE, update_application
from afterword.web.forms.applications import ApplicationForm


@member_view
@require_http_methods(["GET", "POST"])
def application_edit(request: HttpRequest, pk: int) -> HttpResponse:
    application = get_application_or_404(request.user, pk)
    if request.method != "POST":
        form = ApplicationForm(initial=model_to_dict(application, fields=sorted(EDITABLE)))
        return render(request, "web/application_edit.html", edit_context(application, form))
    # No instance: the form checks the input on a scratch row, so a refused edit leaves the
    # page's heading (and the database) as they were.
    form = ApplicationForm(request.POST)
    if form.is_valid():
        fields = {name: form.cleaned_data[name] for name in EDITABLE}
        try:
            update_application(application, timezone.now(), **fields)
        except ValidationError as error:
            application.refresh_from_db()
            show_errors(form, error)
        else:
            messages.success(request, f"Saved {application.employer}. The plan is updated.")
            return redirect(reverse("application", args=[application.pk]))
    return render(request, "web/application_edit.html", edit_context(application, form))


def show_errors(form: ApplicationForm, error: ValidationError) -> None:
    """Each problem under the field it names (the planner's are mapped to columns), else above."""
    if not hasattr(error, "error_dict"):
        for message in error.messages:
            form.add_error(None, message)
        return
    for name, problems in error.message_dict.items():
        for message in problems:
            form.add_error(name if name in form.fields else None, message)


def edit_context(application: object, form: ApplicationForm) -> dict[str, object]:
    return {"application": application, "form": form, "open_more": True}


@member_view
@require_POST
def application_archive(request: HttpRequest, pk: int) -> HttpResponse:
    application = get_application_or_404(request.user, pk)
    if archive_application(application, timezone.now()):
        messages.success(
            request,
            f"Archived {application.employer}: nothing is planned, reminded or sent for it "
            "until you restore it.",
        )
    return redirect(safe_next(request, reverse("application", args=[application.pk])))


@member_view
@require_POST
def application_restore(request: HttpRequest, pk: int) -> HttpResponse:
    application = get_application_or_404(request.user, pk)
    if restore_application(application, timezone.now()):
        messages.success(request, f"Restored {application.employer}. Its plan is back.")
    return redirect(safe_next(request, reverse("application", args=[application.pk])))


@member_view
@require_GET
def archived(request: HttpRequest) -> HttpResponse:
    applications = archived_applications(request.user).order_by("-archived_at", "-pk")
    return render(request, "web/archived.html", {"applications": list(applications)})
