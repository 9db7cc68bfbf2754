"""Re-planning: each kind of event moves the stored plan to the dates docs/GUIDANCE.md gives."""

from __future__ import annotations

import gc
import importlib
import sqlite3
from typing import Any

import pytest
from django.core.exceptions import ValidationError

from afterword.tracker.models import Action, Application, Event
from afterword.tracker.services import (
    complete_action,
    record_event,
    replan,
    replan_all,
    snooze_action,
)
from tests.factories import ApplicationFactory, InterviewerFactory, InterviewFactory
from tests.tracker.conftest import Sample, ny

pytestmark = pytest.mark.django_db
# The module (the package's name ``replan`` is the function).
replan_module = importlib.import_module("afterword.tracker.services.replan")


def stored(application: Application) -> list[tuple[str, str, str]]:
    """The stored plan as (kind, due in New York, deciding rule), in plan order."""
    return [
        (action.kind, action.due.astimezone(ny(2026, 1, 1).tzinfo).isoformat(), action.rules[0])
        for action in Action.objects.filter(application=application).order_by("position")
    ]


def thank(sample: Sample, at: Any) -> None:
    record_event(
        sample.application,
        "thank_you_sent",
        at,
        interview=sample.interview,
        interviewer=sample.dana,
    )


def test_it_plans_a_thank_you_and_a_first_check_in(sample: Sample) -> None:
    """No events yet: thank Dana within 24 h (K2), check in 5 business days later (F4)."""
    now = ny(2026, 3, 3, 9)

    result = replan(sample.application, now)

    assert result.status == "thank_you_pending"
    assert stored(sample.application) == [
        ("thank_you_email", "2026-03-03T11:00:00-05:00", "K2"),
        ("check_in_email", "2026-03-09T10:00:00-04:00", "F4"),
    ]
    sample.application.refresh_from_db()
    assert (sample.application.status, sample.application.planned_at) == ("thank_you_pending", now)


def test_it_replans_when_a_thank_you_is_sent(sample: Sample) -> None:
    """A sent thank-you leaves only the check-in, and the application is waiting."""
    now = ny(2026, 3, 2, 18)

    thank(sample, now)

    assert stored(sample.application) == [("check_in_email", "2026-03-09T10:00:00-04:00", "F4")]
    assert Application.objects.get().status == "waiting"


def test_it_replans_when_a_letter_is_posted(sample: Sample) -> None:
    """A formal employer gets a letter due in 2 business days (K5); posting it removes it."""
    Application.objects.update(employer_style="formal")
    sample.application.refresh_from_db()
    thank(sample, ny(2026, 3, 2, 18))
    assert ("thank_you_letter", "2026-03-04T10:00:00-05:00", "K5") in stored(sample.application)

    record_event(
        sample.application,
        "letter_sent",
        ny(2026, 3, 3, 12),
        interview=sample.interview,
        interviewer=sample.dana,
    )

    assert stored(sample.application) == [("check_in_email", "2026-03-09T10:00:00-04:00", "F4")]


def test_it_replans_when_a_decision_date_was_given(sample: Sample) -> None:
    """A stated decision date puts the check-in on the next business day after it (F1)."""
    sample.interview.decision_by = ny(2026, 3, 13).date()
    sample.interview.save()
    now = ny(2026, 3, 2, 18)

    thank(sample, now)

    assert stored(sample.application) == [("check_in_email", "2026-03-16T10:00:00-04:00", "F1")]


def test_it_replans_ten_days_after_an_unanswered_check_in(sample: Sample) -> None:
    """A check-in with no answer: the next one 10 days later, on a business day (F5)."""
    thank(sample, ny(2026, 3, 2, 18))

    record_event(sample.application, "check_in_sent", ny(2026, 3, 9, 10, 30), channel="email")

    assert stored(sample.application) == [("check_in_email", "2026-03-19T10:00:00-04:00", "F5")]


