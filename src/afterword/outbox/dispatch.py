"""The worker's side of the outbox: claim due emails, send them, record what happened.

Sent at most once. A worker first *reserves* a batch of due rows in one short transaction
(``claim_batch``: FOR UPDATE SKIP LOCKED on PostgreSQL, so two workers never reserve the same
row): the rows stay ``pending``, stamped with the worker's name and a lease, and nothing has
been tried yet. Then, one email at a time, it *starts* the next one with a conditional UPDATE
(pending, due and still reserved by this worker -> sending); only the worker whose UPDATE
changed the row sends it, and the start is committed before a byte of it goes out. Its outcome
is committed before the next one starts, so a worker has at most one email in flight, as when
rows were claimed one by one. Emails of the same owner go out over one SMTP connection.

Failures before the server could have accepted the message go back to pending with a growing
delay, or to failed when retrying cannot help. A worker that dies mid-send leaves that one row
``sending``; once its lease has run out, ``expire_leases`` marks it ``uncertain`` for the user to
check, and nothing ever sends it again on its own. The rest of its batch is still ``pending``:
once the reservation's lease has run out, any worker takes those rows as if never reserved.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from contextlib import ExitStack
from datetime import datetime, timedelta
from itertools import groupby
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from afterword.infra import stopping
from afterword.infra.claims import claim_batch
from afterword.infra.jobs import register
from afterword.outbox import transitions
from afterword.outbox.archive_hold import NOT_HELD
from afterword.outbox.messages import compose, thread_of
from afterword.outbox.models import EmailState, MailAccount, OutgoingEmail
from afterword.outbox.queue import planned_due
from afterword.outbox.smtp import SendError, Session, UncertainSend
from afterword.tracker import access
from afterword.tracker.models import Event, Status

log = logging.getLogger(__name__)

# Longer than the slowest send we wait for (connect, TLS, login, content: TIMEOUT each).
LEASE = timedelta(minutes=10)
_lease = LEASE
# Tries in all; the waits between them double from FIRST_RETRY (2, 4, 8, 16, 32 minutes).
MAX_ATTEMPTS = 6
FIRST_RETRY = timedelta(minutes=2)
# Rows reserved at once. Enough that the reservation's cost is spread thin; few enough that
# several workers share a short queue, and that a worker which dies strands few rows (until
# the reservation's lease runs out).
RESERVE = 25
# Emails per job call, so the worker's other jobs get their turn in a long queue.
BATCH = 100
UNCERTAIN_MESSAGE = (
    "The worker stopped while sending this email, so we could not confirm that it was sent."
)


@register("send due emails")
def send_due_emails(now: datetime, worker_name: str) -> int:
    """Send due emails until none is due, BATCH are done, or a stop is asked; how many.

    1. Reserve up to RESERVE due rows for this worker (oldest due first).
    2. Send them owner by owner, each owner's over one SMTP connection (``send_reserved``).
    3. Reserve again until the queue is empty or BATCH emails were handled.
    """
    handled = 0
    while handled < BATCH and not stopping.requested():
        reserved = reserve(now, worker_name, min(RESERVE, BATCH - handled))
        if not reserved:
            break
        handled += send_reserved(reserved, now, worker_name)
    return handled


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


def reserve(now: datetime, worker_name: str, limit: int) -> list[OutgoingEmail]:
    """Up to ``limit`` due pending rows, now reserved for this worker, grouped by owner.

    A reservation is a name and a lease on a row that stays ``pending``: it only keeps other
    workers away. A reservation whose lease has run out (its worker died) counts as none.
    The partial index on pending rows makes the read cheap however long the history.
    """
    due = (
        OutgoingEmail.objects.filter(NOT_HELD, state=EmailState.PENDING, due_at__lte=now)
        .filter(Q(lease_until__isnull=True) | Q(lease_until__lt=now))
        .order_by("due_at", "pk")
    )
    ids = claim_batch(
        due, limit, claimed_by=worker_name, lease_until=max(now, timezone.now()) + _lease
    )
    if not ids:
        return []
    # Not the draft with them: whether it is still wanted is read after the start, as late
    # as possible before sending.
    rows = OutgoingEmail.objects.filter(
        pk__in=ids, state=EmailState.PENDING, claimed_by=worker_name
    )
    # Owner by owner, each owner's oldest first: one SMTP connection per run of an owner.
    return sorted(rows, key=lambda email: (email.owner_id, email.due_at, email.pk))


def start(email: OutgoingEmail, now: datetime, worker_name: str) -> bool:
    """Take a reserved row to ``sending``: True if this worker may now send it.

    The conditional UPDATE repeats what sending needs: still pending (not cancelled by its
    owner meanwhile), still due, and still reserved by this worker (no one took it over after
    a lapsed reservation). The database serialises UPDATEs, so exactly one worker sees a count
    of one, and the row is ``sending`` before anything goes out.
    """
    if not transitions.start(email.pk, worker_name, now, timezone.now() + _lease):
        return False
    email.state = EmailState.SENDING
    email.attempts += 1
    return True


def release(emails: Iterable[OutgoingEmail], worker_name: str) -> None:
    """Give back reserved rows this worker will not send now (a stop was asked)."""
    OutgoingEmail.objects.filter(
        pk__in=[email.pk for email in emails], state=EmailState.PENDING, claimed_by=worker_name
    ).update(claimed_by="", lease_until=None)


def claim_next(now: datetime, worker_name: str) -> OutgoingEmail | None:
    """The next due email, started (``sending``) by this worker; None when nothing is due."""
    while reserved := reserve(now, worker_name, 1):
        if start(reserved[0], now, worker_name):
            return reserved[0]
    return None


def send_reserved(reserved: list[OutgoingEmail], now: datetime, worker_name: str) -> int:
    """Start, send and record each reserved email in turn; returns how many were handled.

    Each owner's emails go over one SMTP session, opened for the first of them that is ready
    to go and closed after the last (or after a failure, to be opened afresh). A stop request
    is honoured between two emails: the rest are released, not left reserved.
    """
    handled = 0
    left = list(reversed(reserved))
    try:
        for owner_id, emails in groupby(reserved, key=lambda email: email.owner_id):
            account = mailbox_of(owner_id)
            with ExitStack() as stack:
                session = stack.enter_context(Session(account)) if account else None
                for email in emails:
                    if stopping.requested():
                        return handled
                    left.pop()
                    if start(email, now, worker_name):
                        deliver(email, worker_name, account, session)
                        handled += 1
        return handled
    finally:
        if left:
            release(left, worker_name)


def mailbox_of(owner_id: int) -> MailAccount | None:
    """The owner's mailbox, with the owner's time zone for the Date header in the same query."""
    return access.belonging_to(
        owner_id, MailAccount.objects.select_related("user__afterword")
    ).first()


def deliver(
    email: OutgoingEmail,
    worker_name: str,
    account: MailAccount | None,
    session: Session | None = None,
) -> str:
    """Send one started email and record the outcome; returns the row's new state.

    1. Drop it (cancelled) if its draft was marked sent meanwhile or the plan no longer asks
       for the message: news that arrived after queueing must not be answered by a stale email.
    2. Thread it under the application's earlier sent messages and compose it.
    3. Send it through the owner's own mailbox (over ``session`` when given).
    4. Record: sent (with the application's event), uncertain, failed, or pending again later.
    """
    try:
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
        if session is not None:
            session.send(message)
        else:
            with Session(account) as single:
                single.send(message)
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
    _record_accepted(email, sent_at)
    log.info("%s sent %s to %s", worker_name, email.message_id, email.to)
    return EmailState.SENT


def _record_accepted(email: OutgoingEmail, sent_at: datetime) -> None:
    """The server took it: sent, committed before the next email starts.

    A slow send may have outlived its lease and been marked uncertain: it is sent all the
    same. The event (if any) is recorded in the same transaction, so a sent row always has its
    event; a plain email needs only the one UPDATE, in autocommit.
    """
    if email.draft_id is None and not email.event_type:
        transitions.mark_sent(email.pk, sent_at)
        return
    with transaction.atomic():
        transitions.mark_sent(email.pk, sent_at)
        email.refresh_from_db()
        record_sent(email, sent_at)


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
