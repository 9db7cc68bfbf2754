"""URLs of reminders: the digest's settings and the notification channels."""

from __future__ import annotations

from django.urls import path

from afterword.reminders import views

urlpatterns = [
    path("settings/notifications/", views.notification_settings, name="notification_settings"),
    path("settings/notifications/channels/", views.channel_add, name="channel_add"),
    path(
        "settings/notifications/channels/<int:pk>/test/",
        views.channel_test_hx,
        name="channel_test",
    ),
    path(
        "settings/notifications/channels/<int:pk>/toggle/",
        views.channel_toggle,
        name="channel_toggle",
    ),
    path(
        "settings/notifications/channels/<int:pk>/delete/",
        views.channel_delete,
        name="channel_delete",
    ),
]
