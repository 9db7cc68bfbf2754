"""The draft editor: open a planned action's message, edit it with live checks, mark it sent.

Every button of the page submits the same form (subject, body, promised date), each to its own
URL, so whichever the user presses, nothing they typed is lost; with htmx, *Save* and the live
checker answer with fragments.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from afterword.drafting.letters import PAPERS, LetterTooLong, letter_pdf
from afterword.drafting.model import TONES
from afterword.rules.kinds import ACTIONS
from afterword.site.pages import MemberRequest, local_today, member_view
from afterword.tracker.access import get_action_or_404, get_draft_or_404, get_follow_up_or_404
from afterword.tracker.models import Draft
from afterword.tracker.services import ActionGone
from afterword.tracker.services.drafts import (
    DraftGone,
    is_edited,
    letter_for,
    mark_sent,
    open_draft,
    retone,
    save_draft,
    sending_blocked,
)
from afterword.web.draft_page import check_context, heading, is_email, mailto_for, page_context
from afterword.web.forms.drafts import TONE_NAMES, DraftForm, SentForm
from afterword.web.views.actions import gone_page

PAGE = "web/draft.html"


def draft_url(draft: Draft) -> str:
    return reverse("draft", args=[draft.pk])


def add_errors(form: DraftForm, error: ValidationError, sent_form: SentForm | None = None) -> None:
    """Put a service's errors on the fields they name (the promised date on its own form)."""
    problems: Iterable[tuple[str | None, list[str]]] = (
        error.message_dict.items() if hasattr(error, "error_dict") else [(None, error.messages)]
    )
    for field, texts in problems:
        for text in texts:
            if field == "promised_next" and sent_form is not None:
                sent_form.add_error("promised_next", text)
            else:
                form.add_error(field if field in form.fields else None, text)


def refused(
    request: HttpRequest, draft: Draft, form: DraftForm, sent_form: SentForm | None = None
) -> HttpResponse:
    """The page again, with the errors and with the user's text kept as they typed it."""
    context = page_context(request, draft, timezone.now(), form=form, sent_form=sent_form)
    return render(request, PAGE, context, status=400)


def bound_form(request: HttpRequest, draft: Draft) -> DraftForm:
    form = DraftForm(request.POST, with_subject=is_email(draft))
    form.is_valid()
    return form


@member_view
@require_GET
def action_draft(request: HttpRequest, pk: int) -> HttpResponse:
    """The address of earlier versions: on to the follow-up's lasting one while the row exists."""
    action = get_action_or_404(request.user, pk)
    return redirect(reverse("follow_up_draft", args=[action.application_id, action.key]))


@member_view
@require_GET
def follow_up_draft(request: MemberRequest, pk: int, key: str) -> HttpResponse:
    """A planned follow-up's draft: the one already begun, or a fresh one written now; when
    the follow-up is no longer pending, what became of it."""
    application, action = get_follow_up_or_404(request.user, pk, key)
    if action is None:
        return gone_page(request, application, key)
    try:
        draft = open_draft(action, timezone.now())
    except DraftGone:
        return gone_page(request, application, key)
    return redirect(draft_url(draft))


@member_view
@require_http_methods(["GET", "POST"])
def draft_page(request: MemberRequest, pk: int) -> HttpResponse:
    """GET shows the editor; POST saves the text (a status fragment for htmx)."""
    draft = get_draft_or_404(request.user, pk)
    now = timezone.now()
    if request.method == "GET":
        return render(request, PAGE, page_context(request, draft, now))
    form = bound_form(request, draft)
    if form.is_valid():
        try:
            save_draft(draft, *form.text())
        except ValidationError as error:
            add_errors(form, error)
    if form.errors:
        if request.htmx:
            problems = [str(text) for texts in form.errors.values() for text in texts]
            return render(
                request,
                "web/draft_saved_partial.html",
                {"draft": draft, "problem": " ".join(problems)},
            )
        return refused(request, draft, form)
    if request.htmx:
        return render(
            request,
            "web/draft_saved_partial.html",
            {
                "draft": draft,
                "saved_at": timezone.localtime(now),
                "mailto": mailto_for(draft, draft.subject, draft.body) if is_email(draft) else None,
            },
        )
    messages.success(request, "Saved.")
    return redirect(draft_url(draft))


