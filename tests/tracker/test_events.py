"""Recording events: input is checked by the planner's schema and bad input saves nothing."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import ValidationError

from afterword.tracker.models import Action, Event
from afterword.tracker.services import (
    ActionGone,
    StalePage,
    complete_action,
    record_event,
    replan,
    snooze_action,
)
from tests.factories import ApplicationFactory, InterviewerFactory, InterviewFactory
from tests.tracker.conftest import Sample, ny

pytestmark = pytest.mark.django_db


def snapshot() -> tuple[int, list[tuple[str, str]]]:
    return Event.objects.count(), list(Action.objects.values_list("kind", "why"))


@pytest.fixture
def planned(sample: Sample) -> Sample:
    replan(sample.application, ny(2026, 3, 3, 9))
    return sample


def test_it_refuses_another_offer_without_a_deadline(planned: Sample) -> None:
    """other_offer needs its deadline: the error is on that field and nothing is saved."""
    before = snapshot()

    with pytest.raises(ValidationError) as caught:
        record_event(planned.application, "other_offer", ny(2026, 3, 4, 9))

    assert list(caught.value.message_dict) == ["deadline"]
    assert caught.value.message_dict["deadline"][0].startswith("Required")
    assert snapshot() == before


def test_it_refuses_an_event_in_the_future(planned: Sample) -> None:
    """Only the past can be recorded: an event after now is refused on ``at``."""
    before = snapshot()

    with pytest.raises(ValidationError) as caught:
        record_event(planned.application, "reply", ny(2026, 3, 4, 9), at=ny(2026, 3, 5, 9))

    assert list(caught.value.message_dict) == ["at"]
    assert "after now" in caught.value.message_dict["at"][0]
    assert snapshot() == before


def test_it_refuses_a_thank_you_to_someone_not_at_that_interview(planned: Sample) -> None:
    """A person of this application who was not at the interview cannot be thanked for it."""
    stranger = InterviewerFactory(application=planned.application, name="Kim Lowe")
    before = snapshot()

    with pytest.raises(ValidationError) as caught:
        record_event(
            planned.application,
            "thank_you_sent",
            ny(2026, 3, 3, 10),
            interview=planned.interview,
            interviewer=stranger,
        )

    assert list(caught.value.message_dict) == ["interviewer"]
    assert snapshot() == before


def test_it_refuses_people_from_another_application(planned: Sample, outsider: Any) -> None:
    """An interview or person of someone else's application is refused before any check."""
    foreign = InterviewFactory(application=ApplicationFactory(owner=outsider))
    before = snapshot()

    with pytest.raises(ValidationError) as caught:
        record_event(
            planned.application,
            "thank_you_sent",
            ny(2026, 3, 3, 10),
            interview=foreign,
            interviewer=foreign.interviewers.get(),
        )

    assert set(caught.value.message_dict) == {"interview", "interviewer"}
    assert snapshot() == before


def test_it_refuses_an_unknown_event_type(planned: Sample) -> None:
    """The type must be one of the planner's event types."""
    before = snapshot()

    with pytest.raises(ValidationError) as caught:
        record_event(planned.application, "ghosted", ny(2026, 3, 4, 9))

    assert list(caught.value.message_dict) == ["type"]
    assert snapshot() == before


def test_it_refuses_a_check_in_with_a_made_up_channel(planned: Sample) -> None:
    """check_in_sent takes email or phone only."""
    with pytest.raises(ValidationError) as caught:
        record_event(planned.application, "check_in_sent", ny(2026, 3, 9, 11), channel="pigeon")

    assert list(caught.value.message_dict) == ["channel"]
    assert Event.objects.count() == 0


def test_it_refuses_an_event_without_a_time_zone(planned: Sample) -> None:
    """A naive time is never read in the server's zone (T3)."""
    naive = ny(2026, 3, 3, 9).replace(tzinfo=None)

    with pytest.raises(ValidationError) as caught:
        record_event(planned.application, "reply", ny(2026, 3, 4, 9), at=naive)

    assert list(caught.value.message_dict) == ["at"]
    assert Event.objects.count() == 0


