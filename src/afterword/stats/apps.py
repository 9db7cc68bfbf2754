from __future__ import annotations

from django.apps import AppConfig


class StatsConfig(AppConfig):
    name = "afterword.stats"
    label = "stats"
    verbose_name = "Afterword stats"
