"""Sessions are Django's database sessions, read through a query compiled once."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.conf import settings
from django.contrib.sessions.backends.db import SessionStore as DjangoStore
from django.contrib.sessions.models import Session
from django.test import Client
from django.utils import timezone

from afterword.site.sessions import SessionStore

pytestmark = pytest.mark.django_db


def test_the_site_uses_this_engine() -> None:
    """Every request's session goes through site/sessions.py."""
    assert settings.SESSION_ENGINE == "afterword.site.sessions"


def test_a_stored_session_loads_as_djangos_own_engine_loads_it() -> None:
    """The same data, read from the same table, whichever engine wrote it."""
    written = DjangoStore()
    written["seen"] = ["today", 3]
    written.save()

    assert SessionStore(written.session_key).load() == {"seen": ["today", 3]}
    assert SessionStore(written.session_key).load() == DjangoStore(written.session_key).load()


def test_an_expired_or_unknown_session_is_empty_and_forgets_its_key() -> None:
    """A key past its expiry, or never issued, reads as nothing, and saving makes a new key."""
    stale = SessionStore()
    stale["seen"] = True
    stale.save()
    Session.objects.filter(pk=stale.session_key).update(
        expire_date=timezone.now() - timedelta(seconds=1)
    )

    for key in (stale.session_key, "nosuchkeyissuedever", None):
        store = SessionStore(key)
        assert store.load() == {}
        assert store.session_key is None


def test_signing_in_and_out_goes_through_the_database(user: Any) -> None:
    """A signed-in browser stays signed in across requests; logging out deletes its row."""
    client = Client()
    client.force_login(user)
    key = client.cookies[settings.SESSION_COOKIE_NAME].value

    assert client.get("/", secure=True).status_code == 200
    assert Session.objects.filter(pk=key).exists()

    client.post("/accounts/logout/", secure=True)

    assert not Session.objects.filter(pk=key).exists()
    assert client.get("/", secure=True).status_code == 302
