"""What every signed-in page needs: the login gate, the user's clock and safe redirects."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from functools import wraps
from typing import Concatenate, ParamSpec, TypeVar, cast
from zoneinfo import ZoneInfo

from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.utils.http import url_has_allowed_host_and_scheme
from django_htmx.middleware import HtmxDetails

from afterword.rules.case import zone
from afterword.tracker.models import UserSettings
from afterword.tracker.preferences import settings_for


class MemberRequest(HttpRequest):
    """A request as a view behind ``member_view`` sees it (for the type checker only).

    The login gate guarantees a signed-in ``user``; django-htmx's middleware sets ``htmx``.
    """

    user: User
    htmx: HtmxDetails


Request = TypeVar("Request", bound=HttpRequest)
Params = ParamSpec("Params")


def member_view(
    view: Callable[Concatenate[Request, Params], HttpResponse],
) -> Callable[Concatenate[Request, Params], HttpResponse]:
    """Log-in required; dates on the page are shown in the user's own time zone."""

    @login_required
    @wraps(view)
    def wrapper(request: Request, /, *args: Params.args, **kwargs: Params.kwargs) -> HttpResponse:
        with timezone.override(user_zone(request)):
            response = view(request, *args, **kwargs)
        # The same URL answers htmx with a fragment and a browser with a page; caches must
        # keep the two apart.
        patch_vary_headers(response, ["HX-Request"])
        return response

    return wrapper


def prefs(request: HttpRequest) -> UserSettings:
    """The signed-in user's settings, read once per request."""
    cached: UserSettings | None = getattr(request, "_afterword_prefs", None)
    if cached is None:
        # Only member views ask, and their login gate lets no anonymous user through.
        cached = settings_for(cast(User, request.user))
        setattr(request, "_afterword_prefs", cached)  # noqa: B010 (the getattr above's pair)
    return cached


def user_zone(request: HttpRequest) -> ZoneInfo:
    return zone(prefs(request).timezone)


def local_today(request: HttpRequest, now: datetime) -> date:
    return now.astimezone(user_zone(request)).date()


def safe_next(request: HttpRequest, fallback: str) -> str:
    """The ``next`` field of a form when it points back into this site, else ``fallback``."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    # Only a path: redirect() would read a bare word ("٣", "today") as the name of a view.
    if target.startswith("/") and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return fallback
