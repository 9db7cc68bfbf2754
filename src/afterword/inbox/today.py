"""The "Replies to confirm" section of Today: pending replies, away notices and bounces to
confirm, and a mailbox that needs help."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django.db.models import QuerySet

from afterword.inbox.invitations import cancelled_interview, invitation_of
from afterword.inbox.models import InboxKind, InboxMessage, MailboxWatch, ReplyState
from afterword.reading.invitation import Invitation
from afterword.reading.meaning_dates import decision_range
from afterword.rules.calendar import BusinessCalendar, calendar_for
from afterword.rules.kinds import CHECK_IN_BY_CHANNEL
from afterword.tracker import access
from afterword.tracker.models import Action, Application, Interview
from afterword.tracker.services import compiled
from afterword.tracker.services.case import employer_zone
from afterword.tracker.services.dates import ReadDate

# Alternatives offered under "Something else", in this order.
OTHER_MEANINGS = ("offer", "rejection", "next_round", "no_decision", "other")


@dataclass(frozen=True, slots=True)
class PendingReply:
    """A reply to confirm and, for a new decision date, the days its words name."""

    message: InboxMessage
    understood: ReadDate | None


@dataclass(frozen=True, slots=True)
class PendingNotice:
    """An away notice or a bounce the reader was unsure of, waiting for the user's word.

    ``back_on`` (an away notice): the business day the check-in moves to when confirmed;
    ``moves_check_in``: whether a check-in is planned before then, so confirming moves it.
    """

    message: InboxMessage
    back_on: date | None = None
    moves_check_in: bool = False

    @property
    def is_bounce(self) -> bool:
        return self.message.kind == InboxKind.BOUNCE


@dataclass(frozen=True, slots=True)
class PendingInvitation:
    """A calendar invitation found in the mailbox: the interview it proposes, to add in two
    clicks, or (a cancellation) the interview it cancels, when the user has it."""

    message: InboxMessage
    invitation: Invitation
    employer: str
    cancels: Interview | None = None


def pending_invitation(message: InboxMessage) -> PendingInvitation:
    invitation = invitation_of(message)
    application = message.application
    employer = application.employer if application else str(message.proposal.get("employer", ""))
    return PendingInvitation(message, invitation, employer, cancelled_interview(message))


def replies_context(user: Any, now: datetime) -> dict[str, Any]:
    """Pending replies and notices of ``user``, oldest first, and the mailbox's last error.

    Each reply comes as a PendingReply: the message and the days its new date's words name;
    each unsure away notice or bounce as a PendingNotice.
    """
    owner = access.member_id(user)
    if owner is None:
        return {"replies": [], "notices": [], "invitations": [], "inbox_problem": "", "now": now}
    # Usually nothing waits: then one read compiled once (tracker/services/compiled.py) says so.
    pending = (
        list(
            _pending(access.belonging_to(owner, InboxMessage)).select_related(
                "application", "interviewer"
            )
        )
        if compiled.fetch(_first_pending, owner)
        else []
    )
    problems = compiled.fetch(_watch_problem, owner)
    replies = [
        PendingReply(reply, understood_date(reply))
        for reply in pending
        if reply.kind == InboxKind.REPLY
    ]
    notices = [
        pending_notice(message)
        for message in pending
        if message.kind in (InboxKind.OUT_OF_OFFICE, InboxKind.BOUNCE)
    ]
    invitations = [
        pending_invitation(message) for message in pending if message.kind == InboxKind.INVITATION
    ]
    return {
        "replies": replies,
        "notices": notices,
        "invitations": invitations,
        "to_confirm": len(replies) + len(notices) + len(invitations),
        "inbox_problem": problems[0][0] if problems else "",
        "other_meanings": OTHER_MEANINGS,
        "now": now,
    }


def _pending(messages: QuerySet[InboxMessage]) -> QuerySet[InboxMessage]:
    """The messages waiting for the user's word, oldest first."""
    return (
        messages.filter(state=ReplyState.PENDING)
        # An archived application is off Today entirely; its replies wait for its restore.
        .exclude(application__archived_at__isnull=False)
        .order_by("received_at", "pk")
    )


def _first_pending(owner_id: int) -> QuerySet[InboxMessage, tuple[Any, ...]]:
    return _pending(access.belonging_to(owner_id, InboxMessage)).values_list("pk")[:1]


def _watch_problem(owner_id: int) -> QuerySet[MailboxWatch, tuple[Any, ...]]:
    """The last error of the owner's connected mailbox, if it has one (one row at most)."""
    return (
        access.belonging_to(owner_id, MailboxWatch)
        .filter(connected=True)
        .order_by("pk")
        .values_list("last_error")[:1]
    )


def pending_notice(message: InboxMessage) -> PendingNotice:
    """The card of an unsure notice; for an away notice, the day the check-in would move to."""
    application, until = message.application, message.suggested_date
    if message.kind != InboxKind.OUT_OF_OFFICE or application is None or until is None:
        return PendingNotice(message)
    back_on = _calendar(application).after(until)
    moves = _planned_check_ins(application).filter(due__lt=_start_of(application, back_on))
    return PendingNotice(message, back_on, moves.exists())


def _calendar(application: Application) -> BusinessCalendar:
    return calendar_for(
        application.employer_country,
        application.employer_subdivision or None,
        str(employer_zone(application)),
    )


def _planned_check_ins(application: Application) -> QuerySet[Action]:
    return Action.objects.filter(
        application=application, kind__in=list(CHECK_IN_BY_CHANNEL.values())
    )


def _start_of(application: Application, day: date) -> datetime:
    return datetime.combine(day, datetime.min.time(), tzinfo=employer_zone(application))


def understood_date(reply: InboxMessage) -> ReadDate | None:
    """A "no decision yet" reply's new date, as the range its quoted words name.

    Only the last day is stored (the plan uses it). The quoted sentence is read again from the
    day the reply arrived, on the employer's clock; a range that no longer ends on the stored
    day is not shown, the stored day stands alone: nothing is guessed.
    """
    day = reply.suggested_date
    if reply.suggestion != "no_decision" or day is None:
        return None
    application = reply.application
    if application is None or not reply.evidence:
        return ReadDate(day, day, "")
    sent_on = reply.received_at.astimezone(employer_zone(application)).date()
    found = decision_range(
        [reply.evidence.lower()],
        sent_on,
        application.employer_country,
        application.employer_subdivision or None,
    )
    if found is None or found.range.end != day:
        return ReadDate(day, day, "")
    return ReadDate(found.range.start, day, "")
