"""The application's rows as a planner case: the capture fields that feed the drafts."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection

from afterword.rules.case import Case
from afterword.tracker.models import Interview, Interviewer
from afterword.tracker.services.case import (
    CaseRows,
    build_case,
    case_rows,
    read_apart,
    read_joined,
)
from tests.factories import ApplicationFactory, InterviewerFactory, InterviewFactory
from tests.tracker.conftest import Sample, ny

pytestmark = pytest.mark.django_db


def test_it_passes_a_recorded_salutation_and_leaves_an_empty_one_out(sample: Sample) -> None:
    """Dana's "Ms Reyes" reaches the case; Lee, with none, gets the automatic greeting."""
    sample.dana.salutation = "Ms Reyes"
    sample.dana.save()
    lee = InterviewerFactory(application=sample.application, name="Lee Park")
    sample.interview.interviewers.add(lee)

    people = build_case(sample.application, ny(2026, 3, 2, 12))["interviews"][0]["interviewers"]

    assert [person.get("salutation") for person in people] == ["Ms Reyes", None]


def test_it_passes_the_chosen_people_as_case_ids(sample: Sample) -> None:
    """forgot_for and to_clarify_for name the interviewer's case id, which the case accepts."""
    lee = InterviewerFactory(application=sample.application, name="Lee Park")
    sample.interview.interviewers.add(lee)
    sample.interview.forgot = "my dbt project"
    sample.interview.forgot_for = lee
    sample.interview.to_clarify_for = sample.dana
    sample.interview.save()

    data = build_case(sample.application, ny(2026, 3, 2, 12))

    interview = Case.model_validate(data).interviews[0]
    assert (interview.forgot_for, interview.to_clarify_for) == (lee.case_id, sample.dana.case_id)


def test_a_chosen_person_no_longer_on_the_round_makes_it_automatic_again(sample: Sample) -> None:
    """Someone taken off the interview is not sent to the planner, which would refuse the id."""
    lee = InterviewerFactory(application=sample.application, name="Lee Park")
    sample.interview.forgot_for = lee
    sample.interview.save()

    data = build_case(sample.application, ny(2026, 3, 2, 12))

    assert "forgot_for" not in data["interviews"][0]
    assert Case.model_validate(data).interviews[0].forgot_for is None


def test_rows_saved_before_the_new_fields_still_make_a_valid_case(sample: Sample) -> None:
    """No salutation and no chosen people: the case is what it was, every point automatic."""
    data = build_case(sample.application, ny(2026, 3, 2, 12))

    interview = Case.model_validate(data).interviews[0]
    assert interview.forgot_for is None and interview.interviewers[0].salutation is None


def three_applications(user: Any) -> list[int]:
    """Rounds with several people, one with nobody, a person left off every round, rounds
    naming someone of another application (in the batch and not), and one application
    without interviews."""
    first, second, third = (ApplicationFactory(owner=user) for _ in range(3))
    ana, ben, cai = (InterviewerFactory(application=first, name=n) for n in ("Ana", "Ben", "Cai"))
    InterviewerFactory(application=first, name="Left Off")
    dee = InterviewerFactory(application=second, name="Dee")
    eli = InterviewerFactory(application=ApplicationFactory(owner=user), name="Eli")
    InterviewFactory(application=first, start=ny(2026, 3, 5, 9), interviewers=[cai, ana, eli])
    InterviewFactory(application=first, start=ny(2026, 3, 2, 9), interviewers=[ben, dee, ana])
    InterviewFactory(application=first, start=ny(2026, 3, 2, 9), interviewers=[])
    InterviewFactory(application=second, start=ny(2026, 3, 3, 9), interviewers=[dee])
    return [first.pk, second.pk, third.pk]


def read_with(read: Callable[[list[int], dict[int, CaseRows]], None], ids: list[int]) -> Any:
    found = {pk: CaseRows() for pk in ids}
    read(ids, found)
    return found


def test_a_batch_read_table_by_table_gives_the_rows_of_the_joined_read(user: Any) -> None:
    """Interviews by start then id, each one's people by id, nobody lost or added."""
    ids = three_applications(user)
    ApplicationFactory(owner=user)  # outside the batch
    InterviewFactory(start=ny(2026, 3, 2, 9))  # another user's, outside the batch

    apart, joined = read_with(read_apart, ids), read_with(read_joined, ids)

    assert apart == joined
    names = [[p.name for p in people] for _, people in apart[ids[0]].interviews]
    assert names == [["Ana", "Ben", "Dee"], [], ["Ana", "Cai", "Eli"]]
    assert apart[ids[2]] == CaseRows()


def captured(work: Callable[[], object]) -> list[tuple[str, list[int]]]:
    """Each query ``work`` runs, with the ids it passes (PostgreSQL: one array of them)."""
    seen: list[tuple[str, list[int]]] = []

    def record(execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
        values: list[int] = []
        for param in params or ():
            if isinstance(param, str):  # PostgreSQL's array, "{1,2,3}"
                values += [int(pk) for pk in param.strip("{}").split(",") if pk]
            else:
                values.append(int(param))
        seen.append((sql, values))
        return execute(sql, params, many, context)

    with connection.execute_wrapper(record):
        work()
    return seen


def test_a_batch_read_table_by_table_reads_only_the_batch_rows(user: Any) -> None:
    """Each read is of one table, by ids of the batch's own rows: the interviews and people
    of its applications, their interviews' links, then only the people named from elsewhere."""
    ids = three_applications(user)
    for _ in range(3):
        InterviewFactory(start=ny(2026, 3, 2, 9))  # with a person, outside the batch

    queries = captured(lambda: read_with(read_apart, ids))

    interviews = sorted(
        Interview.objects.filter(application_id__in=ids).values_list("pk", flat=True)
    )
    eli = Interviewer.objects.get(name="Eli").pk
    assert [sorted(values) for _, values in queries] == [
        sorted(ids),
        interviews,
        sorted(ids),
        [eli],
    ]
    assert not any(" JOIN " in sql for sql, _ in queries)


def test_a_batch_on_postgresql_is_read_table_by_table(user: Any) -> None:
    """On PostgreSQL a batch's case rows are read without a join, the same rows as joined."""
    if connection.vendor != "postgresql":
        pytest.skip("SQLite joins through the indexes")
    ids = three_applications(user)

    queries = captured(lambda: case_rows(ids))

    assert len(queries) == 5 and not any(" JOIN " in sql for sql, _ in queries)
    joined = read_with(read_joined, ids)
    assert {pk: rows.interviews for pk, rows in case_rows(ids).items()} == {
        pk: rows.interviews for pk, rows in joined.items()
    }
