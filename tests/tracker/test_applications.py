"""Adding many applications at once (a spreadsheet's rows): skipped when already there."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest
from django.core.exceptions import ValidationError

from afterword.tracker import access
from afterword.tracker.models import Application
from afterword.tracker.services.applications import add_applications, rows_to_skip
from afterword.tracker.services.known_applications import Skipped
from tests.factories import ApplicationFactory, InterviewFactory

ROWS = [
    ("row 2", {"employer": "Tailspin Toys", "role": "Data Analyst"}),
    ("row 3", {"employer": "Contoso", "role": "Product Designer", "job_code": "C-9"}),
]


def _employers(user: Any) -> list[str]:
    return sorted(access.belonging_to(user.pk, Application).values_list("employer", flat=True))


def test_the_same_rows_twice_add_nothing_the_second_time(user: Any, now: datetime) -> None:
    """First time both added with their places; second time both skipped."""
    first = add_applications(user, ROWS, now)
    second = add_applications(user, ROWS, now)

    assert [(e.place, e.application.employer) for e in first.added] == [
        ("row 2", "Tailspin Toys"),
        ("row 3", "Contoso"),
    ]
    assert second.added == [] and second.skipped == [Skipped("row 2"), Skipped("row 3")]
    assert _employers(user) == ["Contoso", "Tailspin Toys"]


def test_a_row_repeated_in_the_list_is_added_once(user: Any, now: datetime) -> None:
    """ "tailspin toys " again, further down: skipped as a repeat of row 2."""
    rows = [*ROWS, ("row 4", {"employer": "tailspin toys ", "role": "Data Analyst"})]

    result = add_applications(user, rows, now)

    assert result.skipped == [Skipped("row 4", repeats="row 2")]
    assert _employers(user) == ["Contoso", "Tailspin Toys"]


def test_a_row_is_held_whatever_interviews_were_added_since(user: Any, now: datetime) -> None:
    """Interviews recorded after the first import do not make the row a new application."""
    add_applications(user, ROWS, now)
    held = Application.objects.get(owner=user, employer="Contoso")
    InterviewFactory(application=held)

    result = add_applications(user, ROWS, now)

    assert result.added == [] and result.skipped == [Skipped("row 2"), Skipped("row 3")]
    assert _employers(user) == ["Contoso", "Tailspin Toys"]


def test_another_role_at_the_same_employer_is_added(user: Any, now: datetime) -> None:
    """Employer, role and job code decide together: the same employer alone is not enough."""
    ApplicationFactory(owner=user, employer="Contoso", role="Office Manager", job_code="C-9")

    result = add_applications(user, ROWS, now)

    assert [entry.place for entry in result.added] == ["row 2", "row 3"]


def test_a_bad_row_undoes_the_rows_before_it(user: Any, now: datetime) -> None:
    """All or nothing: the zone of the last row is wrong, the first is not kept."""
    rows = [*ROWS, ("row 4", {"employer": "Fabrikam", "employer_timezone": "Mars/Olympus"})]

    with pytest.raises(ValidationError):
        add_applications(user, rows, now)

    assert _employers(user) == []


def test_rows_to_skip_tells_the_preview_without_writing(user: Any, now: datetime) -> None:
    """Row 2 held already, row 4 repeats row 3: said, and nothing is written."""
    add_applications(user, ROWS[:1], now)
    rows = [*ROWS, ("row 4", dict(ROWS[1][1]))]

    found = rows_to_skip(user, rows, now)

    assert found == [Skipped("row 2"), None, Skipped("row 4", repeats="row 3")]
    assert _employers(user) == ["Tailspin Toys"]
