"""The worker's side of the outbox: claim a due email, send it, record what happened.

Sent at most once. A row is claimed by a conditional UPDATE (pending and due -> sending, with a
lease); only the worker whose UPDATE changed exactly one row sends it. Failures before the
server could have accepted the message go back to pending with a growing delay, or to failed
when retrying cannot help. A worker that dies mid-send leaves the row ``sending``; once its
lease has run out, ``expire_leases`` marks it ``uncertain`` for the user to check, and nothing
ever sends it again on its own.
"""

from __future__ import annotations

import logging
import random
from collections.abc import Callable
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from afterword.infra.claims import work_through
from afterword.infra.jobs import register
from afterword.outbox.messages import compose, thread_of
from afterword.outbox.models import EmailState, MailAccount, OutgoingEmail
from afterword.outbox.queue import planned_due
from afterword.outbox.smtp import SendError, UncertainSend, send_message
from afterword.tracker import access
from afterword.tracker.models import Event, Status

log = logging.getLogger(__name__)

# Longer than the slowest send we wait for (connect, TLS, login, content: TIMEOUT each).
LEASE = timedelta(minutes=10)
_lease = LEASE
# Tries in all; the waits between them double from FIRST_RETRY (2, 4, 8, 16, 32 minutes).
MAX_ATTEMPTS = 6
FIRST_RETRY = timedelta(minutes=2)
# Due rows read per claiming round. Several workers each try them in their own random order,
# so they rarely collide on the same row.
CANDIDATES = 20
# An archived application's emails wait, still pending, until it is restored (an email with no
# application, such as the digest, is never held: the outer join gives it no archive date).
NOT_HELD = {"application__archived_at__isnull": True}
UNCERTAIN_MESSAGE = (
    "The worker stopped while sending this email, so we could not confirm that it was sent."
)


@register("send due emails")
def send_due_emails(now: datetime, worker_name: str) -> int:
    """Send due emails one at a time until none is due, BATCH are done, or a stop is asked."""
    return work_through(
        lambda: due_candidates(now),
        lambda pk: claim(pk, now, worker_name),
        lambda email: deliver(email, worker_name),
    )


@register("mark expired sends uncertain")
def expire_leases(now: datetime, worker_name: str = "") -> int:
    """Rows still ``sending`` after their lease: their worker died mid-send. Never resend."""
    return OutgoingEmail.objects.filter(state=EmailState.SENDING, lease_until__lt=now).update(
        state=EmailState.UNCERTAIN, last_error=UNCERTAIN_MESSAGE, lease_until=None
    )


def set_lease(seconds: float) -> None:
    """How long this process holds a claimed email (``afterword worker --lease``)."""
    global _lease
    _lease = timedelta(seconds=seconds)


def claim_next(now: datetime, worker_name: str) -> OutgoingEmail | None:
    """The next due email, now owned by this worker; None when nothing is due."""
    while candidates := due_candidates(now):
        for pk in candidates:
            email = claim(pk, now, worker_name)
            if email is not None:
                return email
    return None


def due_candidates(now: datetime) -> list[int]:
    """Ids of the first CANDIDATES due pending rows, in random order.

    The partial index on pending rows makes this cheap however long the history. The random
    order spreads several workers over different rows, so that their claims rarely collide.
    """
    candidates = list(
        OutgoingEmail.objects.filter(state=EmailState.PENDING, due_at__lte=now, **NOT_HELD)
        .order_by("due_at")
        .values_list("pk", flat=True)[:CANDIDATES]
    )
    random.shuffle(candidates)
    return candidates


