"""The Outbox page, its buttons, and the draft page's "Send now" / "Send at the due time"."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.dateparse import parse_date
from django.views.decorators.http import require_POST, require_safe

from afterword.outbox.models import EmailState, MailAccount, OutgoingEmail
from afterword.outbox.queue import (
    cancel,
    confirm_sent,
    get_email_or_404,
    outbox_for,
    queue_draft,
    retry_failed,
    send_again,
    send_anyway,
)
from afterword.site.pages import MemberRequest, member_view, safe_next
from afterword.tracker import access
from afterword.tracker.access import get_draft_or_404

PAGE_SIZE = 50
# While an email is in flight or about to go, the list refreshes itself this often.
POLL_SECONDS = 5


def outbox_context(request: MemberRequest) -> dict[str, object]:
    now = timezone.now()
    page = Paginator(outbox_for(request.user).select_related("application"), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    emails: list[OutgoingEmail] = list(page.object_list)
    soon = now + timedelta(minutes=2)
    busy = any(
        e.state == EmailState.SENDING or (e.state == EmailState.PENDING and e.due_at <= soon)
        for e in emails
    )
    return {
        "page": page,
        "emails": emails,
        "now": now,
        "poll": POLL_SECONDS if busy else None,
        "has_account": access.changeable(request.user, MailAccount).exists(),
    }


@member_view
@require_safe
def outbox(request: MemberRequest) -> HttpResponse:
    return render(request, "outbox/outbox.html", outbox_context(request))


@member_view
@require_safe
def outbox_list_hx(request: MemberRequest) -> HttpResponse:
    return render(request, "outbox/outbox_list_partial.html", outbox_context(request))


@member_view
@require_POST
def outbox_action_hx(request: MemberRequest, pk: int, action: str) -> HttpResponse:
    """Cancel, try again, send again or confirm one email; only its owner may."""
    email = get_email_or_404(request.user, pk)
    now = timezone.now()
    ok, text = _act(email, action, now)
    if request.htmx:
        context = {**outbox_context(request), "flash": text, "flash_ok": ok}
        return render(request, "outbox/outbox_list_partial.html", context)
    (messages.success if ok else messages.error)(request, text)
    return redirect(safe_next(request, reverse("outbox")))


@member_view
@require_POST
def draft_send_email(request: MemberRequest, pk: int) -> HttpResponse:
    """Queue a draft for sending, now or at its due time, with the text on the screen.

    The buttons sit inside the draft page's form, so the subject, body and promised date
    the user sees arrive here; the text is saved to the draft first (the drafts service
    refuses an empty or overlong one), then checked as the page checks it (an error keeps it
    back), then a copy goes into the outbox.
    """
    from afterword.tracker.services.drafts import save_draft, sending_blocked

    draft = get_draft_or_404(request.user, pk)
    back = safe_next(request, reverse("draft", args=[draft.pk]))
    when = request.POST.get("when", "now")
    if when not in ("now", "due"):
        raise Http404("Send now or at the due time.")
    now = timezone.now()
    try:
        promised = _promised(request)
        if "body" in request.POST and draft.sent_at is None:
            save_draft(
                draft,
                request.POST.get("subject", draft.subject),
                request.POST.get("body", ""),
            )
        # The same check the draft page runs: an error (an unfilled [[...]]) keeps it here.
        blocked = sending_blocked(draft, draft.subject, draft.body, now)
        if blocked is not None:
            raise ValidationError(blocked)
        email = queue_draft(draft, now, when, promised)  # type: ignore[arg-type]  # checked above
    except ValidationError as error:
        messages.error(request, "Not queued: " + " ".join(error.messages))
        return redirect(back)
    messages.success(request, _queued_text(email, now))
    return redirect(back)


def _act(email: OutgoingEmail, action: str, now: datetime) -> tuple[bool, str]:
    if action == "cancel":
        if cancel(email):
            return True, f"Cancelled: “{email.subject}” will not be sent."
        return False, "Too late to cancel: it is being sent or was sent already."
    if action == "send-anyway":
        if send_anyway(email, now):
            return True, f"It will go out as written: “{email.subject}”."
        return False, "This email is no longer waiting for your answer."
    if action == "retry":
        if retry_failed(email, now):
            return True, f"Queued again: “{email.subject}” goes out within a minute."
        return False, "This email is not waiting for another try."
    if action == "send-again":
        try:
            send_again(email, now)
        except ValidationError as error:
            return False, " ".join(error.messages)
        return True, f"Queued again as a new email: “{email.subject}” goes out within a minute."
    if action == "confirm":
        if confirm_sent(email, now):
            return True, f"Noted: “{email.subject}” was sent. It is on the application's timeline."
        return False, "This email is no longer waiting for your check."
    raise Http404("No such outbox action.")


def _promised(request: MemberRequest) -> date | None:
    raw = request.POST.get("promised_next", "").strip()
    if not raw:
        return None
    promised = parse_date(raw)
    if promised is None:
        raise ValidationError({"promised_next": "Give the promised date as a date."})
    return promised


def _queued_text(email: OutgoingEmail, now: datetime) -> str:
    if email.due_at <= now:
        return f"Sending “{email.subject}” to {email.to} now. The Outbox shows when it has gone."
    local = timezone.localtime(email.due_at)
    return f"Queued: “{email.subject}” goes to {email.to} on {local:%a %d %b at %H:%M}."
