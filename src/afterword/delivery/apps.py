from __future__ import annotations

from django.apps import AppConfig


class DeliveryConfig(AppConfig):
    name = "afterword.delivery"
    label = "delivery"
    verbose_name = "Afterword delivery"
