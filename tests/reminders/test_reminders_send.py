"""Per-action reminders through Apprise, and the sender's claims, retries and take-overs."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.db import connection, transaction
from django.utils import timezone

from afterword.infra import stopping
from afterword.reminders import send
from afterword.reminders.models import Reminder, ReminderKind, ReminderSettings, ReminderState
from afterword.reminders.schedule import outside_quiet_hours, schedule_reminders
from afterword.reminders.send import MAX_ATTEMPTS, claim, claim_page, send_reminders
from afterword.tracker.models import Action
from afterword.tracker.services import record_event, replan
from afterword.worker.loop import load_jobs
from tests.factories import NotificationChannelFactory, UserFactory
from tests.reminders.helpers import add_interview, set_zone, tick
from tests.support.http_sink import HttpSink

# Mon 2 Mar 2026, 11:00 in New York: the interview ends; the thank-you is due 24 h later.
ENDED = datetime(2026, 3, 2, 16, 0, tzinfo=UTC)
THANK_YOU_DUE = ENDED + timedelta(hours=24)


def seeker(username: str = "sam") -> Any:
    user = UserFactory(username=username)
    set_zone(user, "America/New_York")
    return user


def action_reminders(user: Any) -> list[Reminder]:
    return list(Reminder.objects.filter(owner=user, kind=ReminderKind.ACTION).order_by("due_at"))


def test_a_due_action_notifies_every_channel_that_is_on(db: None, http_sink: HttpSink) -> None:
    """At the thank-you's due time, json:// and ntfy:// get it; a switched-off channel does not."""
    sam = seeker()
    add_interview(sam, ENDED, person="Priya Natarajan")
    NotificationChannelFactory(owner=sam, label="Hook", url=http_sink.url("json", "hook"))
    NotificationChannelFactory(owner=sam, label="Phone", url=http_sink.url("ntfy", "sam-phone"))
    NotificationChannelFactory(
        owner=sam, label="Old", url=http_sink.url("form", "old"), enabled=False
    )

    tick(THANK_YOU_DUE - timedelta(minutes=1))
    early = list(http_sink.received())
    tick(THANK_YOU_DUE)

    assert early == []
    [hook] = http_sink.received("/hook")
    [phone] = http_sink.received("/")
    assert http_sink.received("/old") == []
    assert hook.json()["title"] == "Due now: Send a thank-you email · Priya Natarajan"
    assert phone.json()["topic"] == "sam-phone"
    body = hook.json()["message"]
    assert body.startswith("Harbour Logistics, Data Analyst. Due Tue 3 Mar, 11:00.\n")
    assert "http://127.0.0.1:8000/applications/" in body
    assert "/follow-ups/thank-you-email-" in body and body.endswith("-1/draft/")
    [row] = action_reminders(sam)
    assert row.state == ReminderState.SENT
    assert len(row.payload["delivered"]) == 2


def test_the_employers_clock_is_added_when_it_reads_differently(
    db: None, http_sink: HttpSink
) -> None:
    """A Berlin employer and a New York user: the body gives both clocks."""
    sam = seeker()
    add_interview(
        sam,
        ENDED,
        employer_zone="Europe/Berlin",
        employer_country="DE",
        employer_subdivision="BE",
    )
    NotificationChannelFactory(owner=sam, url=http_sink.url("json", "hook"))

    tick(THANK_YOU_DUE)

    [hit] = http_sink.received("/hook")
    assert "Due Tue 3 Mar, 11:00 (17:00 Berlin time)." in hit.json()["message"]


def test_no_channel_no_action_reminder(db: None) -> None:
    """Without a channel switched on, due actions make no reminder rows at all."""
    sam = seeker()
    add_interview(sam, ENDED)
    NotificationChannelFactory(owner=sam, enabled=False)

    tick(THANK_YOU_DUE)

    assert action_reminders(sam) == []


def test_per_action_notifications_can_be_turned_off(db: None, http_sink: HttpSink) -> None:
    """The setting off: channels stay quiet even when an action comes due."""
    sam = seeker()
    add_interview(sam, ENDED)
    NotificationChannelFactory(owner=sam, url=http_sink.url("json", "hook"))
    ReminderSettings.objects.create(user=sam, per_action_notifications=False)

    tick(THANK_YOU_DUE)

    assert http_sink.received() == []
    assert action_reminders(sam) == []


