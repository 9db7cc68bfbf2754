"""Record news: each kind becomes one event, the plan is redone, bad input saves nothing."""

from __future__ import annotations

from datetime import date

from django.test import Client

from afterword.tracker.models import Application, Event, UserSettings


def post_news(member: Client, application: Application, **data: str) -> str:
    response = member.post(f"/applications/{application.pk}/news/", data, follow=True)
    return response.content.decode()


def test_it_moves_the_check_in_after_their_new_date(
    member: Client, application: Application
) -> None:
    """ "No decision yet, new date: end of next week" plans the check-in for the Monday after."""
    html = post_news(member, application, news="no_decision", new_date="end of next week")

    event = Event.objects.get(application=application, type="reply")
    assert event.no_decision_yet is True
    assert event.new_decision_by == date(2026, 3, 13)
    check_in = application.actions.get(kind="check_in_email")
    assert check_in.due.date() == date(2026, 3, 16)
    assert "F1" in check_in.rules
    assert "Recorded: they replied." in html


def test_it_keeps_the_last_day_of_a_range_and_says_what_it_understood(
    member: Client, application: Application
) -> None:
    """ "Early next week" (Mon 9 - Tue 10 Mar) stores Tue 10 Mar and says so after recording."""
    html = post_news(member, application, news="no_decision", new_date="early next week")

    assert Event.objects.get(type="reply").new_decision_by == date(2026, 3, 10)
    assert (
        "Recorded: they replied. Understood: Mon 9 – Tue 10 Mar 2026 (early next week); "
        "the plan uses Tue 10 Mar. The plan is updated." in html
    )


def test_it_accepts_a_plain_date_too(member: Client, application: Application) -> None:
    """An ISO date works wherever a phrase does."""
    post_news(member, application, news="no_decision", new_date="2026-03-20")

    assert Event.objects.get(type="reply").new_decision_by == date(2026, 3, 20)


def test_it_rejects_a_phrase_it_cannot_read(member: Client, application: Application) -> None:
    """Unreadable words are reported on the date field and no event is stored."""
    html = post_news(member, application, news="no_decision", new_date="when pigs fly")

    assert "Their new date (optional): Could not understand" in html
    assert "Understood" not in html
    assert not Event.objects.exists()


def test_it_refuses_a_phrase_that_is_already_over(member: Client, application: Application) -> None:
    """Words naming days that have all passed are refused on the field, not moved to next year."""
    html = post_news(member, application, news="no_decision", new_date="by 1 March 2026")

    assert "Their new date (optional): &#x27;by 1 March 2026&#x27; is already over" in html
    assert not Event.objects.exists()


def test_it_rejects_a_date_that_has_passed(member: Client, application: Application) -> None:
    """A new decision date in the past is refused."""
    html = post_news(member, application, news="no_decision", new_date="2026-02-01")

    assert "01 Feb 2026 has already passed." in html
    assert not Event.objects.exists()


def test_it_marks_an_offer_as_decided(member: Client, application: Application) -> None:
    """An offer decides the application: nothing more is planned."""
    html = post_news(member, application, news="offer")

    application.refresh_from_db()
    assert application.status == "decided"
    assert not application.actions.exists()
    assert "nothing more is planned" in html


def test_it_needs_a_deadline_for_another_offer(member: Client, application: Application) -> None:
    """Another offer without its deadline is refused, naming the field."""
    html = post_news(member, application, news="other_offer")

    assert "Deadline of the other offer: Enter the date you must answer" in html
    assert not Event.objects.exists()


def test_it_plans_an_expedite_message_for_another_offer(
    member: Client, application: Application
) -> None:
    """Another offer with a deadline plans an expedite message (F9)."""
    post_news(member, application, news="other_offer", deadline="2026-03-10")

    assert Event.objects.get(type="other_offer").deadline == date(2026, 3, 10)
    assert application.actions.filter(kind="expedite").exists()


def test_it_keeps_a_promised_check_in_date(member: Client, application: Application) -> None:
    """A check-in sent with a promise records the promised date (F6)."""
    post_news(
        member, application, news="check_in_sent", channel="phone", promised_next="2026-03-11"
    )

    event = Event.objects.get(type="check_in_sent")
    assert event.channel == "phone"
    assert event.promised_next == date(2026, 3, 11)


def test_it_records_an_unanswered_call(member: Client, application: Application) -> None:
    """An unanswered call is stored as call_no_answer."""
    post_news(member, application, news="call_no_answer", note="Voicemail only")

    assert Event.objects.get(type="call_no_answer").note == "Voicemail only"


def test_it_opens_the_interview_form_for_a_new_round(
    member: Client, application: Application
) -> None:
    """A next round is recorded, then the form for round 2 opens."""
    response = member.post(f"/applications/{application.pk}/news/", {"news": "next_round"})

    assert response["Location"] == f"/applications/{application.pk}/interviews/new/"
    page = member.get(response["Location"]).content.decode()
    assert 'name="round" value="2"' in page
    assert Event.objects.filter(type="next_round").count() == 1


def test_it_requires_a_choice(member: Client, application: Application) -> None:
    """Submitting without choosing what happened names the field."""
    html = post_news(member, application)

    assert "What happened? This field is required." in html
    assert not Event.objects.exists()


def test_a_picked_date_wins_over_the_words(member: Client, application: Application) -> None:
    """The date picker beside 'their new date' is used when filled, whatever the words say."""
    post_news(member, application, news="no_decision", new_date="next week", new_day="2026-03-20")

    assert Event.objects.get(type="reply").new_decision_by == date(2026, 3, 20)


def test_a_typed_date_is_read_in_the_users_order(member: Client, application: Application) -> None:
    """A user in Germany types 20/03/2026 (day first) for the offer deadline: 20 March."""
    UserSettings.objects.filter(user=application.owner).update(country="DE")

    post_news(member, application, news="other_offer", deadline="20/03/2026")

    assert Event.objects.get(type="other_offer").deadline == date(2026, 3, 20)


def test_a_date_in_the_wrong_order_names_the_expected_one(
    member: Client, application: Application
) -> None:
    """In the US, 20/03/2026 is no date: the message shows how to write it there."""
    html = post_news(member, application, news="other_offer", deadline="20/03/2026")

    assert "Enter the date as 12/31/2026 (or 2026-12-31), or pick it from the calendar." in html
    assert not Event.objects.exists()
