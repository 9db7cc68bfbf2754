from __future__ import annotations

from django.apps import AppConfig


class SiteConfig(AppConfig):
    name = "afterword.site"
    label = "site"
    verbose_name = "Afterword site"

    def ready(self) -> None:
        from afterword.site import checks  # noqa: F401 (registers the checks)
