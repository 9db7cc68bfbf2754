"""A printable list of what to ask before leaving the next interview (C1-C3)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from afterword.site.pages import member_view
from afterword.tracker import access
from afterword.tracker.access import applications_for


@member_view
@require_GET
def checklist(request: HttpRequest) -> HttpResponse:
    # The sheet can carry the employer's name and job code; only the user's own applications.
    application = None
    chosen = access.row_id(request.GET.get("application", ""))
    if chosen is not None:
        application = applications_for(request.user).filter(pk=chosen).first()
    return render(request, "web/checklist.html", {"application": application})
