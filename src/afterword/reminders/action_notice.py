"""Delivering one per-action reminder to every notification channel the user switched on.

The row remembers which channels it has reached (``payload["delivered"]``), so a retry after
one channel failed goes only to the channels still missing it.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from afterword.reminders.access import related
from afterword.reminders.digest import clock, employer_clock, loaded_settings
from afterword.reminders.models import NotificationChannel, Reminder
from afterword.reminders.notify import AppriseTransport, Transport, TransportError
from afterword.reminders.outcome import Outcome
from afterword.reminders.schedule import zone_of
from afterword.rules.kinds import action_label
from afterword.tracker import access
from afterword.tracker.access import actions_for
from afterword.tracker.models import Action


def deliver_action(reminder: Reminder, now: datetime) -> Outcome:
    """Notify the user's channels that an action is due, or say why not.

    1. The action must still be in the plan at that time (a reply or a re-plan may have
       cancelled or moved it): otherwise skipped.
    2. Per-action notifications off, or no channel on: skipped.
    3. Each channel not yet reached gets the notification; its outcome is kept on the channel.
    4. Every channel reached: sent. Some failed: retry (only those), or failed when none of
       the failures can get better by waiting.
    """
    user = reminder.owner
    action = find_action(reminder)
    if action is None:
        return Outcome.skipped("The plan changed: this follow-up is no longer due then.")
    mine = related(user, "reminder_settings")
    if mine is not None and not mine.per_action_notifications:
        return Outcome.skipped("Notifications for due follow-ups are turned off.")
    delivered = [int(pk) for pk in reminder.payload.get("delivered", [])]
    channels = list(
        access.belonging_to(user.pk, NotificationChannel)
        .filter(enabled=True)
        .exclude(pk__in=delivered)
    )
    if not channels:
        if delivered:
            return Outcome.sent(delivered=delivered)
        return Outcome.skipped("No notification channel is switched on.")
    title, body = action_message(action, zone_of(loaded_settings(user).timezone))
    problems: list[str] = []
    permanent = True
    for channel in channels:
        try:
            notify_channel(channel, AppriseTransport(channel), title, body)
        except TransportError as error:
            problems.append(f"{channel.label}: {error.message}")
            permanent = permanent and error.permanent
        else:
            delivered.append(channel.pk)
    if not problems:
        return Outcome.sent(delivered=delivered)
    note = " ".join(problems)
    if permanent:
        return Outcome.failed(note, delivered=delivered)
    return Outcome.retry(note, delivered=delivered)


def find_action(reminder: Reminder) -> Action | None:
    """The planned action this reminder is about, looked up among its owner's actions only."""
    about = reminder.payload
    return (
        actions_for(reminder.owner)
        .filter(
            application_id=about.get("application"),
            kind=about.get("kind"),
            interview_id=about.get("interview"),
            interviewer_id=about.get("interviewer"),
            # The row may wait for the user's morning; the action keeps its own due time.
            due=datetime.fromisoformat(about["due"]) if about.get("due") else reminder.due_at,
        )
        .select_related("application", "interviewer")
        .first()
    )


def action_message(action: Action, zone: ZoneInfo) -> tuple[str, str]:
    """Title and plain-text body: what, for whom, where, when, why, and the link."""
    application = action.application
    who = f" · {action.interviewer.name}" if action.interviewer else ""
    title = f"Due now: {action_label(action.kind)}{who}"
    employer = (
        f"{application.employer}, {application.role}" if application.role else application.employer
    )
    theirs = employer_clock(action.due, zone, ZoneInfo(application.employer_timezone))
    when = clock(action.due, zone) + (f" ({theirs})" if theirs else "")
    # The follow-up's lasting address: it opens the draft while the follow-up is pending and
    # says what became of it afterwards, however many re-plans happen before it is tapped.
    link = settings.SITE_URL + reverse("follow_up_draft", args=[application.pk, action.key])
    body = f"{employer}. Due {when}.\n{action.why}\n{link}"
    return title, body


def notify_channel(
    channel: NotificationChannel, transport: Transport, title: str, body: str
) -> None:
    """Send through ``transport`` and keep the outcome on the channel for the settings page."""
    try:
        transport.notify(title, body)
    except TransportError as error:
        _remember(channel, ok=False, result=error.message)
        raise
    _remember(channel, ok=True, result="Delivered.")


def _remember(channel: NotificationChannel, *, ok: bool, result: str) -> None:
    now = timezone.now()
    NotificationChannel.objects.filter(pk=channel.pk).update(
        last_used_at=now, last_ok=ok, last_result=result[:500]
    )
    channel.last_used_at, channel.last_ok, channel.last_result = now, ok, result[:500]
