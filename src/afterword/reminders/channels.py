"""Changes to a user's notification channels: the only code that removes or switches one."""

from __future__ import annotations

from typing import Any

from afterword.reminders.access import get_channel_or_404
from afterword.reminders.models import NotificationChannel
from afterword.tracker.access import User


def remove_channel(user: User, pk: Any) -> str:
    """Delete one of the user's channels (404 for anyone else's); returns its label."""
    channel = get_channel_or_404(user, pk)
    label = channel.label
    channel.delete()
    return label


def toggle_channel(user: User, pk: Any) -> NotificationChannel:
    """Switch one of the user's channels on or off (404 for anyone else's)."""
    channel = get_channel_or_404(user, pk)
    channel.enabled = not channel.enabled
    channel.save(update_fields=["enabled"])
    return channel
