"""The settings page's Reminders card: the digest's hour and where notifications go."""

from __future__ import annotations

from collections.abc import Sequence

from django import template
from django.urls import reverse

from afterword.reminders.access import channels_for
from afterword.reminders.models import NotificationChannel, ReminderSettings
from afterword.site.setting_state import SettingState, render_state
from afterword.site.slots import fill
from afterword.tracker import access


def reminders_state(
    chosen: ReminderSettings, channels: Sequence[NotificationChannel]
) -> SettingState:
    """ "Morning digest at 07:00 · notifications to My phone", and any channel that failed."""
    digest = f"Morning digest at {chosen.digest_hour:02d}:00" if chosen.digest_enabled else ""
    live = [channel for channel in channels if channel.enabled]
    if not chosen.per_action_notifications:
        notices = "no notifications when a follow-up is due"
    elif live:
        notices = "notifications to " + ", ".join(channel.label for channel in live)
    else:
        notices = "no notification channel yet"
    summary = f"{digest} · {notices}" if digest else f"No morning digest · {notices}"
    failed = [c for c in live if c.last_ok is False] if chosen.per_action_notifications else []
    problem = "; ".join(
        f"{channel.label} failed last time: {channel.last_result or 'no answer'}"
        for channel in failed
    )
    sending = chosen.digest_enabled or (chosen.per_action_notifications and bool(live))
    return SettingState(
        summary,
        ready=sending and not problem,
        links=((reverse("notification_settings"), "Choose the digest hour and channels"),),
        problem=problem,
    )


@fill("settings.reminders")
def reminders_card(context: template.Context) -> str:
    user = context["request"].user
    # Read, never made here: a user who never opened the page has the defaults.
    chosen = access.own_row(user, ReminderSettings) or ReminderSettings()
    return render_state(reminders_state(chosen, list(channels_for(user).order_by("label"))))
