"""The student's pages: whom they let see what (grant, revoke), who looked, and coach notes."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from afterword.coaching import consent as consent_service
from afterword.coaching import notes
from afterword.coaching.errors import CoachingProblem
from afterword.coaching.forms import GrantForm, show_problem
from afterword.coaching.models import CoachNote, Consent, Membership, Role
from afterword.site.pages import MemberRequest, member_view, safe_next
from afterword.tracker import access

LOG_PAGE = 50


def coach_name(user: object) -> str:
    full = getattr(user, "get_full_name", lambda: "")()
    return str(full or getattr(user, "username", ""))


@member_view
@require_http_methods(["GET", "POST"])
def consent_page(request: MemberRequest) -> HttpResponse:
    staff = list(consent_service.coaches_for(request.user))
    choices = [
        (m.pk, f"{coach_name(m.user)} ({m.get_role_display().lower()}, {m.organisation.name})")
        for m in staff
    ]
    form = GrantForm(request.POST or None, coaches=choices)
    if request.method == "POST" and form.is_valid():
        try:
            granted = consent_service.grant(
                request.user,
                form.cleaned_data["coach"],
                form.cleaned_data["share_notes"],
                timezone.now(),
            )
        except CoachingProblem as problem:
            show_problem(form, problem)
        else:
            messages.success(request, f"{coach_name(granted.coach)} can now see your follow-ups.")
            return redirect("coaching_consent")
    consents = list(consent_service.consents_of(request.user))
    return render(
        request,
        "coaching/consent.html",
        {
            "form": form,
            "has_coaches": bool(staff),
            "active": [c for c in consents if c.revoked_at is None],
            "ended": [c for c in consents if c.revoked_at is not None][:20],
            "shared": consent_service.SHARED,
            "shared_notes": consent_service.SHARED_NOTES,
            "never": consent_service.NEVER,
            "student_memberships": access.memberships(request.user, ("student",)),
            "recent_log": notes.log_of(request.user)[:5],
        },
    )


@member_view
@require_POST
def consent_revoke(request: MemberRequest, pk: int) -> HttpResponse:
    access.get_changeable_or_404(request.user, Consent, pk)
    if consent_service.revoke(request.user, pk, timezone.now()):
        messages.success(request, "Revoked. That coach can no longer see anything of yours.")
    else:
        messages.info(request, "That consent had already ended.")
    return redirect("coaching_consent")


@member_view
@require_POST
def statistics_choice(request: MemberRequest, pk: int) -> HttpResponse:
    access.get_changeable_or_404(request.user, Membership.objects.filter(role=Role.STUDENT), pk)
    shares = request.POST.get("shares") == "yes"
    if consent_service.set_statistics(request.user, pk, shares):
        messages.success(
            request,
            "You are counted, unnamed, in the statistics."
            if shares
            else "You are no longer counted in the statistics.",
        )
    else:
        messages.info(request, "Nothing changed.")
    return redirect("coaching_consent")


@member_view
@require_GET
def access_log(request: MemberRequest) -> HttpResponse:
    page = Paginator(notes.log_of(request.user), LOG_PAGE).get_page(request.GET.get("page"))
    return render(request, "coaching/access_log.html", {"page": page})


@member_view
@require_POST
def note_dismiss(request: MemberRequest, pk: int) -> HttpResponse:
    access.get_changeable_or_404(request.user, CoachNote, pk)
    notes.dismiss_note(request.user, pk, timezone.now())
    return redirect(safe_next(request, "/"))
