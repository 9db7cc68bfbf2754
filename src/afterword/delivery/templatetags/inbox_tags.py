"""``{% replies_to_confirm %}``: Today's "Replies to confirm" section, for the signed-in user."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils import timezone

from afterword.delivery.inbox.today import replies_context

register = template.Library()

MEANING_BUTTONS = {
    "offer": "Record the offer",
    "rejection": "Record the rejection",
    "next_round": "Record another round",
    "no_decision": "Record: no decision yet",
    "other": "Just a reply",
}


@register.inclusion_tag("delivery/replies_partial.html", takes_context=True)
def replies_to_confirm(context: template.Context) -> dict[str, Any]:
    request = context["request"]
    return {**replies_context(request.user, timezone.now()), "request": request}


@register.filter
def meaning_button(meaning: str) -> str:
    return MEANING_BUTTONS.get(meaning, "Confirm")