def test_it_keeps_the_date_promised_in_a_check_in(sample: Sample) -> None:
    """The date the user promised becomes the next check-in (F6)."""
    thank(sample, ny(2026, 3, 2, 18))

    record_event(
        sample.application,
        "check_in_sent",
        ny(2026, 3, 9, 10, 30),
        channel="email",
        promised_next=ny(2026, 3, 13).date(),
    )

    assert stored(sample.application) == [("check_in_email", "2026-03-13T10:00:00-04:00", "F6")]


def test_it_calls_again_the_next_business_day_when_a_call_is_not_answered(sample: Sample) -> None:
    """They prefer phone; an unanswered Friday call is tried again on Monday (H3)."""
    sample.interview.preferred_channel = "phone"
    sample.interview.save()
    thank(sample, ny(2026, 3, 2, 18))

    record_event(sample.application, "call_no_answer", ny(2026, 3, 13, 10, 5))

    assert stored(sample.application) == [("check_in_call", "2026-03-16T10:00:00-04:00", "H3")]


def test_it_replans_when_a_reply_arrives_without_a_date(sample: Sample) -> None:
    """ "No decision yet" without a date: ask again a week later (F8)."""
    thank(sample, ny(2026, 3, 2, 18))

    record_event(sample.application, "reply", ny(2026, 3, 11, 14), no_decision_yet=True)

    assert stored(sample.application) == [("check_in_email", "2026-03-18T10:00:00-04:00", "F8")]


def test_it_replans_when_a_reply_names_a_new_decision_date(sample: Sample) -> None:
    """ "No decision yet, we decide by Fri 20 Mar": check in Mon 23 Mar (F8, F1)."""
    thank(sample, ny(2026, 3, 2, 18))

    record_event(
        sample.application,
        "reply",
        ny(2026, 3, 11, 14),
        no_decision_yet=True,
        new_decision_by=ny(2026, 3, 20).date(),
    )

    assert stored(sample.application) == [("check_in_email", "2026-03-23T10:00:00-04:00", "F8")]
    assert Action.objects.get().rules[:2] == ["F8", "F1"]


def test_it_plans_an_expedite_message_when_another_offer_arrives(sample: Sample) -> None:
    """Another offer received before the contact hour: tell them the same day (F9)."""
    thank(sample, ny(2026, 3, 2, 18))

    record_event(
        sample.application, "other_offer", ny(2026, 3, 4, 8), deadline=ny(2026, 3, 13).date()
    )

    assert stored(sample.application) == [
        ("expedite", "2026-03-04T10:00:00-05:00", "F9"),
        ("check_in_email", "2026-03-09T10:00:00-04:00", "F4"),
    ]


def test_it_thanks_the_new_people_of_a_next_round(sample: Sample) -> None:
    """A next round with a new interviewer: they get their own thank-you (F8, K1)."""
    thank(sample, ny(2026, 3, 2, 18))
    record_event(sample.application, "next_round", ny(2026, 3, 4, 12))
    assert "A further round was arranged" in Application.objects.get().plan_notes[0]["text"]
    lee = InterviewerFactory(application=sample.application, name="Lee Park")
    InterviewFactory(
        application=sample.application,
        round=2,
        start=ny(2026, 3, 10, 14),
        end=ny(2026, 3, 10, 15),
        interviewers=[lee],
    )

    replan(sample.application, ny(2026, 3, 10, 16))

    assert stored(sample.application)[0] == ("thank_you_email", "2026-03-11T15:00:00-04:00", "K2")
    assert Action.objects.filter(kind="thank_you_email").get().interviewer == lee


@pytest.mark.parametrize("outcome", ["offer", "rejection", "withdrawn"])
def test_it_plans_nothing_more_once_decided(sample: Sample, outcome: str) -> None:
    """An offer, a rejection or a withdrawal ends the plan (F8)."""
    replan(sample.application, ny(2026, 3, 3, 9))

    record_event(sample.application, outcome, ny(2026, 3, 5, 16))

    application = Application.objects.get()
    assert (application.status, stored(application)) == ("decided", [])
    assert application.plan_notes[0]["rules"] == ["F8"]


