"""The data page (export, import, spreadsheet import) and adding an interview from an invitation."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.contrib import messages
from django.core import signing
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from afterword.portability.bundle import BundleError
from afterword.portability.capture import employer_from, own_addresses, proposal_data
from afterword.portability.csv_export import account_csv_zip
from afterword.portability.export import export_json
from afterword.portability.forms import ExportImportForm, InvitationForm, MappingForm, SheetForm
from afterword.portability.importer import import_bundle
from afterword.portability.outcome import import_summary
from afterword.portability.spreadsheet import (
    FIELDS,
    SheetError,
    check_rows,
    guess_mapping,
    mark_known,
    read_sheet,
)
from afterword.portability.spreadsheet import import_sheet as import_rows
from afterword.reading.invitation import InvitationError, read_invitation
from afterword.site.pages import MemberRequest, member_view, user_zone
from afterword.tracker.access import applications_for, get_changeable_or_404, interviews_for
from afterword.tracker.services.cancellations import cancel_interview
from afterword.tracker.services.invitations import add_proposed_interview, matching_interview

SHEET_SALT = "afterword.portability.sheet"
PROPOSAL_SALT = "afterword.portability.invitation"


def data_context(**extra: Any) -> dict[str, Any]:
    return {"import_form": ExportImportForm(), "sheet_form": SheetForm(), **extra}


@member_view
@require_GET
def data_page(request: MemberRequest) -> HttpResponse:
    return render(request, "portability/data.html", data_context())


def _stamp(now: datetime) -> str:
    return now.strftime("%Y-%m-%d")


@member_view
@require_GET
def export_json_view(request: MemberRequest) -> HttpResponse:
    now = timezone.now()
    response = HttpResponse(export_json(request.user, now), content_type="application/json")
    name = f"afterword-{request.user.get_username()}-{_stamp(now)}.json"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@member_view
@require_GET
def export_csv_view(request: MemberRequest) -> HttpResponse:
    now = timezone.now()
    response = HttpResponse(account_csv_zip(request.user, now), content_type="application/zip")
    name = f"afterword-{request.user.get_username()}-{_stamp(now)}-csv.zip"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@member_view
@require_POST
def import_json_view(request: MemberRequest) -> HttpResponse:
    form = ExportImportForm(request.POST, request.FILES)
    if not form.is_valid():
        return render(request, "portability/data.html", data_context(import_form=form), status=400)
    try:
        result = import_bundle(request.user, form.cleaned_data["file"].read(), timezone.now())
    except BundleError as error:
        context = data_context(import_form=form, import_problems=error.problems)
        return render(request, "portability/data.html", context, status=400)
    messages.success(request, import_summary(result))
    return redirect("board")


@member_view
@require_POST
def sheet_view(request: MemberRequest) -> HttpResponse:
    """Upload -> guessed mapping and preview; the same page posts the mapping back to import.

    The sheet's text travels in a signed hidden field between the steps, so nothing is stored
    until the user presses Import.
    """
    if "sheet" in request.POST:
        try:
            raw = signing.loads(request.POST["sheet"], salt=SHEET_SALT).encode()
        except signing.BadSignature:
            messages.error(request, "That preview is out of date: upload the file again.")
            return redirect("data")
    else:
        form = SheetForm(request.POST, request.FILES)
        if not form.is_valid():
            return render(
                request, "portability/data.html", data_context(sheet_form=form), status=400
            )
        raw = form.cleaned_data["file"].read()
    try:
        sheet = read_sheet(raw)
    except SheetError as error:
        context = data_context(sheet_problems=error.problems)
        return render(request, "portability/data.html", context, status=400)
    bound = "sheet" in request.POST
    mapping_form = MappingForm(sheet, request.POST if bound else None)
    if bound and mapping_form.is_valid():
        mapping = mapping_form.mapping()
    else:
        mapping = guess_mapping(sheet.headers)
        mapping_form = MappingForm(
            sheet, initial={k: "" if v is None else str(v) for k, v in mapping.items()}
        )
    problems: list[str] = []
    checks = []
    try:
        checks = check_rows(request.user, sheet, mapping)
    except SheetError as error:
        problems = error.problems
    problems += [problem for check in checks for problem in check.problems]
    if bound and request.POST.get("do") == "import" and not problems:
        result = import_rows(request.user, raw, timezone.now(), mapping)
        messages.success(request, import_summary(result))
        return redirect("board")
    mark_known(request.user, sheet, checks, mapping, timezone.now())
    context = {
        "sheet": signing.dumps(
            raw.decode("utf-8-sig", errors="replace"), salt=SHEET_SALT, compress=True
        ),
        "mapping_form": mapping_form,
        "fields": [FIELDS[name][0] for name, index in mapping.items() if index is not None],
        "checks": checks,
        "adding": sum(1 for check in checks if check.skipped is None),
        "skipping": sum(1 for check in checks if check.skipped is not None),
        "problems": problems,
    }
    return render(request, "portability/sheet_preview.html", context)


def _application_choices(request: MemberRequest) -> list[tuple[str, str]]:
    return [(str(a.pk), str(a)) for a in applications_for(request.user).order_by("employer", "pk")]


@member_view
@require_http_methods(["GET", "POST"])
def invitation_page(request: MemberRequest) -> HttpResponse:
    """Upload an .ics invitation: the interview it proposes, to confirm (or a cancellation)."""
    choices = _application_choices(request)
    if request.method == "GET":
        form = InvitationForm(choices, initial={"application": request.GET.get("application", "")})
        return render(request, "portability/invitation.html", {"form": form})
    form = InvitationForm(choices, request.POST, request.FILES)
    if not form.is_valid():
        return render(request, "portability/invitation.html", {"form": form}, status=400)
    application = None
    if form.cleaned_data["application"]:
        application = get_changeable_or_404(
            request.user, applications_for(request.user), form.cleaned_data["application"]
        )
    zone = user_zone(request)
    if application is not None:
        from afterword.rules.case import zone as zone_named

        zone = zone_named(application.employer_timezone)
    try:
        invitation = read_invitation(
            form.cleaned_data["file"].read(), timezone.now(), zone, own_addresses(request.user)
        )
    except InvitationError as error:
        form.add_error("file", str(error))
        return render(request, "portability/invitation.html", {"form": form}, status=400)
    context: dict[str, Any] = {"invitation": invitation, "application": application}
    if invitation.cancelled:
        context["interview"] = (
            matching_interview(application, invitation.start) if application else None
        )
        return render(request, "portability/invitation_cancel.html", context)
    context["proposal"] = signing.dumps(
        {**proposal_data(invitation), "application": application.pk if application else None},
        salt=PROPOSAL_SALT,
    )
    context["employer"] = employer_from(invitation)
    context |= {
        "form_action": reverse("invitation_confirm"),
        "again_url": reverse("invitation_new"),
        "again_text": "Start again",
    }
    return render(request, "site/invitation_confirm.html", context)


@member_view
@require_POST
def invitation_confirm(request: MemberRequest) -> HttpResponse:
    """The second click: the interview with the people left ticked."""
    try:
        proposal = signing.loads(request.POST.get("proposal", ""), salt=PROPOSAL_SALT)
    except signing.BadSignature:
        messages.error(request, "That invitation is out of date: upload it again.")
        return redirect("invitation_new")
    application = None
    if proposal["application"] is not None:
        application = get_changeable_or_404(
            request.user, applications_for(request.user), proposal["application"]
        )
    employer = (request.POST.get("employer") or "").strip()[:200] or "New employer"
    try:
        interview = add_proposed_interview(
            request.user,
            application,
            employer,
            proposal,
            request.POST.getlist("person"),
            timezone.now(),
        )
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return redirect("invitation_new")
    messages.success(request, "Interview added from the invitation.")
    return redirect(reverse("application", args=[interview.application_id]))


@member_view
@require_POST
def invitation_cancel(request: MemberRequest, pk: int) -> HttpResponse:
    interview = get_changeable_or_404(request.user, interviews_for(request.user), pk)
    try:
        cancel_interview(interview, timezone.now())
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, "The cancelled interview is removed and the plan updated.")
    return redirect(reverse("application", args=[interview.application_id]))
