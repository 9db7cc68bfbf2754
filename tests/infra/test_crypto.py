"""Secrets at rest: Fernet tokens, key rotation, and a strictly parsed AFTERWORD_ENCRYPTION_KEY."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from cryptography.fernet import Fernet, InvalidToken
from django.core.exceptions import ImproperlyConfigured

from afterword.infra.crypto import SecretUnreadable, decrypt, encrypt, legacy_development_key
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


def test_without_a_variable_a_key_is_generated_once_and_kept(tmp_path: Path) -> None:
    """Unset: a working Fernet key is made on first use and the same one read afterwards."""
    first = encryption_keys({}, tmp_path)

    second = encryption_keys({}, tmp_path)

    assert first == second
    Fernet(first[0].encode())  # a valid key


def test_a_key_that_cannot_be_kept_stops_start_up(tmp_path: Path) -> None:
    """No variable and no writable data directory: the error names the variable to set."""
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")

    with pytest.raises(ImproperlyConfigured, match="AFTERWORD_ENCRYPTION_KEY is not set"):
        encryption_keys({}, blocked / "data")


def test_tokens_of_the_old_public_development_key_are_still_read(settings: Any) -> None:
    """Written with the key once derived from the public development key: still readable."""
    settings.ENCRYPTION_KEYS = [NEW_KEY]
    token = legacy_development_key().encrypt(b"typed-before-keys-were-generated").decode()

    secret = decrypt(token)

    assert secret == "typed-before-keys-were-generated"


def test_the_old_public_development_key_never_encrypts(settings: Any) -> None:
    """New tokens open with the configured key, and not with the public one."""
    settings.ENCRYPTION_KEYS = [NEW_KEY]

    token = encrypt("written-today").encode()

    assert Fernet(NEW_KEY.encode()).decrypt(token) == b"written-today"
    with pytest.raises(InvalidToken):
        legacy_development_key().decrypt(token)


def test_a_malformed_key_is_named_by_position_without_repeating_it() -> None:
    """The second of two keys is wrong: the message says so and never prints the value."""
    environ = {"AFTERWORD_ENCRYPTION_KEY": f"{NEW_KEY}, not-a-key-at-all"}

    with pytest.raises(ImproperlyConfigured) as caught:
        encryption_keys(environ, Path("/nonexistent"))

    assert "AFTERWORD_ENCRYPTION_KEY: key 2 is not a Fernet key" in str(caught.value)
    assert "not-a-key-at-all" not in str(caught.value)


def test_several_keys_are_read_in_order() -> None:
    """Comma-separated, spaces ignored: the first encrypts."""
    environ = {"AFTERWORD_ENCRYPTION_KEY": f" {NEW_KEY} ,{OLD_KEY}"}

    keys = encryption_keys(environ, Path("/nonexistent"))

    assert keys == [NEW_KEY, OLD_KEY]
