"""A follow-up's lasting address: it survives re-plans, and says plainly when it has ended."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.test import Client

from afterword.tracker.models import Action, Application, Event
from afterword.tracker.services import record_event, snooze_action
from tests.web.conftest import HX


def thank_you(application: Application, name: str = "Priya Natarajan") -> Action:
    return application.actions.get(kind="thank_you_email", interviewer__name=name)


def base(application: Application, action: Action) -> str:
    return f"/applications/{application.pk}/follow-ups/{action.key}"


def test_the_address_outlives_a_re_plan(
    member: Client, application: Application, now: datetime
) -> None:
    """A link made before a re-plan still opens the same follow-up's draft afterwards, though
    the follow-up's row was written anew (a snooze gives every row a new id)."""
    url = base(application, thank_you(application)) + "/draft/"
    old_row = thank_you(application).pk

    snooze_action(thank_you(application), now)
    response = member.get(url)

    assert thank_you(application).pk != old_row
    assert response.status_code == 302 and response["Location"].startswith("/drafts/")


def test_an_old_id_address_moves_to_the_lasting_one(
    member: Client, application: Application
) -> None:
    """/actions/<id>/draft/ redirects to /applications/<pk>/follow-ups/<key>/draft/."""
    action = thank_you(application)

    response = member.get(f"/actions/{action.pk}/draft/")

    assert response.status_code == 302
    assert response["Location"] == base(application, action) + "/draft/"


def test_a_done_follow_up_says_so_instead_of_not_found(
    member: Client, application: Application, now: datetime
) -> None:
    """After Done, the old Draft link answers 410 with what happened and what is planned now."""
    action = thank_you(application)
    url = base(application, action) + "/draft/"
    member.post(base(application, action) + "/done/", **HX)

    response = member.get(url)

    html = response.content.decode()
    assert response.status_code == 410
    assert "Done: Send a thank-you email (Priya Natarajan)." in html
    assert "In its place" in html and "Tomasz Wilk" in html
    assert "Page not found" not in html


def test_a_stale_done_on_today_answers_with_the_list_not_an_error(
    member: Client, application: Application
) -> None:
    """A second tab's Done on a finished follow-up gets the Today fragment saying it is done."""
    action = thank_you(application)
    member.post(base(application, action) + "/done/", **HX)

    response = member.post(base(application, action) + "/done/", **HX)

    html = response.content.decode()
    assert response.status_code == 200
    assert html.lstrip().startswith('<div id="today"')
    assert "Done: Send a thank-you email (Priya Natarajan)." in html
    assert Event.objects.filter(type="thank_you_sent").count() == 1


def test_a_check_in_cancelled_by_a_reply_says_so(
    member: Client, application: Application, now: datetime
) -> None:
    """A reply ends the pending check-in: its address names the reply and its day."""
    for person in ("Priya Natarajan", "Tomasz Wilk"):
        member.post(base(application, thank_you(application, person)) + "/done/", **HX)
    check_in = application.actions.get(kind__startswith="check_in")
    record_event(application, "reply", now + timedelta(minutes=5), no_decision_yet=True)

    response = member.get(base(application, check_in) + "/")

    html = response.content.decode()
    assert response.status_code == 410
    assert "Cancelled by a reply" in html and "They replied on" in html


def test_a_pending_follow_up_address_opens_its_place_in_the_plan(
    member: Client, application: Application
) -> None:
    """The bare address of a pending follow-up leads to it on the application page."""
    action = thank_you(application)

    response = member.get(base(application, action) + "/")

    assert response["Location"] == f"/applications/{application.pk}/#follow-up-{action.key}"
    page = member.get(response["Location"]).content.decode()
    assert f'id="follow-up-{action.key}"' in page


def test_a_made_up_key_of_ones_own_application_is_explained(
    member: Client, application: Application
) -> None:
    """The owner never gets the 404 page for their own application, even for a junk key."""
    response = member.get(f"/applications/{application.pk}/follow-ups/not-a-key/draft/")

    assert response.status_code == 410
    assert "This follow-up is not in the plan." in response.content.decode()


def test_an_outsider_gets_404_for_a_real_key(stranger: Client, application: Application) -> None:
    """Another user's follow-up address is not found, GET and POST alike."""
    action = thank_you(application)

    assert stranger.get(base(application, action) + "/draft/").status_code == 404
    assert stranger.post(base(application, action) + "/done/").status_code == 404
    assert not Event.objects.exists()


def test_snooze_by_key_moves_it_further_each_time(member: Client, application: Application) -> None:
    """Two snoozes through the same address move the follow-up two business days."""
    action = thank_you(application)
    due = action.due

    member.post(base(application, action) + "/snooze/", **HX)
    member.post(base(application, action) + "/snooze/", **HX)

    moved = thank_you(application)
    assert moved.key == action.key
    assert (moved.due.date() - due.date()).days >= 2


def test_a_second_click_of_the_same_page_snoozes_once(
    member: Client, application: Application
) -> None:
    """Two posts carrying the row the page showed: one snooze, and the second says so."""
    action = thank_you(application)
    data = {"row": str(action.pk)}

    member.post(base(application, action) + "/snooze/", data, **HX)
    again = member.post(base(application, action) + "/snooze/", data, **HX)

    assert Event.objects.filter(type="snoozed").count() == 1
    assert "Already snoozed to" in again.content.decode()
