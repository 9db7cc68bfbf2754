"""Pages and endpoints of delivery: mailbox and notification settings, the calendar feed."""

from __future__ import annotations

from django.urls import path

from afterword.delivery import views_calendar, views_mail, views_outbox, views_reminders

urlpatterns = [
    # The calendar feed: no log-in, the token is the key (delivery/models/calendar.py).
    path("calendar/<str:token>.ics", views_calendar.calendar_feed, name="calendar_feed"),
    path("settings/calendar/", views_calendar.calendar_settings, name="calendar_settings"),
    path("settings/calendar/revoke/", views_calendar.calendar_revoke, name="calendar_revoke"),
    path("actions/<int:pk>/event.ics", views_calendar.action_event_ics, name="action_event_ics"),
    # Sending through the user's own mailbox, and the outbox.
    path("settings/mail/", views_mail.mail_settings, name="mail_settings"),
    path("settings/mail/test/", views_mail.mail_test_hx, name="mail_test"),
    path("settings/mail/remove/", views_mail.mail_remove, name="mail_remove"),
    path("outbox/", views_outbox.outbox, name="outbox"),
    path("outbox/list/", views_outbox.outbox_list_hx, name="outbox_list"),
    path("outbox/<int:pk>/<slug:action>/", views_outbox.outbox_action_hx, name="outbox_action"),
    path("drafts/<int:pk>/email/", views_outbox.draft_send_email, name="draft_send_email"),
    # Reminders: the morning digest and notification channels.
    path(
        "settings/notifications/",
        views_reminders.notification_settings,
        name="notification_settings",
    ),
    path("settings/notifications/channels/", views_reminders.channel_add, name="channel_add"),
    path(
        "settings/notifications/channels/<int:pk>/test/",
        views_reminders.channel_test_hx,
        name="channel_test",
    ),
    path(
        "settings/notifications/channels/<int:pk>/toggle/",
        views_reminders.channel_toggle,
        name="channel_toggle",
    ),
    path(
        "settings/notifications/channels/<int:pk>/delete/",
        views_reminders.channel_delete,
        name="channel_delete",
    ),
]
