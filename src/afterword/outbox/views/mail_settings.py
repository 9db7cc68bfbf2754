"""The mail settings page: the user's own mailbox, and the "Send test email" button."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from afterword.outbox.connection_check import TestResult, send_test_email
from afterword.outbox.forms import MailAccountForm
from afterword.outbox.models import MailAccount
from afterword.outbox.queue import disconnect_mailbox
from afterword.site.pages import MemberRequest, member_view, prefs
from afterword.site.throttle import CONNECTION_TEST, by_member, throttled
from afterword.tracker import access


def account_of(request: MemberRequest) -> MailAccount | None:
    return access.own_row(request.user, MailAccount)


@member_view
@require_http_methods(["GET", "POST"])
def mail_settings(request: MemberRequest) -> HttpResponse:
    account = account_of(request)
    # A new mailbox starts from what Afterword already knows: the sign-up address and the
    # name the drafts are signed with.
    instance = account or MailAccount(
        user_id=request.user.pk,
        from_address=getattr(request.user, "email", ""),
        from_name=prefs(request).full_name,
    )
    form = MailAccountForm(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Mail settings saved. Send a test email to check them.")
        return redirect("mail_settings")
    last = None
    if account is not None and account.tested_at is not None:
        last = TestResult(bool(account.test_ok), account.test_result)
    return render(
        request,
        "outbox/mail_settings.html",
        {"form": form, "account": account, "result": last},
    )


@member_view
@require_POST
@throttled("connection-test", CONNECTION_TEST, by_member)
def mail_test_hx(request: MemberRequest) -> HttpResponse:
    """Really connect and send to the user's own address; answer with the outcome."""
    account = account_of(request)
    if account is None:
        result = TestResult(False, "Save your mail settings first, then send a test email.")
    else:
        result = send_test_email(account, timezone.now())
    if request.htmx:
        return render(request, "outbox/mail_test_partial.html", {"result": result})
    (messages.success if result.ok else messages.error)(request, result.text)
    return redirect("mail_settings")


@member_view
@require_POST
def mail_remove(request: MemberRequest) -> HttpResponse:
    """Forget the mailbox and its password; emails still waiting are cancelled with a note."""
    if disconnect_mailbox(request.user):
        messages.success(request, "Your mailbox is disconnected and its password deleted.")
    return redirect("mail_settings")
