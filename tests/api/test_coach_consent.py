"""The API is each person's own data: a coach's token reaches no student's rows, consent or not.

Coaches read a consenting student's follow-ups on the coaching pages, where every view is
logged for the student to see; the API has no such log, so it serves only the token's owner.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest
from django.test import Client

from afterword.api.tokens import create_token
from afterword.coaching.consent import grant, revoke
from afterword.coaching.models import Membership
from afterword.coaching.organisations import create_organisation
from afterword.tracker.models import Application
from tests.api.conftest import ApiClient
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _coach_of(student: Any, now: datetime) -> tuple[Any, Membership]:
    coach = UserFactory(username="coach-carol")
    centre = create_organisation("Riverside Careers", coach.username, now)
    Membership.objects.create(organisation=centre, user=student, role="student", joined_at=now)
    return coach, Membership.objects.get(organisation=centre, user=coach)


@pytest.mark.parametrize("consent", ["never given", "granted", "revoked"])
def test_a_coachs_token_gets_404_for_a_students_rows_whatever_the_consent(
    consent: str, user: Any, application: Application, now: datetime
) -> None:
    """Application, plan, interviews, events and news: 404 in every state of consent."""
    coach, staff = _coach_of(user, now)
    if consent != "never given":
        granted = grant(user, staff.pk, True, now)
        if consent == "revoked":
            revoke(user, granted.pk, now)
    api = ApiClient(Client(), create_token(coach, "coach", can_write=True).secret)
    pk = application.pk

    answers = [
        api.get(f"/applications/{pk}").status_code,
        api.get(f"/applications/{pk}/plan").status_code,
        api.get(f"/applications/{pk}/interviews").status_code,
        api.get(f"/applications/{pk}/events").status_code,
        api.post(f"/applications/{pk}/events", {"news": "offer"}).status_code,
    ]

    assert answers == [404] * 5
    assert api.get("/applications").json()["count"] == 0