def test_a_failing_channel_is_retried_with_waits_then_failed_with_its_reason(
    db: None, http_sink: HttpSink
) -> None:
    """500 every time: tried MAX_ATTEMPTS times at growing intervals, then failed, saying why."""
    http_sink.failures["/hook"] = 500
    sam = seeker()
    add_interview(sam, ENDED)
    channel = NotificationChannelFactory(
        owner=sam, label="Phone", url=http_sink.url("json", "hook")
    )
    moments = [THANK_YOU_DUE + timedelta(minutes=m) for m in range(0, 240)]

    for moment in moments:
        tick(moment)

    [row] = action_reminders(sam)
    tries = http_sink.received("/hook")
    assert len(tries) == MAX_ATTEMPTS
    assert row.state == ReminderState.FAILED
    assert row.attempts == MAX_ATTEMPTS
    assert row.last_error.startswith(f"Gave up after {MAX_ATTEMPTS} attempts. Phone: JSON:")
    assert "500" in row.last_error
    channel.refresh_from_db()
    assert channel.last_ok is False


def test_retry_waits_grow_between_attempts(db: None, http_sink: HttpSink) -> None:
    """After the first failure the next try is a minute later, then five minutes after that."""
    http_sink.failures["/hook"] = 503
    sam = seeker()
    add_interview(sam, ENDED)
    NotificationChannelFactory(owner=sam, url=http_sink.url("json", "hook"))

    tick(THANK_YOU_DUE)
    first = action_reminders(sam)[0].next_attempt_at
    tick(THANK_YOU_DUE + timedelta(seconds=59))
    tick(THANK_YOU_DUE + timedelta(minutes=1))
    second = action_reminders(sam)[0].next_attempt_at

    assert first == THANK_YOU_DUE + timedelta(minutes=1)
    assert second == THANK_YOU_DUE + timedelta(minutes=6)
    assert len(http_sink.received("/hook")) == 2


def test_a_retry_goes_only_to_the_channel_that_missed_it(db: None, http_sink: HttpSink) -> None:
    """One channel down, one up: the retry reaches the one that failed, not the other again."""
    http_sink.failures["/down"] = 502
    sam = seeker()
    add_interview(sam, ENDED)
    NotificationChannelFactory(owner=sam, label="Up", url=http_sink.url("json", "up"))
    NotificationChannelFactory(owner=sam, label="Down", url=http_sink.url("json", "down"))

    tick(THANK_YOU_DUE)
    del http_sink.failures["/down"]
    tick(THANK_YOU_DUE + timedelta(minutes=1))

    assert len(http_sink.received("/up")) == 1
    assert len(http_sink.received("/down")) == 2
    [row] = action_reminders(sam)
    assert row.state == ReminderState.SENT
    assert row.last_error == ""


def test_a_reminder_for_an_action_the_plan_dropped_is_skipped(
    db: None, http_sink: HttpSink
) -> None:
    """Scheduled, then the thank-you was sent before the reminder went: nothing is sent."""
    sam = seeker()
    application = add_interview(sam, ENDED)
    NotificationChannelFactory(owner=sam, url=http_sink.url("json", "hook"))
    with time_machine.travel(THANK_YOU_DUE, tick=False):
        schedule_reminders(timezone.now(), "w1")
        person = application.interviewers.get()
        record_event(
            application,
            "thank_you_sent",
            THANK_YOU_DUE,
            interview=application.interviews.get(),
            interviewer=person,
        )
        send_reminders(timezone.now(), "w1")

    [row] = action_reminders(sam)
    assert row.state == ReminderState.SKIPPED
    assert "plan changed" in row.last_error
    assert http_sink.received() == []


def test_only_one_worker_can_claim_a_row(db: None) -> None:
    """The conditional UPDATE gives the row to the first claimant; the second gets None."""
    sam = seeker()
    row = Reminder.objects.create(
        owner=sam,
        kind=ReminderKind.ACTION,
        dedupe_key="action:test",
        due_at=THANK_YOU_DUE,
        next_attempt_at=THANK_YOU_DUE,
    )

    first = claim(row.pk, THANK_YOU_DUE, "w1")
    second = claim(row.pk, THANK_YOU_DUE, "w2")

    assert first is not None and first.claimed_by == "w1"
    assert second is None


