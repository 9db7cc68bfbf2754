from __future__ import annotations

from django.apps import AppConfig


class DeliveryConfig(AppConfig):
    name = "afterword.delivery"
    label = "delivery"
    verbose_name = "Afterword delivery"

    def ready(self) -> None:
        # Connects the receivers that re-time waiting digests when their settings change.
        from afterword.delivery import signals  # noqa: F401
