from __future__ import annotations

from django.apps import AppConfig


class InboxConfig(AppConfig):
    name = "afterword.inbox"
    label = "inbox"
    verbose_name = "Afterword inbox"

    def ready(self) -> None:
        # Fills its slots on other features' pages (site/slots.py) and connects its signals.
        from afterword.inbox import replies_panel, settings_card  # noqa: F401
