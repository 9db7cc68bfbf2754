"""Add or edit an interview, following the capture checklist (C1-C4)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Max
from django.forms import Field
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from afterword.rules.case import zone
from afterword.site.pages import MemberRequest, local_today, member_view
from afterword.site.templatetags.afterword_site import FieldProblem, form_problems, understood
from afterword.tracker import access
from afterword.tracker.access import get_application_or_404, get_interview_or_404
from afterword.tracker.models import Application, Interview, Interviewer
from afterword.tracker.services.dates import ReadDate, stored_range
from afterword.tracker.services.interviews import interview_problems, save_interview
from afterword.web.forms.interviews import (
    BaseInterviewerFormSet,
    InterviewForm,
    interviewer_formset,
    note_preview_attrs,
)
from afterword.web.note_preview import (
    NOTE_FIELDS,
    PICKERS,
    ShownItem,
    application_tone,
    automatic_label,
    greeting_placeholder,
    people_in_form,
    shown_items,
)

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


def form_data(form: InterviewForm, people: BaseInterviewerFormSet) -> QueryDict:
    """The form as it would be posted now: what an unsubmitted page shows, in the POST shape."""
    data = QueryDict(mutable=True)
    data[f"{people.prefix}-TOTAL_FORMS"] = str(len(people.forms))
    for row in people.forms:
        for name in ("name", "title", "is_primary"):
            value = row[name].value()
            if value:
                data[row.add_prefix(name)] = "on" if value is True else str(value)
    data.setlist("existing", [str(pk) for pk in form["existing"].value() or []])
    return data


def person_choices(form: InterviewForm, people: BaseInterviewerFormSet) -> list[tuple[str, str]]:
    """Everyone a point can go to: each row (by the name typed), then people met before."""
    choices = [
        (f"row-{index}", str(row["name"].value() or f"Interviewer {index + 1}"))
        for index, row in enumerate(people.forms)
    ]
    choices += [(f"p{person.pk}", person.name) for person in form.reusable_people()]
    return choices


def chosen_initial(interview: Interview | None, people: BaseInterviewerFormSet) -> dict[str, str]:
    """The pickers' stored choices as the rows they are on (empty: automatic)."""
    initial = {}
    for name in PICKERS.values():
        chosen = getattr(interview, f"{name}_id", None) if interview else None
        for index, row in enumerate(people.forms):
            if chosen is not None and row.instance.pk == chosen:
                initial[name] = f"row-{index}"
    return initial


def chosen_person(
    value: str, people: BaseInterviewerFormSet, form: InterviewForm
) -> Interviewer | None:
    """The row or earlier person a picker names; the service checks they were there."""
    if value.startswith("row-"):
        # A form's index from 0: ASCII digits only, and few ("²" passes str.isdigit, not int).
        index = value[4:]
        if index.isascii() and index.isdigit() and len(index) <= 4:
            return people.forms[int(index)].instance if int(index) < len(people.forms) else None
        return None
    if value.startswith("p"):
        pk = access.row_id(value[1:])
        if pk is None:
            return None
        ticked = [p for p in form.cleaned_data.get("existing") or [] if p.pk == pk]
        return ticked[0] if ticked else form.application.interviewers.filter(pk=pk).first()
    return None


def wire_note(field: Field, url: str, name: str, auto_id: str) -> None:
    """The live preview on one note, described by both its help text and its preview."""
    field.widget.attrs.update(note_preview_attrs(url, name, f"#{auto_id}_preview"))
    field.widget.attrs["aria-describedby"] = f"{auto_id}_helptext {auto_id}_preview"


def wire_previews(
    form: InterviewForm, people: BaseInterviewerFormSet, data: QueryDict
) -> tuple[dict[str, list[ShownItem]], list[list[ShownItem]]]:
    """Attach the live previews and the greeting placeholders; the previews as they are now."""
    application = form.application
    url = reverse("note_preview", args=[application.pk])
    tone = application_tone(application)
    present = people_in_form(data, application)
    previews: dict[str, list[ShownItem]] = {}
    for name in ("emphasised", "forgot", "to_clarify"):
        field = form[name]
        wire_note(form.fields[name], url, name, field.auto_id)
        picker = PICKERS.get(name)
        chosen = str(form[picker].value() or "") if picker else ""
        if picker:
            # Choosing a person changes whom the preview says each point goes to.
            attrs = note_preview_attrs(url, name, f"#{field.auto_id}_preview")
            form.fields[picker].widget.attrs.update({**attrs, "hx-trigger": "change"})
        previews[name] = shown_items(field.value(), name, tone, present, chosen)
    form.offer_people(
        person_choices(form, people),
        {
            picker: automatic_label(form[name].value(), name, present)
            for name, picker in PICKERS.items()
        },
    )
    rows = []
    for row in people.forms:
        field = row["emphasised"]
        wire_note(row.fields["emphasised"], url, "emphasised", field.auto_id)
        row.fields["salutation"].widget.attrs["placeholder"] = greeting_placeholder(
            str(row["name"].value() or ""),
            str(row["title"].value() or ""),
            tone,
            application.employer_country,
        )
        rows.append(shown_items(field.value(), "emphasised", tone, present))
    return previews, rows


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
        previews, row_previews = wire_previews(form, people, request.POST)
        if form.is_valid() and people.is_valid():
            unsaved = form.unsaved_interview()
            kept = [row.save(commit=False) for row in people.kept_forms()]
            for picker in PICKERS.values():
                setattr(unsaved, picker, chosen_person(form.cleaned_data[picker], people, form))
            try:
                saved = save_interview(
                    application,
                    unsaved,
                    kept,
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
        people = formset_class(queryset=people_qs, prefix="people")
        initial.update(chosen_initial(interview, people))
        form = InterviewForm(instance=instance, application=application, initial=initial)
        previews, row_previews = wire_previews(form, people, form_data(form, people))
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
            "people_rows": list(zip(people.forms, row_previews, strict=True)),
            "previews": previews,
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


@member_view
@require_POST
def note_preview_hx(request: MemberRequest, pk: int) -> HttpResponse:
    """What one note field makes of its items, as typed now (the form posts itself here)."""
    application = get_application_or_404(request.user, pk)
    name = request.POST.get("preview_field", "")
    field = name if name in NOTE_FIELDS else "emphasised"
    # The note that asked is sent under its own name ("people-1-emphasised"); a picker asks
    # for the note it belongs to.
    source = request.htmx.trigger_name or field
    if source.rsplit("-", 1)[-1] != field:
        source = field
    text = request.POST.get(source, "")
    picker = PICKERS.get(field)
    items = shown_items(
        text,
        field,
        application_tone(application),
        people_in_form(request.POST, application),
        request.POST.get(picker, "") if picker else "",
    )
    return render(request, "web/note_preview_partial.html", {"items": items})
