"""Pages and endpoints of delivery: mailbox and notification settings, the calendar feed."""

from __future__ import annotations

from django.urls import path

from afterword.delivery import views_calendar

urlpatterns = [
    # The calendar feed: no log-in, the token is the key (delivery/models/calendar.py).
    path("calendar/<str:token>.ics", views_calendar.calendar_feed, name="calendar_feed"),
    path("settings/calendar/", views_calendar.calendar_settings, name="calendar_settings"),
    path("settings/calendar/revoke/", views_calendar.calendar_revoke, name="calendar_revoke"),
    path("actions/<int:pk>/event.ics", views_calendar.action_event_ics, name="action_event_ics"),
]
