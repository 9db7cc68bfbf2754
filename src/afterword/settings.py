"""Django settings for Afterword: one module, configured only through environment variables.

Development needs no configuration at all (debug on, SQLite in the user's data directory, mail
printed to the console). Production sets ``AFTERWORD_DEBUG=false``, ``AFTERWORD_SECRET_KEY``,
``AFTERWORD_ENCRYPTION_KEY`` and ``AFTERWORD_ALLOWED_HOSTS``, and then gets HTTPS-only cookies,
HSTS and an SSL redirect, so that ``manage.py check --deploy`` passes without further tuning.

Every variable is parsed strictly: a value that cannot be understood stops the process with an
``ImproperlyConfigured`` error naming the variable, instead of silently meaning something else.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import dj_database_url
import django_stubs_ext
import platformdirs
from django.core.exceptions import ImproperlyConfigured

from afterword.infra.network import AllowEntry, parse_allow_list

# Lets the generic Django classes be subscripted at runtime (``ModelForm[Application]``), as the
# type checker wants them written.
django_stubs_ext.monkeypatch()

_TRUE = frozenset({"true", "1"})
_FALSE = frozenset({"false", "0"})


def env_bool(environ: Mapping[str, str], name: str, default: bool) -> bool:
    """``true``/``false``/``1``/``0`` in any case; anything else (``yes``, ``on``) is refused."""
    raw = environ.get(name, "").strip()
    if not raw:
        return default
    if raw.lower() in _TRUE:
        return True
    if raw.lower() in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name} must be true, false, 1 or 0, not {raw!r}")


def env_int(environ: Mapping[str, str], name: str, default: int, minimum: int = 0) -> int:
    raw = environ.get(name, "").strip()
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {raw!r}") from None
    if value < minimum:
        raise ImproperlyConfigured(f"{name} must be at least {minimum}, not {value}")
    return value


def env_list(environ: Mapping[str, str], name: str, default: list[str]) -> list[str]:
    """A comma-separated list; empty items between commas are ignored."""
    raw = environ.get(name, "").strip()
    if not raw:
        return list(default)
    return [item.strip() for item in raw.split(",") if item.strip()]


def email_settings(environ: Mapping[str, str], name: str) -> dict[str, object]:
    """Email settings from ``smtp://user:password@host:587?tls=true`` or ``smtps://...``.

    Unset (or ``console://``) keeps the development default: messages are printed to the console,
    which is where the password-reset link appears when no mail server is configured.
    """
    raw = environ.get(name, "").strip()
    if not raw or raw == "console://":
        return {"EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend"}
    parts = urlsplit(raw)
    try:
        port = parts.port
    except ValueError:
        raise ImproperlyConfigured(f"{name} has an invalid port in {raw!r}") from None
    if parts.scheme not in {"smtp", "smtps"} or not parts.hostname:
        raise ImproperlyConfigured(
            f"{name} must look like smtp://user:password@host:587?tls=true, not {raw!r}"
        )
    options = {key: values[-1] for key, values in parse_qs(parts.query).items()}
    unknown = sorted(set(options) - {"tls"})
    if unknown:
        raise ImproperlyConfigured(f"{name} has unknown options: {', '.join(unknown)}")
    implicit_tls = parts.scheme == "smtps"
    # The option is named as the operator wrote it, so an error points at the right spot.
    tls_name = f"{name} ?tls="
    starttls = env_bool({tls_name: options.get("tls", "")}, tls_name, False)
    return {
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": parts.hostname,
        "EMAIL_PORT": port or (465 if implicit_tls else 25),
        "EMAIL_HOST_USER": unquote(parts.username or ""),
        "EMAIL_HOST_PASSWORD": unquote(parts.password or ""),
        "EMAIL_USE_SSL": implicit_tls,
        # STARTTLS on a plain connection; smtps:// already speaks TLS from the first byte.
        "EMAIL_USE_TLS": starttls and not implicit_tls,
    }


def encryption_keys(environ: Mapping[str, str], secret_key: str, debug: bool) -> list[str]:
    """Fernet keys for secrets at rest (mailbox passwords), from ``AFTERWORD_ENCRYPTION_KEY``.

    Several keys may be given, comma-separated: the first encrypts, all decrypt, so a key can be
    rotated without losing what the old one wrote. Unset in development, a key is derived from
    the secret key (HKDF), so nothing needs configuring; in production it is required, because a
    key that silently changed with the secret key would make every stored password unreadable.
    Error messages never repeat the value: it is a secret.
    """
    import base64

    from cryptography.fernet import Fernet
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    name = "AFTERWORD_ENCRYPTION_KEY"
    raw = environ.get(name, "").strip()
    if not raw:
        if not debug:
            raise ImproperlyConfigured(
                f"{name} is required when AFTERWORD_DEBUG=false; make one with: python -c "
                '"from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())"'
            )
        derived = HKDF(
            algorithm=hashes.SHA256(), length=32, salt=None, info=b"afterword encryption key"
        ).derive(secret_key.encode())
        return [base64.urlsafe_b64encode(derived).decode()]
    keys = [item.strip() for item in raw.split(",") if item.strip()]
    for number, key in enumerate(keys, start=1):
        try:
            Fernet(key)
        except ValueError:
            raise ImproperlyConfigured(
                f"{name}: key {number} is not a Fernet key (32 bytes in URL-safe base64, "
                "44 characters)"
            ) from None
    return keys


# A laptop install (debug on) reaches a mail bridge or test server on this computer; a hosted site
# reaches nothing but the public internet until its administrator names a host.
DEVELOPMENT_OUTBOUND_ALLOW = "localhost,127.0.0.0/8,::1"


def outbound_allow(environ: Mapping[str, str], debug: bool) -> tuple[AllowEntry, ...]:
    """AFTERWORD_OUTBOUND_ALLOW: the hosts, ports and networks the server may connect to on a
    user's behalf although the gate would refuse them (infra/outbound.py)."""
    name = "AFTERWORD_OUTBOUND_ALLOW"
    raw = environ.get(name, "").strip()
    if not raw:
        raw = DEVELOPMENT_OUTBOUND_ALLOW if debug else "none"
    try:
        return parse_allow_list(raw)
    except ValueError as error:
        raise ImproperlyConfigured(
            f"{name}: {error}. Write comma-separated entries such as "
            "mail.example.lan, 127.0.0.1:1025, 10.20.0.0/16 or [::1]:1143, or none."
        ) from None


def data_dir(environ: Mapping[str, str]) -> Path:
    """Where the SQLite file lives: ``AFTERWORD_DATA_DIR`` or the platform's user data folder."""
    configured = environ.get("AFTERWORD_DATA_DIR", "").strip()
    path = (
        Path(configured).expanduser()
        if configured
        else Path(platformdirs.user_data_dir("afterword", appauthor=False))
    )
    path.mkdir(parents=True, exist_ok=True)
    return path


def database_settings(environ: Mapping[str, str]) -> dict[str, object]:
    url = environ.get("DATABASE_URL", "").strip()
    if url:
        try:
            return dict(dj_database_url.parse(url, conn_max_age=60, conn_health_checks=True))
        except ValueError as error:
            raise ImproperlyConfigured(f"DATABASE_URL is not understood: {error}") from None
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": data_dir(environ) / "afterword.sqlite3",
        "OPTIONS": {
            # WAL lets the web process read while a writer commits; IMMEDIATE takes the write
            # lock at BEGIN so that two writers queue for up to `timeout` seconds instead of
            # failing with "database is locked" half-way through a transaction.
            "init_command": "PRAGMA journal_mode=WAL;",
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
        },
    }


