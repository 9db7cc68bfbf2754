"""Planner validation problems as Django ValidationErrors that forms can show on their fields."""

from __future__ import annotations

import re

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError

from afterword.rules import CaseError

# The planner names employer facts by their JSON path; the models spell them as columns.
_EMPLOYER_FIELDS = {
    "employer.name": "employer",
    "employer.timezone": "employer_timezone",
    "employer.country": "employer_country",
    "employer.subdivision": "employer_subdivision",
    "employer.style": "employer_style",
    "role": "role",
    "job_code": "job_code",
}
_FIELD = re.compile(r"^(?P<field>[a-z_]+)")


def validation_error_from(error: CaseError, focus: str | None = None) -> ValidationError:
    """One ValidationError with each problem under the model field it is about.

    ``focus`` is the JSON path of the item being added or edited (``events[4]``); its problems
    are keyed by field name (``at``, ``deadline``). Employer problems map to the Application
    columns; anything else is a non-field error that keeps its JSON path, so it can be found.
    """
    errors: dict[str, list[str]] = {}
    for problem in error.problems:
        field = _field_for(problem.path, focus)
        message = problem.message if field != NON_FIELD_ERRORS else str(problem)
        errors.setdefault(field, []).append(_sentence(message))
    return ValidationError(errors)


def _field_for(path: str, focus: str | None) -> str:
    if focus is not None and path.startswith(f"{focus}."):
        match = _FIELD.match(path.removeprefix(f"{focus}."))
        if match is not None:
            return match["field"]
    if focus is not None and path == focus:
        return NON_FIELD_ERRORS
    return _EMPLOYER_FIELDS.get(path, NON_FIELD_ERRORS)


def _sentence(message: str) -> str:
    """Messages read as sentences on a page: a capital first letter and a full stop."""
    text = message.strip()
    if not text:
        return text
    text = text[0].upper() + text[1:]
    return text if text.endswith((".", "!", "?", ")")) else f"{text}."
