"""Deleting one's own account: everything it owns, after the password is typed again."""

from __future__ import annotations

from django.contrib.auth import authenticate, logout
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from afterword.site.pages import MemberRequest, member_view
from afterword.tracker.services.accounts import delete_account
from afterword.tracker.services.removal import what_goes
from afterword.web.forms.account_delete import DeleteAccountForm


@member_view
@require_http_methods(["GET", "POST"])
def account_delete(request: MemberRequest) -> HttpResponse:
    user = request.user
    form = DeleteAccountForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        # authenticate() rather than check_password(): django-axes counts a wrong password
        # here as it does at log-in, so this form cannot be used to guess one.
        again = authenticate(
            request, username=user.get_username(), password=form.cleaned_data["password"]
        )
        if again is None or again.pk != user.pk:
            form.add_error("password", "That is not your password.")
        else:
            delete_account(user, timezone.now())
            logout(request)
            return render(request, "web/accounts/account_deleted.html")
    removal = what_goes([user])
    context = {
        "form": form,
        # Settings rows are the account itself, not something the user counts as theirs.
        "going": removal.without("auth.User", "tracker.UserSettings", "reminders.ReminderSettings"),
        "removal": removal,
        "owner_id": user.pk,
    }
    return render(request, "web/accounts/account_delete.html", context)
