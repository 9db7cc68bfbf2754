"""Scheduling the morning digest: at the user's hour in the user's zone, once a day, DST or not."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine

from afterword.reminders.models import Reminder, ReminderKind, ReminderSettings, ReminderState
from afterword.reminders.schedule import (
    digest_due,
    digest_key,
    schedule_reminders,
)
from afterword.tracker.models import Application
from tests.factories import ApplicationFactory, UserFactory
from tests.reminders.helpers import busy_user, digest_emails, digests, set_zone, tick

NEW_YORK = ZoneInfo("America/New_York")
BERLIN = ZoneInfo("Europe/Berlin")


def utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)  # type: ignore[misc]


def test_the_digest_waits_for_seven_in_the_users_zone(db: None) -> None:
    """Not at 06:59 New York time, yes at 07:00 (12:00 UTC in March before the change)."""
    sam = busy_user("sam", "America/New_York", utc(2026, 3, 2, 16))

    tick(utc(2026, 3, 4, 11, 59))
    before = len(digest_emails())
    tick(utc(2026, 3, 4, 12, 0))

    assert before == 0
    [email] = digest_emails()
    assert email.to == [sam.email]
    [row] = [r for r in digests(sam) if r.state == ReminderState.SENT]
    assert row.dedupe_key == digest_key(sam.pk, date(2026, 3, 4))
    assert row.sent_at == utc(2026, 3, 4, 12, 0)


def test_the_digest_goes_out_once_however_often_and_wherever_the_jobs_run(db: None) -> None:
    """Twice in one worker, then in a second worker, and later that day: still one email."""
    busy_user("sam", "America/New_York", utc(2026, 3, 2, 16))

    tick(utc(2026, 3, 4, 12, 0), "w1")
    tick(utc(2026, 3, 4, 12, 0), "w1")
    tick(utc(2026, 3, 4, 12, 0, 30), "w2")
    tick(utc(2026, 3, 4, 18, 0), "w2")

    assert len(digest_emails()) == 1


@pytest.mark.parametrize(
    ("zone", "change_day", "seven_utc"),
    [
        # The clocks go forward at 02:00: 07:00 EDT is 11:00 UTC (12:00 the day before).
        ("America/New_York", date(2026, 3, 8), utc(2026, 3, 8, 11)),
        # They go back at 02:00: 07:00 EST is 12:00 UTC (11:00 the day before).
        ("America/New_York", date(2026, 11, 1), utc(2026, 11, 1, 12)),
        # Forward at 02:00 CET: 07:00 CEST is 05:00 UTC (06:00 the day before).
        ("Europe/Berlin", date(2026, 3, 29), utc(2026, 3, 29, 5)),
        # Back at 03:00 CEST: 07:00 CET is 06:00 UTC (05:00 the day before).
        ("Europe/Berlin", date(2026, 10, 25), utc(2026, 10, 25, 6)),
    ],
)
def test_one_digest_a_day_at_seven_local_across_a_dst_change(
    db: None, zone: str, change_day: date, seven_utc: datetime
) -> None:
    """Ticking every 15 minutes for three days around a change: one digest a day, at 07:00."""
    local = ZoneInfo(zone)
    start = datetime.combine(change_day - timedelta(days=1), datetime.min.time(), local)
    sam = busy_user("sam", zone, start - timedelta(hours=9))
    moments = [start + timedelta(minutes=15 * n) for n in range(3 * 24 * 4)]

    for moment in moments:
        tick(moment.astimezone(UTC))

    sent = [r for r in digests(sam) if r.state == ReminderState.SENT]
    local_sends = [r.sent_at.astimezone(local) for r in sent]  # type: ignore[union-attr]
    assert Counter(when.date() for when in local_sends) == {
        change_day - timedelta(days=1): 1,
        change_day: 1,
        change_day + timedelta(days=1): 1,
    }
    assert {when.strftime("%H:%M") for when in local_sends} == {"07:00"}
    assert seven_utc in {r.sent_at for r in sent}
    assert len(digest_emails()) == 3


def test_a_digest_hour_the_clocks_skip_still_comes_once_that_day() -> None:
    """02:30 does not exist in New York on 8 Mar 2026; the digest comes at 03:30 EDT instead."""
    moment = digest_due(date(2026, 3, 8), 2, NEW_YORK)

    assert moment == utc(2026, 3, 8, 7)
    assert moment.astimezone(NEW_YORK).date() == date(2026, 3, 8)
    assert moment.astimezone(NEW_YORK).hour == 3


def test_a_digest_hour_that_happens_twice_takes_the_first() -> None:
    """01:00 happens twice in New York on 1 Nov 2026; the digest takes the first (EDT)."""
    moment = digest_due(date(2026, 11, 1), 1, NEW_YORK)

    assert moment == utc(2026, 11, 1, 5)


def test_a_quiet_day_sends_no_digest(db: None) -> None:
    """Four fresh applications, nothing planned, no nudge due: the row is skipped, no email."""
    sam = UserFactory(username="sam")
    set_zone(sam, "America/New_York")
    with time_machine.travel(utc(2026, 3, 2, 15), tick=False):
        for number in range(4):
            ApplicationFactory(owner=sam, employer=f"Employer {number}", status="waiting")

    tick(utc(2026, 3, 4, 12, 0))

    assert digest_emails() == []
    [row] = [r for r in digests(sam) if r.due_at <= utc(2026, 3, 4, 12)]
    assert row.state == ReminderState.SKIPPED
    assert row.last_error == "Nothing overdue or due this week."


def test_the_keep_searching_nudge_alone_comes_once_a_week(db: None) -> None:
    """One application waiting and nothing planned: a nudge-only digest weekly, quiet between."""
    sam = UserFactory(username="sam")
    set_zone(sam, "America/New_York")
    with time_machine.travel(utc(2026, 2, 20), tick=False):
        ApplicationFactory(owner=sam, status="waiting")

    for day in range(1, 16):
        tick(utc(2026, 3, day, 12, 0))

    sent = [r for r in digests(sam) if r.state == ReminderState.SENT]
    assert [r.due_at.date() for r in sent] == [
        date(2026, 3, 1),
        date(2026, 3, 8),
        date(2026, 3, 15),
    ]
    assert all(r.payload["nudge"] for r in sent)
    assert all("keep your search moving" in e.subject for e in digest_emails())


def test_changing_the_digest_hour_moves_the_waiting_digest(db: None) -> None:
    """Tomorrow's digest, made for 07:00, goes at 09:00 once the user picks nine."""
    sam = busy_user("sam", "America/New_York", utc(2026, 3, 2, 16))
    tick(utc(2026, 3, 4, 12, 0))

    with time_machine.travel(utc(2026, 3, 4, 13, 0), tick=False):
        ReminderSettings.objects.create(user=sam, digest_hour=9)
    tick(utc(2026, 3, 5, 12, 0))
    early = len(digest_emails())
    tick(utc(2026, 3, 5, 14, 0))

    assert early == 1
    assert len(digest_emails()) == 2
    assert digests(sam)[1].due_at == utc(2026, 3, 5, 14)


