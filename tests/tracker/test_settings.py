"""Settings: strict environment parsing, database choice, and a clean `check --deploy`."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from afterword.settings import database_settings, email_settings, env_bool, env_int, env_list

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION_ENV = {
    "AFTERWORD_DEBUG": "false",
    "AFTERWORD_SECRET_KEY": secrets.token_urlsafe(50),
    "AFTERWORD_ENCRYPTION_KEY": "N2Q1ZmMyYjQ4ZTliNDBmYThjYzBkOWM3NjFlMzZhZTA=",
    "AFTERWORD_ALLOWED_HOSTS": "afterword.example",
    "AFTERWORD_SECURE_PROXY": "true",
}


# Serves Today twice to a signed-in user as a WSGI server would, and says whether the second
# request ran on the first one's database connection.
TWO_REQUESTS = """
import io, sys, django
django.setup()
from django.core.management import call_command
call_command("migrate", verbosity=0)
from django.contrib.auth import get_user_model
from django.core.handlers.wsgi import WSGIHandler
from django.db import connection
from django.test import Client
client = Client()
client.force_login(get_user_model().objects.create(username="ada"))
cookie = "; ".join(f"{name}={morsel.value}" for name, morsel in client.cookies.items())
handler = WSGIHandler()
used = []
for _ in range(2):
    environ = {
        "REQUEST_METHOD": "GET", "PATH_INFO": "/", "SERVER_NAME": "localhost",
        "SERVER_PORT": "443", "HTTP_HOST": "localhost", "HTTP_COOKIE": cookie,
        "wsgi.url_scheme": "https", "wsgi.input": io.BytesIO(b""), "wsgi.errors": sys.stderr,
    }
    body = handler(environ, lambda status, headers, *rest: print(status.split()[0]))
    b"".join(body)
    body.close()  # the end of a request: where Django closes connections it should not keep
    used.append(connection.connection)
print("same" if used[0] is not None and used[1] is used[0] else "new")
"""


def _run_django(
    args: list[str], env: dict[str, str], tmp_path: Path
) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("AFTERWORD_")}
    clean.update({"AFTERWORD_DATA_DIR": str(tmp_path), **env})
    return subprocess.run(
        [sys.executable, *args], cwd=ROOT, env=clean, capture_output=True, text=True, timeout=120
    )


@pytest.mark.parametrize(
    ("raw", "expected"), [("true", True), ("1", True), ("FALSE", False), ("0", False)]
)
def test_it_accepts_only_true_false_one_zero(raw: str, expected: bool) -> None:
    """The four spellings of a boolean are understood, in any case."""
    environ = {"AFTERWORD_DEBUG": raw}

    value = env_bool(environ, "AFTERWORD_DEBUG", not expected)

    assert value is expected


@pytest.mark.parametrize("raw", ["yes", "on", "ture", "2"])
def test_it_names_the_variable_when_a_boolean_is_not_understood(raw: str) -> None:
    """A value such as "yes" is refused with the variable's name, never guessed."""
    environ = {"AFTERWORD_SECURE_PROXY": raw}

    with pytest.raises(ImproperlyConfigured, match="AFTERWORD_SECURE_PROXY"):
        env_bool(environ, "AFTERWORD_SECURE_PROXY", False)


def test_it_uses_the_default_when_a_boolean_is_unset_or_blank() -> None:
    """Unset and empty both mean "not configured"."""
    environ = {"AFTERWORD_DEBUG": "  "}

    values = (env_bool(environ, "AFTERWORD_DEBUG", True), env_bool({}, "AFTERWORD_DEBUG", False))

    assert values == (True, False)


def test_it_names_the_variable_when_a_number_is_not_understood() -> None:
    """Whole numbers only, with the variable named in the error."""
    environ = {"AFTERWORD_HSTS_SECONDS": "one year"}

    with pytest.raises(ImproperlyConfigured, match="AFTERWORD_HSTS_SECONDS"):
        env_int(environ, "AFTERWORD_HSTS_SECONDS", 0)


def test_it_splits_host_lists_on_commas() -> None:
    """Spaces and empty items in a comma-separated list are ignored."""
    environ = {"AFTERWORD_ALLOWED_HOSTS": " a.example, ,b.example "}

    hosts = env_list(environ, "AFTERWORD_ALLOWED_HOSTS", [])

    assert hosts == ["a.example", "b.example"]


