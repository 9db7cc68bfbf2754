"""Choice lists shared by the account, settings and application forms."""

from __future__ import annotations

import re
from functools import cache

from django import forms

from afterword.rules.case import known_timezones, supported_countries

PROFILE_CHOICES = [
    ("prompt", "Prompt: first check-in after 3 business days, then every week"),
    ("standard", "Standard: first check-in after a week, then every 10 days"),
    ("patient", "Patient: first check-in after two weeks, then every 14 days"),
]
CHANNEL_CHOICES = [("email", "Email"), ("phone", "Phone")]
PREFERRED_CHANNEL_CHOICES = [
    ("", "They did not say"),
    ("email", "Email"),
    ("phone", "Phone"),
    ("portal", "The applicant portal"),
]
STYLE_CHOICES = [
    ("unknown", "Not sure"),
    ("formal", "Formal, traditional"),
    ("casual", "Casual"),
]
TONE_CHOICES = [
    ("auto", "Match the employer: warm for a casual one, formal otherwise"),
    ("formal", "Formal"),
    ("warm", "Warm"),
]
CONTACT_HOUR_CHOICES = [(hour, f"{hour:02d}:00") for hour in range(9, 17)]


def choice_field(form: forms.BaseForm, name: str) -> forms.ChoiceField:
    """The form's own copy of the choice field ``name``, to fill in its choices."""
    field = form.fields[name]
    assert isinstance(field, forms.ChoiceField), f"{name} is not a choice field"
    return field


@cache
def timezone_choices() -> list[tuple[str, str]]:
    # Legacy aliases such as "US/Eastern" clutter the list; the canonical Area/City names suffice.
    names = sorted(
        name for name in known_timezones() if "/" in name and not name.startswith(("Etc/", "US/"))
    )
    return [("UTC", "UTC"), *((name, name.replace("_", " ")) for name in names)]


@cache
def country_choices() -> list[tuple[str, str]]:
    # The holidays package names each country by its class ("UnitedStates"); spacing the
    # capitals gives a readable name without shipping a second country list.
    from holidays.registry import COUNTRIES

    supported = supported_countries()
    pairs: dict[str, str] = {}
    for class_name, code, *_ in COUNTRIES.values():
        if len(code) == 2 and code in supported:
            pairs[code] = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", class_name)
    return sorted(((code, f"{name} ({code})") for code, name in pairs.items()), key=lambda c: c[1])


def subdivision_problem(country: str, subdivision: str) -> str | None:
    """A message when ``subdivision`` is not one of ``country``'s, else None."""
    if not subdivision:
        return None
    known = supported_countries().get(country, frozenset())
    if subdivision in known or subdivision.upper() in known:
        return None
    if not known:
        return f"{country} has no subdivisions with their own holidays; leave this empty."
    examples = ", ".join(sorted(known)[:6])
    return f"Unknown code {subdivision!r} for {country}; use one such as {examples}."
