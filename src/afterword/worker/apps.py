from __future__ import annotations

from django.apps import AppConfig


class WorkerConfig(AppConfig):
    name = "afterword.worker"
    label = "worker"
    verbose_name = "Afterword worker"
