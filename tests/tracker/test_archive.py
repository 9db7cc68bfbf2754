"""Archiving: an application put away leaves every list of things to do, and comes back whole."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import pytest

from afterword.calendar_feed.views import feed_interviews, pending_actions
from afterword.reminders.digest import keep_searching_nudge
from afterword.reminders.digest_sources import DigestSources
from afterword.reminders.schedule import action_rows
from afterword.tracker.access import archived_applications, current_applications
from afterword.tracker.models import Application
from afterword.tracker.services import record_event
from afterword.tracker.services.archive import archive_application, restore_application
from afterword.tracker.services.case import stored_plan_json
from afterword.tracker.today import search_reminder, today_sections
from tests.factories import ApplicationFactory, NotificationChannelFactory

pytestmark = pytest.mark.django_db


def test_archiving_clears_the_stored_plan_but_keeps_status_and_history(
    application: Application, now: datetime
) -> None:
    """No action is left; the status, the interviews and the people stay as they were."""
    status = application.status

    changed = archive_application(application, now)

    application.refresh_from_db()
    assert changed is True
    assert application.archived_at == now
    assert application.actions.count() == 0
    assert application.status == status
    assert application.interviews.count() == 1 and application.interviewers.count() == 2


def test_restoring_brings_back_the_plan_it_had(application: Application, now: datetime) -> None:
    """The plan after archive and restore equals the plan before."""
    before = stored_plan_json(application)
    archive_application(application, now)

    changed = restore_application(application, now)

    application.refresh_from_db()
    assert changed is True and application.archived_at is None
    assert stored_plan_json(application) == before


def test_news_on_an_archived_application_plans_nothing_until_it_is_restored(
    application: Application, now: datetime
) -> None:
    """A reply recorded while archived (the inbox watcher does that) adds no action."""
    archive_application(application, now)
    stale = Application.objects.get(pk=application.pk)
    stale.archived_at = None  # a row read before the archive must not bring the plan back

    record_event(
        stale,
        "thank_you_sent",
        now,
        interview=application.interviews.get(),
        interviewer=application.interviewers.get(name="Priya Natarajan"),
    )

    assert application.actions.count() == 0
    restore_application(application, now)
    assert application.actions.exists()


def test_a_second_archive_or_restore_changes_nothing(
    application: Application, now: datetime
) -> None:
    """Two clicks, two tabs: the second answers False and keeps the first date."""
    archive_application(application, now)

    again = archive_application(application, now + timedelta(hours=1))

    application.refresh_from_db()
    assert again is False and application.archived_at == now
    assert restore_application(application, now) is True
    assert restore_application(application, now) is False


def test_an_archived_application_leaves_today_the_feed_and_the_reminders(
    application: Application, user: Any, now: datetime
) -> None:
    """Today, the calendar feed (follow-ups and interviews) and the notifications drop it."""
    NotificationChannelFactory(owner=user)
    due = application.actions.order_by("due").first()
    assert due is not None
    assert len(today_sections(user, now)) > 0
    assert feed_interviews(user).exists() and pending_actions(user).exists()
    assert list(action_rows(due.due))

    archive_application(application, now)

    assert len(today_sections(user, now)) == 0
    assert not feed_interviews(user).exists() and not pending_actions(user).exists()
    assert list(action_rows(due.due)) == []


def test_the_keep_searching_counts_leave_archived_applications_out(
    application: Application, user: Any, now: datetime
) -> None:
    """P1 on Today and in the digest counts current applications only."""
    for number in range(3):
        ApplicationFactory(owner=user, employer=f"Other {number}", created_at=now)
    Application.objects.filter(owner=user).update(status="waiting", created_at=now)
    assert search_reminder(user, now) is None

    archive_application(Application.objects.get(employer="Other 0"), now)

    assert search_reminder(user, now) is not None
    applications = DigestSources.read([user], now).applications_of(user)
    nudge = keep_searching_nudge(applications, now, lambda: True)
    assert "Other 1" in nudge and "Other 0" not in nudge


def test_the_access_helpers_split_current_from_archived(
    application: Application, user: Any, outsider: Any, now: datetime
) -> None:
    """Current and archived applications are the owner's own, never anyone else's."""
    other = ApplicationFactory(owner=user, employer="Kept")
    archive_application(application, now)

    assert list(current_applications(user)) == [other]
    assert list(archived_applications(user)) == [application]
    assert not archived_applications(outsider).exists()
