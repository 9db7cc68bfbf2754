"""Django settings for Afterword: one module, configured only through environment variables.

Safe with no configuration at all: debug off, a strong secret key and a separate encryption key
generated on first start and kept in the data directory (mode 0600), only this machine's host
names allowed, SQLite in the data directory, mail printed to the console. A hosted site sets
``AFTERWORD_ALLOWED_HOSTS``, ``AFTERWORD_SECURE_PROXY`` and ``DATABASE_URL`` (and the keys, when
the data directory is not kept), and ``manage.py check --deploy`` passes without further tuning.

Every variable is parsed strictly: a value that cannot be understood stops the process with an
``ImproperlyConfigured`` error naming the variable, instead of silently meaning something else.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Mapping
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import dj_database_url
import django_stubs_ext
import platformdirs
from cryptography.fernet import Fernet
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

from afterword.infra.network import AllowEntry, parse_allow_list
from afterword.keyfiles import (
    ENCRYPTION_KEY_FILE,
    SECRET_KEY_FILE,
    KeyNotKept,
    kept_key,
    new_encryption_key,
    new_secret_key,
)

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


def site_secret_key(environ: Mapping[str, str], folder: Path) -> str:
    """``AFTERWORD_SECRET_KEY``, else the key kept in the data directory (made on first start)."""
    name = "AFTERWORD_SECRET_KEY"
    raw = environ.get(name, "").strip()
    if raw:
        return raw
    try:
        return kept_key(folder / SECRET_KEY_FILE, new_secret_key)
    except KeyNotKept as error:
        raise ImproperlyConfigured(
            f"{name} is not set and no generated key can be kept: {error}. Set {name}, or "
            "make AFTERWORD_DATA_DIR a folder this user can write."
        ) from None


def encryption_keys(environ: Mapping[str, str], folder: Path) -> list[str]:
    """Fernet keys for secrets at rest (mailbox passwords), from ``AFTERWORD_ENCRYPTION_KEY``.

    Several keys may be given, comma-separated: the first encrypts, all decrypt, so a key can be
    rotated without losing what the old one wrote. Unset, one key is generated on first start and
    kept in the data directory, separate from the secret key and never derived from it: a leaked
    secret key must not open the stored mailbox passwords. Error messages never repeat the value:
    it is a secret.
    """
    name = "AFTERWORD_ENCRYPTION_KEY"
    raw = environ.get(name, "").strip()
    if raw:
        keys = [item.strip() for item in raw.split(",") if item.strip()]
        source = name
    else:
        try:
            keys = [kept_key(folder / ENCRYPTION_KEY_FILE, new_encryption_key)]
        except KeyNotKept as error:
            raise ImproperlyConfigured(
                f"{name} is not set and no generated key can be kept: {error}. Set {name} "
                '(make one with: python -c "from cryptography.fernet import Fernet; '
                'print(Fernet.generate_key().decode())"), or make AFTERWORD_DATA_DIR writable.'
            ) from None
        source = str(folder / ENCRYPTION_KEY_FILE)
    for number, key in enumerate(keys, start=1):
        try:
            Fernet(key)
        except ValueError:
            raise ImproperlyConfigured(
                f"{source}: key {number} is not a Fernet key (32 bytes in URL-safe base64, "
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


def data_path(environ: Mapping[str, str]) -> Path:
    """Where Afterword keeps its files: ``AFTERWORD_DATA_DIR`` or the user's data folder."""
    configured = environ.get("AFTERWORD_DATA_DIR", "").strip()
    return (
        Path(configured).expanduser()
        if configured
        else Path(platformdirs.user_data_dir("afterword", appauthor=False))
    )


def data_dir(environ: Mapping[str, str]) -> Path:
    """``data_path``, created if missing."""
    path = data_path(environ)
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise ImproperlyConfigured(
            f"AFTERWORD_DATA_DIR: cannot create {path} ({error.strerror or error})"
        ) from None
    return path


# Each web thread keeps its database connection between requests for this long (checked
# before reuse). On SQLite too: a new connection costs a request about 2.5 ms of CPU (Django
# registers its SQL functions on it, and the connection's cache of prepared statements starts
# empty), a third of a Today page (bench/README.md, "Today and the board").
KEEP_CONNECTIONS_SECONDS = 60


def database_settings(environ: Mapping[str, str]) -> dict[str, object]:
    url = environ.get("DATABASE_URL", "").strip()
    if url:
        try:
            return dict(
                dj_database_url.parse(
                    url, conn_max_age=KEEP_CONNECTIONS_SECONDS, conn_health_checks=True
                )
            )
        except ValueError as error:
            raise ImproperlyConfigured(f"DATABASE_URL is not understood: {error}") from None
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": data_dir(environ) / "afterword.sqlite3",
        "CONN_MAX_AGE": KEEP_CONNECTIONS_SECONDS,
        "CONN_HEALTH_CHECKS": True,
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

