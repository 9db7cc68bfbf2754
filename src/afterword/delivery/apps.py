from __future__ import annotations

from django.apps import AppConfig


class DeliveryConfig(AppConfig):
    """Only the migration history of the tables that outbox, reminders, calendar_feed and inbox
    now own: databases created before the split upgrade through these migrations (0006 hands
    the tables over). Nothing else lives here."""

    name = "afterword.delivery"
    label = "delivery"
    verbose_name = "Afterword delivery (migration history)"
