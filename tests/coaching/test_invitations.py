"""Invitations: staff links work once, class codes for many; expired, used or wrong codes say so."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from django.test import Client
from django.urls import reverse

from afterword.coaching.errors import CoachingProblem
from afterword.coaching.models import Membership, Role
from afterword.coaching.organisations import invite, join
from tests.coaching.conftest import Centre
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_an_admin_invites_a_coach_who_joins_by_the_link(
    client: Client, centre: Centre, now: datetime
) -> None:
    """The link shows the organisation and the role; one click makes them a coach."""
    invitation = invite(centre.organisation, Role.COACH, centre.admin, now)
    newcomer = UserFactory(username="nia")
    client.force_login(newcomer)

    shown = client.get(reverse("coaching_join") + f"?code={invitation.code}").content.decode()
    client.post(reverse("coaching_join"), {"code": invitation.code})

    assert "Northfield Careers invites you as coach" in shown
    assert Membership.objects.get(user=newcomer).role == Role.COACH


def test_a_student_joins_with_a_typed_code_in_any_case_with_dashes(
    client: Client, centre: Centre, now: datetime
) -> None:
    """Lower case and dashes are fine: ``abcd-efgh-jk`` is the code ABCDEFGHJK."""
    invitation = invite(centre.organisation, Role.STUDENT, centre.coach, now)
    typed = "-".join([invitation.code[:4], invitation.code[4:]]).lower()
    client.force_login(UserFactory(username="tess"))

    response = client.post(reverse("coaching_join"), {"code": typed}, follow=True)

    assert "Welcome to Northfield Careers, as student" in response.content.decode()


def test_a_class_code_serves_many_students(centre: Centre, now: datetime) -> None:
    """A student invitation is not used up by the first student."""
    invitation = invite(centre.organisation, Role.STUDENT, centre.admin, now)

    joined = [join(UserFactory(username=f"s{n}"), invitation.code, now) for n in range(3)]

    assert [m.role for m in joined] == [Role.STUDENT] * 3


def test_a_used_staff_link_says_it_was_used(centre: Centre, now: datetime) -> None:
    """The second person with the same coach link is told it works once."""
    invitation = invite(centre.organisation, Role.COACH, centre.admin, now)
    join(UserFactory(username="first"), invitation.code, now)

    with pytest.raises(CoachingProblem) as caught:
        join(UserFactory(username="second"), invitation.code, now)

    assert caught.value.field == "code"
    assert "already been used" in caught.value.message


def test_an_expired_code_names_the_day_it_expired(
    client: Client, centre: Centre, now: datetime
) -> None:
    """After its last day, the join page says when it expired and adds no member."""
    invitation = invite(centre.organisation, Role.STUDENT, centre.admin, now - timedelta(days=200))
    client.force_login(UserFactory(username="late"))

    response = client.post(reverse("coaching_join"), {"code": invitation.code})

    page = response.content.decode()
    assert response.status_code == 200
    assert f"expired on {invitation.expires_at:%d %b %Y}" in page
    assert not Membership.objects.filter(user__username="late").exists()


def test_a_wrong_code_is_refused_with_a_clear_message(client: Client, centre: Centre) -> None:
    """A code that matches nothing: the form says so beside the field, status 200, no member."""
    client.force_login(UserFactory(username="guess"))

    response = client.post(reverse("coaching_join"), {"code": "NOTACODE99"})

    assert "No invitation has this code" in response.content.decode()
    assert not Membership.objects.filter(user__username="guess").exists()


def test_an_empty_code_names_the_field(client: Client, centre: Centre) -> None:
    """Nothing typed: the form's own required-field message."""
    client.force_login(UserFactory(username="blank"))

    response = client.post(reverse("coaching_join"), {"code": ""})

    assert "This field is required" in response.content.decode()


def test_a_withdrawn_invitation_no_longer_works(
    client: Client, centre: Centre, now: datetime
) -> None:
    """The admin withdraws a link; using it afterwards says it was withdrawn."""
    invitation = invite(centre.organisation, Role.COACH, centre.admin, now)
    client.force_login(centre.admin)
    client.post(reverse("coaching_invitation_withdraw", args=[invitation.pk]))

    with pytest.raises(CoachingProblem, match="withdrawn"):
        join(UserFactory(username="x"), invitation.code, now)


def test_only_an_admin_invites_staff(centre: Centre, now: datetime) -> None:
    """A coach may hand out student codes, never staff links; a student neither."""
    invite(centre.organisation, Role.STUDENT, centre.coach, now)

    with pytest.raises(CoachingProblem, match="Only an admin"):
        invite(centre.organisation, Role.COACH, centre.coach, now)
    with pytest.raises(CoachingProblem):
        invite(centre.organisation, Role.STUDENT, centre.student, now)


def test_the_organisation_page_makes_an_invitation_with_a_link(
    client: Client, centre: Centre
) -> None:
    """The admin posts the form; the page lists the new code and its join link."""
    client.force_login(centre.admin)

    response = client.post(
        reverse("coaching_organisation", args=[centre.organisation.pk]),
        {"role": "coach"},
        follow=True,
    )

    code = centre.organisation.invitations.get().code
    assert f"/coaching/join/?code={code}" in response.content.decode()


def test_a_coach_cannot_withdraw_a_staff_link(
    client: Client, centre: Centre, now: datetime
) -> None:
    """Withdrawing an admin's coach link as a coach is a 404 and changes nothing."""
    invitation = invite(centre.organisation, Role.COACH, centre.admin, now)
    client.force_login(centre.coach)

    response = client.post(reverse("coaching_invitation_withdraw", args=[invitation.pk]))

    invitation.refresh_from_db()
    assert response.status_code == 404
    assert invitation.revoked_at is None


def test_joining_twice_says_you_are_already_in(centre: Centre, now: datetime) -> None:
    """A student who uses the class code again is told so, and stays one member."""
    invitation = invite(centre.organisation, Role.STUDENT, centre.admin, now)

    with pytest.raises(CoachingProblem, match="already a member"):
        join(centre.student, invitation.code, now)
    assert Membership.objects.filter(user=centre.student).count() == 1
