"""Confirmation pages that say what goes, and deletion on POST only."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from django.test import Client

from afterword.outbox.models import MailAccount
from afterword.outbox.queue import queue_draft
from afterword.tracker.models import Application, Event, Interview, Interviewer
from afterword.tracker.services import record_event
from tests.factories import InterviewFactory, MailAccountFactory
from tests.support.builders import draft_for

pytestmark = pytest.mark.django_db


def test_the_application_page_links_to_every_correction(
    member: Client, application: Application, now: datetime
) -> None:
    """Edit, archive, delete; per round edit and delete; per person remove; per event remove."""
    event = record_event(application, "reply", now)
    person = application.interviewers.first()
    assert person is not None

    html = member.get(f"/applications/{application.pk}/").content.decode()

    for path in (
        f"/applications/{application.pk}/edit/",
        f"/applications/{application.pk}/archive/",
        f"/applications/{application.pk}/delete/",
        f"/interviews/{application.interviews.get().pk}/delete/",
        f"/people/{person.pk}/delete/",
        f"/events/{event.pk}/remove/",
    ):
        assert path in html


def test_deleting_an_application_says_what_goes_and_deletes_only_on_post(
    member: Client, application: Application, user: object, now: datetime
) -> None:
    """The page counts the interview, two people, the event, the draft, the plan and the
    waiting email; GET changes nothing; POST deletes and returns to the board."""
    MailAccountFactory(user=user)
    record_event(application, "reply", now)
    queue_draft(draft_for(application, "thank_you_email", "Priya Natarajan"), now, "due")
    planned = application.actions.count()

    page = member.get(f"/applications/{application.pk}/delete/").content.decode()

    assert "Delete Data Analyst at Harbour Logistics?" in page
    for line in (
        "<strong>1</strong> interview<",
        "<strong>2</strong> people<",
        "<strong>1</strong> timeline event<",
        "<strong>1</strong> draft<",
        f"<strong>{planned}</strong> planned follow-ups<",
        "<strong>1</strong> outgoing email<",
        "1 email waiting in your outbox will not be sent.",
    ):
        assert line in page
    assert Application.objects.filter(pk=application.pk).exists()

    response = member.post(f"/applications/{application.pk}/delete/")

    assert response["Location"] == "/board/"
    assert not Application.objects.filter(pk=application.pk).exists()
    assert "Deleted Data Analyst at Harbour Logistics." in member.get("/board/").content.decode()


def test_deleting_a_round_keeps_people_met_at_other_rounds(
    member: Client, application: Application, now: datetime
) -> None:
    """Round 2 with Priya (also round 1) and Grace (only round 2): one person goes."""
    priya = application.interviewers.get(name="Priya Natarajan")
    grace = Interviewer.objects.create(application=application, name="Grace Okafor")
    round_two = InterviewFactory(
        application=application,
        round=2,
        start=application.interviews.get().start + timedelta(days=1),
        interviewers=[priya, grace],
    )

    page = member.get(f"/interviews/{round_two.pk}/delete/").content.decode()
    member.post(f"/interviews/{round_two.pk}/delete/")

    assert "<strong>1</strong> person<" in page
    assert not Interview.objects.filter(pk=round_two.pk).exists()
    assert set(application.interviewers.values_list("name", flat=True)) == {
        "Priya Natarajan",
        "Tomasz Wilk",
    }


def test_the_only_person_at_a_round_gets_an_explanation_not_a_button(
    member: Client, application: Application
) -> None:
    """Luis alone at round 2: the page says why, offers no delete, and a POST changes nothing."""
    luis = Interviewer.objects.create(application=application, name="Luis Ferreira")
    InterviewFactory(
        application=application,
        round=2,
        start=application.interviews.get().start + timedelta(days=2),
        interviewers=[luis],
    )

    page = member.get(f"/people/{luis.pk}/delete/").content.decode()
    response = member.post(f"/people/{luis.pk}/delete/")

    assert "Luis Ferreira is the only person noted at round 2" in page
    assert "Remove Luis Ferreira</button>" not in page
    assert response.status_code == 200
    assert Interviewer.objects.filter(pk=luis.pk).exists()


def test_removing_a_person_re_plans_without_their_thank_you(
    member: Client, application: Application
) -> None:
    """Tomasz removed: the message says so, his thank-you leaves the plan."""
    tomasz = application.interviewers.get(name="Tomasz Wilk")

    response = member.post(f"/people/{tomasz.pk}/delete/", follow=True)

    assert "Removed Tomasz Wilk. The plan is updated." in response.content.decode()
    assert not application.actions.filter(interviewer__name="Tomasz Wilk").exists()


def test_removing_an_event_brings_the_plan_back(
    member: Client, application: Application, now: datetime
) -> None:
    """A rejection recorded by mistake: the confirmation names it; removing it re-plans."""
    rejection = record_event(application, "rejection", now)

    page = member.get(f"/events/{rejection.pk}/remove/").content.decode()
    response = member.post(f"/events/{rejection.pk}/remove/")

    assert "Remove and re-plan" in page and "Not selected" in page
    assert response.status_code == 302
    assert not Event.objects.filter(pk=rejection.pk).exists()
    application.refresh_from_db()
    assert application.status == "thank_you_pending" and application.actions.exists()


def test_a_second_delete_of_the_same_thing_is_a_calm_404(
    member: Client, application: Application, now: datetime
) -> None:
    """Two tabs: the second POST finds nothing to delete."""
    event = record_event(application, "reply", now)
    member.post(f"/events/{event.pk}/remove/")

    assert member.post(f"/events/{event.pk}/remove/").status_code == 404


def test_an_outsider_can_delete_nothing(
    stranger: Client, application: Application, now: datetime, mail_account: MailAccount
) -> None:
    """Every delete URL of someone else's rows answers 404 and the rows stay."""
    event = record_event(application, "reply", now)
    person = application.interviewers.get(name="Tomasz Wilk")
    paths = [
        f"/applications/{application.pk}/delete/",
        f"/interviews/{application.interviews.get().pk}/delete/",
        f"/people/{person.pk}/delete/",
        f"/events/{event.pk}/remove/",
    ]

    answers = {path: stranger.post(path).status_code for path in paths}

    assert set(answers.values()) == {404}
    assert Event.objects.filter(pk=event.pk).exists()
    assert Interviewer.objects.filter(pk=person.pk).exists()
