"""Deleting an account removes every row its owner has, mailbox data included, and no one else's."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import pytest
from axes.models import AccessAttempt, AccessLog
from django.contrib.admin.models import ADDITION, LogEntry
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.contrib.sessions.models import Session
from django.test import Client

from afterword.inbox.models import MailboxWatch, WatchedFolder
from afterword.reminders.models import Reminder, ReminderKind, ReminderSettings
from afterword.tracker.access import owner_path
from afterword.tracker.models import Application, Interview
from afterword.tracker.services.accounts import delete_account
from tests.security.victim import make_victim, owned_models, rows_of

pytestmark = pytest.mark.django_db


def everything_of(owner: Any, now: datetime) -> Any:
    """The security tests' victim (one row of every kind), plus the rows it lacks: reminders,
    their settings, a watched folder, an admin log line, a session and a log-in record."""
    person = make_victim(now, username=owner)
    Reminder.objects.create(
        owner=person,
        kind=ReminderKind.DIGEST,
        dedupe_key=f"digest:{person.pk}:2026-03-04",
        due_at=now,
        next_attempt_at=now,
    )
    ReminderSettings.objects.create(user=person)
    WatchedFolder.objects.create(watch=MailboxWatch.objects.get(user=person), name="INBOX")
    application = Application.objects.get(owner=person)
    LogEntry.objects.log_actions(
        person.pk, [application], ADDITION, change_message="added", single_object=True
    )
    client = Client()
    client.force_login(person)
    AccessLog.objects.create(username=person.username, ip_address="127.0.0.1", user_agent="t")
    AccessAttempt.objects.create(
        username=person.username, ip_address="127.0.0.1", user_agent="t", failures_since_start=1
    )
    return person


def counts(owner: Any) -> dict[str, int]:
    """How many rows of each owned model belong to ``owner``."""
    return {
        model._meta.label: model._default_manager.filter(
            **{f"{owner_path(model)}_id": owner.pk}
        ).count()
        for model in owned_models()
    }


def sessions_of(user_id: int) -> int:
    return sum(
        1 for s in Session.objects.all() if s.get_decoded().get("_auth_user_id") == str(user_id)
    )


def test_deleting_an_account_removes_every_row_it_owns_and_leaves_the_other_user_whole(
    now: datetime,
) -> None:
    """Every owned model counts zero rows for the deleted user; the other user's rows are
    unchanged to the field; the rows hanging off owned rows and the sessions go too."""
    leaving = everything_of("leaving", now)
    staying = everything_of("staying", now)
    before = counts(leaving)
    staying_rows = rows_of(staying)
    staying_links = Interview.interviewers.through.objects.filter(
        interview__application__owner=staying
    ).count()
    staying_log_ins = AccessLog.objects.filter(username="staying").count()
    assert all(before.values()), f"the fixture misses a kind: {before}"
    assert sessions_of(leaving.pk) == 1

    gone = delete_account(leaving, now + timedelta(minutes=1))

    assert set(counts(leaving).values()) == {0}
    assert not get_user_model().objects.filter(pk=leaving.pk).exists()
    assert not WatchedFolder.objects.filter(watch__user_id=leaving.pk).exists()
    assert not Interview.interviewers.through.objects.filter(
        interview__application__owner_id=leaving.pk
    ).exists()
    assert sessions_of(leaving.pk) == 0
    assert not AccessLog.objects.filter(username="leaving").exists()
    assert not AccessAttempt.objects.filter(username="leaving").exists()
    assert gone > sum(before.values())
    assert rows_of(staying) == staying_rows
    assert sessions_of(staying.pk) == 1
    assert AccessLog.objects.filter(username="staying").count() == staying_log_ins
    assert WatchedFolder.objects.filter(watch__user=staying).count() == 1
    assert (
        Interview.interviewers.through.objects.filter(interview__application__owner=staying).count()
        == staying_links
    )
    assert (
        LogEntry.objects.filter(content_type=ContentType.objects.get_for_model(Application))
        .get()
        .user_id
        == staying.pk
    )
