from __future__ import annotations

from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "afterword.api"
    label = "api"
    verbose_name = "JSON API"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Fills its card on the settings page (a ``settings.*`` slot, site/slots.py).
        from afterword.api import settings_card  # noqa: F401
