"""Secrets at rest: mailbox passwords are stored as Fernet tokens, never as the password.

The keys come from ``settings.ENCRYPTION_KEYS`` (``AFTERWORD_ENCRYPTION_KEY``, or the key
generated in the data directory): the first key encrypts, every key decrypts, so an operator can
rotate keys by putting the new one first.

Before keys were generated, a site that set no key derived one from its secret key, and most
such sites ran on the public development secret key. The key derived from that public key is
accepted for reading old tokens, never for writing: anyone can derive it, so it protects nothing
that it did not already fail to protect, and without it those mailbox passwords would have to be
typed again. A key derived from any other secret key is not accepted: that would make a leaked
secret key open the mailbox passwords again. Those passwords must be entered once more.
"""

from __future__ import annotations

import base64
from functools import cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings

from afterword.keyfiles import PUBLIC_DEVELOPMENT_SECRET_KEY


class SecretUnreadable(Exception):
    """A stored secret cannot be decrypted with any configured key (the key was changed)."""


@cache
def legacy_development_key() -> Fernet:
    """The key old unconfigured installations derived from the public development secret key."""
    derived = HKDF(
        algorithm=hashes.SHA256(), length=32, salt=None, info=b"afterword encryption key"
    ).derive(PUBLIC_DEVELOPMENT_SECRET_KEY.encode())
    return Fernet(base64.urlsafe_b64encode(derived))


def _fernet() -> MultiFernet:
    # Built per call: cheap, and tests that override the keys see the change at once. The
    # legacy key comes last, so it never encrypts.
    keys = [Fernet(key) for key in settings.ENCRYPTION_KEYS]
    return MultiFernet([*keys, legacy_development_key()])


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