def test_it_keeps_sqlite_in_the_data_dir_with_wal_and_immediate_transactions(
    tmp_path: Path,
) -> None:
    """Without DATABASE_URL the database is a SQLite file in AFTERWORD_DATA_DIR (created)."""
    environ = {"AFTERWORD_DATA_DIR": str(tmp_path / "data")}

    database = database_settings(environ)

    assert database["ENGINE"] == "django.db.backends.sqlite3"
    assert database["NAME"] == tmp_path / "data" / "afterword.sqlite3"
    assert (tmp_path / "data").is_dir()
    assert database["OPTIONS"] == {
        "init_command": "PRAGMA journal_mode=WAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }


@pytest.mark.parametrize("url", ["", "postgres://app:secret@db.example:5433/afterword"])
def test_it_keeps_database_connections_for_a_minute_on_either_database(
    url: str, tmp_path: Path
) -> None:
    """Both databases keep a web thread's connection for 60 s, checked before it is reused."""
    environ = {"DATABASE_URL": url, "AFTERWORD_DATA_DIR": str(tmp_path)}

    database = database_settings(environ)

    assert (database["CONN_MAX_AGE"], database["CONN_HEALTH_CHECKS"]) == (60, True)


def test_a_web_thread_serves_its_next_request_on_the_same_sqlite_connection(
    tmp_path: Path,
) -> None:
    """Two signed-in pages through the WSGI handler, as gunicorn calls it, open one connection.

    In a process of its own on a SQLite file: the tests' in-memory database is never closed.
    """
    env = {"DJANGO_SETTINGS_MODULE": "afterword.settings", "PYTHONPATH": str(ROOT / "src")}

    result = _run_django(["-c", TWO_REQUESTS], {**env, "DATABASE_URL": ""}, tmp_path)

    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["200", "200", "same"]


def test_it_uses_postgresql_when_database_url_is_set() -> None:
    """DATABASE_URL wins over the SQLite default."""
    environ = {"DATABASE_URL": "postgres://app:secret@db.example:5433/afterword"}

    database = database_settings(environ)

    assert database["ENGINE"] == "django.db.backends.postgresql"
    assert (database["HOST"], database["PORT"], database["NAME"]) == (
        "db.example",
        5433,
        "afterword",
    )


def test_it_names_database_url_when_it_is_not_understood() -> None:
    """An unknown scheme in DATABASE_URL stops start-up with the variable's name."""
    environ = {"DATABASE_URL": "postgress://db.example/afterword"}

    with pytest.raises(ImproperlyConfigured, match="DATABASE_URL"):
        database_settings(environ)


def test_it_prints_mail_to_the_console_by_default() -> None:
    """No AFTERWORD_EMAIL_URL: the console backend, so reset links show in the terminal."""
    mail = email_settings({}, "AFTERWORD_EMAIL_URL")

    assert mail == {"EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend"}


def test_it_reads_smtp_settings_from_one_url() -> None:
    """User, password (percent-decoded), host, port and STARTTLS come from the URL."""
    environ = {"AFTERWORD_EMAIL_URL": "smtp://mailer:p%40ss@smtp.example:587?tls=true"}

    mail = email_settings(environ, "AFTERWORD_EMAIL_URL")

    assert mail["EMAIL_BACKEND"] == "django.core.mail.backends.smtp.EmailBackend"
    assert (mail["EMAIL_HOST"], mail["EMAIL_PORT"]) == ("smtp.example", 587)
    assert (mail["EMAIL_HOST_USER"], mail["EMAIL_HOST_PASSWORD"]) == ("mailer", "p@ss")
    assert (mail["EMAIL_USE_TLS"], mail["EMAIL_USE_SSL"]) == (True, False)


@pytest.mark.parametrize(
    "url", ["mailto:someone@example.test", "smtp://host.example?tls=maybe", "smtp://h.example?x=1"]
)
def test_it_names_the_variable_when_the_email_url_is_wrong(url: str) -> None:
    """A wrong scheme, flag or option is refused with the variable's name."""
    environ = {"AFTERWORD_EMAIL_URL": url}

    with pytest.raises(ImproperlyConfigured, match="AFTERWORD_EMAIL_URL"):
        email_settings(environ, "AFTERWORD_EMAIL_URL")


def test_it_refuses_to_start_when_no_secret_key_can_be_kept(tmp_path: Path) -> None:
    """No secret key and a data directory that cannot be created: start-up names the variable."""
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    env = {"AFTERWORD_DATA_DIR": str(blocked / "data")}

    result = _run_django(["manage.py", "check"], env, tmp_path)

    assert result.returncode != 0
    assert "AFTERWORD_SECRET_KEY is not set and no generated key can be kept" in result.stderr


def test_it_refuses_to_start_with_a_misspelt_debug_flag(tmp_path: Path) -> None:
    """AFTERWORD_DEBUG=yes stops manage.py with a message naming the variable."""
    env = {"AFTERWORD_DEBUG": "yes"}

    result = _run_django(["manage.py", "check"], env, tmp_path)

    assert result.returncode != 0
    assert "AFTERWORD_DEBUG must be true, false, 1 or 0, not 'yes'" in result.stderr


def test_it_passes_the_deployment_checklist_with_production_settings(tmp_path: Path) -> None:
    """`manage.py check --deploy` finds nothing to warn about with production variables."""
    env = dict(PRODUCTION_ENV)

    result = _run_django(
        ["manage.py", "check", "--deploy", "--fail-level", "WARNING"], env, tmp_path
    )

    assert result.returncode == 0, result.stdout + result.stderr
    # The one silenced check is django_ratelimit.W001, explained in settings.py.
    assert "System check identified no issues (1 silenced)." in result.stdout