# Off unless asked for: a forgotten variable must never leave a hosted site in debug.
DEBUG = env_bool(ENV, "AFTERWORD_DEBUG", False)

SECRET_KEY = site_secret_key(ENV, data_path(ENV))
ENCRYPTION_KEYS = encryption_keys(ENV, data_path(ENV))

# This machine only, until the operator names the site's host.
ALLOWED_HOSTS = env_list(ENV, "AFTERWORD_ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
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
    "axes",
    "csp",
    "django_ratelimit",
    # The API docs page is served from ninja's own static files, never a CDN.
    "ninja",
    "afterword.tracker",
    "afterword.site",
    "afterword.web",
    "afterword.outbox",
    "afterword.reminders",
    "afterword.calendar_feed",
    "afterword.inbox",
    "afterword.portability",
    "afterword.stats",
    "afterword.coaching",
    "afterword.worker",
    "afterword.api",
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
    "csp.middleware.CSPMiddleware",
    # Last, as django-axes asks: it turns a refused log-in into the lock-out page.
    "axes.middleware.AxesMiddleware",
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
STATIC_ROOT = Path(ENV.get("AFTERWORD_STATIC_ROOT", "").strip() or data_path(ENV) / "static")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # No manifest: pages render without a prior `collectstatic`, which `make run` never does.
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
# Serve straight from the apps' static folders too, so a fresh checkout works offline at once;
# `afterword serve` runs collectstatic first and then serves the collected, compressed files only.
WHITENOISE_USE_FINDERS = not env_bool(ENV, "AFTERWORD_STATIC_COLLECTED", False)
if WHITENOISE_USE_FINDERS:
    # Empty until a collectstatic, but WhiteNoise warns about a missing STATIC_ROOT at start-up.
    with contextlib.suppress(OSError):
        STATIC_ROOT.mkdir(parents=True, exist_ok=True)
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
# Django's database sessions, read through a query compiled once (site/sessions.py).
SESSION_ENGINE = "afterword.site.sessions"
SESSION_COOKIE_SECURE = env_bool(ENV, "AFTERWORD_SECURE_COOKIES", not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_HSTS_SECONDS = env_int(ENV, "AFTERWORD_HSTS_SECONDS", 0 if DEBUG else 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool(ENV, "AFTERWORD_HSTS_INCLUDE_SUBDOMAINS", not DEBUG)
SECURE_HSTS_PRELOAD = env_bool(ENV, "AFTERWORD_HSTS_PRELOAD", not DEBUG)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Scripts, styles, images and fonts from this site only; no inline code (htmx and our scripts are
# static files), no frames, forms that post only back here.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [NONE],
        "object-src": [NONE],
    }
}

# Log-in failures (django-axes): after AXES_FAILURE_LIMIT failures from one address every
# further attempt from it is refused with the 429 page until the cool-off has passed. Counted in
# the database, so that every web process sees the same count.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int(ENV, "AFTERWORD_LOGIN_FAILURE_LIMIT", 15, minimum=1)
AXES_COOLOFF_TIME = env_int(ENV, "AFTERWORD_LOGIN_COOLOFF_MINUTES", 15, minimum=1) / 60
AXES_LOCKOUT_PARAMETERS = ["ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "afterword.site.throttle.client_address"
AXES_LOCKOUT_CALLABLE = "afterword.site.throttle.locked_out"
# Axes logs each failure as a warning; the count is in the database, the log needs no copy.
AXES_VERBOSE = False

# Other throttles (django-ratelimit, afterword.site.throttle) count in a cache table in the
# database: every web process on every machine shares it, unlike the per-process memory cache,
# and it needs no Redis or memcached. Its increments are made atomic by a row lock.
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "throttle": {
        "BACKEND": "afterword.infra.counter_cache.DatabaseCounterCache",
        "LOCATION": "afterword_throttle",
    },
}
RATELIMIT_USE_CACHE = "throttle"
RATELIMIT_ENABLE = env_bool(ENV, "AFTERWORD_THROTTLE", True)
SILENCED_SYSTEM_CHECKS = [
    # django-ratelimit knows only memcached and Redis by name; DatabaseCounterCache is the
    # database cache with an atomic (row-locked) increment, which is what the warning is about.
    "django_ratelimit.W001",
]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": ENV.get("AFTERWORD_LOG_LEVEL", "WARNING")},
}
