"""Saving an interview through the service: checked once, written with its plan or not at all."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError

from afterword.tracker.models import Action, Interview, Interviewer
from afterword.tracker.services.interviews import NO_PEOPLE, interview_problems, save_interview
from tests.factories import ApplicationFactory, InterviewerFactory
from tests.tracker.conftest import Sample, ny

pytestmark = pytest.mark.django_db


def second_round(**fields: object) -> Interview:
    return Interview(round=2, start=ny(2026, 3, 9, 14), end=ny(2026, 3, 9, 15), **fields)


def test_it_saves_the_round_its_people_and_the_plan(sample: Sample) -> None:
    """A new round with a new person and one from round 1 is stored and planned."""
    lee = Interviewer(name="Lee Park", email="lee@nw.example")

    saved = save_interview(sample.application, second_round(), [lee], [sample.dana], ny(2026, 3, 9))

    assert set(saved.interviewers.values_list("name", flat=True)) == {"Dana Reyes", "Lee Park"}
    assert Action.objects.filter(interview=saved).exists()


def test_it_reads_the_decision_phrase_from_the_interview_day(sample: Sample) -> None:
    """ "end of next week" said on Mon 9 Mar 2026 means Fri 20 Mar 2026."""
    interview = second_round(decision_phrase="end of next week")

    saved = save_interview(sample.application, interview, [], [sample.dana], ny(2026, 3, 9))

    assert saved.decision_by == date(2026, 3, 20)


def test_an_unreadable_phrase_is_reported_on_its_field_and_nothing_is_written(
    sample: Sample,
) -> None:
    """A phrase the parser cannot read names decision_phrase; no row is added."""
    interview = second_round(decision_phrase="when the moon is blue")

    with pytest.raises(ValidationError) as caught:
        save_interview(sample.application, interview, [Interviewer(name="Lee")], [], ny(2026, 3, 9))

    assert list(caught.value.message_dict) == ["decision_phrase"]
    assert Interview.objects.count() == 1
    assert not Interviewer.objects.filter(name="Lee").exists()


def test_it_refuses_a_round_without_people_or_with_times_reversed(sample: Sample) -> None:
    """No interviewer and an end before the start: both problems, each under its field."""
    interview = Interview(round=2, start=ny(2026, 3, 9, 15), end=ny(2026, 3, 9, 14))

    with pytest.raises(ValidationError) as caught:
        save_interview(sample.application, interview, [], [], ny(2026, 3, 9))

    assert caught.value.message_dict[NON_FIELD_ERRORS] == [NO_PEOPLE]
    assert "end" in caught.value.message_dict
    assert Interview.objects.count() == 1


def test_it_refuses_a_person_from_another_application(sample: Sample) -> None:
    """Someone met at another employer cannot be ticked onto this interview."""
    stranger = InterviewerFactory(application=ApplicationFactory(owner=sample.application.owner))

    with pytest.raises(ValidationError) as caught:
        save_interview(sample.application, second_round(), [], [stranger], ny(2026, 3, 9))

    assert "existing" in caught.value.message_dict
    assert Interview.objects.count() == 1


def test_a_decision_date_before_the_interview_is_refused(sample: Sample) -> None:
    """A decision date before the interview day is reported on decision_by."""
    interview = second_round(decision_by=date(2026, 3, 1))

    with pytest.raises(ValidationError) as caught:
        save_interview(sample.application, interview, [], [sample.dana], ny(2026, 3, 9))

    assert list(caught.value.message_dict) == ["decision_by"]


def test_the_interview_fields_are_checked_on_their_own(sample: Sample) -> None:
    """Times reversed and an unreadable phrase are both found without any interviewer rows."""
    interview = Interview(
        round=2,
        start=ny(2026, 3, 9, 15),
        end=ny(2026, 3, 9, 14),
        decision_phrase="when the moon is blue",
    )

    problems = interview_problems(sample.application, interview)

    assert problems is not None
    assert set(problems.message_dict) == {"end", "decision_phrase"}


def test_a_sound_interview_has_no_problems_of_its_own(sample: Sample) -> None:
    """A round with its times in order and a readable phrase passes, the phrase read."""
    interview = second_round(decision_phrase="end of next week")

    assert interview_problems(sample.application, interview) is None
    assert interview.decision_by == date(2026, 3, 20)


def test_a_point_can_go_to_a_person_added_on_the_same_round(sample: Sample) -> None:
    """Lee, typed on this round and not saved yet, receives the forgotten points."""
    lee = Interviewer(name="Lee Park")
    interview = second_round(forgot="my dbt project", forgot_for=lee)

    saved = save_interview(sample.application, interview, [lee], [sample.dana], ny(2026, 3, 9))

    saved.refresh_from_db()
    assert saved.forgot_for == lee and saved.to_clarify_for is None


def test_a_point_for_someone_not_at_the_interview_is_refused_by_its_field(sample: Sample) -> None:
    """Dana was not on round 2: to_clarify_for names the problem and nothing is written."""
    lee = Interviewer(name="Lee Park")
    interview = second_round(to_clarify="the start date", to_clarify_for=sample.dana)

    with pytest.raises(ValidationError) as caught:
        save_interview(sample.application, interview, [lee], [], ny(2026, 3, 9))

    assert list(caught.value.message_dict) == ["to_clarify_for"]
    assert "Dana Reyes was not at this interview" in caught.value.messages[0]
    assert Interview.objects.count() == 1
    assert not Interviewer.objects.filter(name="Lee Park").exists()
