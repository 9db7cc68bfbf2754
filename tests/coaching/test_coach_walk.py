"""The victim's own coach walks every URL after the consent ends: nothing of theirs is shown."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from afterword.coaching.models import Consent
from tests.security.test_outsider import leaked, walk
from tests.security.victim import make_victim, rows_of

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_rate_limits(settings: Any) -> None:
    settings.RATELIMIT_ENABLE = False


@pytest.mark.parametrize("consent", ["revoked", "live"])
def test_a_coach_sees_the_student_only_while_the_consent_lives(
    client: Client, now: datetime, consent: str
) -> None:
    """Revoked: every coaching URL with the victim's ids is 404 or free of their words. Live:
    the student page shows their employer, and nothing else changes."""
    victim = make_victim(now)
    if consent == "revoked":
        Consent.objects.filter(student=victim).update(revoked_at=now)
    coach = get_user_model().objects.get(username="victims-coach")
    client.force_login(coach)
    before = rows_of(victim)

    shown = []
    for pattern, path in walk(victim):
        if not path.startswith("/coaching/") or pattern.name == "coaching_join":
            continue
        response = client.get(path)
        assert response.status_code < 500, path
        if leaked(response.content):
            shown.append(path)

    after = rows_of(victim)
    logged = after.pop("coaching.AccessLog")
    assert after == {key: rows for key, rows in before.items() if key != "coaching.AccessLog"}
    if consent == "revoked":
        assert shown == []
        assert len(logged) == len(before["coaching.AccessLog"])
    else:
        assert f"/coaching/students/{victim.pk}/" in shown
        assert len(logged) > len(before["coaching.AccessLog"])