def test_a_worker_that_died_mid_send_is_taken_over_after_its_lease(
    db: None, http_sink: HttpSink
) -> None:
    """Claimed and never recorded: after the lease another worker delivers it (at least once)."""
    sam = seeker()
    add_interview(sam, ENDED)
    NotificationChannelFactory(owner=sam, url=http_sink.url("json", "hook"))
    with time_machine.travel(THANK_YOU_DUE, tick=False):
        schedule_reminders(timezone.now(), "dead")
        [row] = action_reminders(sam)
        claim(row.pk, timezone.now(), "dead")

    tick(THANK_YOU_DUE + timedelta(minutes=5), "alive")
    during_lease = len(http_sink.received())
    tick(THANK_YOU_DUE + timedelta(minutes=11), "alive")

    assert during_lease == 0
    [row] = action_reminders(sam)
    assert (row.state, row.claimed_by, row.attempts) == (ReminderState.SENT, "alive", 2)
    assert len(http_sink.received("/hook")) == 1


def test_replanning_does_not_make_a_second_reminder_for_the_same_action(
    db: None, http_sink: HttpSink
) -> None:
    """A re-plan may write an action's row anew (here every row); the key names the action,
    so no duplicate."""
    sam = seeker()
    application = add_interview(sam, ENDED)
    NotificationChannelFactory(owner=sam, url=http_sink.url("json", "hook"))
    tick(THANK_YOU_DUE)
    old_ids = set(Action.objects.values_list("pk", flat=True))

    Action.objects.filter(application=application).delete()
    replan(application, THANK_YOU_DUE + timedelta(minutes=1))
    tick(THANK_YOU_DUE + timedelta(minutes=2))

    assert not old_ids & set(Action.objects.values_list("pk", flat=True))
    assert len(action_reminders(sam)) == 1
    assert len(http_sink.received("/hook")) == 1


def test_the_worker_runs_the_reminder_jobs() -> None:
    """``afterword worker`` loads both reminder jobs, scheduling before sending."""
    names = list(load_jobs())

    assert names.index("schedule reminders") < names.index("send reminders")


def test_a_notification_due_in_the_users_night_waits_for_their_morning(
    db: None, http_sink: HttpSink
) -> None:
    """Due 16:00 UTC is 01:00 in Tokyo: the phone stays quiet until 08:00 there (23:00 UTC)."""
    sam = UserFactory(username="sam")
    set_zone(sam, "Asia/Tokyo")
    add_interview(sam, ENDED, person="Priya Natarajan")
    NotificationChannelFactory(owner=sam, url=http_sink.url("json", "hook"))
    tokyo_morning = datetime(2026, 3, 3, 23, 0, tzinfo=UTC)

    tick(THANK_YOU_DUE)
    tick(tokyo_morning - timedelta(minutes=1))
    at_night = list(http_sink.received("/hook"))
    tick(tokyo_morning)

    assert at_night == []
    [hit] = http_sink.received("/hook")
    assert hit.json()["title"] == "Due now: Send a thank-you email · Priya Natarajan"
    [row] = action_reminders(sam)
    assert (row.state, row.due_at) == (ReminderState.SENT, tokyo_morning)


def test_a_notification_due_in_the_users_day_goes_at_once() -> None:
    """Quiet hours only move what falls between 21:00 and 08:00 on the user's clock."""
    new_york = ZoneInfo("America/New_York")
    noon = datetime(2026, 3, 3, 17, 0, tzinfo=UTC)
    late = datetime(2026, 3, 4, 2, 30, tzinfo=UTC)  # 21:30 in New York

    assert outside_quiet_hours(noon, new_york) == noon
    assert outside_quiet_hours(late, new_york) == datetime(2026, 3, 4, 13, 0, tzinfo=UTC)


# Wed 4 Mar 2026, 07:00 in New York: the morning digest of every seeker is due.
SEVEN = datetime(2026, 3, 4, 12, 0, tzinfo=UTC)


def digests_due(count: int) -> list[Any]:
    people = []
    for n in range(count):
        person = seeker(f"seeker{n}")
        add_interview(person, ENDED)
        people.append(person)
    schedule_reminders(SEVEN, "scheduler")
    return people


def _digest_states() -> list[tuple[str, str, int]]:
    rows = Reminder.objects.filter(kind=ReminderKind.DIGEST, due_at__lte=SEVEN).order_by("pk")
    return [(row.state, row.claimed_by, row.attempts) for row in rows]


def test_a_page_is_claimed_at_once_and_another_worker_takes_the_rest(db: None) -> None:
    """Two of five due digests for w1 in one claim; w2 then finds only the other three."""
    digests_due(5)

    first = claim_page(SEVEN, "w1", 2)
    second = claim_page(SEVEN, "w2", 10)

    assert len(first) == 2 and len(second) == 3
    assert not {r.pk for r in first} & {r.pk for r in second}
    assert sorted(_digest_states()) == sorted(
        [(ReminderState.SENDING, "w1", 1)] * 2 + [(ReminderState.SENDING, "w2", 1)] * 3
    )


