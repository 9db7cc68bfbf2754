"""Secrets at rest: Fernet tokens, key rotation, and a strictly parsed AFTERWORD_ENCRYPTION_KEY."""

from __future__ import annotations

from typing import Any

import pytest
from cryptography.fernet import Fernet
from django.core.exceptions import ImproperlyConfigured

from afterword.infra.crypto import SecretUnreadable, decrypt, encrypt
from afterword.settings import encryption_keys

OLD_KEY = Fernet.generate_key().decode()
NEW_KEY = Fernet.generate_key().decode()


def test_a_secret_comes_back_only_through_decryption(settings: Any) -> None:
    """The token does not contain the secret, and two tokens of one secret differ."""
    settings.ENCRYPTION_KEYS = [NEW_KEY]

    first, second = encrypt("app-password-1234"), encrypt("app-password-1234")

    assert "app-password-1234" not in first
    assert first != second
    assert decrypt(first) == decrypt(second) == "app-password-1234"


def test_a_rotated_key_still_reads_what_the_old_one_wrote(settings: Any) -> None:
    """New key first, old key after it: old tokens open, new tokens use the new key."""
    settings.ENCRYPTION_KEYS = [OLD_KEY]
    old_token = encrypt("written-long-ago")
    settings.ENCRYPTION_KEYS = [NEW_KEY, OLD_KEY]

    new_token = encrypt("written-today")

    assert decrypt(old_token) == "written-long-ago"
    assert Fernet(NEW_KEY.encode()).decrypt(new_token.encode()) == b"written-today"


def test_a_token_from_a_lost_key_is_reported_not_crashed_on(settings: Any) -> None:
    """A changed key gives a message that says what to do, not a traceback."""
    settings.ENCRYPTION_KEYS = [OLD_KEY]
    token = encrypt("secret")
    settings.ENCRYPTION_KEYS = [NEW_KEY]

    with pytest.raises(SecretUnreadable, match="enter it again in Mail settings"):
        decrypt(token)


def test_development_derives_a_stable_key_from_the_secret_key() -> None:
    """Unset in debug: the same secret key always gives the same working key."""
    keys = encryption_keys({}, "a-secret-key", debug=True)

    assert keys == encryption_keys({}, "a-secret-key", debug=True)
    assert keys != encryption_keys({}, "another-secret-key", debug=True)
    Fernet(keys[0].encode())  # a valid key


def test_production_refuses_to_start_without_a_key() -> None:
    """Debug off and no key: the error names the variable and how to make a key."""
    with pytest.raises(ImproperlyConfigured, match="AFTERWORD_ENCRYPTION_KEY is required"):
        encryption_keys({}, "a-secret-key", debug=False)


def test_a_malformed_key_is_named_by_position_without_repeating_it() -> None:
    """The second of two keys is wrong: the message says so and never prints the value."""
    environ = {"AFTERWORD_ENCRYPTION_KEY": f"{NEW_KEY}, not-a-key-at-all"}

    with pytest.raises(ImproperlyConfigured) as caught:
        encryption_keys(environ, "a-secret-key", debug=False)

    assert "AFTERWORD_ENCRYPTION_KEY: key 2 is not a Fernet key" in str(caught.value)
    assert "not-a-key-at-all" not in str(caught.value)


def test_several_keys_are_read_in_order() -> None:
    """Comma-separated, spaces ignored: the first encrypts."""
    environ = {"AFTERWORD_ENCRYPTION_KEY": f" {NEW_KEY} ,{OLD_KEY}"}

    keys = encryption_keys(environ, "ignored", debug=False)

    assert keys == [NEW_KEY, OLD_KEY]
