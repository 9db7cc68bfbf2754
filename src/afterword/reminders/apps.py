from __future__ import annotations

from django.apps import AppConfig


class RemindersConfig(AppConfig):
    name = "afterword.reminders"
    label = "reminders"
    verbose_name = "Afterword reminders"

    def ready(self) -> None:
        # Fills its slots on other features' pages (site/slots.py) and connects its signals.
        from afterword.reminders import settings_card, signals  # noqa: F401