def test_a_stop_request_gives_back_the_rest_of_the_page(
    db: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """SIGTERM during the first digest: it is sent; the others wait, their claim not counted."""
    digests_due(3)
    deliver = send.deliver

    def deliver_then_stop(*args: Any, **kwargs: Any) -> None:
        stopping.request()
        deliver(*args, **kwargs)

    monkeypatch.setattr(send, "deliver", deliver_then_stop)
    try:
        handled = send_reminders(SEVEN, "w1")
    finally:
        stopping.reset()

    assert handled == 1
    assert (
        _digest_states() == [(ReminderState.SENT, "w1", 1)] + [(ReminderState.PENDING, "", 0)] * 2
    )


def queue_row(owner: Any, key: str, next_attempt: datetime, **state: Any) -> Reminder:
    return Reminder.objects.create(
        owner=owner,
        kind=ReminderKind.ACTION,
        dedupe_key=key,
        due_at=next_attempt,
        next_attempt_at=next_attempt,
        **state,
    )


def test_a_page_takes_the_oldest_claimable_rows_waiting_or_abandoned_alike(db: None) -> None:
    """Waiting and abandoned rows are claimed in one order, oldest attempt first; the rest of
    each kind stays as it was, and rows not claimable are never taken."""
    sam = seeker()
    lease_over = {"state": ReminderState.SENDING, "claimed_by": "dead", "attempts": 1}
    rows = {
        "waiting 1": queue_row(sam, "a", SEVEN - timedelta(hours=5)),
        "abandoned 2": queue_row(
            sam,
            "b",
            SEVEN - timedelta(hours=4),
            **lease_over,
            lease_until=SEVEN - timedelta(minutes=1),
        ),
        "waiting 3": queue_row(sam, "c", SEVEN - timedelta(hours=3)),
        "abandoned 4": queue_row(
            sam,
            "d",
            SEVEN - timedelta(hours=2),
            **lease_over,
            lease_until=SEVEN - timedelta(minutes=1),
        ),
        "waiting 5": queue_row(sam, "e", SEVEN - timedelta(hours=1)),
        "in flight": queue_row(
            sam,
            "f",
            SEVEN - timedelta(hours=6),
            **lease_over,
            lease_until=SEVEN + timedelta(minutes=5),
        ),
        "not yet due": queue_row(sam, "g", SEVEN + timedelta(minutes=1)),
        "sent": queue_row(sam, "h", SEVEN - timedelta(hours=7), state=ReminderState.SENT),
    }

    page = claim_page(SEVEN, "w1", 3)
    rest = claim_page(SEVEN, "w2", 10)

    names = {row.pk: name for name, row in rows.items()}
    assert [names[row.pk] for row in page] == ["waiting 1", "abandoned 2", "waiting 3"]
    assert [names[row.pk] for row in rest] == ["abandoned 4", "waiting 5"]
    left = {names[row.pk]: (row.state, row.claimed_by) for row in Reminder.objects.all()}
    assert left["in flight"] == (ReminderState.SENDING, "dead")
    assert left["not yet due"] == (ReminderState.PENDING, "")
    assert left["sent"] == (ReminderState.SENT, "")


def test_the_claim_reads_waiting_rows_through_an_index_in_their_order(db: None) -> None:
    """PostgreSQL can read a page of waiting rows in claim order and stop: a plan exists
    with no sort of the due rows (with sorting priced out, none is chosen)."""
    if connection.vendor != "postgresql":
        pytest.skip("SQLite takes the whole database's write lock; no planner question")
    digests_due(3)
    seen: list[tuple[str, Any]] = []

    def record(execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
        seen.append((sql, params))
        return execute(sql, params, many, context)

    with connection.execute_wrapper(record):
        claim_page(SEVEN, "w1", 2)

    # The waiting rows' read, then the abandoned rows' (reminders/send.py: claim_parts).
    [(sql, params), _] = [(query, values) for query, values in seen if "SKIP LOCKED" in query]
    assert ReminderState.PENDING in params
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_sort = off")
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("EXPLAIN " + sql, params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "delivery_reminder_claim_order" in plan and "Sort" not in plan, plan
    assert "LIMIT" in sql and " OR " not in sql
