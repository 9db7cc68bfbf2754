"""The inbox's own template filters."""

from __future__ import annotations

from django import template

register = template.Library()

MEANING_BUTTONS = {
    "offer": "Record the offer",
    "rejection": "Record the rejection",
    "next_round": "Record another round",
    "no_decision": "Record: no decision yet",
    "other": "Just a reply",
}


@register.filter
def meaning_button(meaning: str) -> str:
    """The label of the button that records ``meaning``."""
    return MEANING_BUTTONS.get(meaning, "Confirm")
