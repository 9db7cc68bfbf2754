"""API throttles, counted in the same shared table as the pages' (site/throttle.py)."""

from __future__ import annotations

import threading

from django.http import HttpRequest
from django_ratelimit import ALL
from django_ratelimit.core import get_usage
from ninja.throttling import BaseThrottle

from afterword.site.throttle import client_address

# Per token owner: generous for scripts, yet a runaway loop cannot flood the site.
READS = "600/m"
WRITES = "60/m"


def _who(group: str, request: HttpRequest) -> str:
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return f"user:{user.pk}"
    return client_address(request)


class ApiThrottle(BaseThrottle):
    """Reads and writes have separate budgets; the wait goes into Retry-After."""

    def __init__(self) -> None:
        # One instance serves every thread; each keeps its own answer between the two calls.
        self._local = threading.local()

    def allow_request(self, request: HttpRequest) -> bool:
        writing = request.method not in ("GET", "HEAD", "OPTIONS")
        usage = get_usage(
            request,
            group="api-write" if writing else "api-read",
            key=_who,
            rate=WRITES if writing else READS,
            method=ALL,
            increment=True,
        )
        if usage is None or not usage["should_limit"]:
            return True
        self._local.wait = max(float(usage["time_left"]), 1.0)
        return False

    def wait(self) -> float | None:
        wait: float | None = getattr(self._local, "wait", None)
        return wait
