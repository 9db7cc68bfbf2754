"""Time zones as people find them: typed or searched by name, guessed from the browser.

The IANA database's own ``zone.tab`` (shipped in the ``tzdata`` package) says which country each
zone belongs to, most populous zone of a country first: enough to suggest a country from the
browser's zone, and a zone from a country when the browser said nothing.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from typing import Any

from django import forms

from afterword.rules.case import known_timezones
from afterword.web.forms.choices import timezone_choices

_LANGUAGE_REGION = re.compile(r"^[a-zA-Z]{2,3}[-_]([a-zA-Z]{2})\b")


@cache
def zone_countries() -> dict[str, str]:
    """Zone name -> ISO country code, from the IANA ``zone.tab``."""
    text = resources.files("tzdata").joinpath("zoneinfo", "zone.tab").read_text("utf-8")
    found: dict[str, str] = {}
    for line in text.splitlines():
        if line.startswith("#") or not line.strip():
            continue
        country, _coordinates, zone, *_ = line.split("\t")
        found[zone] = country
    return found


def country_for_zone(zone: str) -> str | None:
    return zone_countries().get(zone)


def zone_for_country(country: str) -> str | None:
    """The country's first (most populous) zone, or None for a country the table lacks."""
    return next((zone for zone, code in zone_countries().items() if code == country), None)


def country_from_languages(accept_language: str) -> str | None:
    """``en-GB,en;q=0.9`` -> ``GB``: the browser's first language that names a region."""
    for part in accept_language.split(","):
        found = _LANGUAGE_REGION.match(part.strip())
        if found:
            return found[1].upper()
    return None


@cache
def _canonical_names() -> dict[str, str]:
    names = {value.casefold(): value for value, _label in timezone_choices()}
    # Every name the zone database knows is accepted, not only the ones the list offers.
    for name in known_timezones():
        names.setdefault(name.casefold(), name)
    return names


def canonical_zone(typed: str) -> str | None:
    """``europe/paris`` or ``America/New York`` -> the zone's exact name; None if unknown."""
    key = typed.strip().replace(" ", "_").casefold()
    return _canonical_names().get(key) if key else None


class ZoneField(forms.CharField):
    """A time zone typed with suggestions (a ``datalist``, see ``ZONE_LIST``), checked by name."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("max_length", 64)
        kwargs.setdefault(
            "widget", forms.TextInput(attrs={"list": ZONE_LIST, "autocomplete": "off"})
        )
        super().__init__(**kwargs)

    def clean(self, value: Any) -> str:
        typed: str = super().clean(value)
        if not typed:
            return typed
        zone = canonical_zone(typed)
        if zone is None:
            raise forms.ValidationError(
                f"Unknown time zone {typed!r}: type a city, such as Europe/Paris or "
                "America/Chicago, and pick it from the list."
            )
        return zone


class CountrySelect(forms.Select):
    """A country list whose options name their zones (``data-zones``), so a script can pick
    the country of the browser's zone without a second table or an inline script."""

    def create_option(self, *args: Any, **kwargs: Any) -> dict[str, Any]:
        option: dict[str, Any] = super().create_option(*args, **kwargs)
        zones = zones_by_country().get(str(option["value"]))
        if zones:
            option["attrs"]["data-zones"] = " ".join(zones)
        return option


@cache
def zones_by_country() -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for zone, country in zone_countries().items():
        found.setdefault(country, []).append(zone)
    return found


# The id of the page's <datalist> of zone names (site/_zone_list.html).
ZONE_LIST = "zone-names"
