"""Scheduling reminders: one row per digest and per due action, never two for the same thing.

Any number of workers run this job at once. They do not coordinate: each proposes the rows it
finds missing and inserts them ignoring conflicts on the unique ``dedupe_key``, so whichever
insert comes second does nothing. The rows are then sent by reminders/send.py.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.contrib.auth import get_user_model
from django.db.models import Exists, OuterRef, Q

from afterword.infra.jobs import register
from afterword.reminders.models import NotificationChannel, Reminder, ReminderKind, ReminderState
from afterword.reminders.models.reminders import DIGEST_HOUR_DEFAULT
from afterword.rules.search import ACTIVE_STATUSES
from afterword.tracker.models import Action, Application

# After this, a morning digest is no longer a morning digest, and a "due now" ping is stale:
# a worker that was down all morning does not make up for it in the afternoon.
DIGEST_LATE_BY = timedelta(hours=6)
ACTION_LATE_BY = timedelta(hours=6)
# The user's night on their own clock: per-action notifications wait until morning.
QUIET_FROM = 21
QUIET_UNTIL = 8
# Finished rows are kept this long: the settings page lists them, and the weekly nudge looks
# back one week.
KEEP_FINISHED = timedelta(days=30)
# Keys per existence query: well under SQLite's limit on parameters.
CHUNK = 500


def digest_key(user_id: int, day: date) -> str:
    return f"digest:{user_id}:{day.isoformat()}"


def action_key(
    application_id: int, kind: str, interview_id: int, interviewer_id: int | None, due: datetime
) -> str:
    """Names the action by what it is, not by its row: re-planning replaces Action rows."""
    who = interviewer_id if interviewer_id is not None else "-"
    when = due.astimezone(UTC).isoformat()
    return f"action:{application_id}:{kind}:{interview_id}:{who}:{when}"


def digest_due(day: date, hour: int, zone: ZoneInfo) -> datetime:
    """The moment of the digest on the user's local ``day`` at ``hour``, in UTC.

    1. Read ``day`` at ``hour``:00 on the user's wall clock, fold 0: when the clocks go back
       and the hour happens twice, the first one.
    2. When the clocks go forward over that hour, it does not exist; zoneinfo then applies the
       offset from before the change, which lands the same distance past the gap (02:30 in New
       York on the spring-forward day becomes 03:30 EDT). Still one moment, on that day.
    """
    return datetime.combine(day, time(hour), tzinfo=zone).astimezone(UTC)


def outside_quiet_hours(moment: datetime, zone: ZoneInfo) -> datetime:
    """``moment``, or the end of the user's night when it falls inside it.

    An action is due on the employer's clock: a 10:00 check-in in Berlin is 04:00 in New York,
    and nobody wants their phone to buzz then. From QUIET_FROM to QUIET_UNTIL on the user's own
    clock the notification waits for QUIET_UNTIL (the action's window stays open for hours).
    """
    local = moment.astimezone(zone)
    if QUIET_UNTIL <= local.hour < QUIET_FROM:
        return moment
    day = local.date() if local.hour < QUIET_UNTIL else local.date() + timedelta(days=1)
    return datetime.combine(day, time(QUIET_UNTIL), tzinfo=zone).astimezone(UTC)


def zone_of(name: str | None) -> ZoneInfo:
    try:
        return ZoneInfo(name or "UTC")
    except (ZoneInfoNotFoundError, ValueError):
        # Validated on the way in; a zone dropped from a later tz database falls back to UTC.
        return ZoneInfo("UTC")


@register("schedule reminders")
def schedule_reminders(now: datetime, worker: str) -> int:
    """Create the reminder rows that are missing; returns how many were proposed.

    1. Digests: today's and tomorrow's (the user's own dates) for each user who wants one, has
       an address, has something the digest might mention and has none waiting; today's not
       when its hour is long past.
    2. Per-action reminders: one for each pending action that has just come due, for users
       with a channel switched on.
    3. Keep only the rows not there yet, insert them ignoring conflicts (another worker may
       have inserted the same keys a moment ago), and prune old finished rows.
    """
    proposed = list(digest_rows(now)) + list(action_rows(now))
    missing = _missing(proposed)
    if missing:
        Reminder.objects.bulk_create(missing, ignore_conflicts=True, batch_size=CHUNK)
        # Only on ticks that added rows: at most a few times a day per user, not every tick.
        _prune(now)
    return len(missing)


def digest_rows(now: datetime) -> Iterator[Reminder]:
    """Today's digest (unless its hour is long past) and tomorrow's, for users without one.

    Proposing tomorrow's as soon as today's is done leaves every user with exactly one
    waiting digest row, so the candidate query stays empty on almost every tick.
    """
    for user_id, zone_name, hour in digest_candidates():
        zone = zone_of(zone_name)
        today = now.astimezone(zone).date()
        for day in (today, today + timedelta(days=1)):
            due = digest_due(day, hour if hour is not None else DIGEST_HOUR_DEFAULT, zone)
            if now > due + DIGEST_LATE_BY:
                continue
            yield Reminder(
                owner_id=user_id,
                kind=ReminderKind.DIGEST,
                dedupe_key=digest_key(user_id, day),
                due_at=due,
                next_attempt_at=due,
                payload={"day": day.isoformat()},
            )


def digest_candidates() -> Iterator[tuple[int, str | None, int | None]]:
    """(user id, time zone, digest hour) of everyone who may need a digest row now.

    Active users with the digest on (no settings row means the defaults: on, at 07:00), an
    address to send to, an application still in progress or a pending action (the rest would
    only ever get a quiet day), and no digest waiting to be sent already.

    The last condition is applied in Python, from one read of the waiting rows, rather than
    as NOT EXISTS in SQL: right after a bulk load PostgreSQL's statistics can call the
    reminder table empty and plan the anti-join as a nested loop over every pair of user and
    row (20 s for 10,000 users); two plain reads stay fast whatever the statistics say.
    """
    waiting = set(
        Reminder.objects.filter(
            kind=ReminderKind.DIGEST,
            state__in=[ReminderState.PENDING, ReminderState.SENDING],
        ).values_list("owner_id", flat=True)
    )
    # Outside access.py on purpose: the worker plans for every user at once, matched by OuterRef.
    busy = Application.objects.filter(owner=OuterRef("pk"), status__in=ACTIVE_STATUSES)
    planned = Action.objects.filter(owner=OuterRef("pk"))
    users = (
        get_user_model()
        .objects.filter(is_active=True)
        .exclude(reminder_settings__digest_enabled=False)
        .filter(~Q(email="") | Q(mail_account__isnull=False))
        .filter(Exists(busy) | Exists(planned))
        .values_list("pk", "afterword__timezone", "reminder_settings__digest_hour")
        .order_by("pk")
    )
    return (row for row in users.iterator(chunk_size=CHUNK) if row[0] not in waiting)


def action_rows(now: datetime) -> Iterator[Reminder]:
    """Reminders for actions that came due in the last few hours, for users with channels."""
    # Owners with a channel on come first: then the (owner, due) index finds their actions,
    # rather than a scan of every action of every user on each tick.
    listening = NotificationChannel.objects.filter(enabled=True).values("owner_id")
    due = (
        Action.objects.filter(owner_id__in=listening, due__lte=now, due__gt=now - ACTION_LATE_BY)
        .exclude(owner__reminder_settings__per_action_notifications=False)
        .values_list(
            "owner_id",
            "application_id",
            "kind",
            "interview_id",
            "interviewer_id",
            "due",
            "owner__afterword__timezone",
        )
        .order_by("due", "pk")
    )
    for owner_id, application_id, kind, interview_id, interviewer_id, due_at, zone in due:
        remind_at = outside_quiet_hours(due_at, zone_of(zone))
        yield Reminder(
            owner_id=owner_id,
            kind=ReminderKind.ACTION,
            dedupe_key=action_key(application_id, kind, interview_id, interviewer_id, due_at),
            due_at=remind_at,
            next_attempt_at=remind_at,
            payload={
                "application": application_id,
                "kind": kind,
                "interview": interview_id,
                "interviewer": interviewer_id,
                "due": due_at.astimezone(UTC).isoformat(),
            },
        )


def _missing(rows: list[Reminder]) -> list[Reminder]:
    """The rows whose key is not in the table yet (one query per CHUNK keys)."""
    found: set[str] = set()
    keys = [row.dedupe_key for row in rows]
    for start in range(0, len(keys), CHUNK):
        found.update(
            Reminder.objects.filter(dedupe_key__in=keys[start : start + CHUNK]).values_list(
                "dedupe_key", flat=True
            )
        )
    return [row for row in rows if row.dedupe_key not in found]


def _prune(now: datetime) -> None:
    finished = [ReminderState.SENT, ReminderState.SKIPPED, ReminderState.FAILED]
    Reminder.objects.filter(state__in=finished, due_at__lt=now - KEEP_FINISHED).delete()
