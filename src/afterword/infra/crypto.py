"""Secrets at rest: mailbox passwords are stored as Fernet tokens, never as the password.

The keys come from ``settings.ENCRYPTION_KEYS`` (``AFTERWORD_ENCRYPTION_KEY``): the first key
encrypts, every key decrypts, so an operator can rotate keys by putting the new one first.
"""

from __future__ import annotations

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings


class SecretUnreadable(Exception):
    """A stored secret cannot be decrypted with any configured key (the key was changed)."""


def _fernet() -> MultiFernet:
    # Built per call: cheap, and tests that override the keys see the change at once.
    return MultiFernet([Fernet(key) for key in settings.ENCRYPTION_KEYS])


def encrypt(secret: str) -> str:
    """A token that only the configured keys can turn back into ``secret``."""
    return _fernet().encrypt(secret.encode()).decode("ascii")


def decrypt(token: str) -> str:
    """The secret inside ``token``; SecretUnreadable if no configured key opens it."""
    try:
        return _fernet().decrypt(token.encode("ascii")).decode()
    except (InvalidToken, ValueError):
        raise SecretUnreadable(
            "The saved password can no longer be read (the encryption key has changed); "
            "enter it again in Mail settings."
        ) from None
