"""Putting emails in the outbox and the user's own decisions about them.

Queueing writes a row and nothing else: the worker (outbox/dispatch.py) sends it when it is
due. Every change of state here is a conditional UPDATE on the state the page showed, so a
button pressed while the worker is busy with the same row changes nothing instead of racing it.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Literal

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.db.models import Q, QuerySet
from django.http import Http404

from afterword.outbox.messages import new_message_id
from afterword.outbox.models import EmailState, MailAccount, OutgoingEmail
from afterword.rules.kinds import ACTIONS
from afterword.tracker import access
from afterword.tracker.access import User
from afterword.tracker.models import Action, Application, Draft

# The event that sending a draft of each kind means (as tracker.services.complete_action).
DRAFT_EVENT = {name: kind.done_event for name, kind in ACTIONS.items() if kind.is_email}
MAX_RECIPIENTS = 10
When = Literal["now", "due"]


def queue_email(
    owner: Any,
    *,
    to: str,
    subject: str,
    body: str,
    now: datetime,
    due_at: datetime | None = None,
    cc: str = "",
    application: Application | None = None,
    draft: Draft | None = None,
    event_type: str = "",
    promised_next: date | None = None,
    retry_of: OutgoingEmail | None = None,
) -> OutgoingEmail:
    """Put one email in ``owner``'s outbox, due at ``due_at`` (default: now); return its row.

    Raises ValidationError naming the field (``to``, ``subject``, ``body``, ``mail_account``)
    when it cannot be sent as given; then nothing is saved.
    """
    account = access.belonging_to(owner.pk, MailAccount).first()
    errors: dict[str, str] = {}
    if account is None:
        errors["mail_account"] = "Connect your mailbox in Mail settings before sending."
    to_list, to_error = _addresses(to, required=True)
    cc_list, cc_error = _addresses(cc, required=False)
    if to_error:
        errors["to"] = to_error
    if cc_error:
        errors["cc"] = cc_error
    if len(to_list) + len(cc_list) > MAX_RECIPIENTS:
        errors["to"] = f"At most {MAX_RECIPIENTS} recipients, To and Cc together."
    if not subject.strip():
        errors["subject"] = "Give the email a subject."
    elif "\n" in subject or "\r" in subject:
        errors["subject"] = "The subject must be one line."
    if not body.strip():
        errors["body"] = "The email is empty."
    for thing, name in ((application, "application"), (draft, "draft")):
        if thing is not None and thing.owner_id != owner.pk:
            errors[name] = "This belongs to someone else."
    if errors or account is None:
        raise ValidationError(errors)
    email = OutgoingEmail(
        owner=owner,
        application=application,
        draft=draft,
        to=", ".join(to_list),
        cc=", ".join(cc_list),
        subject=subject.strip(),
        body=body,
        message_id=new_message_id(account.from_address),
        due_at=due_at or now,
        event_type=event_type,
        promised_next=promised_next,
        retry_of=retry_of,
    )
    try:
        with transaction.atomic():
            email.save()
    except IntegrityError:
        # The partial unique index on live rows per draft: queued twice (a double click).
        raise ValidationError({"draft": "This draft is already in the outbox."}) from None
    return email


def queue_draft(
    draft: Draft, now: datetime, when: When = "now", promised_next: date | None = None
) -> OutgoingEmail:
    """Queue ``draft`` to its interviewer, ``now`` or at its planned action's due time.

    A due time already past means now. The row remembers which event to record once the server
    accepts it (thank-you sent; check-in sent with the date promised in the draft).
    """
    if draft.sent_at is not None:
        raise ValidationError({"draft": "This draft has already been sent."})
    event_type = DRAFT_EVENT.get(draft.kind)
    if event_type is None:
        raise ValidationError(
            {"draft": f"A draft to {draft.get_kind_display().lower()} is not sent by email."}
        )
    person = draft.interviewer
    if person is None or not person.email:
        who = person.name if person is not None else "this person"
        raise ValidationError({"to": f"Add an email address for {who} first."})
    due_at = now
    if when == "due":
        due_at = max(planned_due(draft) or now, now)
    return queue_email(
        draft.owner,
        to=person.email,
        subject=draft.subject,
        body=draft.body,
        now=now,
        due_at=due_at,
        application=draft.application,
        draft=draft,
        event_type=event_type,
        # Only a check-in can promise the next one (K7, F6).
        promised_next=promised_next if event_type == "check_in_sent" else None,
    )


def live_email_for(draft: Draft) -> OutgoingEmail | None:
    """The outbox row currently carrying ``draft`` (pending, sending, sent or uncertain)."""
    return (
        OutgoingEmail.objects.filter(draft=draft)
        .exclude(state__in=[EmailState.FAILED, EmailState.CANCELLED])
        .first()
    )


def cancel(email: OutgoingEmail) -> bool:
    """Take a pending (or held) email out of the queue; False if the worker already has it."""
    return _move(email, EmailState.PENDING, state=EmailState.CANCELLED, last_error="") or _move(
        email, EmailState.HELD, state=EmailState.CANCELLED, last_error=""
    )


def send_anyway(email: OutgoingEmail, now: datetime) -> bool:
    """A held email (its application was decided meanwhile): the user wants it sent all the
    same. Queued again, due now; False when it is no longer held."""
    held = _move(
        email,
        EmailState.HELD,
        state=EmailState.PENDING,
        due_at=now,
        send_despite_decision=True,
        last_error="",
    )
    # Still waiting for its time: the answer is kept for when it comes.
    return held or _move(email, EmailState.PENDING, send_despite_decision=True)


def retry_failed(email: OutgoingEmail, now: datetime) -> bool:
    """Queue a failed email again, now; it never reached the server, so it keeps its id."""
    return _move(
        email,
        EmailState.FAILED,
        state=EmailState.PENDING,
        due_at=now,
        attempts=0,
        last_error="",
        lease_until=None,
        claimed_by="",
    )


def send_again(email: OutgoingEmail, now: datetime) -> OutgoingEmail:
    """The user checked their Sent folder: it is not there. Queue a copy, due now.

    The copy gets a new Message-ID (the first may exist somewhere after all) and points back at
    the uncertain row, which becomes cancelled; both in one transaction.
    """
    with transaction.atomic():
        if not _move(email, EmailState.UNCERTAIN, state=EmailState.CANCELLED):
            raise ValidationError({"state": "This email is no longer waiting for your check."})
        return queue_email(
            email.owner,
            to=email.to,
            cc=email.cc,
            subject=email.subject,
            body=email.body,
            now=now,
            application=email.application,
            draft=email.draft,
            event_type=email.event_type,
            promised_next=email.promised_next,
            retry_of=email,
        )


def confirm_sent(email: OutgoingEmail, now: datetime) -> bool:
    """The user found it in their Sent folder: mark it sent and record its event."""
    from afterword.outbox.dispatch import record_sent

    with transaction.atomic():
        if not _move(email, EmailState.UNCERTAIN, state=EmailState.SENT, sent_at=now):
            return False
        email.refresh_from_db()
        record_sent(email, now, note="You confirmed it was sent.")
    return True


def disconnect_mailbox(user: User) -> bool:
    """Forget the user's mailbox and its password; emails still waiting are cancelled with a
    note, in the same transaction, so none is left waiting on a mailbox that is gone."""
    account = access.own_row(user, MailAccount)
    if account is None:
        return False
    with transaction.atomic():
        outbox_for(user).filter(state=EmailState.PENDING).update(
            state=EmailState.CANCELLED,
            last_error="Cancelled: you disconnected your mailbox before it was sent.",
        )
        account.delete()
    return True


def cancel_for_drafts(draft_ids: list[int], reason: str) -> int:
    """Cancel the emails still waiting for these drafts (they are being deleted); returns how
    many. An email already with the server cannot be stopped and is left as it is."""
    return OutgoingEmail.objects.filter(draft_id__in=draft_ids, state=EmailState.PENDING).update(
        state=EmailState.CANCELLED, last_error=reason
    )


def waiting_for(owner_id: int, draft_ids: frozenset[int], application_ids: frozenset[int]) -> int:
    """How many of ``owner_id``'s emails waiting to be sent are for these drafts or applications."""
    return (
        access.belonging_to(owner_id, OutgoingEmail)
        .filter(state=EmailState.PENDING)
        .filter(Q(draft_id__in=draft_ids) | Q(application_id__in=application_ids))
        .count()
    )


