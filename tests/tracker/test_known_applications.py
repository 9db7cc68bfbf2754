"""Deciding which applications of an imported file the account already has."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from afterword.tracker.services.known_applications import (
    KnownApplications,
    Skipped,
    likeness_of,
)
from tests.factories import INTERVIEW_START, ApplicationFactory, InterviewFactory


def _held(user: Any, **fields: Any) -> Any:
    """An application of ``user`` with one interview at INTERVIEW_START."""
    application = ApplicationFactory(owner=user, **fields)
    InterviewFactory(application=application, start=INTERVIEW_START)
    return application


def test_the_same_employer_role_code_and_interviews_is_known(user: Any) -> None:
    """Employer trimmed and in any case, the interview's instant in another zone: the same."""
    _held(user, employer="Larkspur Health", role="Coordinator", job_code="LH-1")
    in_chicago = INTERVIEW_START.astimezone(ZoneInfo("America/Chicago"))

    known = KnownApplications(user.pk)
    key = likeness_of(" LARKSPUR health ", "Coordinator", "LH-1", [in_chicago])

    assert known.match("applications[0]", key, None) == Skipped("applications[0]")


def test_another_role_code_or_interview_time_is_not_known(user: Any) -> None:
    """Any one of role, job code or an interview's start differing makes another application."""
    _held(user, employer="Larkspur Health", role="Coordinator", job_code="LH-1")
    known = KnownApplications(user.pk)
    later = INTERVIEW_START + timedelta(hours=1)

    keys = [
        likeness_of("Larkspur Health", "Analyst", "LH-1", [INTERVIEW_START]),
        likeness_of("Larkspur Health", "Coordinator", None, [INTERVIEW_START]),
        likeness_of("Larkspur Health", "Coordinator", "LH-1", [later]),
        likeness_of("Larkspur Health", "Coordinator", "LH-1", [INTERVIEW_START, later]),
        likeness_of("Larkspur Health", "Coordinator", "LH-1", []),
    ]

    assert [known.match("row 2", key, None) for key in keys] == [None] * 5


def test_an_absent_role_or_code_is_the_empty_one(user: Any) -> None:
    """A file without role or job code matches an application whose are blank."""
    _held(user, employer="Osprey Maritime", role="", job_code="")

    known = KnownApplications(user.pk)

    key = likeness_of("Osprey Maritime", None, None, [INTERVIEW_START])
    assert known.match("row 2", key, None) is not None


def test_archived_applications_are_known(user: Any, now: datetime) -> None:
    """Put away is still the user's: an archived application is matched."""
    _held(user, employer="Tidewater", role="Analyst", job_code="", archived_at=now)

    known = KnownApplications(user.pk)

    key = likeness_of("Tidewater", "Analyst", "", [INTERVIEW_START])
    assert known.match("row 2", key, None) is not None


def test_another_persons_application_is_never_known(user: Any, outsider: Any) -> None:
    """The same application in someone else's account does not stop this one's import."""
    _held(outsider, employer="Tidewater", role="Analyst", job_code="")

    known = KnownApplications(user.pk)

    key = likeness_of("Tidewater", "Analyst", "", [INTERVIEW_START])
    assert known.match("row 2", key, None) is None


def test_without_interviews_the_creation_moment_decides_when_given(
    user: Any, now: datetime
) -> None:
    """No interview on either side: same created_at known, another not, none given known."""
    ApplicationFactory(owner=user, employer="Osprey", role="", job_code="")
    known = KnownApplications(user.pk)
    key = likeness_of("Osprey", "", "", [])

    assert known.match("a", key, now) is not None
    assert known.match("b", key, now + timedelta(seconds=1)) is None
    assert known.match("c", key, None) is not None


def test_an_application_added_by_the_import_is_known_to_its_later_rows(user: Any) -> None:
    """The repeat names the place of the first one; the account itself is read once."""
    known = KnownApplications(user.pk)
    key = likeness_of("Osprey", "Planner", "", [INTERVIEW_START])

    first = known.match("row 2", key, None)
    known.add("row 2", key, INTERVIEW_START)

    assert first is None
    assert known.match("row 5", key, None) == Skipped("row 5", repeats="row 2")


def test_the_account_is_read_in_one_query(user: Any, django_assert_num_queries: Any) -> None:
    """Three applications with interviews or none: a single query, matches without another."""
    for n in range(3):
        _held(user, employer=f"Employer {n}", role="", job_code="")
    ApplicationFactory(owner=user, employer="No interview yet", role="", job_code="")

    with django_assert_num_queries(1):
        known = KnownApplications(user.pk)
        found = [
            known.match(f"row {n}", likeness_of(f"Employer {n}", "", "", [INTERVIEW_START]), None)
            for n in range(3)
        ]

    assert all(found)
