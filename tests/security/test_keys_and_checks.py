"""Safe defaults: generated keys, a clean `check --deploy`, and the weak-key check."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any

from cryptography.fernet import Fernet

from afterword.keyfiles import PUBLIC_DEVELOPMENT_SECRET_KEY, kept_key, new_secret_key
from afterword.site.checks import secret_key_is_strong

ROOT = Path(__file__).resolve().parents[2]


def _manage(args: list[str], data: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """manage.py with no AFTERWORD_ variable but the data directory and ``env``."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith("AFTERWORD_")}
    clean.update(AFTERWORD_DATA_DIR=str(data), **env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_first_start_keeps_two_different_keys_readable_by_the_owner_only(tmp_path: Path) -> None:
    """No configuration: a secret key and a Fernet key appear, mode 0600, not equal."""
    _manage(["check"], tmp_path)

    secret = tmp_path / "secret_key"
    fernet = tmp_path / "encryption_key"
    assert stat.S_IMODE(secret.stat().st_mode) == 0o600
    assert stat.S_IMODE(fernet.stat().st_mode) == 0o600
    assert secret.read_text().strip() != fernet.read_text().strip()
    assert len(secret.read_text().strip()) >= 50
    Fernet(fernet.read_text().strip().encode())  # a valid Fernet key


def test_a_second_start_reads_the_same_keys(tmp_path: Path) -> None:
    """Keys are made once: restarting keeps sessions and stored passwords working."""
    _manage(["check"], tmp_path)
    first = ((tmp_path / "secret_key").read_text(), (tmp_path / "encryption_key").read_text())

    _manage(["check"], tmp_path)

    assert ((tmp_path / "secret_key").read_text(), (tmp_path / "encryption_key").read_text()) == (
        first
    )


def test_a_kept_key_is_made_only_when_missing(tmp_path: Path) -> None:
    """The maker runs once; later calls read the file."""
    made: list[str] = []

    def make() -> str:
        made.append("key")
        return f"key-{len(made)}"

    values = [kept_key(tmp_path / "k", make) for _ in range(3)]

    assert values == ["key-1"] * 3
    assert made == ["key"]


def test_check_deploy_passes_with_no_configuration_at_all(tmp_path: Path) -> None:
    """Nothing set: debug off, HTTPS settings on, keys generated, local hosts only."""
    result = _manage(["check", "--deploy", "--fail-level", "WARNING"], tmp_path)

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (1 silenced)." in result.stdout


def test_the_public_development_key_stops_manage_py_check(tmp_path: Path) -> None:
    """The key every old unconfigured site used is an error, named afterword.E001."""
    result = _manage(["check"], tmp_path, AFTERWORD_SECRET_KEY=PUBLIC_DEVELOPMENT_SECRET_KEY)

    assert result.returncode != 0
    assert "afterword.E001" in result.stderr


def test_a_short_secret_key_is_reported_as_weak(settings: Any) -> None:
    """A key of 12 characters gets warning afterword.W001 (no --deploy needed)."""
    settings.SECRET_KEY = "short-secret"

    messages = secret_key_is_strong()

    assert [message.id for message in messages] == ["afterword.W001"]


def test_a_repetitive_secret_key_is_reported_as_weak(settings: Any) -> None:
    """Long but made of two characters: weak all the same."""
    settings.SECRET_KEY = "ab" * 40

    messages = secret_key_is_strong()

    assert [message.id for message in messages] == ["afterword.W001"]


def test_a_generated_secret_key_passes_the_check(settings: Any) -> None:
    """A fresh key from the generator raises nothing."""
    settings.SECRET_KEY = new_secret_key()

    messages = secret_key_is_strong()

    assert messages == []
