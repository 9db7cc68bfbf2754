"""Throttles: who is asking, how often they may, and the 429 page that says when to try again.

Log-in failures are counted by django-axes (settings ``AXES_*``), everything else by
django-ratelimit in the shared counter table (``CACHES["throttle"]``). Both answer with the same
plain page: status 429, a ``Retry-After`` header, and the wait in words.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import timedelta
from functools import wraps
from typing import Any, TypeVar, cast

from axes.helpers import get_cool_off
from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import render
from django_ratelimit.core import get_usage

View = TypeVar("View", bound=Callable[..., HttpResponseBase])

# Rates as django-ratelimit writes them: count / period (s, m, h, d; "10m" is ten minutes).
SIGN_UP = "10/h"
PASSWORD_RESET = "5/h"
CONNECTION_TEST = "10/10m"
PHRASE_PREVIEW = "120/m"


def client_address(request: HttpRequest) -> str:
    """The address of whoever sent the request.

    Behind the reverse proxy (``AFTERWORD_SECURE_PROXY``) that is the last address the proxy
    appended to X-Forwarded-For: earlier entries come from the client and can be forged.
    Otherwise it is the connection's own address.
    """
    if getattr(settings, "SECURE_PROXY_SSL_HEADER", None):
        forwarded = str(request.META.get("HTTP_X_FORWARDED_FOR", ""))
        hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
        if hops:
            return hops[-1]
    return str(request.META.get("REMOTE_ADDR", ""))


def by_address(group: str, request: HttpRequest) -> str:
    return client_address(request)


def by_member(group: str, request: HttpRequest) -> str:
    """The signed-in person (every member view is behind the login gate)."""
    return f"user:{request.user.pk}" if request.user.is_authenticated else client_address(request)


def throttled(
    group: str,
    rate: str,
    key: Callable[[str, HttpRequest], str],
    methods: tuple[str, ...] = ("POST",),
) -> Callable[[View], View]:
    """Answer ``methods`` requests beyond ``rate`` per ``key`` with the 429 page."""

    def decorator(view: View) -> View:
        @wraps(view)
        def wrapper(request: HttpRequest, /, *args: Any, **kwargs: Any) -> HttpResponseBase:
            usage = get_usage(
                request, group=group, key=key, rate=rate, method=list(methods), increment=True
            )
            if usage is not None and usage["should_limit"]:
                return too_many_requests(request, timedelta(seconds=max(usage["time_left"], 1)))
            return view(request, *args, **kwargs)

        return cast(View, wrapper)

    return decorator


def too_many_requests(request: HttpRequest, wait: timedelta) -> HttpResponse:
    """Status 429 with the wait in words: a fragment for htmx, else a whole page."""
    seconds = max(1, math.ceil(wait.total_seconds()))
    template = "site/too_many_requests_partial.html" if is_htmx(request) else "429.html"
    response = render(request, template, {"wait": wait_in_words(seconds)}, status=429)
    response["Retry-After"] = str(seconds)
    return response


def locked_out(
    request: HttpRequest, response: HttpResponse | None = None, credentials: object = None
) -> HttpResponse:
    """django-axes's answer after too many failed log-ins (``AXES_LOCKOUT_CALLABLE``)."""
    return too_many_requests(request, get_cool_off(request) or timedelta(minutes=15))


def wait_in_words(seconds: int) -> str:
    """``"1 minute"``, ``"15 minutes"``, ``"2 hours"``: rounded up, never "0"."""
    if seconds <= 90:
        return "1 minute"
    minutes = math.ceil(seconds / 60)
    if minutes < 120:
        return f"{minutes} minutes"
    return f"{math.ceil(minutes / 60)} hours"


def is_htmx(request: HttpRequest) -> bool:
    return request.headers.get("HX-Request") == "true"
