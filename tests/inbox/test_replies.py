"""Today's "Replies to confirm": one click records what a reply means, or dismisses it."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from afterword.inbox.models import InboxMessage
from afterword.tracker.models import Action, Application, Event, Interviewer
from tests.inbox import mail as inbox_mail
from tests.inbox.fixtures import arrive

pytestmark = pytest.mark.django_db
HX = {"HTTP_HX_REQUEST": "true"}


def confirm(client: Client, reply: InboxMessage, meaning: str | None = None) -> Any:
    data = {"meaning": meaning} if meaning else {}
    return client.post(reverse("reply_confirm", args=[reply.pk]), data, **HX)


def test_today_lists_a_reply_with_its_suggested_meaning_and_the_evidence(
    member, quiet_watch, harbour
):
    """Priya's offer shows on Today under "Replies to confirm" with its suggestion and sentence."""
    arrive(quiet_watch, inbox_mail.offer())

    page = member.get(reverse("today")).content.decode()

    assert "Replies to confirm" in page
    assert "Harbour Logistics replied" in page and "Looks like an offer" in page
    assert "I am delighted to offer you the position of Data Analyst." in page
    assert "Record the offer" in page


def test_a_suggestion_the_reader_is_unsure_of_is_shown_as_a_perhaps(member, quiet_watch, harbour):
    """A bare "Congratulations!" is a low-confidence offer: "Perhaps", not "Looks like"."""
    message = inbox_mail.email(
        "Priya Natarajan <priya@harbour.example>",
        "News",
        "Hi Sam,\n\nCongratulations! Let us talk on Friday about the details.\n\nPriya",
    )
    reply = arrive(quiet_watch, message)

    page = member.get(reverse("today")).content.decode()

    assert (reply.suggestion, reply.confidence) == ("offer", "low")
    assert "Perhaps an offer" in page and "Looks like an offer" not in page
    assert Event.objects.filter(application=harbour, type="reply").count() == 1


def test_today_has_no_reply_section_when_there_is_nothing_to_confirm(member, harbour):
    """With no reply to confirm, Today has no "Replies to confirm" section."""
    assert "Replies to confirm" not in member.get(reverse("today")).content.decode()


def test_one_click_records_the_offer_and_ends_the_plan(member, quiet_watch, harbour):
    """One click records the offer at the reply's time; Harbour is decided and its plan emptied."""
    reply = arrive(quiet_watch, inbox_mail.offer())

    response = confirm(member, reply)

    assert response.status_code == 200
    assert response["HX-Trigger-After-Settle"] == "afterwordReplanned"
    assert "Recorded: an offer from Harbour Logistics" in response.content.decode()
    harbour.refresh_from_db()
    assert harbour.status == "decided"
    assert not Action.objects.filter(application=harbour).exists()
    reply.refresh_from_db()
    assert reply.state == "confirmed" and reply.outcome_event.type == "offer"
    assert reply.outcome_event.at == inbox_mail.RECEIVED


def test_a_double_click_records_the_rejection_once(member, quiet_watch, harbour):
    """Confirming the same rejection twice records one rejection event, not two."""
    reply = arrive(quiet_watch, inbox_mail.rejection())

    confirm(member, reply)
    confirm(member, reply)

    assert Event.objects.filter(application=harbour, type="rejection").count() == 1


def test_no_decision_with_a_date_moves_the_check_in_after_that_date(member, quiet_watch, harbour):
    """ "We expect to decide by the 20th" (Fri 20 Mar): the check-in is Mon 23 Mar (F8, F1)."""
    reply = arrive(quiet_watch, inbox_mail.no_decision_yet())
    page = member.get(reverse("today")).content.decode()

    confirm(member, reply)

    assert "Record: decision by Fri 20 Mar" in page
    check_in = Action.objects.get(application=harbour, kind="check_in_email")
    assert check_in.due.date().isoformat() == "2026-03-23"
    replies = Event.objects.filter(application=harbour, type="reply")
    assert [(e.new_decision_by.isoformat(), e.no_decision_yet) for e in replies] == [
        ("2026-03-20", True)
    ]


def no_decision_saying(body: str) -> Any:
    """Priya's reply (Wed 4 Mar 2026) with ``body`` as its text."""
    return inbox_mail.email("Priya Natarajan <priya@harbour.example>", "Re: Checking in", body)


def test_a_new_date_shows_the_range_its_words_name(member, quiet_watch, harbour):
    """ "Early next week", written on Wed 4 Mar, is Mon 9 - Tue 10 Mar; the plan uses the 10th."""
    arrive(quiet_watch, no_decision_saying("No news yet. We expect to decide early next week."))

    page = member.get(reverse("today")).content.decode()

    assert "Understood: Mon 9 – Tue 10 Mar 2026; the plan uses Tue 10 Mar." in page
    assert "Record: decision by Tue 10 Mar" in page


def test_a_deadline_shows_the_days_from_the_reply_to_the_date(member, quiet_watch, harbour):
    """ "By the 20th" runs from the day the reply came (Wed 4 Mar) to Fri 20 Mar."""
    arrive(quiet_watch, inbox_mail.no_decision_yet())

    page = member.get(reverse("today")).content.decode()

    assert "Understood: Wed 4 – Fri 20 Mar 2026; the plan uses Fri 20 Mar." in page


