"""URLs of the calendar feed: the feed itself (the token is the key), its settings, one event."""

from __future__ import annotations

from django.urls import path

from afterword.calendar_feed import views

urlpatterns = [
    # No log-in: the token in the address is the key (calendar_feed/models.py).
    path("calendar/<str:token>.ics", views.calendar_feed, name="calendar_feed"),
    path("settings/calendar/", views.calendar_settings, name="calendar_settings"),
    path("settings/calendar/revoke/", views.calendar_revoke, name="calendar_revoke"),
    path("actions/<int:pk>/event.ics", views.action_event_ics, name="action_event_ics"),
]