def test_it_rejects_fields_events_do_not_have(planned: Sample) -> None:
    """A misspelt keyword is a programming error, not user input."""
    with pytest.raises(TypeError, match="deadlin"):
        record_event(planned.application, "other_offer", ny(2026, 3, 4, 9), deadlin=None)


def test_it_saves_the_event_and_the_new_plan_together(planned: Sample) -> None:
    """A valid event is saved with its fields, and the plan reflects it at once."""
    now = ny(2026, 3, 4, 9)

    event = record_event(
        planned.application, "other_offer", now, deadline=ny(2026, 3, 13).date(), note="Acme"
    )

    saved = Event.objects.get()
    assert (saved.pk, saved.at, saved.deadline, saved.note) == (
        event.pk,
        now,
        ny(2026, 3, 13).date(),
        "Acme",
    )
    assert Action.objects.filter(kind="expedite").exists()


def test_it_checks_news_before_the_first_interview_on_its_own(user: Any) -> None:
    """With no interview yet, a rejection is still recorded; a deadline is still required."""
    application = ApplicationFactory(owner=user)

    with pytest.raises(ValidationError) as caught:
        record_event(application, "other_offer", ny(2026, 3, 4, 9))
    record_event(application, "rejection", ny(2026, 3, 4, 9))

    assert list(caught.value.message_dict) == ["deadline"]
    application.refresh_from_db()
    assert (application.status, Event.objects.count()) == ("decided", 1)


def test_a_second_done_on_the_same_action_raises_action_gone(planned: Sample) -> None:
    """The action object a page held is done once; done again, it is gone and nothing is added."""
    action = planned.application.actions.filter(kind="thank_you_email").first()
    assert action is not None
    complete_action(action, ny(2026, 3, 3, 10))
    before = snapshot()

    with pytest.raises(ActionGone):
        complete_action(action, ny(2026, 3, 3, 10, 1))

    assert snapshot() == before


def test_a_page_shown_before_a_replan_still_does_the_other_persons_thank_you(
    sample: Sample,
) -> None:
    """Two thank-yous on one page: Done on the first re-plans; Done on the second still counts."""
    lee = InterviewerFactory(application=sample.application, name="Lee Park")
    sample.interview.interviewers.add(lee)
    replan(sample.application, ny(2026, 3, 3, 9))
    shown = list(sample.application.actions.filter(kind="thank_you_email").order_by("pk"))

    complete_action(shown[0], ny(2026, 3, 3, 10))
    complete_action(shown[1], ny(2026, 3, 3, 10, 1))

    thanked = Event.objects.filter(type="thank_you_sent").values_list("interviewer", flat=True)
    assert sorted(thanked) == sorted([shown[0].interviewer_id, shown[1].interviewer_id])


def test_a_snooze_after_the_action_was_done_raises_action_gone(planned: Sample) -> None:
    """Snooze on an action done meanwhile (another tab) records nothing."""
    action = planned.application.actions.filter(kind="thank_you_email").first()
    assert action is not None
    complete_action(action, ny(2026, 3, 3, 10))
    before = snapshot()

    with pytest.raises(ActionGone):
        snooze_action(action, ny(2026, 3, 3, 10, 1))

    assert snapshot() == before


def test_news_from_a_page_older_than_the_plan_raises_stale_page(planned: Sample) -> None:
    """News carrying the plan time of an earlier page is refused once the plan has moved on."""
    seen = planned.application.planned_at
    assert seen is not None
    record_event(planned.application, "reply", ny(2026, 3, 4, 9), seen_planned_at=seen)
    before = snapshot()

    with pytest.raises(StalePage):
        record_event(planned.application, "reply", ny(2026, 3, 4, 9), seen_planned_at=seen)

    assert snapshot() == before


def test_recording_an_event_reads_the_case_once(
    planned: Sample, django_assert_max_num_queries: Any
) -> None:
    """The lock (with owner and settings), the case's two reads, the event, the stored actions,
    the changed ones deleted and inserted, the plan's status; and the savepoint's two."""
    now = ny(2026, 3, 4, 9)

    with django_assert_max_num_queries(10):
        record_event(planned.application, "reply", now, no_decision_yet=True)

    assert Event.objects.get().type == "reply"
