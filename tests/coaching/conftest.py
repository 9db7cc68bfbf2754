"""A career centre for the coaching tests: an admin, two coaches, students with applications."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import pytest

from afterword.coaching import consent as consent_service
from afterword.coaching.models import Consent, Membership, Organisation, Role
from afterword.coaching.organisations import create_organisation
from afterword.tracker.models import Application
from afterword.tracker.services import replan
from tests.factories import (
    ApplicationFactory,
    InterviewerFactory,
    InterviewFactory,
    UserFactory,
)


@dataclass
class Centre:
    organisation: Organisation
    admin: Any
    coach: Any
    other_coach: Any
    student: Any
    application: Application


def add_member(organisation: Organisation, user: Any, role: str, now: datetime) -> Membership:
    return Membership.objects.create(organisation=organisation, user=user, role=role, joined_at=now)


def give_consent(centre: Centre, student: Any, coach: Any, now: datetime, **kw: Any) -> Consent:
    staff = Membership.objects.get(organisation=centre.organisation, user=coach)
    return consent_service.grant(student, staff.pk, kw.get("share_notes", False), now)


def planned_application(
    owner: Any, now: datetime, employer: str, interviewed: datetime | None = None, **rest: Any
) -> Application:
    """An application with one interview (default: the factories' Monday), planned at ``now``."""
    application = ApplicationFactory(owner=owner, employer=employer)
    person = InterviewerFactory(application=application, name="Priya Natarajan")
    extra: dict[str, Any] = {"start": interviewed} if interviewed else {}
    InterviewFactory(application=application, interviewers=[person], **extra, **rest)
    replan(application, now)
    return application


@pytest.fixture
def centre(now: datetime) -> Centre:
    """Northfield Careers: admin Ada, coaches Cole and Cora, student Sam with one application."""
    admin = UserFactory(username="ada", first_name="Ada", last_name="Admin")
    organisation = create_organisation("Northfield Careers", "ada", now)
    coach = UserFactory(username="cole", first_name="Cole", last_name="Coach")
    other = UserFactory(username="cora", first_name="Cora", last_name="Coach")
    student = UserFactory(username="sam", first_name="Sam", last_name="Student")
    add_member(organisation, coach, Role.COACH, now)
    add_member(organisation, other, Role.COACH, now)
    add_member(organisation, student, Role.STUDENT, now - timedelta(days=30))
    application = planned_application(student, now, "Harbour Logistics")
    return Centre(organisation, admin, coach, other, student, application)
