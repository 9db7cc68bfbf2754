from __future__ import annotations

from django.apps import AppConfig


class CalendarFeedConfig(AppConfig):
    name = "afterword.calendar_feed"
    label = "calendar_feed"
    verbose_name = "Afterword calendar feed"
