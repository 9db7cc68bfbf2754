"""Sessions kept in the database, exactly as Django's own engine keeps them, read faster.

Every request of a signed-in person reads their session first. Django builds that one query
anew each time, which costs more than the database takes to answer it; here it is compiled once
(tracker/services/compiled.py) and run with the cookie's key. Writing, expiry, ``clearsessions``
and the table are Django's (``django.contrib.sessions``): only the read differs.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.contrib.sessions.backends.db import SessionStore as DatabaseSessionStore
from django.contrib.sessions.models import Session
from django.db.models import QuerySet
from django.utils import timezone

from afterword.tracker.services import compiled


class SessionStore(DatabaseSessionStore):
    def _get_session_from_db(self) -> Session | None:
        key = self.session_key
        found = compiled.fetch(_live, key, timezone.now()) if key else []
        if not found:
            # As Django's engine does: an unknown or expired key is forgotten, and a new
            # session gets a new key.
            self._session_key = None
            return None
        session_key, data, expires = found[0]
        return Session(session_key=session_key, session_data=data, expire_date=expires)


def _live(key: str, now: datetime) -> QuerySet[Session, tuple[Any, ...]]:
    return Session.objects.filter(session_key=key, expire_date__gt=now).values_list(
        "session_key", "session_data", "expire_date"
    )
