"""The pages of the web app, including the account pages under /accounts/."""

from __future__ import annotations

from django.urls import include, path

from afterword.web.views import (
    accounts,
    actions,
    application,
    board,
    checklist,
    interview,
    news,
    phrase,
    settings_page,
    today,
)

urlpatterns = [
    path("", today.today, name="today"),
    path("board/", board.board, name="board"),
    path("applications/new/", board.application_new, name="application_new"),
    path("applications/<int:pk>/", application.application_detail, name="application"),
    path("applications/<int:pk>/interviews/new/", interview.interview_new, name="interview_new"),
    path("applications/<int:pk>/news/", news.record_news, name="news"),
    path("interviews/<int:pk>/edit/", interview.interview_edit, name="interview_edit"),
    path("actions/<int:pk>/done/", actions.action_done_hx, name="action_done"),
    path("actions/<int:pk>/snooze/", actions.action_snooze_hx, name="action_snooze"),
    path("checklist/", checklist.checklist, name="checklist"),
    path("settings/", settings_page.settings_page, name="settings"),
    path("phrase/", phrase.phrase_preview_hx, name="phrase"),
    path("accounts/signup/", accounts.signup, name="signup"),
    # Log in/out, password change and reset (by email) are Django's views with our templates.
    path("accounts/", include("django.contrib.auth.urls")),
]
