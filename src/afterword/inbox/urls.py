"""URLs of the inbox: the settings page and the buttons of Today's "Replies to confirm"
(replies, notices, calendar invitations)."""

from __future__ import annotations

from django.urls import path

from afterword.inbox import views

urlpatterns = [
    path("settings/inbox/", views.inbox_settings, name="inbox_settings"),
    path("settings/inbox/test/", views.inbox_test_hx, name="inbox_test"),
    path("settings/inbox/disconnect/", views.inbox_disconnect, name="inbox_disconnect"),
    path("replies/<int:pk>/confirm/", views.reply_confirm_hx, name="reply_confirm"),
    path("replies/<int:pk>/dismiss/", views.reply_dismiss_hx, name="reply_dismiss"),
    path("replies/<int:pk>/undo/", views.reply_undo_hx, name="reply_undo"),
    path("notices/<int:pk>/confirm/", views.notice_confirm_hx, name="notice_confirm"),
    path("notices/<int:pk>/ignore/", views.notice_ignore_hx, name="notice_ignore"),
    path("notices/<int:pk>/undo/", views.notice_undo_hx, name="notice_undo"),
    path("inbox/invitations/<int:pk>/", views.invitation_review, name="inbox_invitation"),
    path("inbox/invitations/<int:pk>/add/", views.invitation_add, name="inbox_invitation_add"),
    path(
        "inbox/invitations/<int:pk>/cancel/",
        views.invitation_cancel,
        name="inbox_invitation_cancel",
    ),
    path(
        "inbox/invitations/<int:pk>/dismiss/",
        views.invitation_dismiss_hx,
        name="inbox_invitation_dismiss",
    ),
]
