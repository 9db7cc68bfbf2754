"""Fixtures shared by the Django tests: users, a frozen clock, and fast password hashing."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
import time_machine
from django.test import override_settings

from afterword.infra.network import parse_allow_list
from tests.factories import UserFactory

# Fixtures of the mail features: SMTP and HTTP sinks, and a Dovecot server started only by the
# tests that ask for one.
pytest_plugins = ["tests.inbox.fixtures", "tests.support.mail_fixtures"]

# Tue 3 Mar 2026, 09:00 in New York: the morning after the factories' default interview.
NOW = datetime(2026, 3, 3, 14, 0, tzinfo=UTC)


# The tests' own SMTP, IMAP and HTTP servers listen on this machine, which the outbound gate
# refuses unless the site allows it. Worker and server processes started by tests read the
# environment; this process's settings are set by the fixture below, whatever debug says.
TEST_OUTBOUND_ALLOW = "localhost,127.0.0.1,::1"
os.environ["AFTERWORD_OUTBOUND_ALLOW"] = TEST_OUTBOUND_ALLOW


@pytest.fixture(autouse=True)
def _loopback_servers_allowed(settings: Any) -> None:
    settings.OUTBOUND_ALLOW = parse_allow_list(TEST_OUTBOUND_ALLOW)


@pytest.fixture(autouse=True)
def _fast_passwords(settings: Any) -> None:
    # The default hasher is deliberately slow; tests create many users and need no security.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(scope="session", autouse=True)
def _plain_http() -> Iterator[None]:
    # Production defaults redirect to HTTPS and keep cookies off plain HTTP; the test client and
    # the live server speak plain HTTP, as `afterword serve` does on a loopback address. Session
    # scope: the live server reads these when it starts, before any test's own fixtures.
    with override_settings(
        SECURE_SSL_REDIRECT=False, SESSION_COOKIE_SECURE=False, CSRF_COOKIE_SECURE=False
    ):
        yield


@pytest.fixture
def now() -> Iterator[datetime]:
    """The frozen moment of the test: the clock stands still at NOW (auto_now fields included)."""
    with time_machine.travel(NOW, tick=False):
        yield NOW


@pytest.fixture
def user(db: None) -> Any:
    return UserFactory(username="sam")


@pytest.fixture
def outsider(db: None) -> Any:
    """Someone else with an account: must never see ``user``'s data."""
    return UserFactory(username="olive")
