"""Sending reminders: claim a due row, deliver it, record what happened.

At least once. A row is claimed by a conditional UPDATE (pending and due, or sending with its
lease run out, -> sending with a new lease); only the worker whose UPDATE changed exactly one
row delivers it. A worker that dies after delivering but before recording leaves the row
``sending``; once the lease runs out another worker claims it and delivers it again. That is
acceptable for a reminder to oneself, and the unique key means it is the same row, not a
second one. Failures are retried with growing waits up to MAX_ATTEMPTS, then marked failed
with their reason, which the notification settings page shows.
"""

from __future__ import annotations

import logging
import random
from datetime import datetime, timedelta

from django.db.models import F, Q
from django.utils import timezone

from afterword.infra.claims import work_through
from afterword.infra.jobs import register
from afterword.reminders.action_notice import deliver_action
from afterword.reminders.digest_delivery import deliver_digest
from afterword.reminders.models import Reminder, ReminderKind, ReminderState
from afterword.reminders.outcome import Outcome

log = logging.getLogger(__name__)

# Long enough for the slowest delivery (an SMTP session, or several channels in a row).
LEASE = timedelta(minutes=10)
MAX_ATTEMPTS = 5
# Waits after the 1st, 2nd, 3rd and 4th failed attempt.
RETRY_WAITS = (
    timedelta(minutes=1),
    timedelta(minutes=5),
    timedelta(minutes=20),
    timedelta(hours=1),
)
CANDIDATES = 20


@register("send reminders")
def send_reminders(now: datetime, worker: str) -> int:
    """Deliver due reminders one at a time until none is due, BATCH are done, or a stop."""
    return work_through(
        lambda: due_candidates(now),
        lambda pk: claim(pk, now, worker),
        lambda reminder: deliver(reminder, now, worker),
    )


def claimable(now: datetime) -> Q:
    """Due and waiting, or claimed by a worker whose lease ran out (it died mid-delivery)."""
    return Q(state=ReminderState.PENDING, next_attempt_at__lte=now) | Q(
        state=ReminderState.SENDING, lease_until__lt=now
    )


def due_candidates(now: datetime) -> list[int]:
    """Ids of up to CANDIDATES claimable rows, shuffled so that workers rarely collide."""
    pending = Reminder.objects.filter(
        state=ReminderState.PENDING, next_attempt_at__lte=now
    ).order_by("next_attempt_at")
    stalled = Reminder.objects.filter(state=ReminderState.SENDING, lease_until__lt=now)
    found = list(pending.values_list("pk", flat=True)[:CANDIDATES])
    found += list(stalled.values_list("pk", flat=True)[: CANDIDATES - len(found)])
    random.shuffle(found)
    return found


def claim(pk: int, now: datetime, worker: str) -> Reminder | None:
    """Row ``pk`` for this worker, or None if another worker was first.

    The UPDATE repeats the candidate conditions, so it changes the row only if it is still
    claimable; the database serialises the UPDATEs and exactly one sees a count of 1.
    """
    claimed = Reminder.objects.filter(claimable(now), pk=pk).update(
        state=ReminderState.SENDING,
        claimed_by=worker,
        lease_until=max(now, timezone.now()) + LEASE,
        attempts=F("attempts") + 1,
    )
    if claimed != 1:
        return None
    # The owner's settings and mailbox come in the same query: every delivery reads them.
    return Reminder.objects.select_related(
        "owner", "owner__afterword", "owner__reminder_settings", "owner__mail_account"
    ).get(pk=pk)


def deliver(reminder: Reminder, now: datetime, worker: str) -> None:
    """Deliver a claimed reminder and record the outcome; an unexpected error is a failure."""
    try:
        if reminder.kind == ReminderKind.DIGEST:
            outcome = deliver_digest(reminder, now)
        else:
            outcome = deliver_action(reminder, now)
    except Exception as error:
        # A bug must not leave the row "sending" forever, nor stop the other reminders.
        log.exception("reminder %s could not be delivered", reminder.pk)
        outcome = Outcome.retry(f"Unexpected error: {type(error).__name__}: {error}")
    record(reminder, outcome, worker)


def record(reminder: Reminder, outcome: Outcome, worker: str) -> bool:
    """Write the outcome, if this worker still holds the row; False if it no longer does.

    1. Sent or skipped: final.
    2. Retry: pending again after the next wait, unless that was the last attempt: failed.
    3. Re-timed (the user changed the digest hour or zone): pending at the new moment, and the
       claim does not count as an attempt.
    """
    now = timezone.now()
    payload = {**reminder.payload, **outcome.payload}
    changes: dict[str, object] = {"lease_until": None, "payload": payload}
    if outcome.state == "retime" and outcome.due_at is not None:
        changes.update(
            state=ReminderState.PENDING,
            due_at=outcome.due_at,
            next_attempt_at=outcome.due_at,
            attempts=F("attempts") - 1,
        )
    elif outcome.state == "retry" and reminder.attempts < MAX_ATTEMPTS:
        wait = RETRY_WAITS[min(reminder.attempts, len(RETRY_WAITS)) - 1]
        changes.update(
            state=ReminderState.PENDING, next_attempt_at=now + wait, last_error=outcome.note
        )
    elif outcome.state in ("retry", "failed"):
        note = outcome.note
        if outcome.state == "retry":
            note = f"Gave up after {reminder.attempts} attempts. {note}"
        changes.update(state=ReminderState.FAILED, last_error=note)
    elif outcome.state == "skipped":
        changes.update(state=ReminderState.SKIPPED, last_error=outcome.note)
    else:
        changes.update(state=ReminderState.SENT, sent_at=now, last_error="")
    held = Reminder.objects.filter(
        pk=reminder.pk, state=ReminderState.SENDING, claimed_by=worker
    ).update(**changes)
    if held != 1:
        log.warning(
            "reminder %s was taken over by another worker before it was recorded", reminder.pk
        )
    return held == 1