def claim(pk: int, now: datetime, worker_name: str) -> OutgoingEmail | None:
    """Row ``pk`` for this worker, or None if another worker was first.

    A conditional UPDATE repeats the conditions of the candidate query: it changes the row only
    if it is still pending and due. Whoever's UPDATE reports one changed row owns it; the
    database serialises the UPDATEs, so there is exactly one such worker (no locks held).
    """
    claimed = OutgoingEmail.objects.filter(
        pk=pk, state=EmailState.PENDING, due_at__lte=now, **NOT_HELD
    ).update(
        state=EmailState.SENDING,
        claimed_by=worker_name,
        lease_until=timezone.now() + _lease,
        attempts=F("attempts") + 1,
    )
    return OutgoingEmail.objects.get(pk=pk) if claimed == 1 else None


def deliver(email: OutgoingEmail, worker_name: str) -> str:
    """Send one claimed email and record the outcome; returns the row's new state.

    1. Drop it (cancelled) if its draft was marked sent meanwhile or the plan no longer asks
       for the message: news that arrived after queueing must not be answered by a stale email.
    2. Thread it under the application's earlier sent messages and compose it.
    3. Send it through the owner's own mailbox.
    4. Record: sent (with the application's event), uncertain, failed, or pending again later.
    """
    try:
        # The owner's time zone comes along for the Date header, in the same query.
        account = access.belonging_to(
            email.owner_id, MailAccount.objects.select_related("user__afterword")
        ).first()
        held = _held_reason(email)
        if held:
            _finish(email, worker_name, state=EmailState.HELD, last_error=held)
            return EmailState.HELD
        stale = _stale_reason(email)
        if stale:
            _finish(email, worker_name, state=EmailState.CANCELLED, last_error=stale)
            return EmailState.CANCELLED
        if account is None:
            _finish(
                email,
                worker_name,
                state=EmailState.FAILED,
                last_error="Not sent: connect your mailbox in Mail settings, then try again.",
            )
            return EmailState.FAILED
        if email.application_id is not None:
            email.in_reply_to, email.references = thread_of(email)
            OutgoingEmail.objects.filter(pk=email.pk).update(
                in_reply_to=email.in_reply_to, references=email.references
            )
        sent_at = timezone.now()
        message = compose(email, account, sent_at.astimezone(_zone_of(account)))
    except Exception as error:
        # Nothing has left the machine yet, so failing is safe; the log has the details.
        log.exception("%s could not prepare email %s", worker_name, email.pk)
        _finish(
            email,
            worker_name,
            state=EmailState.FAILED,
            last_error=f"Not sent: Afterword could not prepare this email ({error}).",
        )
        return EmailState.FAILED
    try:
        send_message(account, message)
    except UncertainSend as error:
        _finish(email, worker_name, state=EmailState.UNCERTAIN, last_error=error.message)
        return EmailState.UNCERTAIN
    except SendError as error:
        return _failed(email, worker_name, error)
    except Exception as error:
        # Unknown trouble on the wire: it may have happened after the content went out.
        log.exception("%s lost track of email %s", worker_name, email.pk)
        _finish(
            email,
            worker_name,
            state=EmailState.UNCERTAIN,
            last_error=f"Something unexpected happened while sending ({error}), so we could "
            "not confirm that it was sent.",
        )
        return EmailState.UNCERTAIN
    # A slow send may have outlived its lease and been marked uncertain: it is sent. The event
    # (if any) is recorded in the same transaction, so a sent row always has its event.
    with transaction.atomic():
        OutgoingEmail.objects.filter(
            pk=email.pk, state__in=[EmailState.SENDING, EmailState.UNCERTAIN]
        ).update(state=EmailState.SENT, sent_at=sent_at, lease_until=None, last_error="")
        if email.draft_id is not None or email.event_type:
            email.refresh_from_db()
            record_sent(email, sent_at)
    log.info("%s sent %s to %s", worker_name, email.message_id, email.to)
    return EmailState.SENT


