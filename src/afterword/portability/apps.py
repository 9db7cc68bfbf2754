from __future__ import annotations

from django.apps import AppConfig


class PortabilityConfig(AppConfig):
    name = "afterword.portability"
    label = "portability"
    verbose_name = "Afterword export, import and invitations"

    def ready(self) -> None:
        # Fills its card on the settings page (a ``settings.*`` slot, site/slots.py).
        from afterword.portability import settings_card  # noqa: F401
