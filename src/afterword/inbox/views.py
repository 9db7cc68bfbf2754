"""The inbox pages: /settings/inbox/ (connect, test, disconnect) and the buttons on Today's
replies, unsure away notices and unsure bounces."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from afterword.inbox import invitations, notices, replies
from afterword.inbox.forms import MailboxForm
from afterword.inbox.imap import Mailbox
from afterword.inbox.mailbox import (
    ConnectionCheck,
    check_connection,
    disconnect,
    record_check,
    save_watch,
    saved_password,
)
from afterword.inbox.models import InboxKind, InboxMessage, MailboxWatch, ReplyState
from afterword.inbox.today import replies_context
from afterword.rules.wording import day_text
from afterword.site.pages import MemberRequest, member_view, safe_next
from afterword.site.throttle import CONNECTION_TEST, by_member, throttled
from afterword.tracker import access

# What each confirmation says afterwards, in the user's words.
CONFIRMED = {
    "offer": "Recorded: an offer from {employer}. Congratulations!",
    "rejection": "Recorded: {employer} chose someone else. Nothing more is planned there.",
    "next_round": "Recorded: another round at {employer}. Add it when the date is set.",
    "no_decision": "Recorded: no decision yet at {employer}; the check-in moved.",
    "other": "Noted: {employer} replied.",
}


def watch_of(request: MemberRequest) -> MailboxWatch | None:
    return access.own_row(request.user, MailboxWatch)


@member_view
@require_http_methods(["GET", "POST"])
def inbox_settings(request: MemberRequest) -> HttpResponse:
    watch = watch_of(request)
    instance = watch or MailboxWatch(user_id=request.user.pk, username=request.user.email)
    form = MailboxForm(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        save_watch(
            request.user.pk,
            host=data["host"],
            port=data["port"],
            security=data["security"],
            username=data["username"],
            password=data.get("password") or "",
            folders=data["folders"],
            now=timezone.now(),
        )
        messages.success(
            request,
            "Saved. Afterword looks at your mailbox every few minutes; use Test connection to "
            "check the settings now.",
        )
        return redirect("inbox_settings")
    last = None
    if watch is not None and watch.tested_at is not None:
        last = ConnectionCheck(bool(watch.test_ok), watch.test_result)
    return render(
        request,
        "inbox/inbox_settings.html",
        {"form": form, "watch": watch, "result": last, "stored": _stored(watch)},
    )


def _stored(watch: MailboxWatch | None) -> dict[str, int]:
    if watch is None:
        return {}
    counts = {kind: 0 for kind in InboxKind.values}
    for kind in watch.messages.values_list("kind", flat=True):
        counts[kind] += 1
    return counts


@member_view
@require_POST
@throttled("connection-test", CONNECTION_TEST, by_member)
def inbox_test_hx(request: MemberRequest) -> HttpResponse:
    """Try the settings in the form (the saved password when the field is blank)."""
    watch = watch_of(request)
    form = MailboxForm(request.POST, instance=watch or MailboxWatch(user_id=request.user.pk))
    if not form.is_valid():
        fields = ", ".join(
            str(form.fields[name].label) for name in form.errors if name in form.fields
        )
        result = ConnectionCheck(False, f"Fix these fields first: {fields}.")
    else:
        data = form.cleaned_data
        mailbox = Mailbox(
            data["host"],
            data["port"],
            data["security"],
            data["username"],
            data.get("password") or saved_password(watch),
        )
        result = check_connection(mailbox, form.instance.folder_names)
        if watch is not None:
            record_check(watch, result, timezone.now())
    if request.htmx:
        return render(request, "inbox/inbox_test_partial.html", {"result": result})
    (messages.success if result.ok else messages.error)(request, result.message)
    return redirect("inbox_settings")


@member_view
@require_POST
def inbox_disconnect(request: MemberRequest) -> HttpResponse:
    """Delete the mailbox settings and everything read from it; only with ``confirm=yes``."""
    watch = watch_of(request)
    if request.POST.get("confirm") != "yes":
        messages.error(request, "Nothing was deleted: confirm first.")
        return redirect("inbox_settings")
    if watch is not None:
        count = disconnect(watch)
        messages.success(
            request,
            f"Disconnected. The settings, the password and the {count} message"
            f"{'s' if count != 1 else ''} kept from your mailbox are deleted.",
        )
    return redirect("inbox_settings")


def _reply_or_404(request: MemberRequest, pk: int) -> InboxMessage:
    """A reply of the signed-in user (anyone else's, or a malformed id: 404)."""
    theirs = access.changeable(request.user, InboxMessage).filter(kind=InboxKind.REPLY)
    return access.get_changeable_or_404(request.user, theirs.select_related("application"), pk)


def _answer(
    request: MemberRequest,
    message: str,
    error: bool = False,
    undo: InboxMessage | None = None,
) -> HttpResponse:
    """Today's panel again with ``message`` (and an Undo button for ``undo``), or a redirect."""
    if request.htmx:
        context = {
            **replies_context(request.user, timezone.now()),
            "flash": message,
            "undo_notice": undo,
        }
        response = render(request, "inbox/replies_partial.html", context)
        # Today's list of follow-ups changed with the plan: it reloads itself on this event.
        response["HX-Trigger-After-Settle"] = "afterwordReplanned"
        return response
    (messages.error if error else messages.success)(request, message)
    return redirect(safe_next(request, reverse("today")))


@member_view
@require_POST
def reply_confirm_hx(request: MemberRequest, pk: int) -> HttpResponse:
    reply = _reply_or_404(request, pk)
    meaning = request.POST.get("meaning") or reply.suggestion or "other"
    if meaning not in replies.MEANINGS:
        raise Http404("No such meaning.")
    employer = reply.application.employer if reply.application else "them"
    try:
        replies.confirm(reply, meaning, timezone.now())
    except ValidationError as error:
        return _answer(request, "Not recorded: " + " ".join(error.messages), error=True)
    return _answer(request, CONFIRMED[meaning].format(employer=employer))


@member_view
@require_POST
def reply_dismiss_hx(request: MemberRequest, pk: int) -> HttpResponse:
    reply = _reply_or_404(request, pk)
    replies.dismiss(reply, timezone.now())
    return _answer(request, "Dismissed. The reply stays in the application's timeline.")


@member_view
@require_POST
def reply_undo_hx(request: MemberRequest, pk: int) -> HttpResponse:
    reply = _reply_or_404(request, pk)
    employer = reply.application.employer if reply.application else "the application"
    replies.undo(reply, timezone.now())
    return _answer(request, f"Removed from {employer}: its follow-ups are back as they were.")


def _notice_or_404(request: MemberRequest, pk: int) -> InboxMessage:
    """An away notice or bounce of the signed-in user (anyone else's: 404)."""
    theirs = access.changeable(request.user, InboxMessage).filter(kind__in=notices.KINDS)
    return access.get_changeable_or_404(request.user, theirs.select_related("application"), pk)


def _away(notice: InboxMessage) -> str:
    who = notice.sender_name or notice.sender
    if notice.suggested_date is None:
        return f"{who} is away"
    return f"{who} is away until {day_text(notice.suggested_date)}"


@member_view
@require_POST
def notice_confirm_hx(request: MemberRequest, pk: int) -> HttpResponse:
    notice = _notice_or_404(request, pk)
    try:
        done = notices.confirm(notice, timezone.now())
    except ValidationError as error:
        return _answer(request, "Not recorded: " + " ".join(error.messages), error=True)
    if not done:
        return _answer(request, "Already done.")
    if notice.kind == InboxKind.BOUNCE:
        said = f"Marked as not working: {', '.join(notice.address_list)}."
    else:
        said = f"Recorded: {_away(notice)}; the check-ins follow."
    return _answer(request, said, undo=notice)


@member_view
@require_POST
def notice_ignore_hx(request: MemberRequest, pk: int) -> HttpResponse:
    notice = _notice_or_404(request, pk)
    notices.ignore(notice, timezone.now())
    return _answer(request, "Ignored. Nothing was changed.", undo=notice)


@member_view
@require_POST
def notice_undo_hx(request: MemberRequest, pk: int) -> HttpResponse:
    notice = _notice_or_404(request, pk)
    notices.undo(notice, timezone.now())
    return _answer(request, "Undone: nothing is changed, and the notice waits for you again.")


def _invitation_or_404(request: MemberRequest, pk: int) -> InboxMessage:
    """A calendar invitation of the signed-in user, still waiting (anyone else's: 404)."""
    theirs = access.changeable(request.user, InboxMessage).filter(kind=InboxKind.INVITATION)
    return access.get_changeable_or_404(request.user, theirs.select_related("application"), pk)


@member_view
@require_GET
def invitation_review(request: MemberRequest, pk: int) -> HttpResponse:
    """The first click of a card: the upload's confirm page, filled from the invitation."""
    message = _invitation_or_404(request, pk)
    invitation = invitations.invitation_of(message)
    if message.state != ReplyState.PENDING or invitation.cancelled:
        messages.info(request, "That invitation was handled already.")
        return redirect("today")
    context = {
        "invitation": invitation,
        "application": message.application,
        "employer": message.proposal.get("employer", ""),
        "form_action": reverse("inbox_invitation_add", args=[message.pk]),
        "again_url": reverse("today"),
        "again_text": "Back to Today",
    }
    return render(request, "site/invitation_confirm.html", context)


@member_view
@require_POST
def invitation_add(request: MemberRequest, pk: int) -> HttpResponse:
    """The second click: the interview with the people left ticked."""
    message = _invitation_or_404(request, pk)
    if message.proposal.get("cancelled"):
        raise Http404("A cancellation adds nothing.")
    employer = (request.POST.get("employer") or "").strip()[:200] or "New employer"
    try:
        interview = invitations.add(
            request.user, message, employer, request.POST.getlist("person"), timezone.now()
        )
    except ValidationError as error:
        for text in error.messages:
            messages.error(request, text)
        return redirect("inbox_invitation", pk=message.pk)
    if interview is None:
        messages.info(request, "That invitation was handled already.")
        return redirect("today")
    messages.success(request, "Interview added from the invitation.")
    return redirect(reverse("application", args=[interview.application_id]))


@member_view
@require_POST
def invitation_cancel(request: MemberRequest, pk: int) -> HttpResponse:
    """A cancellation's button: the interview it cancels is removed and the plan follows."""
    message = _invitation_or_404(request, pk)
    try:
        done = invitations.cancel(message, timezone.now())
    except ValidationError as error:
        return _answer(request, "Not changed: " + " ".join(error.messages), error=True)
    if not done:
        return _answer(request, "Nothing to change: that interview is gone already.")
    return _answer(request, "The cancelled interview is removed and the plan updated.")


@member_view
@require_POST
def invitation_dismiss_hx(request: MemberRequest, pk: int) -> HttpResponse:
    message = _invitation_or_404(request, pk)
    invitations.dismiss(message, timezone.now())
    return _answer(request, "Dismissed. Nothing was added.")