def test_a_reply_without_a_readable_date_shows_no_date(member, quiet_watch, harbour):
    """ "No decision yet" with no date the parser can read shows no date: nothing is guessed."""
    reply = arrive(
        quiet_watch, no_decision_saying("No decision yet. We will decide when the stars align.")
    )

    page = member.get(reverse("today")).content.decode()

    assert reply.suggestion == "no_decision" and reply.suggested_date is None
    assert "Looks like no decision yet" in page
    assert "Understood" not in page


def test_a_stored_date_its_words_no_longer_give_is_shown_alone(member, quiet_watch, harbour):
    """A stored day the quoted words do not end on is shown by itself, not as their range."""
    reply = arrive(
        quiet_watch, no_decision_saying("No news yet. We expect to decide early next week.")
    )
    InboxMessage.objects.filter(pk=reply.pk).update(suggested_date="2026-03-12")

    page = member.get(reverse("today")).content.decode()

    assert "Understood: Thu 12 Mar 2026." in page
    assert "Mon 9" not in page


def test_another_meaning_can_be_chosen_instead_of_the_suggestion(member, quiet_watch, harbour):
    """A next_round suggestion can be confirmed as a rejection instead, and is recorded so."""
    reply = arrive(quiet_watch, inbox_mail.new_address_at_employer())
    assert reply.suggestion == "next_round"

    confirm(member, reply, "rejection")

    reply.refresh_from_db()
    assert (reply.suggestion, reply.outcome_event.type) == ("rejection", "rejection")


def test_dismiss_hides_the_card_and_keeps_the_reply(member, quiet_watch, harbour):
    """Dismissing hides the card; the reply event stays and no offer is recorded."""
    reply = arrive(quiet_watch, inbox_mail.offer())

    response = member.post(reverse("reply_dismiss", args=[reply.pk]), **HX)

    assert "Replies to confirm" not in response.content.decode()
    assert Event.objects.filter(application=harbour, type="reply").count() == 1
    assert not Event.objects.filter(application=harbour, type="offer").exists()


def test_not_about_this_application_removes_the_reply_and_brings_the_check_in_back(
    member, quiet_watch, harbour
):
    """ "Not about this application" removes the reply; the check-in moves back from 11 to 9 Mar."""
    reply = arrive(quiet_watch, inbox_mail.new_address_at_employer())
    moved = Action.objects.get(application=harbour, kind="check_in_email").due.date()

    member.post(reverse("reply_undo", args=[reply.pk]), **HX)

    back = Action.objects.get(application=harbour, kind="check_in_email").due.date()
    assert (moved.isoformat(), back.isoformat()) == ("2026-03-11", "2026-03-09")
    assert not Event.objects.filter(application=harbour, type="reply").exists()
    reply.refresh_from_db()
    assert reply.state == "undone"


def test_an_outsider_gets_404_for_every_reply_button(client, outsider, quiet_watch, harbour):
    """Another user gets 404 from confirm, dismiss and undo, sees no replies, changes nothing."""
    reply = arrive(quiet_watch, inbox_mail.offer())
    client.force_login(outsider)

    answers = [
        client.post(reverse(name, args=[reply.pk]), **HX).status_code
        for name in ("reply_confirm", "reply_dismiss", "reply_undo")
    ]
    page = client.get(reverse("today")).content.decode()

    assert answers == [404, 404, 404]
    assert "Replies to confirm" not in page
    assert Application.objects.get(pk=harbour.pk).status != "decided"


def test_an_unknown_meaning_is_refused(member, quiet_watch, harbour):
    """Confirming with a meaning that does not exist ("promotion") answers 404."""
    reply = arrive(quiet_watch, inbox_mail.offer())

    response = confirm(member, reply, "promotion")

    assert response.status_code == 404


def test_without_htmx_the_button_records_and_returns_to_today(member, quiet_watch, harbour):
    """Without htmx, confirming records the offer and redirects to the "next" page, Today."""
    reply = arrive(quiet_watch, inbox_mail.offer())

    response = member.post(reverse("reply_confirm", args=[reply.pk]), {"next": "/"})

    assert response.status_code == 302 and response["Location"] == "/"
    assert Event.objects.filter(application=harbour, type="offer").exists()


def test_the_application_page_warns_about_a_bounced_address(member, quiet_watch, harbour):
    """After Tomasz's address bounces, the application page warns about it exactly once."""
    arrive(quiet_watch, inbox_mail.bounce("tomasz@harbour.example"))

    page = member.get(reverse("application", args=[harbour.pk])).content.decode()

    assert page.count("Mail to this address bounced") == 1


def test_a_new_address_clears_the_bounce_warning(quiet_watch, harbour):
    """Giving Tomasz a new email address clears the bounce mark on him."""
    arrive(quiet_watch, inbox_mail.bounce("tomasz@harbour.example"))
    tomasz = Interviewer.objects.get(application=harbour, name="Tomasz Wilk")

    tomasz.email = "t.wilk@harbour.example"
    tomasz.save()

    tomasz.refresh_from_db()
    assert tomasz.email_bounced_at is None
