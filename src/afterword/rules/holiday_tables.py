"""The ``holidays`` package, set up to load one country's tables at a time.

``holidays.countries/__init__.py`` imports every one of its 250 country modules (60 ms of CPU),
and any country's module is below it, so the first holiday looked up would load them all:
a third of what ``afterword plan`` may take in all. The package's own lookups
(``country_holidays``, ``list_supported_countries``, the lazy ``holidays.US`` classes) import
only ``holidays.countries.<module>``; registering the package as an empty namespace over the
same folder before the first of them lets each country load on its own. Nothing of ours (nor
the holidays package itself) imports names from ``holidays.countries`` directly.
"""

from __future__ import annotations

import importlib.util
import sys
import types
from functools import cache


@cache
def holidays_package() -> types.ModuleType:
    """``holidays``, with ``holidays.countries`` loading country by country."""
    import holidays

    if "holidays.countries" not in sys.modules:
        spec = importlib.util.find_spec("holidays.countries")
        if spec is not None and spec.submodule_search_locations is not None:
            countries = types.ModuleType("holidays.countries", "Country tables, one by one.")
            countries.__path__ = list(spec.submodule_search_locations)
            countries.__package__ = "holidays.countries"
            sys.modules["holidays.countries"] = countries
            setattr(holidays, "countries", countries)  # noqa: B010 (not a declared attribute)
    return holidays
