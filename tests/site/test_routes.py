"""Routes reversed once per process: the same URLs as ``reverse``, for any id."""

from __future__ import annotations

import pytest
from django.urls import NoReverseMatch, reverse

from afterword.site.routes import pk_route


@pytest.mark.parametrize("name", ["application", "action_done", "action_draft", "action_event_ics"])
def test_it_builds_the_url_reverse_would(name: str) -> None:
    """For ids short and long, the joined URL is exactly what reverse() answers."""
    route = pk_route(name)

    for pk in (1, 42, 9_876_543):
        assert route(pk) == reverse(name, args=[pk])


def test_it_refuses_a_route_without_an_id() -> None:
    """A route whose path carries no id cannot be built this way."""
    with pytest.raises(NoReverseMatch, match="today"):
        pk_route("today")