def test_it_moves_a_snoozed_thank_you_to_the_next_business_day(sample: Sample) -> None:
    """Snoozing Tuesday's thank-you moves it to Wednesday at the same time (T1)."""
    replan(sample.application, ny(2026, 3, 3, 9))
    action = Action.objects.get(kind="thank_you_email")

    event = snooze_action(action, ny(2026, 3, 3, 9, 30))

    assert (event.type, event.action, event.interviewer) == (
        "snoozed",
        "thank_you_email",
        sample.dana,
    )
    assert stored(sample.application)[0] == ("thank_you_email", "2026-03-04T11:00:00-05:00", "K2")


def test_it_records_a_sent_thank_you_when_one_is_done(sample: Sample) -> None:
    """Done on a thank-you action records thank_you_sent for that interview and person."""
    replan(sample.application, ny(2026, 3, 3, 9))
    action = Action.objects.get(kind="thank_you_email")

    event = complete_action(action, ny(2026, 3, 3, 9, 30))

    assert (event.type, event.interview, event.interviewer) == (
        "thank_you_sent",
        sample.interview,
        sample.dana,
    )
    assert [kind for kind, _, _ in stored(sample.application)] == ["check_in_email"]


@pytest.mark.parametrize(("preferred", "channel"), [("email", "email"), ("phone", "phone")])
def test_it_records_a_check_in_when_one_is_done(
    sample: Sample, preferred: str, channel: str
) -> None:
    """Done on a check-in records check_in_sent with the action's channel; F5 plans the next."""
    sample.interview.preferred_channel = preferred
    sample.interview.save()
    thank(sample, ny(2026, 3, 2, 18))
    action = Action.objects.get()

    event = complete_action(action, ny(2026, 3, 9, 11))

    assert (event.type, event.channel) == ("check_in_sent", channel)
    assert stored(sample.application)[0][1:] == ("2026-03-19T10:00:00-04:00", "F5")


def test_it_waits_for_an_interview_before_planning(user: Any) -> None:
    """An application without interviews has no actions and a note asking for one."""
    application = ApplicationFactory(owner=user)

    result = replan(application, ny(2026, 3, 3, 9))

    assert (result.status, result.actions) == ("waiting", ())
    assert Application.objects.get().plan_notes[0]["rules"] == ["C1", "C3"]


def test_it_keeps_the_old_plan_when_the_case_became_invalid(sample: Sample) -> None:
    """A case the planner refuses raises ValidationError and leaves the stored plan alone."""
    replan(sample.application, ny(2026, 3, 3, 9))
    before = stored(sample.application)
    Application.objects.update(employer_timezone="Mars/Olympus")
    sample.application.refresh_from_db()

    with pytest.raises(ValidationError) as caught:
        replan(sample.application, ny(2026, 3, 3, 10))

    assert list(caught.value.message_dict) == ["employer_timezone"]
    assert "Mars/Olympus" in caught.value.messages[0]
    assert stored(sample.application) == before


def test_it_replans_every_application_and_reports_the_broken_ones(
    sample: Sample, user: Any
) -> None:
    """replan_all plans each application on its own; one bad case does not stop the rest."""
    broken = ApplicationFactory(owner=user)
    InterviewFactory(application=broken)
    Application.objects.filter(pk=broken.pk).update(employer_country="XX")

    summary = replan_all(Application.objects.all(), ny(2026, 3, 3, 9))

    assert summary.replanned == 1
    assert list(summary.failed) == [broken.pk]
    assert "country" in summary.failed[broken.pk].lower()
    assert Action.objects.filter(application=sample.application).count() == 2
    assert Event.objects.count() == 0


# Every column of an action but its row id, read from the model: one added later is compared too.
ACTION_COLUMNS = tuple(
    field.attname for field in Action._meta.concrete_fields if not field.primary_key
)


