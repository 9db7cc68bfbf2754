"""A member's account: made with its settings together, and deleted with everything it owns."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TypeVar

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib.auth import SESSION_KEY
from django.contrib.auth.models import AbstractBaseUser
from django.contrib.sessions.models import Session
from django.db import transaction

from afterword.tracker.preferences import settings_for

U = TypeVar("U", bound=AbstractBaseUser)


def sign_up(
    create_user: Callable[[], U], *, timezone: str, country: str, subdivision: str = ""
) -> U:
    """Create the user (Django's sign-up form knows how) and keep where they are."""
    with transaction.atomic():
        user = create_user()
        mine = settings_for(user)
        mine.timezone = timezone
        mine.country = country
        mine.subdivision = subdivision
        mine.save(update_fields=["timezone", "country", "subdivision"])
    return user


def delete_account(user: AbstractBaseUser, now: datetime) -> int:
    """Remove the user and every row they own; returns how many rows went in all.

    1. Their sessions, on every device (the session table names the user only inside its
       signed data, so the live sessions are read; expired ones hold nothing usable).
    2. The log-in records kept under their user name (django-axes).
    3. The user row: every model with an owner or a user column, and every row hanging off
       those (applications, interviews, people, events, drafts, the plan, the outbox, the
       mailbox settings and the messages noted from it, channels, reminders, the calendar
       feed), goes with it through the foreign keys, in the same transaction.
    """
    username = user.get_username()
    with transaction.atomic():
        gone = _forget_sessions(str(user.pk), now)
        for model in (AccessAttempt, AccessFailureLog, AccessLog):
            gone += model.objects.filter(username=username).delete()[0]
        gone += user.delete()[0]
    return gone


def _forget_sessions(user_id: str, now: datetime) -> int:
    mine = [
        session.pk
        for session in Session.objects.filter(expire_date__gt=now).iterator()
        if session.get_decoded().get(SESSION_KEY) == user_id
    ]
    return Session.objects.filter(pk__in=mine).delete()[0]
