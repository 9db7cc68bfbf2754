"""A follow-up's buttons (*Done*, *Snooze*, *No answer*) and its lasting address.

A follow-up is addressed by its application and key (/applications/<pk>/follow-ups/<key>/...),
which survive re-plans; the older /actions/<id>/... addresses still work while that row exists.
When the follow-up is no longer pending, the answer says what became of it (done, cancelled by
a reply, replaced) instead of an error.
"""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from afterword.rules.kinds import ACTIONS, action_label
from afterword.rules.wording import day_text
from afterword.site.pages import MemberRequest, member_view, safe_next
from afterword.tracker.access import get_action_or_404, get_follow_up_or_404
from afterword.tracker.follow_ups import Fate, what_became_of
from afterword.tracker.models import Action, Application
from afterword.tracker.services import (
    ActionGone,
    call_unanswered,
    complete_action,
    snooze_action,
)
from afterword.tracker.services.case import employer_zone
from afterword.web.views.application import plan_context
from afterword.web.views.today import today_context

GONE_PAGE = "web/follow_up_gone.html"
Step = Callable[[MemberRequest, Action], HttpResponse]


def describe(action: Action) -> str:
    who = f" ({action.interviewer.name})" if action.interviewer else ""
    return f"{action_label(action.kind)}{who}, {action.application.employer}"


def follow_up_url(action: Action, step: str = "") -> str:
    """The lasting address of a follow-up (``step``: "draft", "done", "snooze", "no-answer")."""
    name = {"": "follow_up", "no-answer": "follow_up_no_answer"}.get(step, f"follow_up_{step}")
    return reverse(name, args=[action.application_id, action.key])


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


def gone_page(request: MemberRequest, application: Application, key: str) -> HttpResponse:
    """The follow-up is no longer pending: say what became of it, and what is planned now.

    410 Gone: the address was right once, and will not be again.
    """
    fate = what_became_of(application, key)
    context = {"application": application, "fate": fate, "now": timezone.now()}
    return render(request, GONE_PAGE, context, status=410)


def gone(request: MemberRequest, application: Application, fate: Fate) -> HttpResponse:
    """A second click, or a stale tab: nothing was recorded by this request, so it is not an
    error; the list catches up and says what became of the follow-up."""
    return answer(request, application, fate.text)


@member_view
@require_GET
def follow_up(request: MemberRequest, pk: int, key: str) -> HttpResponse:
    """A pending follow-up lives on its application's page; a finished one says how it ended."""
    application, action = get_follow_up_or_404(request.user, pk, key)
    if action is None:
        return gone_page(request, application, key)
    return redirect(reverse("application", args=[pk]) + f"#follow-up-{key}")


def _done(request: MemberRequest, action: Action) -> HttpResponse:
    application, label = action.application, describe(action)
    try:
        complete_action(action, timezone.now())
    except ActionGone:
        return gone(request, application, what_became_of(application, action.key))
    return answer(request, application, f"Done: {label}.")


def _snooze(request: MemberRequest, action: Action) -> HttpResponse:
    """Snooze the row the page showed (its ``row`` field), once: a second click of the same
    page finds the follow-up snoozed already and says so."""
    application, label = action.application, describe(action)
    # From the form's field, or the button's own URL where one form serves a whole list.
    seen = request.POST.get("row") or request.GET.get("row", "")
    try:
        if seen and seen != str(action.pk):
            raise ActionGone()
        snooze_action(action, timezone.now())
    except ActionGone:
        moved = application.actions.filter(key=action.key).first()
        if moved is None:
            return gone(request, application, what_became_of(application, action.key))
        return answer(request, application, f"Already snoozed to {_day(moved)}: {label}.")
    moved = application.actions.filter(key=action.key).first()
    when = f" to {_day(moved)}" if moved is not None else ""
    return answer(request, application, f"Snoozed{when}: {label}.")


def _day(action: Action) -> str:
    return day_text(action.due.astimezone(employer_zone(action.application)).date())


def _no_answer(request: MemberRequest, action: Action) -> HttpResponse:
    """A check-in call that reached no one: logged, and the call is tried again (H3)."""
    if not ACTIONS[action.kind].is_call:
        raise Http404("Only a planned call can go unanswered.")
    application, label = action.application, describe(action)
    try:
        call_unanswered(action, timezone.now())
    except ActionGone:
        return gone(request, application, what_became_of(application, action.key))
    return answer(request, application, f"Noted, nobody answered: {label}.")


def _by_key(step: Step) -> Callable[..., HttpResponse]:
    @member_view
    @require_POST
    def view(request: MemberRequest, pk: int, key: str) -> HttpResponse:
        application, action = get_follow_up_or_404(request.user, pk, key)
        if action is None:
            return gone(request, application, what_became_of(application, key))
        return step(request, action)

    return view


def _by_id(step: Step) -> Callable[..., HttpResponse]:
    @member_view
    @require_POST
    def view(request: MemberRequest, pk: int) -> HttpResponse:
        return step(request, get_action_or_404(request.user, pk))

    return view


follow_up_done = _by_key(_done)
follow_up_snooze = _by_key(_snooze)
follow_up_no_answer = _by_key(_no_answer)
# The addresses of earlier versions, kept working for as long as their row exists.
action_done_hx = _by_id(_done)
action_snooze_hx = _by_id(_snooze)
action_no_answer_hx = _by_id(_no_answer)
