"""Dates typed as people write them: numbers in the order of the user's country.

Every date field has the browser's own date picker (``type="date"``), which always sends
2026-12-04. A browser without one, or a person who types, sends what they would write on paper:
04/12/2026 in most of the world, 12/04/2026 in the United States. The order follows the user's
country, as the mail reader's does (reading/), and the error says which order is expected.
"""

from __future__ import annotations

from django import forms

from afterword.rules.phrases.dates import month_first
from afterword.tracker import access
from afterword.tracker.models import UserSettings

_ISO = "%Y-%m-%d"
_DAY_FIRST = [_ISO, "%d/%m/%Y", "%d/%m/%y", "%d.%m.%Y", "%d.%m.%y", "%d-%m-%Y"]
_MONTH_FIRST = [_ISO, "%m/%d/%Y", "%m/%d/%y", "%m-%d-%Y"]


def date_formats(country: str) -> list[str]:
    """The formats a typed date may take for someone from ``country``, ISO first."""
    return _MONTH_FIRST if month_first(country.upper()) else _DAY_FIRST


def example(country: str) -> str:
    """How 31 December 2026 is written there, for the error message."""
    return "12/31/2026" if month_first(country.upper()) else "31/12/2026"


def user_country(user_id: int) -> str:
    return access.one_row_of(user_id, UserSettings).country


def accept_local_dates(form: forms.BaseForm, country: str) -> None:
    """Let every date field of ``form`` read numbers in ``country``'s order."""
    for field in form.fields.values():
        if isinstance(field, forms.DateField):
            field.input_formats = date_formats(country)
            field.error_messages["invalid"] = (
                f"Enter the date as {example(country)} (or 2026-12-31), or pick it from the "
                "calendar."
            )