def test_a_zone_changed_after_scheduling_retimes_a_due_digest(db: None) -> None:
    """A row out of step with the settings (changed behind the app's back) is re-timed."""
    sam = busy_user("sam", "America/New_York", utc(2026, 3, 2, 16))
    tick(utc(2026, 3, 4, 10, 0))
    Reminder.objects.filter(owner=sam, dedupe_key=digest_key(sam.pk, date(2026, 3, 4))).update(
        due_at=utc(2026, 3, 4, 9), next_attempt_at=utc(2026, 3, 4, 9)
    )

    tick(utc(2026, 3, 4, 10, 0))
    row = Reminder.objects.get(dedupe_key=digest_key(sam.pk, date(2026, 3, 4)))

    assert digest_emails() == []
    assert (row.state, row.due_at, row.attempts) == (ReminderState.PENDING, utc(2026, 3, 4, 12), 0)


def test_no_digest_row_without_an_address_or_with_the_digest_off(db: None) -> None:
    """No email address, or the digest switched off: nothing is scheduled for them."""
    nobody = busy_user("nobody", "UTC", utc(2026, 3, 2, 16))
    nobody.email = ""
    nobody.save()
    off = busy_user("off", "UTC", utc(2026, 3, 2, 16))
    ReminderSettings.objects.create(user=off, digest_enabled=False)

    tick(utc(2026, 3, 4, 7, 0))

    assert not Reminder.objects.filter(kind=ReminderKind.DIGEST).exists()


def test_no_digest_row_for_someone_with_nothing_in_progress(db: None) -> None:
    """Only decided applications and no plan: not even a row to skip."""
    done = UserFactory(username="done")
    ApplicationFactory(owner=done, status="decided")

    tick(utc(2026, 3, 4, 7, 0))

    assert not Reminder.objects.exists()


def test_a_digest_hour_long_past_is_not_made_up_for(db: None) -> None:
    """First scheduled at 15:00: today's 07:00 digest is not sent late; tomorrow's is made."""
    sam = busy_user("sam", "America/New_York", utc(2026, 3, 2, 16))

    tick(utc(2026, 3, 4, 20, 0))

    assert digest_emails() == []
    assert [r.dedupe_key for r in digests(sam)] == [digest_key(sam.pk, date(2026, 3, 5))]


def test_scheduling_twice_proposes_nothing_the_second_time(db: None) -> None:
    """Once today's and tomorrow's rows exist, a tick has nothing to add (the worker can rest)."""
    busy_user("sam", "America/New_York", utc(2026, 3, 2, 16))
    now = utc(2026, 3, 4, 10, 0)

    first = schedule_reminders(now, "w1")
    second = schedule_reminders(now, "w2")

    assert (first, second) == (2, 0)
    assert Application.objects.count() == 1
