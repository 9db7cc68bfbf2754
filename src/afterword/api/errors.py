"""Errors as JSON: every refusal names the field it is about, like the forms do."""

from __future__ import annotations

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from ninja import NinjaAPI

NOT_FOUND = "Not found."


def problems_of(error: ValidationError) -> list[dict[str, object]]:
    """Django's field errors in the shape of the API's own validation errors (``loc``, ``msg``).

    ``loc`` is where pydantic would put it: ``["body", "payload", field, ...]``.
    """
    where = ["body", "payload"]
    if not hasattr(error, "error_dict"):
        return [{"loc": where, "msg": message, "type": "invalid"} for message in error.messages]
    problems: list[dict[str, object]] = []
    for field, messages in error.message_dict.items():
        loc = where if field == NON_FIELD_ERRORS else [*where, *_path(field)]
        problems += [{"loc": loc, "msg": message, "type": "invalid"} for message in messages]
    return problems


def _path(field: str) -> list[str | int]:
    """``interviewers.0.email`` as pydantic spells a location: ["interviewers", 0, "email"]."""
    return [int(part) if part.isdigit() else part for part in field.split(".")]


def install(api: NinjaAPI) -> None:
    """404 for anything the caller may not see (as for a row that does not exist), 422 for
    refusals from the services, both as JSON."""

    def not_found(request: HttpRequest, error: Http404 | type[Http404]) -> HttpResponse:
        return api.create_response(request, {"detail": NOT_FOUND}, status=404)

    def refused(
        request: HttpRequest, error: ValidationError | type[ValidationError]
    ) -> HttpResponse:
        if not isinstance(error, ValidationError):
            error = ValidationError("The request was refused.")
        return api.create_response(request, {"detail": problems_of(error)}, status=422)

    api.add_exception_handler(Http404, not_found)
    api.add_exception_handler(ValidationError, refused)
