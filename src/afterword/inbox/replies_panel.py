"""Today's "Replies to confirm" panel, which the inbox puts in Today's ``today.top`` slot."""

from __future__ import annotations

from typing import Any

from django import template
from django.template.loader import render_to_string
from django.utils import timezone

from afterword.inbox.today import replies_context
from afterword.site.slots import fill


@fill("today.top")
def replies_to_confirm(context: template.Context) -> str:
    request = context["request"]
    panel: dict[str, Any] = {**replies_context(request.user, timezone.now()), "request": request}
    return render_to_string("inbox/replies_partial.html", panel, request=request)
