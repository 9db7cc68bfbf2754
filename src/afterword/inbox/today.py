"""The "Replies to confirm" section of Today: pending replies, and a mailbox that needs help."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from afterword.inbox.models import InboxKind, InboxMessage, MailboxWatch, ReplyState
from afterword.tracker import access
from afterword.tracker.access import is_member

# Alternatives offered under "Something else", in this order.
OTHER_MEANINGS = ("offer", "rejection", "next_round", "no_decision", "other")


def replies_context(user: Any, now: datetime) -> dict[str, Any]:
    """Pending replies of ``user``, oldest first, and the mailbox's last error, if any."""
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
        "replies": list(pending),
        "inbox_problem": watch.last_error if watch is not None else "",
        "other_meanings": OTHER_MEANINGS,
        "now": now,
    }
