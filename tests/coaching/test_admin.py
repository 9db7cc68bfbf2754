"""The Django admin: a site admin creates an organisation with its first admin member."""

from __future__ import annotations

from datetime import datetime

import pytest
from django.test import Client

from afterword.coaching.models import Membership, Organisation
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_a_site_admin_creates_an_organisation_with_an_admin(client: Client, now: datetime) -> None:
    """The add form with one membership row saves both."""
    root = UserFactory(username="root", is_staff=True, is_superuser=True)
    ada = UserFactory(username="ada")
    client.force_login(root)

    response = client.post(
        "/admin/coaching/organisation/add/",
        {
            "name": "Southbank Careers",
            "memberships-TOTAL_FORMS": "1",
            "memberships-INITIAL_FORMS": "0",
            "memberships-0-user": str(ada.pk),
            "memberships-0-role": "admin",
            "memberships-0-joined_at_0": "2026-03-03",
            "memberships-0-joined_at_1": "09:00:00",
        },
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    organisation = Organisation.objects.get(name="Southbank Careers")
    assert Membership.objects.get(organisation=organisation).user == ada


def test_consents_and_the_log_are_read_only_in_the_admin(client: Client) -> None:
    """Staff cannot add a consent or a log entry by hand."""
    client.force_login(UserFactory(username="root", is_staff=True, is_superuser=True))

    assert client.get("/admin/coaching/consent/add/").status_code == 403
    assert client.get("/admin/coaching/accesslog/add/").status_code == 403
