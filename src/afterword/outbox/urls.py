"""URLs of the outbox: the mailbox settings, the outbox page and sending a draft."""

from __future__ import annotations

from django.urls import path

from afterword.outbox.views import mail_settings, outbox

urlpatterns = [
    path("settings/mail/", mail_settings.mail_settings, name="mail_settings"),
    path("settings/mail/test/", mail_settings.mail_test_hx, name="mail_test"),
    path("settings/mail/remove/", mail_settings.mail_remove, name="mail_remove"),
    path("outbox/", outbox.outbox, name="outbox"),
    path("outbox/list/", outbox.outbox_list_hx, name="outbox_list"),
    path("outbox/<int:pk>/<slug:action>/", outbox.outbox_action_hx, name="outbox_action"),
    path("drafts/<int:pk>/email/", outbox.draft_send_email, name="draft_send_email"),
]
