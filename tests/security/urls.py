"""Every URL pattern of the site, enumerated from the URL configuration and filled with values.

A new page is covered by the security tests without anyone adding it: its pattern is found
here, and its parameters are filled from ``candidates`` (every id of the victim's rows, of any
kind, so the right kind is always among them, plus a junk id). A pattern with a parameter of a
name never seen before makes ``fill`` fail loudly, so the walk cannot silently skip a page.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

from django.urls import URLPattern, URLResolver, get_resolver

JUNK_ID = "987654321"
# Values for the parameters that are not row ids.
WORDS: dict[str, list[str]] = {
    "action": ["cancel", "retry", "send-again", "send-anyway", "confirm", "junk"],
    "paper": ["a4", "letter"],
    # The calendar feed's secret and the password-reset link: a junk one is all an outsider has.
    "token": ["not-a-real-token"],
    "uidb64": ["MQ"],
    "app_label": ["tracker", "auth"],
    "url": ["junk/"],
    # Today's sections, each a page of its own (web: today_section).
    "section": ["overdue", "today", "week", "junk"],
}
ID_PARAMETERS = frozenset(
    # The JSON API names its ids after what they are (/api/applications/<application_id>).
    {"pk", "id", "object_id", "content_type_id"}
    | {"application_id", "interview_id", "action_id", "draft_id"}
)
_ROUTE_PARAMETER = re.compile(r"<(?:(?P<converter>[^>:]+):)?(?P<name>[^>]+)>")
_REGEX_GROUP = re.compile(r"\(\?P<(?P<name>\w+)>[^)]*\)")


@dataclass(frozen=True)
class Pattern:
    route: str
    namespace: str
    name: str | None

    @property
    def label(self) -> str:
        return f"{self.namespace}:{self.name}" if self.namespace else str(self.name)

    def parameters(self) -> list[str]:
        names = [found["name"] for found in _ROUTE_PARAMETER.finditer(self.route)]
        return names + [found["name"] for found in _REGEX_GROUP.finditer(self.route)]


def patterns() -> list[Pattern]:
    """Every URL pattern of the site, with its full route (prefixes joined)."""
    return list(_walk(get_resolver().url_patterns, "", ""))


def _walk(entries: Sequence[object], prefix: str, namespace: str) -> Iterator[Pattern]:
    for entry in entries:
        if isinstance(entry, URLResolver):
            inner = entry.namespace or namespace
            yield from _walk(entry.url_patterns, prefix + str(entry.pattern), inner)
        elif isinstance(entry, URLPattern):
            yield Pattern(prefix + str(entry.pattern), namespace, entry.name)


def fill(pattern: Pattern, ids: Sequence[int], keys: Sequence[str] = ()) -> list[str]:
    """Concrete paths for ``pattern``: each id parameter takes every one of ``ids`` and junk,
    a follow-up ``key`` every one of ``keys`` (the victim's) and junk."""
    values: dict[str, list[str]] = {}
    for name in pattern.parameters():
        if name == "key":
            values[name] = [*keys, "thank-you-email-1-1-1"]
        elif name in ID_PARAMETERS:
            values[name] = [str(pk) for pk in ids] + [JUNK_ID]
        elif name in WORDS:
            values[name] = WORDS[name]
        else:
            raise AssertionError(f"{pattern.route}: no test values for the parameter {name!r}")
    return ["/" + path for path in _expand(pattern.route, values)]


def _expand(route: str, values: Mapping[str, list[str]]) -> Iterator[str]:
    """Every combination of values, one parameter after another (ids vary, words take each)."""
    found = _ROUTE_PARAMETER.search(route) or _REGEX_GROUP.search(route)
    if found is None:
        yield route.replace("^", "").replace("$", "")
        return
    for value in values[found["name"]]:
        yield from _expand(route[: found.start()] + value + route[found.end() :], values)
