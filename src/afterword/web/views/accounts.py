"""Sign-up; the other account pages are Django's own views with our templates."""

from __future__ import annotations

from django.contrib.auth import login
from django.contrib.auth.decorators import login_not_required
from django.db import IntegrityError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from afterword.site.throttle import SIGN_UP, by_address, throttled
from afterword.tracker.services.accounts import sign_up
from afterword.web.forms.accounts import SignupForm


@login_not_required
@require_http_methods(["GET", "POST"])
@throttled("sign-up", SIGN_UP, by_address)
def signup(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("today")
    form = SignupForm(request.POST or None, languages=request.headers.get("Accept-Language", ""))
    if request.method == "POST" and form.is_valid():
        try:
            user = sign_up(
                form.save,
                timezone=form.cleaned_data["timezone"],
                country=form.cleaned_data["country"],
                subdivision=form.cleaned_data["subdivision"],
            )
        except IntegrityError:
            # The same name signed up a moment ago, after this form checked it was free;
            # sign_up rolled back, so nothing of this attempt was kept.
            form.add_error("username", "A user with that username already exists.")
        else:
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            return redirect("today")
    return render(request, "web/accounts/signup.html", {"form": form})
