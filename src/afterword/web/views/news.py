"""Record news about an application; the event and the new plan are saved together."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from afterword.site.pages import local_today, member_view
from afterword.site.templatetags.afterword_site import event_label, understood
from afterword.tracker.access import get_application_or_404
from afterword.tracker.services import StalePage, record_event
from afterword.web.forms.news import NewsForm
from afterword.web.views.application import application_context


@member_view
@require_POST
def record_news(request: HttpRequest, pk: int) -> HttpResponse:
    application = get_application_or_404(request.user, pk)
    now = timezone.now()
    form = NewsForm(request.POST, application=application, today=local_today(request, now))
    if not form.is_valid():
        context = application_context(request, application, news_form=form)
        return render(request, "web/application.html", context)
    event_type, fields = form.event()
    try:
        record_event(
            application, event_type, now, seen_planned_at=form.cleaned_data["seen"], **fields
        )
    except StalePage as error:
        # A second click, or news recorded in another tab meanwhile: nothing was saved now.
        messages.info(request, error.messages[0])
        return redirect(reverse("application", args=[application.pk]) + "#plan")
    except ValidationError as error:
        # The planner refused the news (nothing was saved); show why next to the field concerned.
        form.add_planner_errors(error)
        context = application_context(request, application, news_form=form)
        return render(request, "web/application.html", context)
    read = form.cleaned_data.get("new_date_read")
    # Say which days their words were read as, so a misreading is caught while it is fresh.
    heard = f" {understood(read)}" if read else ""
    messages.success(
        request, f"Recorded: {event_label(event_type).lower()}.{heard} The plan is updated."
    )
    if event_type == "next_round":
        # A new round is a new interview to capture; its people get their own thank-yous (K1).
        return redirect(reverse("interview_new", args=[application.pk]))
    return redirect(reverse("application", args=[application.pk]) + "#plan")
