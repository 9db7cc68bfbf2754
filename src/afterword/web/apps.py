from __future__ import annotations

from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "afterword.web"
    label = "web"
    verbose_name = "Afterword pages"
