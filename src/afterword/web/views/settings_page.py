"""The settings page: time zone, holidays, how soon to check in, channel, hour and letters."""

from __future__ import annotations

from datetime import datetime

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from afterword.site.pages import member_view, prefs
from afterword.tracker.access import applications_for
from afterword.tracker.models import Application
from afterword.tracker.services import replan
from afterword.web.forms.settings import SettingsForm


def replan_or_explain(application: Application, now: datetime) -> None:
    """Re-plan, naming the application if the planner refuses it under the new settings."""
    try:
        replan(application, now)
    except ValidationError as error:
        raise ValidationError(
            f"{application.employer} could not be re-planned with these settings: "
            f"{' '.join(error.messages)}"
        ) from error


@member_view
@require_http_methods(["GET", "POST"])
def settings_page(request: HttpRequest) -> HttpResponse:
    mine = prefs(request)
    if request.method != "POST":
        return render(request, "web/settings.html", {"form": SettingsForm(instance=mine)})
    form = SettingsForm(request.POST, instance=mine)
    if not form.is_valid():
        return render(request, "web/settings.html", {"form": form})
    now = timezone.now()
    try:
        with transaction.atomic():
            form.save()
            # Profile, channel, hour and letters change every plan, so each one is redone now.
            for application in applications_for(request.user):
                replan_or_explain(application, now)
    except ValidationError as error:
        # Nothing was saved: the settings and every plan rolled back together.
        form.add_error(None, error.messages[0])
        mine.refresh_from_db()
        return render(request, "web/settings.html", {"form": form})
    messages.success(request, "Settings saved. Your plans now follow them.")
    return redirect("settings")
