from __future__ import annotations

from django.apps import AppConfig


class TrackerConfig(AppConfig):
    name = "afterword.tracker"
    label = "tracker"
    verbose_name = "Afterword tracker"

    def ready(self) -> None:
        # Connects the signal that gives every new user their UserSettings row.
        from afterword.tracker import signals  # noqa: F401
