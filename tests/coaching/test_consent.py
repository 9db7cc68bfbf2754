"""The consent page: what is shared and what never, granting a named coach, revoking at once."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from django.test import Client
from django.urls import reverse

from afterword.coaching.models import Consent, Membership
from tests.coaching.conftest import Centre, give_consent
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def student_client(client: Client, centre: Centre) -> Client:
    client.force_login(centre.student)
    return client


def staff_id(centre: Centre, coach: object) -> int:
    return Membership.objects.get(organisation=centre.organisation, user=coach).pk


def test_the_page_lists_what_is_shared_and_what_never(
    student_client: Client, centre: Centre
) -> None:
    """Applications, statuses, plan, follow-ups and opt-in notes; never mail, drafts, passwords."""
    page = student_client.get(reverse("coaching_consent")).content.decode()

    for shared in ("Applications", "Statuses", "Your plan", "Due follow-ups", "Notes on your news"):
        assert f"<strong>{shared}</strong>" in page
    for never in ("your mailbox", "your drafts", "your passwords"):
        assert never in page
    assert "Cole Coach (coach, Northfield Careers)" in page
    assert "No one. Your follow-ups are yours alone." in page


def test_granting_names_the_coach_and_records_the_time(
    student_client: Client, centre: Centre, now: datetime
) -> None:
    """Choosing Cole makes one live consent, dated now, with notes shared as ticked."""
    response = student_client.post(
        reverse("coaching_consent"),
        {"coach": staff_id(centre, centre.coach), "share_notes": "on"},
        follow=True,
    )

    consent = Consent.objects.get()
    assert "Cole Coach can now see your follow-ups." in response.content.decode()
    assert (consent.coach, consent.granted_at, consent.share_notes) == (centre.coach, now, True)
    assert consent.revoked_at is None


def test_revoking_ends_the_consent_at_once(
    student_client: Client, centre: Centre, now: datetime
) -> None:
    """Revoke sets the end time; the page lists the coach under Ended."""
    consent = give_consent(centre, centre.student, centre.coach, now)

    response = student_client.post(reverse("coaching_revoke", args=[consent.pk]), follow=True)

    consent.refresh_from_db()
    assert consent.revoked_at == now
    assert "Revoked. That coach can no longer see anything of yours." in response.content.decode()


def test_a_student_cannot_revoke_someone_elses_consent(
    client: Client, centre: Centre, now: datetime
) -> None:
    """Another student's revoke button does nothing to the consent."""
    consent = give_consent(centre, centre.student, centre.coach, now)
    client.force_login(UserFactory(username="mallory"))

    client.post(reverse("coaching_revoke", args=[consent.pk]))

    consent.refresh_from_db()
    assert consent.revoked_at is None


def test_a_coach_of_another_organisation_cannot_be_chosen(
    student_client: Client, centre: Centre, now: datetime
) -> None:
    """Only staff of the student's own organisations are offered; a forged id is refused."""
    from afterword.coaching.organisations import create_organisation

    UserFactory(username="eve")
    elsewhere = create_organisation("Elsewhere", "eve", now)
    stranger = Membership.objects.get(organisation=elsewhere)

    response = student_client.post(reverse("coaching_consent"), {"coach": stranger.pk})

    assert "Select a valid choice" in response.content.decode()
    assert not Consent.objects.exists()


def test_granting_again_changes_only_what_is_shared(
    student_client: Client, centre: Centre, now: datetime
) -> None:
    """A second grant to the same coach keeps one consent and its first date."""
    first = give_consent(centre, centre.student, centre.coach, now - timedelta(days=2))

    student_client.post(
        reverse("coaching_consent"), {"coach": staff_id(centre, centre.coach), "share_notes": "on"}
    )

    again = Consent.objects.get()
    assert (again.pk, again.granted_at, again.share_notes) == (first.pk, first.granted_at, True)


def test_the_student_chooses_to_be_counted_in_statistics(
    student_client: Client, centre: Centre
) -> None:
    """Count me in, then stop: the membership follows each click."""
    membership = Membership.objects.get(user=centre.student)

    student_client.post(
        reverse("coaching_statistics_choice", args=[membership.pk]), {"shares": "yes"}
    )
    membership.refresh_from_db()
    counted = membership.shares_statistics
    student_client.post(
        reverse("coaching_statistics_choice", args=[membership.pk]), {"shares": "no"}
    )
    membership.refresh_from_db()

    assert (counted, membership.shares_statistics) == (True, False)
