"""URLs of one route for many rows, reversed once per process instead of once per row.

``{% url 'action_done' action.pk %}`` resolves the route again for every row of a list; Today
lists dozens of actions with four such links each. ``pk_route("action_done")`` reverses the route
once with a marker id and keeps the text around it, so each row's URL is a string join.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from django.urls import reverse

# An id no database hands out soon, and digits only, so every <int:pk> route accepts it.
_MARKER = 9_876_543_210_123


@dataclass(frozen=True, slots=True)
class PkRoute:
    """The text of a route before and after its one ``<int:pk>``."""

    head: str
    tail: str

    def __call__(self, pk: int) -> str:
        return f"{self.head}{pk}{self.tail}"


@cache
def pk_route(name: str) -> PkRoute:
    """The route ``name`` (one ``<int:pk>`` argument) as a head and a tail around the id."""
    url = reverse(name, args=[_MARKER])
    head, found, tail = url.partition(str(_MARKER))
    if not found:
        raise ValueError(f"the route {name!r} does not put its id in the path")
    return PkRoute(head, tail)


# A key no follow-up has (keys are kind-interview-person-step), as a slug route accepts it.
_KEY_MARKER = "zz-key-marker-zz"


@dataclass(frozen=True, slots=True)
class KeyRoute:
    """The text of a route around its ``<int:pk>`` and its ``<slug:key>``, in that order."""

    head: str
    middle: str
    tail: str

    def __call__(self, pk: int, key: str) -> str:
        return f"{self.head}{pk}{self.middle}{key}{self.tail}"


@cache
def key_route(name: str) -> KeyRoute:
    """The route ``name`` (an application's ``pk`` and a follow-up's ``key``) reversed once."""
    url = reverse(name, args=[_MARKER, _KEY_MARKER])
    head, found, rest = url.partition(str(_MARKER))
    middle, found_key, tail = rest.partition(_KEY_MARKER)
    if not found or not found_key:
        raise ValueError(f"the route {name!r} does not put its id and key in the path")
    return KeyRoute(head, middle, tail)
