"""The timeline of an application, and recording news (the Record news form's rules)."""

# No "from __future__ import annotations": ninja reads these signatures at run time.
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import timezone
from ninja import Router, Status
from ninja.pagination import paginate

from afterword.api.pagination import Pages
from afterword.api.schemas import EventOut, Message, NewsIn, Problems
from afterword.site.pages import local_today
from afterword.tracker.access import get_application_or_404
from afterword.tracker.models import Event
from afterword.tracker.services import record_event
from afterword.web.forms.news import EVENT_COLUMN_FIELDS, NewsForm

router = Router(tags=["events"])


@router.get("/applications/{application_id}/events", response={200: list[EventOut], 404: Message})
@paginate(Pages)
def list_events(request: HttpRequest, application_id: int) -> QuerySet[Event]:
    """What has happened, oldest first."""
    application = get_application_or_404(request.user, application_id)
    return application.events.order_by("at", "pk")


@router.post(
    "/applications/{application_id}/events",
    response={201: EventOut, 404: Message, 422: Problems},
)
def record_news(request: HttpRequest, application_id: int, payload: NewsIn) -> Status[Event]:
    """Record news; the event and the new plan are saved together, or nothing is."""
    application = get_application_or_404(request.user, application_id)
    now = timezone.now()
    data = {key: "" if value is None else str(value) for key, value in payload.dict().items()}
    form = NewsForm(data, application=application, today=local_today(request, now))
    if not form.is_valid():
        raise ValidationError(form.errors.as_data())
    event_type, fields = form.event()
    try:
        event = record_event(application, event_type, now, **fields)
    except ValidationError as error:
        raise _on_form_fields(error) from None
    return Status(201, event)


def _on_form_fields(error: ValidationError) -> ValidationError:
    """The service names Event columns; the caller sent the form's field names."""
    if not hasattr(error, "error_dict"):
        return error
    renamed: dict[str, list[str]] = {}
    for column, messages in error.message_dict.items():
        renamed.setdefault(EVENT_COLUMN_FIELDS.get(column) or column, []).extend(messages)
    return ValidationError(renamed)
