"""One person's details on their own page: corrected once for every round they were at."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.forms.models import model_to_dict
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from afterword.site.pages import member_view
from afterword.tracker.access import get_interviewer_or_404
from afterword.tracker.models import Interviewer
from afterword.tracker.services.editing import PERSON_EDITABLE, update_person
from afterword.web.forms.interviews import InterviewerForm
from afterword.web.note_preview import application_tone, greeting_placeholder, shown_items
from afterword.web.views.interview import wire_note


@member_view
@require_http_methods(["GET", "POST"])
def person_edit(request: HttpRequest, pk: int) -> HttpResponse:
    person = get_interviewer_or_404(request.user, pk)
    application = person.application
    if request.method != "POST":
        form = InterviewerForm(initial=model_to_dict(person, fields=sorted(PERSON_EDITABLE)))
        return render(request, "web/person_edit.html", person_context(person, form))
    # No instance: a refused edit leaves the heading (and the row) as they were.
    form = InterviewerForm(request.POST)
    if form.is_valid():
        fields = {name: form.cleaned_data[name] for name in PERSON_EDITABLE}
        try:
            update_person(person, timezone.now(), **fields)
        except ValidationError as error:
            person.refresh_from_db()
            for name, problems in error.message_dict.items():
                for message in problems:
                    form.add_error(name if name in form.fields else None, message)
        else:
            messages.success(request, f"Saved {person.name}. The plan is updated.")
            return redirect(reverse("application", args=[application.pk]))
    return render(request, "web/person_edit.html", person_context(person, form))


def person_context(person: Interviewer, form: InterviewerForm) -> dict[str, object]:
    application = person.application
    tone = application_tone(application)
    form.fields["salutation"].widget.attrs["placeholder"] = greeting_placeholder(
        str(form["name"].value() or ""),
        str(form["title"].value() or ""),
        tone,
        application.employer_country,
    )
    # The same live preview as on the round's page: each item of the note and its sentence.
    note = form["emphasised"]
    wire_note(
        form.fields["emphasised"],
        reverse("note_preview", args=[application.pk]),
        "emphasised",
        note.auto_id,
    )
    return {
        "person": person,
        "application": application,
        "form": form,
        "rounds": person.interviews.order_by("start"),
        "preview": shown_items(note.value(), "emphasised", tone, []),
    }
