from __future__ import annotations

from django.apps import AppConfig


class CoachingConfig(AppConfig):
    name = "afterword.coaching"
    label = "coaching"
    verbose_name = "Afterword career centres"

    def ready(self) -> None:
        # Fills Today's "today.top" slot with the notes coaches left, and its settings card.
        from afterword.coaching import settings_card, today_panel  # noqa: F401