ENV = os.environ
BASE_DIR = Path(__file__).resolve().parent

DEBUG = env_bool(ENV, "AFTERWORD_DEBUG", True)

_DEV_SECRET_KEY = "afterword-development-only-key-never-use-it-in-production"
SECRET_KEY = ENV.get("AFTERWORD_SECRET_KEY", "").strip()
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("AFTERWORD_SECRET_KEY is required when AFTERWORD_DEBUG=false")
    SECRET_KEY = _DEV_SECRET_KEY
ENCRYPTION_KEYS = encryption_keys(ENV, SECRET_KEY, DEBUG)

ALLOWED_HOSTS = env_list(
    ENV, "AFTERWORD_ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"] if DEBUG else []
)
CSRF_TRUSTED_ORIGINS = env_list(ENV, "AFTERWORD_CSRF_TRUSTED_ORIGINS", [])
OUTBOUND_ALLOW = outbound_allow(ENV, DEBUG)

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    # Before staticfiles, so that runserver leaves static files to WhiteNoise as in production.
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_htmx",
    "afterword.tracker",
    "afterword.site",
    "afterword.web",
    "afterword.outbox",
    "afterword.reminders",
    "afterword.calendar_feed",
    "afterword.inbox",
    "afterword.worker",
    # Migration history only: the tables above were created here before the split.
    "afterword.delivery",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
]

ROOT_URLCONF = "afterword.urls"
WSGI_APPLICATION = "afterword.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {"default": database_settings(ENV)}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "today"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "en-us"
# Stored times are UTC; pages convert to each user's own zone (UserSettings.timezone).
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(ENV.get("AFTERWORD_STATIC_ROOT", "").strip() or data_dir(ENV) / "static")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # No manifest: pages render without a prior `collectstatic`, which `make run` never does.
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
# Serve straight from the apps' static folders too, so a fresh checkout works offline at once.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG

globals().update(email_settings(ENV, "AFTERWORD_EMAIL_URL"))
DEFAULT_FROM_EMAIL = (
    ENV.get("AFTERWORD_EMAIL_FROM", "").strip() or "Afterword <afterword@localhost>"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Where the site is reached, for links in reminders that the worker sends without a request.
SITE_URL = (ENV.get("AFTERWORD_SITE_URL", "").strip() or "http://127.0.0.1:8000").rstrip("/")

# Behind a reverse proxy that terminates TLS, trust its X-Forwarded-Proto header: only then does
# Django know a request came in over HTTPS (and not redirect it forever).
if env_bool(ENV, "AFTERWORD_SECURE_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    USE_X_FORWARDED_HOST = True

SECURE_SSL_REDIRECT = env_bool(ENV, "AFTERWORD_SSL_REDIRECT", not DEBUG)
SESSION_COOKIE_SECURE = env_bool(ENV, "AFTERWORD_SECURE_COOKIES", not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_HSTS_SECONDS = env_int(ENV, "AFTERWORD_HSTS_SECONDS", 0 if DEBUG else 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool(ENV, "AFTERWORD_HSTS_INCLUDE_SUBDOMAINS", not DEBUG)
SECURE_HSTS_PRELOAD = env_bool(ENV, "AFTERWORD_HSTS_PRELOAD", not DEBUG)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": ENV.get("AFTERWORD_LOG_LEVEL", "WARNING")},
}
