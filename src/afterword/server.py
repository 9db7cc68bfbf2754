"""The web server behind ``afterword serve`` and ``afterword demo``: gunicorn, in this process.

This process becomes gunicorn's master: it starts ``workers`` web processes, restarts any that
die, and on SIGTERM (what systemd sends) or Ctrl+C stops taking new connections and gives the
requests in progress up to ``GRACEFUL_SECONDS`` to finish. Django's development server is used
only when asked for (``--dev``).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any

from gunicorn.app.base import BaseApplication

GRACEFUL_SECONDS = 30
# A request may render a PDF letter; anything slower than this is stuck and its worker restarted.
REQUEST_SECONDS = 60
# Threads per web process: a Today request spends part of its time waiting for the database,
# and a thread can answer another request meanwhile; more would only queue for the one GIL.
# Threaded workers also keep connections alive between requests, which sync workers do not.
THREADS = 4
LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1", "[::1]"})


def prepare_environment(bind: str, collected: bool) -> None:
    """Environment defaults for this server, set before Django reads its settings.

    Served straight on a loopback address with no proxy in front, the site is reached as
    http://127.0.0.1 and can have neither an HTTPS redirect nor HTTPS-only cookies; an operator's
    explicit settings still win. Behind a proxy (``AFTERWORD_SECURE_PROXY=true``) the
    HTTPS-only defaults stay. ``collected``: static files are served from ``collectstatic``'s
    folder only, not searched for in the apps' folders at start-up.
    """
    host = bind.rsplit(":", 1)[0] if ":" in bind else bind
    behind_proxy = os.environ.get("AFTERWORD_SECURE_PROXY", "").strip().lower() in {"true", "1"}
    if host in LOOPBACK_HOSTS and not behind_proxy:
        os.environ.setdefault("AFTERWORD_SSL_REDIRECT", "false")
        os.environ.setdefault("AFTERWORD_SECURE_COOKIES", "false")
    if collected:
        os.environ.setdefault("AFTERWORD_STATIC_COLLECTED", "true")


class WebServer(BaseApplication):  # type: ignore[misc]  # gunicorn ships no type hints
    """gunicorn configured from arguments, not from its command line or a config file."""

    def __init__(self, load: Callable[[], Any], options: dict[str, object]) -> None:
        self.options = options
        self.loader = load
        super().__init__()

    def load_config(self) -> None:
        for name, value in self.options.items():
            self.cfg.set(name, value)

    def load(self) -> Any:
        return self.loader()


def load_application() -> Any:
    """The WSGI app, loaded once in gunicorn's master (``preload_app``) and warmed there.

    The first draft and the first letter of a cold web process cost seconds (word lists,
    templates, WeasyPrint's fonts); loading them before the fork gives every web process,
    and every one gunicorn restarts, a warm start. Nothing here opens a database connection.
    """
    from afterword.drafting.warm import warm_up
    from afterword.wsgi import application

    warm_up()
    return application


def run_gunicorn(bind: str, workers: int) -> None:
    """Serve until SIGTERM or SIGINT; returns after a graceful stop."""
    from django.db import connections

    # Each web process opens its own connections; one inherited from this process would be
    # shared by all of them.
    connections.close_all()
    server = WebServer(
        load_application,
        {
            "bind": [bind],
            "workers": workers,
            "worker_class": "gthread",
            "threads": THREADS,
            "preload_app": True,
            "timeout": REQUEST_SECONDS,
            "graceful_timeout": GRACEFUL_SECONDS,
            "proc_name": "afterword",
            "accesslog": "-",
            "errorlog": "-",
            # The control socket lives at one path per user: two servers would fight over it.
            "control_socket_disable": True,
        },
    )
    try:
        server.run()
    except SystemExit as stop:
        if stop.code not in (0, None):
            raise
