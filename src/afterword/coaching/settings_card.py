"""The settings page's Career centre card: which centres the user belongs to, and who sees what."""

from __future__ import annotations

from collections.abc import Sequence

from django import template
from django.urls import reverse

from afterword.coaching.consent import consents_of
from afterword.coaching.models import Consent, Membership, Role
from afterword.site.setting_state import SettingState, render_state
from afterword.site.slots import fill
from afterword.tracker import access


def coaching_state(
    memberships: Sequence[Membership], consents: Sequence[Consent], coached: int
) -> SettingState:
    """ "Student at Northfield Careers · Cole Coach sees your follow-ups", or not in a centre."""
    hub = reverse("coaching_hub")
    if not memberships:
        return SettingState(
            "Not in a career centre: join yours with the code it gave you.",
            ready=False,
            links=((hub, "Join a career centre"),),
        )
    where = "; ".join(
        f"{membership.get_role_display()} at {membership.organisation.name}"
        for membership in memberships
    )
    details: list[str] = []
    if any(membership.role == Role.STUDENT for membership in memberships):
        coaches = [consent.coach.get_full_name() or consent.coach.username for consent in consents]
        details.append(
            f"{', '.join(coaches)} {'sees' if len(coaches) == 1 else 'see'} your follow-ups"
            if coaches
            else "No coach sees your follow-ups"
        )
    if any(membership.role != Role.STUDENT for membership in memberships):
        shares = "student shares" if coached == 1 else "students share"
        details.append(f"{coached} {shares} their follow-ups with you")
    return SettingState(
        where,
        ready=True,
        links=((hub, "Career centre and coaching"),),
        details=tuple(details),
    )


@fill("settings.coaching")
def coaching_card(context: template.Context) -> str:
    user = context["request"].user
    memberships = list(access.memberships(user).order_by("organisation__name"))
    is_student = any(membership.role == Role.STUDENT for membership in memberships)
    is_staff = any(membership.role != Role.STUDENT for membership in memberships)
    consents = list(consents_of(user).filter(revoked_at__isnull=True)) if is_student else []
    coached = access.coached_students(user).count() if is_staff else 0
    return render_state(coaching_state(memberships, consents, coached))
