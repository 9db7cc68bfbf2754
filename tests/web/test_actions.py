"""The done and snooze buttons: htmx fragments, re-planning, and the plain-form fallback."""

from __future__ import annotations

from datetime import datetime

from django.test import Client

from afterword.tracker.models import Action, Application, Event
from afterword.tracker.services import replan
from tests.web.conftest import HX


def first_thank_you(application: Application) -> Action:
    return application.actions.filter(kind="thank_you_email").order_by("position").first()  # type: ignore[return-value]


def test_it_marks_an_action_done(member: Client, application: Application) -> None:
    """Done records a thank_you_sent event for that person and the action leaves the plan."""
    action = first_thank_you(application)
    person = action.interviewer

    response = member.post(f"/actions/{action.pk}/done/", **HX)

    assert response.status_code == 200
    event = Event.objects.get(application=application, type="thank_you_sent")
    assert event.interviewer == person
    kinds = list(application.actions.values_list("kind", "interviewer__name"))
    assert ("thank_you_email", person.name) not in kinds
    assert (
        "thank_you_email",
        "Tomasz Wilk" if person.name != "Tomasz Wilk" else "Priya Natarajan",
    ) in kinds


def test_it_answers_htmx_with_the_today_fragment(member: Client, application: Application) -> None:
    """An htmx request gets the #today fragment (no page shell) and a Vary: HX-Request header."""
    action = first_thank_you(application)

    response = member.post(f"/actions/{action.pk}/done/", **HX)

    html = response.content.decode()
    assert html.lstrip().startswith('<div id="today"')
    assert "<html" not in html
    assert "Done: Send a thank-you email" in html
    assert "HX-Request" in response["Vary"]
    assert next(t.name for t in response.templates) == "web/today_partial.html"


def test_it_answers_the_plan_block_when_it_asked(member: Client, application: Application) -> None:
    """A click on the application page (HX-Target: plan) gets the plan fragment back."""
    action = first_thank_you(application)

    response = member.post(f"/actions/{action.pk}/done/", HTTP_HX_TARGET="plan", **HX)

    html = response.content.decode()
    assert html.lstrip().startswith('<section id="plan"')
    assert next(t.name for t in response.templates) == "web/application_plan_partial.html"


def test_it_snoozes_an_action_to_the_next_business_day(
    member: Client, application: Application
) -> None:
    """Snooze logs a snoozed event and the action comes back due on a later day."""
    action = first_thank_you(application)
    due_before, person = action.due, action.interviewer

    response = member.post(f"/actions/{action.pk}/snooze/", **HX)

    assert "Snoozed to Wed 4 Mar: Send a thank-you email" in response.content.decode()
    event = Event.objects.get(application=application, type="snoozed")
    assert event.action == "thank_you_email"
    moved = application.actions.get(kind="thank_you_email", interviewer=person)
    assert moved.due.date() > due_before.date()


def test_it_redirects_a_plain_form_post_back(member: Client, application: Application) -> None:
    """Without htmx the button still works: the event is saved and the browser goes back."""
    action = first_thank_you(application)

    response = member.post(f"/actions/{action.pk}/done/", {"next": "/board/"})

    assert response.status_code == 302
    assert response["Location"] == "/board/"
    assert Event.objects.filter(type="thank_you_sent").count() == 1


def test_it_ignores_a_next_address_on_another_site(
    member: Client, application: Application
) -> None:
    """An outside ``next`` address is replaced by the Today page (no open redirect)."""
    action = first_thank_you(application)

    response = member.post(f"/actions/{action.pk}/done/", {"next": "https://evil.example/"})

    assert response["Location"] == "/"


def test_it_refuses_get(member: Client, application: Application) -> None:
    """Marking done changes data, so only POST is allowed."""
    action = first_thank_you(application)

    response = member.get(f"/actions/{action.pk}/done/")

    assert response.status_code == 405
    assert not Event.objects.exists()


def call_action(application: Application, now: datetime) -> Action:
    """Switch the interview to phone follow-ups (H1) so that the plan holds a call."""
    interview = application.interviews.get()
    interview.preferred_channel = "phone"
    interview.save()
    replan(application, now)
    return application.actions.get(kind="check_in_call")


def test_it_notes_an_unanswered_call(
    member: Client, application: Application, now: datetime
) -> None:
    """No answer logs call_no_answer and the call is planned again, not counted (H3)."""
    action = call_action(application, now)

    response = member.post(f"/actions/{action.pk}/no-answer/", **HX)

    assert "Noted, nobody answered: Check in by phone" in response.content.decode()
    assert Event.objects.get(application=application).type == "call_no_answer"
    assert application.actions.filter(kind="check_in_call").exists()


def test_it_offers_no_answer_only_on_calls(
    member: Client, application: Application, now: datetime
) -> None:
    """The No answer button appears on calls; posting it for a thank-you is a 404."""
    call_action(application, now)
    thank_you = first_thank_you(application)

    page = member.get("/").content.decode()
    response = member.post(f"/actions/{thank_you.pk}/no-answer/", **HX)

    assert page.count('/no-answer/">No answer</button>') == 1
    assert response.status_code == 404
    assert not Event.objects.exists()
