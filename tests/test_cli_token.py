"""``afterword token USERNAME``: a new API token as the last line, or a clear error."""

from __future__ import annotations

from typing import Any

import pytest
from typer.testing import CliRunner

from afterword.api.models import AccessToken
from afterword.api.tokens import digest_of
from afterword.cli import app

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_token_is_the_last_line_and_read_only_by_default(user: Any) -> None:
    """The printed secret works: its digest is the stored token, which cannot write."""
    result = CliRunner().invoke(app, ["token", "sam", "--name", "backup script"])

    secret = result.stdout.strip().splitlines()[-1]
    row = AccessToken.objects.get()
    assert result.exit_code == 0
    assert row.digest == digest_of(secret)
    assert (row.name, row.can_write, row.owner) == ("backup script", False, user)


def test_write_makes_a_read_and_write_token(user: Any) -> None:
    """--write allows changes."""
    CliRunner().invoke(app, ["token", "sam", "--write"])

    assert AccessToken.objects.get().can_write


def test_an_unknown_user_is_an_error_and_makes_nothing(db: None) -> None:
    """Exit status 2 with the name in the message."""
    result = CliRunner().invoke(app, ["token", "nobody"])

    assert result.exit_code == 2
    assert "nobody" in result.stderr
    assert not AccessToken.objects.exists()
