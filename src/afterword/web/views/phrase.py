"""Live preview of a timing phrase ("early next week"): the range understood, the day planned."""

from __future__ import annotations

from datetime import date

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from afterword.rules.case import supported_countries
from afterword.site.pages import local_today, member_view
from afterword.site.throttle import PHRASE_PREVIEW, by_member, throttled
from afterword.tracker.services.dates import DateReadError, read_date
from afterword.web.forms.interviews import InterviewForm
from afterword.web.forms.news import NewsForm

# The form fields that may ask for a preview (the input sends its value under its own name),
# with their labels: a refusal names the field, as the form's own error would.
PHRASE_FIELDS = {
    "decision_phrase": InterviewForm.base_fields["decision_phrase"].label,
    "new_date": NewsForm.base_fields["new_date"].label,
}


@member_view
@require_GET
@throttled("phrase-preview", PHRASE_PREVIEW, by_member, methods=("GET",))
def phrase_preview_hx(request: HttpRequest) -> HttpResponse:
    name, text = next(
        ((name, request.GET[name]) for name in PHRASE_FIELDS if request.GET.get(name)), ("", "")
    )
    try:
        reference = date.fromisoformat(request.GET.get("day", ""))
    except ValueError:
        reference = local_today(request, timezone.now())
    country = request.GET.get("country", "US").upper()
    if country not in supported_countries():
        country = "US"
    context: dict[str, object] = {"text": text.strip(), "reference": reference}
    if text.strip():
        try:
            context["found"] = read_date(text, reference, country, request.GET.get("subdivision"))
        except DateReadError as error:
            context["problem"] = str(error)
            context["field"] = PHRASE_FIELDS[name]
    return render(request, "web/phrase_partial.html", context)
