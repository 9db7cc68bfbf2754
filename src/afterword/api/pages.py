"""Settings → API tokens: make a token (its secret is shown once) and revoke one."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from afterword.api.tokens import create_token, live_tokens, revoke_token
from afterword.site.pages import MemberRequest, member_view


class TokenForm(forms.Form):
    name = forms.CharField(
        label="Name",
        max_length=100,
        help_text="What will use it, such as “spreadsheet sync”.",
    )
    can_write = forms.TypedChoiceField(
        label="Access",
        choices=[("false", "Read only"), ("true", "Read and write")],
        coerce=lambda value: value == "true",
        initial="false",
        widget=forms.RadioSelect,
    )


@member_view
@require_http_methods(["GET", "POST"])
def tokens_page(request: MemberRequest) -> HttpResponse:
    form = TokenForm(request.POST or None)
    secret = None
    if request.method == "POST" and form.is_valid():
        try:
            made = create_token(
                request.user, form.cleaned_data["name"], can_write=form.cleaned_data["can_write"]
            )
        except ValidationError as error:
            form.add_error("name", error.message_dict.get("name", error.messages))
        else:
            secret = made.secret
            form = TokenForm()
    context = {"form": form, "tokens": live_tokens(request.user), "secret": secret}
    # The secret is on this one response only; nothing may keep a copy of the page.
    response = render(request, "api/tokens.html", context)
    response["Cache-Control"] = "no-store"
    return response


@member_view
@require_POST
def revoke(request: MemberRequest, pk: int) -> HttpResponse:
    row = revoke_token(request.user, pk, timezone.now())
    messages.success(request, f"Revoked “{row.name}”: it no longer works.")
    return redirect("api_tokens")
