"""The "Replies to confirm" section of Today: pending replies, and a mailbox that needs help."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from afterword.inbox.models import InboxKind, InboxMessage, MailboxWatch, ReplyState
from afterword.reading.meaning_dates import decision_range
from afterword.tracker import access
from afterword.tracker.access import is_member
from afterword.tracker.services.case import employer_zone
from afterword.tracker.services.dates import ReadDate

# Alternatives offered under "Something else", in this order.
OTHER_MEANINGS = ("offer", "rejection", "next_round", "no_decision", "other")


@dataclass(frozen=True, slots=True)
class PendingReply:
    """A reply to confirm and, for a new decision date, the days its words name."""

    message: InboxMessage
    understood: ReadDate | None


def replies_context(user: Any, now: datetime) -> dict[str, Any]:
    """Pending replies of ``user``, oldest first, and the mailbox's last error, if any.

    Each reply comes as a PendingReply: the message and the days its new date's words name.
    """
    if not is_member(user):
        return {"replies": [], "inbox_problem": "", "now": now}
    pending = (
        access.visible(user, InboxMessage)
        .filter(kind=InboxKind.REPLY, state=ReplyState.PENDING)
        .select_related("application")
        .order_by("received_at", "pk")
    )
    watch = access.visible(user, MailboxWatch).filter(connected=True).only("last_error").first()
    return {
        "replies": [PendingReply(reply, understood_date(reply)) for reply in pending],
        "inbox_problem": watch.last_error if watch is not None else "",
        "other_meanings": OTHER_MEANINGS,
        "now": now,
    }


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
