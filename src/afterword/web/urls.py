"""The pages of the web app, including the account pages under /accounts/."""

from __future__ import annotations

from django.contrib.auth import views as auth
from django.urls import path

from afterword.site.throttle import PASSWORD_RESET, by_address, throttled
from afterword.web.views import (
    account,
    accounts,
    actions,
    application,
    application_manage,
    board,
    checklist,
    drafts,
    interview,
    news,
    person,
    phrase,
    removal,
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
    # Correcting, putting away and deleting (issue 15): each delete confirms on GET, acts on POST.
    path("archived/", application_manage.archived, name="archived"),
    path(
        "applications/<int:pk>/edit/",
        application_manage.application_edit,
        name="application_edit",
    ),
    path(
        "applications/<int:pk>/archive/",
        application_manage.application_archive,
        name="application_archive",
    ),
    path(
        "applications/<int:pk>/restore/",
        application_manage.application_restore,
        name="application_restore",
    ),
    path("applications/<int:pk>/delete/", removal.application_delete, name="application_delete"),
    path("interviews/<int:pk>/delete/", removal.interview_delete, name="interview_delete"),
    path("people/<int:pk>/edit/", person.person_edit, name="person_edit"),
    path("people/<int:pk>/delete/", removal.person_delete, name="person_delete"),
    path("events/<int:pk>/remove/", removal.event_remove, name="event_remove"),
    path("settings/delete-account/", account.account_delete, name="account_delete"),
    path("applications/<int:pk>/follow-ups/<slug:key>/", actions.follow_up, name="follow_up"),
    path(
        "applications/<int:pk>/follow-ups/<slug:key>/draft/",
        drafts.follow_up_draft,
        name="follow_up_draft",
    ),
    path(
        "applications/<int:pk>/follow-ups/<slug:key>/done/",
        actions.follow_up_done,
        name="follow_up_done",
    ),
    path(
        "applications/<int:pk>/follow-ups/<slug:key>/snooze/",
        actions.follow_up_snooze,
        name="follow_up_snooze",
    ),
    path(
        "applications/<int:pk>/follow-ups/<slug:key>/no-answer/",
        actions.follow_up_no_answer,
        name="follow_up_no_answer",
    ),
    # The addresses of earlier versions, by row id: they work while that row exists.
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
