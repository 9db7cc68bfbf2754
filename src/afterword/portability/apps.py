from __future__ import annotations

from django.apps import AppConfig


class PortabilityConfig(AppConfig):
    name = "afterword.portability"
    label = "portability"
    verbose_name = "Afterword export, import and invitations"
