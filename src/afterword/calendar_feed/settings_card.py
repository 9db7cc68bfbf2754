"""The settings page's Calendar card: whether a private feed address exists, and since when."""

from __future__ import annotations

from datetime import timedelta

from django import template
from django.urls import reverse

from afterword.calendar_feed.models import CalendarFeed
from afterword.site.setting_state import SettingState, day_text, render_state
from afterword.site.slots import fill
from afterword.tracker import access

# A new feed's token is set a moment before its row is saved; later than this, it was replaced.
_GRACE = timedelta(minutes=1)


def calendar_state(feed: CalendarFeed | None) -> SettingState:
    """ "Private feed address made 2 Dec", or that there is none yet."""
    if feed is None:
        return SettingState(
            "Not set up yet: no calendar shows your follow-ups.",
            ready=False,
            links=((reverse("calendar_settings"), "Subscribe to your plan in a calendar app"),),
        )
    made = day_text(feed.token_changed_at)
    replaced = feed.token_changed_at > feed.created_at + _GRACE
    summary = f"Private feed address {'replaced' if replaced else 'made'} {made}"
    return SettingState(
        f"{summary}: calendar apps subscribed to it get every follow-up",
        ready=True,
        links=((reverse("calendar_settings"), "See the address or replace it"),),
    )


@fill("settings.calendar")
def calendar_card(context: template.Context) -> str:
    return render_state(calendar_state(access.own_row(context["request"].user, CalendarFeed)))