@member_view
@require_POST
def draft_check_hx(request: HttpRequest, pk: int) -> HttpResponse:
    """The checker's findings for the text as it is in the editor now (live, while typing)."""
    draft = get_draft_or_404(request.user, pk)
    form = DraftForm(request.POST, with_subject=is_email(draft))
    subject, body = form.text()
    context = check_context(request, draft, subject, body, timezone.now())
    return render(request, "web/draft_check_partial.html", {**context, "live": True})


@member_view
@require_POST
def draft_tone(request: HttpRequest, pk: int) -> HttpResponse:
    """Write the draft again in the other tone; if the user changed the text, ask first."""
    draft = get_draft_or_404(request.user, pk)
    now = timezone.now()
    confirmed = request.POST.get("confirm_tone")
    tone = confirmed or request.POST.get("tone", "")
    form = bound_form(request, draft)
    if tone not in TONES:
        form.add_error(None, "Choose the formal or the warm tone.")
        return refused(request, draft, form)
    subject, body = form.text()
    try:
        if not confirmed and is_edited(draft, subject, body, now):
            context = page_context(request, draft, now, form=form, confirm_tone=tone)
            return render(request, PAGE, context)
        retone(draft, tone, now)
    except ValidationError as error:
        add_errors(form, error)
        return refused(request, draft, form)
    messages.success(request, f"Written again in the {TONE_NAMES[tone].lower()} tone.")
    return redirect(draft_url(draft))


@member_view
@require_POST
def draft_sent(request: HttpRequest, pk: int) -> HttpResponse:
    """Save the final text and record that it went out; the plan moves on (K7, F6)."""
    draft = get_draft_or_404(request.user, pk)
    now = timezone.now()
    form = bound_form(request, draft)
    sent_form = SentForm(request.POST, today=local_today(request, now))
    if not (form.is_valid() and sent_form.is_valid()):
        return refused(request, draft, form, sent_form)
    subject, body = form.text()
    label = heading(draft)
    # The same check the page shows: while it reports an error, the message has not gone out.
    blocked = sending_blocked(draft, subject, body, now)
    if blocked is not None and request.POST.get("sent_anyway") != "yes":
        # They may have sent it from their own mail program all the same: ask, once.
        context = page_context(request, draft, now, form=form, sent_form=sent_form)
        return render(request, PAGE, {**context, "ask_sent_anyway": True})
    try:
        with transaction.atomic():
            save_draft(draft, subject, body)
            mark_sent(draft, now, sent_form.cleaned_data.get("promised_next"))
    except ValidationError as error:
        draft.refresh_from_db()
        if draft.sent_at is not None or isinstance(error, (DraftGone, ActionGone)):
            # A second click, or another tab: it went out (or the plan moved on) meanwhile.
            messages.info(request, f"Already marked sent, or no longer planned: {label}.")
            return redirect(reverse("application", args=[draft.application_id]) + "#plan")
        add_errors(form, error, sent_form)
        return refused(request, draft, form, sent_form)
    promised = draft.promised_next
    note = f" Next check-in: {promised:%a} {promised.day} {promised:%b}." if promised else ""
    messages.success(request, f"Marked sent: {label}. The plan has moved on.{note}")
    return redirect(reverse("application", args=[draft.application_id]) + "#plan")


@member_view
@require_http_methods(["GET", "POST"])
def draft_pdf(request: HttpRequest, pk: int, paper: str) -> HttpResponse:
    """A letter as a one-page PDF on A4 or US Letter; POST saves the editor's text first."""
    draft = get_draft_or_404(request.user, pk)
    if ACTIONS[draft.kind].medium != "letter" or paper not in PAPERS:
        raise Http404("Only a letter prints, on A4 or US Letter.")
    now = timezone.now()
    form = bound_form(request, draft) if request.method == "POST" else None
    if form is not None:
        if form.is_valid() and draft.sent_at is None:
            try:
                save_draft(draft, *form.text())
            except ValidationError as error:
                add_errors(form, error)
        if form.errors:
            return refused(request, draft, form)
    try:
        pdf = letter_pdf(letter_for(draft, now), paper)
    except LetterTooLong as error:
        form = form or DraftForm({"body": draft.body}, with_subject=False)
        form.is_valid()
        form.add_error("body", too_long_text(error))
        return refused(request, draft, form)
    person = slugify(draft.interviewer.name) if draft.interviewer else "hiring-team"
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = (
        f'attachment; filename="thank-you-letter-{person}-{paper}.pdf"'
    )
    return response


def too_long_text(error: LetterTooLong) -> str:
    """The letter module names its field first ("paragraphs: ..."); the page names the field."""
    text = str(error).split(": ", 1)[-1]
    return text[:1].upper() + text[1:]
