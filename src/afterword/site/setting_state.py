"""What one card of the settings page says about its feature now: set up or not, and any problem.

Each feature computes its own state (in its filler of a ``settings.*`` slot, site/slots.py) from
the rows it owns, and renders it with ``render_state``, so the settings page shows "Sending from
sam@example.com · tested 2 Dec, OK" without knowing what a mail account is.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from django.template.loader import render_to_string
from django.utils import timezone


@dataclass(frozen=True, slots=True)
class SettingState:
    """``summary``: the state in one line; ``ready``: set up and working (False says "not set up
    yet" or "needs you"); ``problem``: what went wrong last, in the user's words; ``links``: (url,
    text) pairs, the first one the main thing to do next."""

    summary: str
    ready: bool
    links: tuple[tuple[str, str], ...]
    problem: str = ""
    details: tuple[str, ...] = field(default=())


def render_state(state: SettingState) -> str:
    """The card's state paragraph and links, as HTML escaped by the template."""
    return render_to_string("site/_setting_state.html", {"state": state})


def day_text(moment: datetime) -> str:
    """ "2 Dec", in the page's time zone (the user's)."""
    local = timezone.localtime(moment)
    return f"{local.day} {local:%b}"
