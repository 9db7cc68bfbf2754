"""A server started as the README says (`afterword serve`, no configuration): gunicorn, not
Django's development server, with the Content Security Policy and the other security headers."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from email.message import Message
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parents[2]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _get(url: str) -> tuple[int, Message, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.headers, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode()


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, subprocess.Popen[str]]]:
    """`afterword serve` on a free loopback port with an empty data directory."""
    data = tmp_path_factory.mktemp("data")
    port = _free_port()
    # No configuration at all: SQLite in an empty data folder, whatever database this run uses.
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("AFTERWORD_", "DJANGO_")) and k != "DATABASE_URL"
    }
    env.update(AFTERWORD_DATA_DIR=str(data), PYTHONPATH=str(ROOT / "src"))
    log = data / "server.log"
    with log.open("w") as output:
        server = subprocess.Popen(
            [sys.executable, "-m", "afterword.cli", "serve", "--bind", f"127.0.0.1:{port}"],
            cwd=ROOT,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
            text=True,
        )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline and server.poll() is None:
        try:
            _get(f"{base}/accounts/login/")
            break
        except OSError:
            time.sleep(0.3)
    if server.poll() is not None:
        pytest.fail(f"afterword serve stopped: {log.read_text()}")
    yield base, server
    if server.poll() is None:
        server.kill()
        server.wait()


def test_it_is_gunicorn_not_the_development_server(served: tuple[str, object]) -> None:
    """The Server header names gunicorn; the development server says WSGIServer."""
    base, _ = served

    status, headers, _ = _get(f"{base}/accounts/login/")

    assert status == 200
    assert headers["Server"] == "gunicorn"


def test_the_login_page_carries_a_csp_without_inline_scripts(served: tuple[str, object]) -> None:
    """script-src and style-src are this site only; frames refused; no 'unsafe-inline'."""
    base, _ = served

    _, headers, _ = _get(f"{base}/accounts/login/")

    policy = {
        part.split()[0]: part.split()[1:] for part in headers["Content-Security-Policy"].split(";")
    }
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert "'unsafe-inline'" not in headers["Content-Security-Policy"]


def test_the_other_security_headers_are_sent(served: tuple[str, object]) -> None:
    """nosniff, a same-origin referrer, no framing, and a same-origin opener policy."""
    base, _ = served

    _, headers, _ = _get(f"{base}/accounts/login/")

    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "same-origin"
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["Cross-Origin-Opener-Policy"] == "same-origin"


def test_the_pages_have_no_inline_script(served: tuple[str, object]) -> None:
    """Every <script> on the log-in and sign-up pages loads a file from /static/."""
    base, _ = served

    pages = [_get(f"{base}/accounts/{name}/")[2] for name in ("login", "signup")]

    for page in pages:
        assert page.count("<script") == page.count('<script src="/static/')
        assert "style=" not in page


def test_htmx_is_served_as_a_static_file(served: tuple[str, object]) -> None:
    """The script the pages load is there, served by WhiteNoise with a cache header."""
    base, _ = served

    status, headers, body = _get(f"{base}/static/django_htmx/htmx-2.min.js")

    assert status == 200
    assert "max-age" in headers["Cache-Control"]
    assert "htmx" in body


def test_a_strangers_url_gets_a_plain_404_with_the_csp(served: tuple[str, object]) -> None:
    """Debug is off: no URL list, no traceback; the policy is on error pages too."""
    base, _ = served

    status, headers, body = _get(f"{base}/no/such/page/")

    assert status == 404
    assert "Nothing here" in body
    assert "URLconf" not in body
    assert "Content-Security-Policy" in headers


def test_sigterm_stops_the_server_gracefully(
    served: tuple[str, subprocess.Popen[str]],
) -> None:
    """SIGTERM (what systemd sends): the master stops its workers and exits with status 0."""
    _, server = served

    server.send_signal(signal.SIGTERM)
    code = server.wait(timeout=45)

    assert code == 0
