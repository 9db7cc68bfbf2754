from __future__ import annotations

from django.apps import AppConfig


class OutboxConfig(AppConfig):
    name = "afterword.outbox"
    label = "outbox"
    verbose_name = "Afterword outbox"

    def ready(self) -> None:
        # Fills its slots on other features' pages (site/slots.py) and connects its signals.
        from afterword.outbox import attention, removal, send_buttons, settings_card  # noqa: F401
