"""The application's rows as a planner case: the capture fields that feed the drafts."""

from __future__ import annotations

import pytest

from afterword.rules.case import Case
from afterword.tracker.services.case import build_case
from tests.factories import InterviewerFactory
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
