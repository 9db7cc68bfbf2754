"""The settings page's Your data card: what there is to export, or where to start importing."""

from __future__ import annotations

from django import template
from django.db.models import Count, Q
from django.urls import reverse

from afterword.site.setting_state import SettingState, render_state
from afterword.site.slots import fill
from afterword.tracker import access


def data_state(current: int, archived: int) -> SettingState:
    """ "12 applications and 3 archived, ready to export", or an empty account's first step."""
    links = ((reverse("data"), "Export and import your data"),)
    if current + archived == 0:
        return SettingState(
            "Nothing entered yet: bring your applications from a spreadsheet or an export.",
            ready=False,
            links=links,
        )
    count = f"{current} application{'s' if current != 1 else ''}"
    if archived:
        count += f" and {archived} archived"
    return SettingState(f"{count}, ready to export as JSON or CSV", ready=True, links=links)


@fill("settings.data")
def data_card(context: template.Context) -> str:
    counts = access.applications_for(context["request"].user).aggregate(
        current=Count("pk", filter=Q(archived_at__isnull=True)),
        archived=Count("pk", filter=Q(archived_at__isnull=False)),
    )
    return render_state(data_state(counts["current"], counts["archived"]))