def outbox_for(user: User) -> QuerySet[OutgoingEmail]:
    """``user``'s own outbox rows, newest first; nothing for anyone not signed in."""
    return access.changeable(user, OutgoingEmail)


def get_email_or_404(user: User, pk: Any) -> OutgoingEmail:
    try:
        return outbox_for(user).select_related("application", "draft").get(pk=int(pk))
    except (TypeError, ValueError, OutgoingEmail.DoesNotExist):
        raise Http404("No such email.") from None


def _move(email: OutgoingEmail, from_state: str, **changes: Any) -> bool:
    """Change the row only if it is still in ``from_state``; True if this call changed it."""
    moved = OutgoingEmail.objects.filter(pk=email.pk, state=from_state).update(**changes)
    return moved == 1


def planned_due(draft: Draft) -> datetime | None:
    """When the plan wants this draft's message sent (None when the plan no longer has it)."""
    action = (
        Action.objects.filter(
            application_id=draft.application_id,
            kind=draft.kind,
            interview_id=draft.interview_id,
            # Not ``interviewer_id``: django-stubs refuses None on it (django-stubs#3472).
            interviewer=draft.interviewer_id,
        )
        .order_by("due")
        .first()
    )
    return action.due if action is not None else None


def _addresses(raw: str, *, required: bool) -> tuple[list[str], str]:
    """Comma-separated addresses, each checked; ([], message) when one is not an address."""
    found = [part.strip() for part in raw.replace(";", ",").split(",") if part.strip()]
    if required and not found:
        return [], "Give an email address."
    for address in found:
        try:
            validate_email(address)
        except ValidationError:
            return [], f"{address!r} is not an email address."
    return found, ""
