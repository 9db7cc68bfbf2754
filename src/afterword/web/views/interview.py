"""Add or edit an interview, following the capture checklist (C1-C4)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Max
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from afterword.rules.case import zone
from afterword.site.pages import local_today, member_view
from afterword.site.templatetags.afterword_site import FieldProblem, form_problems, understood
from afterword.tracker.access import get_application_or_404, get_interview_or_404
from afterword.tracker.models import Application, Interview, Interviewer
from afterword.tracker.services.dates import ReadDate, stored_range
from afterword.tracker.services.interviews import interview_problems, save_interview
from afterword.web.forms.interviews import InterviewForm, interviewer_formset

# Two blank rows invite the user to note everyone on the panel, not only the lead (K1).
NEW_ROWS = 2


def next_round(application: Application) -> int:
    highest = application.interviews.aggregate(highest=Max("round"))["highest"]
    return (highest or 0) + 1


# The service names the model's fields; the form asks for the day and the times apart.
FORM_FIELD = {"end": "end_time", "start": "start_time"}


def show_errors(form: InterviewForm, error: ValidationError) -> None:
    """Each problem from the service under the form field it is about, else above the form."""
    if not hasattr(error, "error_dict"):
        for message in error.messages:
            form.add_error(None, message)
        return
    for name, problems in error.message_dict.items():
        field = FORM_FIELD.get(name, name)
        for message in problems:
            form.add_error(field if field in form.fields else None, message)


def decision_read(interview: Interview) -> ReadDate | None:
    """The decision date as the range its phrase was read as, counted from the interview day."""
    if interview.decision_by is None:
        return None
    application = interview.application
    day = interview.start.astimezone(zone(application.employer_timezone)).date()
    return stored_range(
        interview.decision_by,
        interview.decision_phrase,
        day,
        application.employer_country,
        application.employer_subdivision,
    )


def capture_page(
    request: HttpRequest, application: Application, interview: Interview | None
) -> HttpResponse:
    instance = interview or Interview(application=application)
    people_qs = interview.interviewers.order_by("pk") if interview else Interviewer.objects.none()
    # At least two rows in all, and always one blank row for someone not noted yet.
    formset_class = interviewer_formset(extra=max(1, NEW_ROWS - people_qs.count()))
    if request.method == "POST":
        form = InterviewForm(request.POST, instance=instance, application=application)
        people = formset_class(request.POST, queryset=people_qs, prefix="people")
        if form.is_valid() and people.is_valid():
            try:
                saved = save_interview(
                    application,
                    form.unsaved_interview(),
                    [row.save(commit=False) for row in people.kept_forms()],
                    list(form.cleaned_data.get("existing") or []),
                    timezone.now(),
                )
            except ValidationError as error:
                # Nothing is saved: the service checks first and rolls back on the planner's no.
                show_errors(form, error)
            else:
                read = decision_read(saved)
                heard = f" {understood(read)}" if read else ""
                messages.success(request, f"Saved round {saved.round}.{heard} The plan is updated.")
                return redirect(reverse("application", args=[application.pk]) + "#plan")
        elif form.is_valid():
            # The rows need fixing too: say what else is wrong now, not after the next submit.
            problems_now = interview_problems(application, form.unsaved_interview())
            if problems_now is not None:
                show_errors(form, problems_now)
    else:
        initial = {}
        if interview is None:
            initial = {
                "round": next_round(application),
                "day": local_today(request, timezone.now()),
            }
        form = InterviewForm(instance=instance, application=application, initial=initial)
        people = formset_class(queryset=people_qs, prefix="people")
    problems: list[FieldProblem] = form_problems(form)
    for number, row in enumerate(people.forms, start=1):
        problems += form_problems(row, f"Interviewer {number}")
    problems += [FieldProblem("people", str(error)) for error in people.non_form_errors()]
    return render(
        request,
        "web/interview_form.html",
        {
            "application": application,
            "interview": interview,
            "form": form,
            "people": people,
            "problems": problems,
            "decision_read": decision_read(interview) if interview else None,
        },
    )


@member_view
@require_http_methods(["GET", "POST"])
def interview_new(request: HttpRequest, pk: int) -> HttpResponse:
    application = get_application_or_404(request.user, pk)
    return capture_page(request, application, None)


@member_view
@require_http_methods(["GET", "POST"])
def interview_edit(request: HttpRequest, pk: int) -> HttpResponse:
    interview = get_interview_or_404(request.user, pk)
    return capture_page(request, interview.application, interview)
