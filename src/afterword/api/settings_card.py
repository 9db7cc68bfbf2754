"""The settings page's API card: how many personal tokens work now, and when one was last used."""

from __future__ import annotations

from collections.abc import Sequence

from django import template
from django.urls import reverse

from afterword.api.models import AccessToken
from afterword.api.tokens import live_tokens
from afterword.site.setting_state import SettingState, day_text, render_state
from afterword.site.slots import fill


def api_state(tokens: Sequence[AccessToken]) -> SettingState:
    """ "2 tokens (1 may change data) · last used 3 Dec", or that there are none."""
    if not tokens:
        return SettingState(
            "No tokens: nothing outside Afterword can read your data.",
            ready=False,
            links=((reverse("api_tokens"), "Make an API token"),),
        )
    writers = sum(1 for token in tokens if token.can_write)
    count = f"{len(tokens)} token{'s' if len(tokens) != 1 else ''}"
    rights = f"{writers} may change data" if writers else "read-only"
    used = [token.last_used_at for token in tokens if token.last_used_at is not None]
    last = f"last used {day_text(max(used))}" if used else "never used yet"
    return SettingState(
        f"{count} ({rights}) · {last}",
        ready=True,
        links=((reverse("api_tokens"), "Manage API tokens"),),
    )


@fill("settings.api")
def api_card(context: template.Context) -> str:
    return render_state(api_state(live_tokens(context["request"].user)))
