"""Deleting an application, an interview, a person or an event: what goes, and the plan after."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db.models import Model

from afterword.outbox.models import EmailState, MailAccount, OutgoingEmail
from afterword.outbox.queue import queue_draft
from afterword.tracker.models import Action, Application, Draft, Event, Interview, Interviewer
from afterword.tracker.services import record_event
from afterword.tracker.services.removal import (
    application_rows,
    delete_application,
    delete_interview,
    delete_person,
    interview_rows,
    person_rows,
    remove_event,
    what_goes,
)
from tests.factories import InterviewFactory
from tests.support.builders import draft_for

pytestmark = pytest.mark.django_db


def counts(rows: Sequence[Model]) -> dict[str, int]:
    return {going.label: going.count for going in what_goes(rows).kinds}


def second_round(application: Application, now: datetime) -> Interview:
    """Round 2 the next day with Priya (met before) and Grace (new)."""
    priya = application.interviewers.get(name="Priya Natarajan")
    grace = Interviewer.objects.create(application=application, name="Grace Okafor")
    first = application.interviews.get()
    return InterviewFactory(
        application=application,
        round=2,
        start=first.start + timedelta(days=1),
        interviewers=[priya, grace],
    )


def test_what_goes_with_an_application_counts_every_row_under_it(
    application: Application, mail_account: MailAccount, now: datetime
) -> None:
    """Interviews, people, events, drafts, the plan and the outbox rows, as many as exist."""
    record_event(application, "reply", now)
    draft = draft_for(application, "thank_you_email", "Priya Natarajan")
    queue_draft(draft, now, "due")

    found = counts(application_rows(application))

    assert found == {
        "tracker.Application": 1,
        "tracker.Interview": 1,
        "tracker.Interviewer": 2,
        "tracker.Event": 1,
        "tracker.Draft": 1,
        "tracker.Action": application.actions.count(),
        "outbox.OutgoingEmail": 1,
    }


def test_deleting_an_application_removes_all_of_it_and_nothing_else(
    application: Application, mail_account: MailAccount, now: datetime
) -> None:
    """After the delete not one row of it is left; the user's mailbox settings stay."""
    queue_draft(draft_for(application, "thank_you_email", "Priya Natarajan"), now, "due")

    delete_application(application)

    assert not Application.objects.filter(pk=application.pk).exists()
    for model in (Interview, Interviewer, Event, Draft, Action):
        assert not model.objects.filter(application_id=application.pk).exists()
    assert not OutgoingEmail.objects.exists()
    assert MailAccount.objects.filter(pk=mail_account.pk).exists()


def test_deleting_a_round_takes_the_people_met_only_there_and_re_plans(
    application: Application, now: datetime
) -> None:
    """Grace (round 2 only) goes with round 2; Priya, met at round 1 too, stays; no action
    for round 2 is left."""
    round_two = second_round(application, now)
    assert {row.pk for row in interview_rows(round_two)[1:]} == {
        application.interviewers.get(name="Grace Okafor").pk
    }

    delete_interview(round_two, now)

    names = set(application.interviewers.values_list("name", flat=True))
    assert names == {"Priya Natarajan", "Tomasz Wilk"}
    assert not application.actions.filter(interview_id=round_two.pk).exists()
    assert application.actions.filter(kind="thank_you_email").count() == 2


def test_a_waiting_email_is_cancelled_with_the_draft_it_came_from(
    application: Application, mail_account: MailAccount, now: datetime
) -> None:
    """Deleting a person takes their draft; its queued email is cancelled, never sent blind."""
    second_round(application, now)
    draft = draft_for(application, "thank_you_email", "Tomasz Wilk")
    email = queue_draft(draft, now, "due")

    delete_person(application.interviewers.get(name="Tomasz Wilk"), now)

    email.refresh_from_db()
    assert email.state == EmailState.CANCELLED and email.draft_id is None
    assert "deleted" in email.last_error


def test_removing_a_person_removes_their_thank_you_from_the_plan(
    application: Application, now: datetime
) -> None:
    """Tomasz noted by mistake: his thank-you leaves the plan, Priya's stays."""
    tomasz = application.interviewers.get(name="Tomasz Wilk")
    assert counts(person_rows(tomasz))["tracker.Action"] >= 1

    delete_person(tomasz, now)

    people = set(
        application.actions.filter(kind="thank_you_email").values_list(
            "interviewer__name", flat=True
        )
    )
    assert people == {"Priya Natarajan"}


def test_the_only_person_at_a_round_cannot_be_removed(
    application: Application, now: datetime
) -> None:
    """A round needs someone to thank: refused, naming the round, and nothing changes."""
    alone = Interviewer.objects.create(application=application, name="Luis Ferreira")
    InterviewFactory(
        application=application,
        round=2,
        start=application.interviews.get().start + timedelta(days=2),
        interviewers=[alone],
    )

    with pytest.raises(ValidationError, match="only person noted at round 2"):
        delete_person(alone, now)

    assert Interviewer.objects.filter(pk=alone.pk).exists()


def test_removing_an_event_recorded_by_mistake_re_plans_as_if_it_never_happened(
    application: Application, now: datetime
) -> None:
    """An offer recorded by mistake ended the plan; removing it brings the plan back."""
    before = list(application.actions.values_list("kind", "due"))
    offer = record_event(application, "offer", now)
    application.refresh_from_db()
    assert application.status == "decided" and not application.actions.exists()

    remove_event(offer, now)

    application.refresh_from_db()
    assert application.status == "thank_you_pending"
    assert list(application.actions.values_list("kind", "due")) == before
    assert not Event.objects.filter(pk=offer.pk).exists()


def test_what_goes_with_nothing_is_nothing() -> None:
    """An empty selection counts no rows."""
    assert what_goes([]).kinds == ()
