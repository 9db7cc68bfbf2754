"""The draft page's way to send through the user's mailbox, in its ``draft.send`` slot.

It belongs inside the draft page's form: its buttons post that form (subject, body, promised
date) to the outbox. It shows what is true now: no mailbox yet, no address for the person,
queued, sending, sent, not confirmed, or the two send buttons, which wait (with the reason
beside them) while the page's ``blocked`` says the checker reports an error.
"""

from __future__ import annotations

from typing import Any

from django import template
from django.template.loader import render_to_string
from django.utils import timezone

from afterword.outbox.models import MailAccount
from afterword.outbox.queue import DRAFT_EVENT, live_email_for, planned_due
from afterword.site.slots import fill
from afterword.tracker import access
from afterword.tracker.models import Draft


@fill("draft.send")
def send_buttons(context: template.Context) -> str:
    draft: Draft = context["draft"]
    request = context.get("request")
    now = timezone.now()
    due = planned_due(draft)
    person = draft.interviewer
    buttons: dict[str, Any] = {
        "draft": draft,
        "emailable": draft.kind in DRAFT_EVENT,
        "has_account": access.belonging_to(draft.owner_id, MailAccount).exists(),
        "person": person,
        "email": live_email_for(draft),
        "due": due,
        "due_later": due is not None and due > now,
        "now": now,
        "next": request.get_full_path() if request is not None else "",
        "csrf_token": context.get("csrf_token"),
        # The draft page's checker verdict: the buttons wait while it reports an error.
        "blocked": context.get("blocked"),
    }
    return render_to_string("outbox/_send_buttons.html", buttons, request=request)
