"""Applications: list, add, read one, and its stored plan (docs/PLAN_FORMAT.md)."""

# No "from __future__ import annotations": ninja reads these signatures at run time.
from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import timezone
from ninja import Query, Router, Schema, Status
from ninja.pagination import paginate

from afterword.api.auth import caller
from afterword.api.pagination import Pages
from afterword.api.schemas import ApplicationIn, ApplicationOut, Message, Problems
from afterword.tracker.access import applications_for, get_application_or_404
from afterword.tracker.models import Application
from afterword.tracker.models import Status as Column
from afterword.tracker.preferences import settings_for
from afterword.tracker.services import create_application, stored_plan_json
from afterword.web.forms.applications import ApplicationForm

router = Router(tags=["applications"])


class ApplicationFilter(Schema):
    status: Column | None = None


@router.get("/applications", response=list[ApplicationOut])
@paginate(Pages)
def list_applications(
    request: HttpRequest, filters: Query[ApplicationFilter]
) -> QuerySet[Application]:
    """Your applications, newest first; ``status`` narrows them to one column of the board."""
    rows = applications_for(request.user).order_by("-created_at", "-pk")
    if filters.status is not None:
        rows = rows.filter(status=filters.status)
    return rows


@router.post("/applications", response={201: ApplicationOut, 422: Problems})
def add_application(request: HttpRequest, payload: ApplicationIn) -> Status[Application]:
    """Add an application, checked as the quick-add form checks it, and plan it at once."""
    owner = caller(request)
    mine = settings_for(owner)
    data = payload.dict()
    data["employer_timezone"] = data["employer_timezone"] or mine.timezone
    data["employer_country"] = data["employer_country"] or mine.country
    form = ApplicationForm(data)
    if not form.is_valid():
        raise ValidationError(form.errors.as_data())
    fields: dict[str, Any] = dict(form.cleaned_data)
    application = create_application(owner, fields.pop("employer"), timezone.now(), **fields)
    return Status(201, application)


@router.get("/applications/{application_id}", response={200: ApplicationOut, 404: Message})
def get_application(request: HttpRequest, application_id: int) -> Application:
    return get_application_or_404(request.user, application_id)


@router.get("/applications/{application_id}/plan", response={200: dict[str, Any], 404: Message})
def get_plan(request: HttpRequest, application_id: int) -> dict[str, Any]:
    """The stored plan, in the planner's own output format (docs/PLAN_FORMAT.md)."""
    application = get_application_or_404(request.user, application_id)
    return stored_plan_json(application)
