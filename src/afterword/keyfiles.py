"""Keys kept in the data directory: made on first start, read on every later one.

A site that configures nothing still gets a strong secret key (sessions, password-reset links)
and a separate Fernet key (mailbox passwords at rest), each in its own file readable by the
owner only (mode 0600). Neither is derived from the other: whoever learns one learns nothing
about the other. Pure standard library plus ``cryptography``; no Django, so settings can use it.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import tempfile
from collections.abc import Callable
from pathlib import Path

from cryptography.fernet import Fernet

# The secret key every unconfigured installation used until keys were generated: public, in the
# project's history, so a site still using it has forgeable sessions (``afterword.E001``).
PUBLIC_DEVELOPMENT_SECRET_KEY = "afterword-development-only-key-never-use-it-in-production"
SECRET_KEY_FILE = "secret_key"
ENCRYPTION_KEY_FILE = "encryption_key"


class KeyNotKept(Exception):
    """No key was configured and none can be read from or written to the data directory."""


def new_secret_key() -> str:
    """86 URL-safe characters from 64 random bytes: far past Django's length and variety checks."""
    return secrets.token_urlsafe(64)


def new_encryption_key() -> str:
    return Fernet.generate_key().decode("ascii")


def kept_key(path: Path, make: Callable[[], str]) -> str:
    """The key stored at ``path``; on first use a new one from ``make()``, stored with mode 0600.

    Several processes may start at once (gunicorn workers, the worker beside the server): the
    new key is written to a private temporary file and linked into place, which fails if another
    process got there first, so every process ends up reading the one key that won.
    """
    existing = _read(path)
    if existing:
        return existing
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # mkstemp creates the file with mode 0600 whatever the umask.
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}-")
        try:
            with os.fdopen(handle, "w", encoding="ascii") as stream:
                stream.write(make() + "\n")
                stream.flush()
                os.fsync(stream.fileno())
            # FileExistsError: another process stored its key first, and that one is used.
            with contextlib.suppress(FileExistsError):
                os.link(temporary, path)
        finally:
            os.unlink(temporary)
    except OSError as error:
        raise KeyNotKept(f"cannot write {path} ({error.strerror or error})") from None
    stored = _read(path)
    if not stored:
        raise KeyNotKept(f"{path} is empty")
    return stored


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="ascii").strip()
    except FileNotFoundError:
        return ""
    except (OSError, UnicodeDecodeError) as error:
        reason = getattr(error, "strerror", None) or error
        raise KeyNotKept(f"cannot read {path} ({reason})") from None
