"""An invitation becomes an interview in two clicks; a cancellation never creates one."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from afterword.tracker import access
from afterword.tracker.models import Application, Interview, Interviewer
from tests.factories import ApplicationFactory, InterviewerFactory, InterviewFactory

HERE = Path(__file__).parent / "invitations"
# Before every fixture invitation, so none of them is over.
BEFORE = datetime(2026, 12, 4, 12, 0, tzinfo=UTC)


@pytest.fixture
def early(user: Any) -> Any:
    import time_machine

    with time_machine.travel(BEFORE, tick=False):
        user.email = "sam@example.test"
        user.save()
        yield BEFORE


def upload(client: Client, name: str, application: Application | None = None) -> Any:
    data: dict[str, Any] = {"file": SimpleUploadedFile(name, (HERE / name).read_bytes())}
    data["application"] = str(application.pk) if application else ""
    return client.post("/invitations/new/", data)


def test_the_upload_proposes_time_zone_and_people_without_saving(
    member: Client, early: datetime, user: Any
) -> None:
    """Click one: the proposal, with the organiser as main contact and the user left out."""
    response = upload(member, "google.ics")

    page = response.content.decode()
    assert response.status_code == 200
    assert "Thursday 10 December 2026, 10:00–11:00" in page and "America/New_York" in page
    assert "Dana Reyes" in page and "Marcus Lee" in page and "sam@example.test" not in page
    assert not access.belonging_to(user.pk, Interview).exists()


def test_confirming_creates_the_application_interview_and_people(
    member: Client, early: datetime, user: Any
) -> None:
    """Click two: a new application "Northwind", the interview, and everyone still ticked."""
    proposal = upload(member, "google.ics").context["proposal"]

    response = member.post(
        "/invitations/confirm/",
        {"proposal": proposal, "employer": "Northwind Traders", "person": ["0", "1"]},
    )

    application = access.belonging_to(user.pk, Application).get()
    assert response["Location"] == f"/applications/{application.pk}/"
    assert application.employer == "Northwind Traders"
    assert application.employer_timezone == "America/New_York"
    interview = access.belonging_to(user.pk, Interview).get()
    assert interview.start == datetime(2026, 12, 10, 10, tzinfo=ZoneInfo("America/New_York"))
    people = {(p.name, p.is_primary) for p in interview.interviewers.all()}
    assert people == {("Dana Reyes", True), ("Marcus Lee", False)}


def test_a_person_already_known_is_reused_and_the_round_follows(
    member: Client, early: datetime, user: Any
) -> None:
    """Dana from round 1 is the same row in round 2, not a copy."""
    application = ApplicationFactory(owner=user, employer="Northwind Traders")
    dana = InterviewerFactory(
        application=application, name="Dana Reyes", email="dana.reyes@northwind.example"
    )
    InterviewFactory(application=application, interviewers=[dana])
    proposal = upload(member, "google.ics", application).context["proposal"]

    member.post("/invitations/confirm/", {"proposal": proposal, "person": ["0", "1", "2"]})

    latest = access.belonging_to(user.pk, Interview).order_by("start").last()
    assert latest is not None and latest.round == 2
    assert access.belonging_to(user.pk, Interviewer).filter(name="Dana Reyes").count() == 1


def test_a_cancellation_offers_to_mark_the_interview_cancelled_and_creates_nothing(
    member: Client, early: datetime, user: Any
) -> None:
    """METHOD:CANCEL: the matching interview is offered for cancelling; one click removes it."""
    application = ApplicationFactory(
        owner=user, employer="Fabrikam", employer_timezone="Europe/Berlin"
    )
    berlin = ZoneInfo("Europe/Berlin")
    interview = InterviewFactory(
        application=application,
        start=datetime(2026, 12, 15, 14, tzinfo=berlin),
        end=datetime(2026, 12, 15, 15, tzinfo=berlin),
    )

    offer = upload(member, "outlook-cancel.ics", application)
    page = offer.content.decode()
    assert "Mark the interview cancelled" in page
    assert access.belonging_to(user.pk, Interview).count() == 1

    member.post(f"/interviews/{interview.pk}/cancel/")

    assert not access.belonging_to(user.pk, Interview).exists()


def test_an_interview_already_held_is_not_removed_by_a_late_cancellation(
    member: Client, early: datetime, user: Any
) -> None:
    """A past interview stays, with a message saying why."""
    interview = InterviewFactory(application=ApplicationFactory(owner=user))

    response = member.post(f"/interviews/{interview.pk}/cancel/", follow=True)

    assert "already taken place" in response.content.decode()
    assert access.belonging_to(user.pk, Interview).exists()


def test_a_file_that_is_no_invitation_is_named_on_the_field(
    member: Client, early: datetime
) -> None:
    """400 with the reason under the file field."""
    response = member.post(
        "/invitations/new/", {"file": SimpleUploadedFile("x.ics", b"hello"), "application": ""}
    )

    assert response.status_code == 400
    assert "This is not a calendar file" in response.content.decode()


def test_someone_elses_application_cannot_receive_an_invitation(
    client: Client, early: datetime, user: Any, outsider: Any
) -> None:
    """The outsider cannot choose the user's application: it is not among the choices."""
    application = ApplicationFactory(owner=user)
    client.force_login(outsider)
    stranger = client

    response = upload(stranger, "google.ics", application)

    assert response.status_code == 400
    assert not access.belonging_to(user.pk, Interview).exists()
