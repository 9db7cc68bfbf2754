"""Choice lists shared by the account, settings and application forms."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from django import forms
from django.utils.safestring import SafeString

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


class RenderedOnceSelect(forms.Select):
    """A select over a process-wide constant list (the 590 time zones, the countries) whose
    HTML is built once per process for each selected value, not on every page.

    ``list_name`` names the list; the form promises that every instance gets that same list.
    The rendered HTML depends only on the list, the field name, the value and the attributes
    (id, aria-* when the field has an error), so those make the key.
    """

    def __init__(self, list_name: str, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs)
        self.list_name = list_name

    def use_required_attribute(self, initial: Any) -> bool:
        # Select's own version walks the whole list to look at its first entry; these lists
        # never start with an empty choice, so the plain widget's answer is the same.
        return not self.is_hidden

    def render(
        self,
        name: str,
        value: Any,
        attrs: dict[str, Any] | None = None,
        renderer: Any = None,
    ) -> SafeString:
        key = (self.list_name, name, str(value), tuple(sorted((attrs or {}).items())))
        html = _rendered_selects.get(key)
        if html is None:
            html = super().render(name, value, attrs, renderer)
            # Bounded: one entry per zone or country someone picked, plus error variants.
            if len(_rendered_selects) < RENDERED_SELECTS_KEPT:
                _rendered_selects[key] = html
        return html


RENDERED_SELECTS_KEPT = 2000
_rendered_selects: dict[tuple[str, str, str, tuple[tuple[str, Any], ...]], SafeString] = {}
