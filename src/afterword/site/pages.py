"""What every signed-in page needs: the login gate, the user's clock and safe redirects."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from functools import wraps
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.utils.http import url_has_allowed_host_and_scheme

from afterword.rules.case import zone
from afterword.tracker.models import UserSettings
from afterword.tracker.preferences import settings_for

View = TypeVar("View", bound=Callable[..., HttpResponse])


def member_view(view: View) -> View:
    """Log-in required; dates on the page are shown in the user's own time zone."""

    @login_required
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        with timezone.override(user_zone(request)):
            response = view(request, *args, **kwargs)
        # The same URL answers htmx with a fragment and a browser with a page; caches must
        # keep the two apart.
        patch_vary_headers(response, ["HX-Request"])
        return response

    return wrapper  # type: ignore[return-value]


def prefs(request: HttpRequest) -> UserSettings:
    """The signed-in user's settings, read once per request."""
    cached: UserSettings | None = getattr(request, "_afterword_prefs", None)
    if cached is None:
        cached = settings_for(request.user)  # type: ignore[arg-type]
        request._afterword_prefs = cached  # type: ignore[attr-defined]
    return cached


def user_zone(request: HttpRequest) -> ZoneInfo:
    return zone(prefs(request).timezone)


def local_today(request: HttpRequest, now: datetime) -> date:
    return now.astimezone(user_zone(request)).date()


def safe_next(request: HttpRequest, fallback: str) -> str:
    """The ``next`` field of a form when it points back into this site, else ``fallback``."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return fallback
