from __future__ import annotations

from django.apps import AppConfig


class CalendarFeedConfig(AppConfig):
    name = "afterword.calendar_feed"
    label = "calendar_feed"
    verbose_name = "Afterword calendar feed"

    def ready(self) -> None:
        # Fills its card on the settings page (a ``settings.*`` slot, site/slots.py).
        from afterword.calendar_feed import settings_card  # noqa: F401
