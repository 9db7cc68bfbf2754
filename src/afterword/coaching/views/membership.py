"""The career-centre hub, joining with a code or link, and the organisation page of its staff."""

from __future__ import annotations

from django.contrib import messages
from django.forms import ChoiceField
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from afterword.coaching import organisations
from afterword.coaching.errors import CoachingProblem
from afterword.coaching.forms import CodeForm, InviteForm, show_problem
from afterword.coaching.models import Invitation, Membership, Role
from afterword.site.pages import MemberRequest, member_view
from afterword.site.throttle import by_member, throttled
from afterword.tracker import access

# Guessing codes must stay slow: 20 tries an hour is plenty for a person with a typo.
JOIN_RATE = "20/h"


@member_view
@require_GET
def hub(request: MemberRequest) -> HttpResponse:
    mine = list(access.memberships(request.user).order_by("organisation__name"))
    return render(
        request,
        "coaching/hub.html",
        {
            "memberships": mine,
            "is_student": any(m.role == Role.STUDENT for m in mine),
            "is_staff": any(m.role != Role.STUDENT for m in mine),
            "form": CodeForm(),
        },
    )


@member_view
@require_http_methods(["GET", "POST"])
@throttled("coaching-join", JOIN_RATE, by_member)
def join(request: MemberRequest) -> HttpResponse:
    """Join by typing a code (POST), or confirm the invitation a link names (GET ?code=)."""
    now = timezone.now()
    if request.method == "POST":
        form = CodeForm(request.POST)
        if form.is_valid():
            try:
                membership = organisations.join(request.user, form.cleaned_data["code"], now)
            except CoachingProblem as problem:
                show_problem(form, problem)
            else:
                messages.success(
                    request,
                    f"Welcome to {membership.organisation.name}, as "
                    f"{membership.get_role_display().lower()}.",
                )
                return redirect("coaching_hub")
        return render(request, "coaching/join.html", {"form": form, "invitation": None})
    code = request.GET.get("code", "")
    form = CodeForm(initial={"code": code})
    invitation: Invitation | None = None
    if code:
        try:
            invitation = organisations.invitation_for(code, now)
        except CoachingProblem as problem:
            form = CodeForm({"code": code})
            form.is_valid()
            show_problem(form, problem)
    return render(request, "coaching/join.html", {"form": form, "invitation": invitation})


@member_view
@require_http_methods(["GET", "POST"])
def organisation(request: MemberRequest, pk: int) -> HttpResponse:
    """Members and invitations: admins invite staff and students, coaches invite students."""
    membership = access.membership_or_404(request.user, pk, ("admin", "coach"))
    form = InviteForm(request.POST or None)
    if membership.role != Role.ADMIN:
        role = form.fields["role"]
        assert isinstance(role, ChoiceField)
        role.choices = [(Role.STUDENT, "Student")]
    if request.method == "POST" and form.is_valid():
        try:
            created = organisations.invite(
                membership.organisation, form.cleaned_data["role"], request.user, timezone.now()
            )
        except CoachingProblem as problem:
            show_problem(form, problem)
        else:
            messages.success(
                request,
                f"New {created.get_role_display().lower()} invitation: code "
                f"{created.code}. Share the link or the code.",
            )
            return redirect("coaching_organisation", pk=pk)
    members = Membership.objects.filter(organisation=membership.organisation).select_related("user")
    invitations = membership.organisation.invitations.filter(revoked_at__isnull=True)[:50]
    return render(
        request,
        "coaching/organisation.html",
        {
            "membership": membership,
            "organisation": membership.organisation,
            "members": members,
            "invitations": invitations,
            "join_url": request.build_absolute_uri(reverse("coaching_join")),
            "form": form,
            "now": timezone.now(),
        },
    )


@member_view
@require_POST
def invitation_withdraw(request: MemberRequest, pk: int) -> HttpResponse:
    """Admins withdraw any invitation of their organisation, coaches only student codes."""
    staff = access.memberships(request.user, ("admin", "coach"))
    found = Invitation.objects.filter(
        pk=pk, organisation_id__in=staff.values("organisation_id")
    ).first()
    if found is None:
        raise Http404("No such record.")
    mine = staff.get(organisation_id=found.organisation_id)
    if mine.role != Role.ADMIN and found.role != Role.STUDENT:
        raise Http404("No such record.")
    organisations.withdraw_invitation(found, timezone.now())
    messages.success(request, "Invitation withdrawn: its link and code no longer work.")
    return redirect("coaching_organisation", pk=found.organisation_id)
