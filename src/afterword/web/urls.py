"""The pages of the web app, including the account pages under /accounts/."""

from __future__ import annotations

from django.contrib.auth import views as auth
from django.urls import path

from afterword.site.throttle import PASSWORD_RESET, by_address, throttled
from afterword.web.views import (
    accounts,
    actions,
    application,
    board,
    checklist,
    drafts,
    interview,
    news,
    phrase,
    settings_page,
    today,
)

ACCOUNTS = "web/accounts"

urlpatterns = [
    path("", today.today, name="today"),
    path("today/<slug:section>/", today.today_section, name="today_section"),
    path("board/", board.board, name="board"),
    path("applications/new/", board.application_new, name="application_new"),
    path("applications/<int:pk>/", application.application_detail, name="application"),
    path("applications/<int:pk>/interviews/new/", interview.interview_new, name="interview_new"),
    path("applications/<int:pk>/news/", news.record_news, name="news"),
    path("applications/<int:pk>/note-preview/", interview.note_preview_hx, name="note_preview"),
    path("interviews/<int:pk>/edit/", interview.interview_edit, name="interview_edit"),
    path("actions/<int:pk>/done/", actions.action_done_hx, name="action_done"),
    path("actions/<int:pk>/snooze/", actions.action_snooze_hx, name="action_snooze"),
    path("actions/<int:pk>/no-answer/", actions.action_no_answer_hx, name="action_no_answer"),
    path("actions/<int:pk>/draft/", drafts.action_draft, name="action_draft"),
    path("drafts/<int:pk>/", drafts.draft_page, name="draft"),
    path("drafts/<int:pk>/check/", drafts.draft_check_hx, name="draft_check"),
    path("drafts/<int:pk>/tone/", drafts.draft_tone, name="draft_tone"),
    path("drafts/<int:pk>/sent/", drafts.draft_sent, name="draft_sent"),
    path("drafts/<int:pk>/letter-<str:paper>.pdf", drafts.draft_pdf, name="draft_pdf"),
    path("checklist/", checklist.checklist, name="checklist"),
    path("settings/", settings_page.settings_page, name="settings"),
    path("phrase/", phrase.phrase_preview_hx, name="phrase"),
    path("accounts/signup/", accounts.signup, name="signup"),
    # Django's account views with our templates, named explicitly: the admin app ships
    # templates under the same default names (registration/...) and would be found first.
    path(
        "accounts/login/",
        auth.LoginView.as_view(
            template_name=f"{ACCOUNTS}/login.html", redirect_authenticated_user=True
        ),
        name="login",
    ),
    path("accounts/logout/", auth.LogoutView.as_view(next_page="login"), name="logout"),
    path(
        "accounts/password_change/",
        auth.PasswordChangeView.as_view(template_name=f"{ACCOUNTS}/password_change_form.html"),
        name="password_change",
    ),
    path(
        "accounts/password_change/done/",
        auth.PasswordChangeDoneView.as_view(template_name=f"{ACCOUNTS}/password_change_done.html"),
        name="password_change_done",
    ),
    path(
        "accounts/password_reset/",
        throttled("password-reset", PASSWORD_RESET, by_address)(
            auth.PasswordResetView.as_view(
                template_name=f"{ACCOUNTS}/password_reset_form.html",
                email_template_name=f"{ACCOUNTS}/password_reset_email.html",
                subject_template_name=f"{ACCOUNTS}/password_reset_subject.txt",
            )
        ),
        name="password_reset",
    ),
    path(
        "accounts/password_reset/done/",
        auth.PasswordResetDoneView.as_view(template_name=f"{ACCOUNTS}/password_reset_done.html"),
        name="password_reset_done",
    ),
    path(
        "accounts/reset/<uidb64>/<token>/",
        auth.PasswordResetConfirmView.as_view(
            template_name=f"{ACCOUNTS}/password_reset_confirm.html"
        ),
        name="password_reset_confirm",
    ),
    path(
        "accounts/reset/done/",
        auth.PasswordResetCompleteView.as_view(
            template_name=f"{ACCOUNTS}/password_reset_complete.html"
        ),
        name="password_reset_complete",
    ),
]