def many_cases(user: Any) -> None:
    """Applications of many shapes: two rounds and people, letters, news, decided, none yet."""
    for n in range(4):
        application = ApplicationFactory(owner=user, employer_style=("formal", "casual")[n % 2])
        people = [InterviewerFactory(application=application) for _ in range(n % 3 + 1)]
        first = InterviewFactory(
            application=application,
            start=ny(2026, 2, 20 + n, 10),
            end=ny(2026, 2, 20 + n, 11),
            interviewers=people,
            decision_by=ny(2026, 3, 10).date() if n % 2 else None,
        )
        if n >= 2:
            InterviewFactory(
                application=application,
                round=2,
                start=ny(2026, 2, 27, 14),
                end=ny(2026, 2, 27, 15),
                interviewers=people[:1],
            )
        Event.objects.create(
            application=application,
            at=ny(2026, 2, 21 + n, 9),
            type="thank_you_sent",
            interview=first,
            interviewer=people[0],
        )
        if n == 3:
            Event.objects.create(application=application, at=ny(2026, 3, 2, 9), type="offer")
    ApplicationFactory(owner=user)  # nothing to plan from yet


def snapshot() -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    """Every stored action and every application's plan fields, in a fixed order."""
    actions = Action.objects.order_by("application_id", "position").values_list(*ACTION_COLUMNS)
    plans = Application.objects.order_by("pk").values_list(
        "pk", "status", "plan_notes", "planned_at"
    )
    return list(actions), list(plans)


def test_replan_all_stores_exactly_what_replan_stores_one_by_one(user: Any) -> None:
    """The bulk re-plan writes the same actions, status and notes as one re-plan per application."""
    many_cases(user)
    now = ny(2026, 3, 3, 9)
    for application in Application.objects.all():
        replan(application, now)
    one_by_one = snapshot()
    Action.objects.all().delete()
    Application.objects.update(status="waiting", plan_notes=[], planned_at=None)

    summary = replan_all(Application.objects.all(), now)

    assert (summary.replanned, summary.failed) == (5, {})
    assert snapshot() == one_by_one
    assert len(one_by_one[0]) > 5  # there was something to compare


def test_replan_all_reads_and_writes_a_batch_in_a_fixed_number_of_queries(
    user: Any, django_assert_max_num_queries: Any
) -> None:
    """Ten applications or one: the same few queries per batch, not ten per application."""
    many_cases(user)
    many_cases(user)

    with django_assert_max_num_queries(12):
        summary = replan_all(Application.objects.all(), ny(2026, 3, 3, 9))

    assert summary.replanned == 10


def test_replan_all_writes_the_same_on_an_sqlite_without_update_from(
    user: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On SQLite before 3.33 (no UPDATE ... FROM) the batch falls back to bulk_update, alike."""
    many_cases(user)
    now = ny(2026, 3, 3, 9)
    replan_all(Application.objects.all(), now)
    expected = snapshot()
    Action.objects.all().delete()
    Application.objects.update(status="waiting", plan_notes=[], planned_at=None)
    monkeypatch.setattr(sqlite3, "sqlite_version_info", (3, 31, 1))

    replan_all(Application.objects.all(), now)

    assert snapshot() == expected


@pytest.mark.parametrize("enabled", [True, False])
def test_replan_all_pauses_the_cycle_collector_for_each_batch_only(
    user: Any, enabled: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Off while a batch runs; afterwards as it was before (on again, or still off)."""
    many_cases(user)
    during: list[bool] = []
    batch = replan_module._replan_batch

    def watched(*args: Any) -> None:
        during.append(gc.isenabled())
        batch(*args)

    monkeypatch.setattr(replan_module, "_replan_batch", watched)
    monkeypatch.setattr(replan_module, "BATCH_SIZE", 2)
    was = gc.isenabled()
    (gc.enable if enabled else gc.disable)()
    try:
        summary = replan_all(Application.objects.all(), ny(2026, 3, 3, 9))
        after = gc.isenabled()
    finally:
        (gc.enable if was else gc.disable)()

    assert (summary.replanned, during, after) == (5, [False, False, False], enabled)
