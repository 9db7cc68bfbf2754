"""Field validators that reuse the planner's own notion of a valid zone, country and subdivision.

The planner refuses a case whose employer zone or country it does not know; checking the same
lists here means a form reports the problem on the field, before anything is saved.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError

from afterword.rules.case import known_timezones, supported_countries


def validate_timezone(value: str) -> None:
    if value not in known_timezones():
        raise ValidationError(
            "Unknown time zone %(value)s; use a name such as Europe/Berlin.",
            code="timezone",
            params={"value": value},
        )


def validate_country(value: str) -> None:
    if value.upper() not in supported_countries():
        raise ValidationError(
            "Unknown country code %(value)s; use a two-letter ISO code such as US or DE.",
            code="country",
            params={"value": value},
        )


def subdivision_error(country: str, subdivision: str) -> ValidationError | None:
    """The error for a subdivision that does not belong to ``country``, or None when it does."""
    if not subdivision:
        return None
    known = supported_countries().get(country.upper(), frozenset())
    if subdivision in known or subdivision.upper() in known:
        return None
    return ValidationError(
        "Unknown subdivision %(value)s for %(country)s.",
        code="subdivision",
        params={"value": subdivision, "country": country.upper()},
    )
