"""The *done* and *snooze* buttons: record what happened, re-plan, and answer with a fragment."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from afterword.rules.kinds import ACTIONS, action_label
from afterword.site.pages import MemberRequest, member_view, safe_next
from afterword.tracker.access import get_action_or_404
from afterword.tracker.models import Action, Application
from afterword.tracker.services import (
    ActionGone,
    call_unanswered,
    complete_action,
    snooze_action,
)
from afterword.web.views.application import plan_context
from afterword.web.views.today import today_context


def describe(action: Action) -> str:
    who = f" ({action.interviewer.name})" if action.interviewer else ""
    return f"{action_label(action.kind)}{who}, {action.application.employer}"


def answer(request: MemberRequest, application: Application, message: str) -> HttpResponse:
    """A fragment for htmx (the plan block or the Today list, whichever asked), else a redirect.

    The actions were replaced by the re-plan, so the fragment is rendered from fresh rows.
    """
    if request.htmx:
        if request.htmx.target == "plan":
            context = plan_context(request, application)
            return render(
                request, "web/application_plan_partial.html", {**context, "flash": message}
            )
        return render(
            request, "web/today_partial.html", {**today_context(request), "flash": message}
        )
    messages.success(request, message)
    return redirect(safe_next(request, reverse("today")))


@member_view
@require_POST
def action_done_hx(request: MemberRequest, pk: int) -> HttpResponse:
    action = get_action_or_404(request.user, pk)
    application, label = action.application, describe(action)
    try:
        complete_action(action, timezone.now())
    except ActionGone:
        return gone(request, application)
    return answer(request, application, f"Done: {label}.")


@member_view
@require_POST
def action_snooze_hx(request: MemberRequest, pk: int) -> HttpResponse:
    action = get_action_or_404(request.user, pk)
    application, label = action.application, describe(action)
    try:
        snooze_action(action, timezone.now())
    except ActionGone:
        return gone(request, application)
    return answer(request, application, f"Moved to the next business day: {label}.")


@member_view
@require_POST
def action_no_answer_hx(request: MemberRequest, pk: int) -> HttpResponse:
    """A check-in call that reached no one: logged, and the call is tried again (H3)."""
    action = get_action_or_404(request.user, pk)
    if not ACTIONS[action.kind].is_call:
        raise Http404("Only a planned call can go unanswered.")
    application, label = action.application, describe(action)
    try:
        call_unanswered(action, timezone.now())
    except ActionGone:
        return gone(request, application)
    return answer(request, application, f"Noted, nobody answered: {label}.")


def gone(request: MemberRequest, application: Application) -> HttpResponse:
    """A second click, or a second tab: the action was done meanwhile; show the plan as it is.

    Nothing was recorded by this request, so it is not an error: the page simply catches up.
    """
    return answer(request, application, ActionGone().messages[0])
