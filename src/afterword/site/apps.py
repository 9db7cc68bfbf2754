from __future__ import annotations

from django.apps import AppConfig


class SiteConfig(AppConfig):
    name = "afterword.site"
    label = "site"
    verbose_name = "Afterword site"
