"""Pages and endpoints of delivery: mailbox and notification settings, the calendar feed."""

from __future__ import annotations

from django.urls import path  # noqa: F401

urlpatterns: list = []