def record_sent(email: OutgoingEmail, now: datetime, note: str = "") -> None:
    """Record the application's event for a sent email (which re-plans), keeping any problem.

    The email has gone whatever happens here, so a refused event (the plan changed meanwhile)
    is noted on the row for the user instead of undoing anything.
    """
    from afterword.tracker.services import record_event

    problem = ""
    event = None
    try:
        with transaction.atomic():
            if email.draft is not None and email.draft.sent_at is None:
                from afterword.tracker.services.drafts import mark_sent

                event = _mark_draft_sent(email, now, mark_sent)
            elif email.draft is None and email.event_type and email.application is not None:
                event = record_event(
                    email.application,
                    email.event_type,
                    now,
                    channel="email",
                    promised_next=email.promised_next,
                )
    except ValidationError as error:
        problem = "Sent, but it could not be added to the application's history: " + " ".join(
            error.messages
        )
    last_error = " ".join(part for part in (note, problem) if part)
    OutgoingEmail.objects.filter(pk=email.pk).update(event=event, last_error=last_error)


def _mark_draft_sent(email: OutgoingEmail, now: datetime, mark_sent: Callable[..., Event]) -> Event:
    assert email.draft is not None
    try:
        return mark_sent(email.draft, now, email.promised_next)
    except ValidationError as error:
        # A promised date that has passed by the time the email went out is dropped, not
        # the whole event: the message was sent all the same.
        if email.promised_next is None or "promised_next" not in getattr(error, "error_dict", {}):
            raise
        return mark_sent(email.draft, now, None)


def _held_reason(email: OutgoingEmail) -> str:
    """Why an email is held for the user: its application was decided after it was queued.

    Sending a "still interested?" note after an offer or a rejection would be wrong, and
    cancelling it silently would be presumptuous: the user decides (send anyway, or cancel).
    """
    application = email.application
    if application is None or email.send_despite_decision or application.status != Status.DECIDED:
        return ""
    return (
        f"Held: {application.employer} has decided since this was queued. Send it anyway, "
        "or cancel it?"
    )


def _stale_reason(email: OutgoingEmail) -> str:
    if email.draft is None:
        return ""
    if email.draft.sent_at is not None:
        return "Not sent: this message had already been marked sent."
    if email.send_despite_decision:
        return ""
    if planned_due(email.draft) is None:
        return (
            "Not sent: the plan no longer asks for this message "
            "(news arrived or it was marked done after it was queued)."
        )
    return ""


def _failed(email: OutgoingEmail, worker_name: str, error: SendError) -> str:
    """Back to pending after a growing wait, or failed: permanent, or out of attempts."""
    if error.permanent:
        _finish(email, worker_name, state=EmailState.FAILED, last_error=f"Not sent: {error}")
        return EmailState.FAILED
    if email.attempts >= MAX_ATTEMPTS:
        _finish(
            email,
            worker_name,
            state=EmailState.FAILED,
            last_error=f"Not sent after {email.attempts} attempts: {error}",
        )
        return EmailState.FAILED
    wait = retry_delay(email.attempts)
    _finish(
        email,
        worker_name,
        state=EmailState.PENDING,
        due_at=timezone.now() + wait,
        last_error=f"Attempt {email.attempts} of {MAX_ATTEMPTS} failed: {error}",
    )
    return EmailState.PENDING


def retry_delay(attempts: int) -> timedelta:
    """The wait after the ``attempts``-th failed try: 2, 4, 8, 16, 32 minutes."""
    doublings: int = 2 ** max(attempts - 1, 0)
    return FIRST_RETRY * doublings


def _finish(email: OutgoingEmail, worker_name: str, **changes: object) -> None:
    # Only while the row is still ours: a row already swept to uncertain stays uncertain.
    OutgoingEmail.objects.filter(
        pk=email.pk, state=EmailState.SENDING, claimed_by=worker_name
    ).update(lease_until=None, **changes)


def _zone_of(account: MailAccount) -> ZoneInfo:
    """The owner's time zone, for the Date header (as their own mail program would write it)."""
    preferences = getattr(account.user, "afterword", None)
    try:
        return ZoneInfo(preferences.timezone if preferences is not None else "UTC")
    except (KeyError, ValueError):
        return ZoneInfo("UTC")
