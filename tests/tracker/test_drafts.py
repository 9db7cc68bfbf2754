"""The drafts service: one open draft per planned message, kept across re-plans, sent once."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError
from django.http import Http404

from afterword.tracker.access import get_draft_or_404
from afterword.tracker.models import Action, Application, Draft, Event, UserSettings
from afterword.tracker.services import record_event, replan, snooze_action
from afterword.tracker.services.drafts import (
    check_draft,
    is_edited,
    mark_sent,
    open_draft,
    retone,
    save_draft,
)
from tests.factories import ApplicationFactory, InterviewerFactory, InterviewFactory
from tests.tracker.conftest import NEW_YORK

pytestmark = pytest.mark.django_db


@pytest.fixture
def application(user: Any, now: datetime) -> Application:
    """Harbour Logistics: Monday's interview with Priya and Tomasz, planned Tuesday morning."""
    application = ApplicationFactory(owner=user, employer="Harbour Logistics", role="Data Analyst")
    priya = InterviewerFactory(
        application=application,
        name="Priya Natarajan",
        title="Head of Data",
        email="priya@harbour.example",
        is_primary=True,
        emphasised="forecasting the spring shipping peak",
    )
    tomasz = InterviewerFactory(
        application=application,
        name="Tomasz Wilk",
        title="Analyst",
        email="tomasz@harbour.example",
        emphasised="clean, documented SQL",
    )
    InterviewFactory(application=application, interviewers=[priya, tomasz])
    UserSettings.objects.filter(user=user).update(full_name="Sam Rivera")
    replan(application, now)
    return application


def action(application: Application, kind: str, name: str | None = None) -> Action:
    """The stored action of ``kind`` (for the person called ``name``), as re-planned last."""
    found = application.actions.filter(kind=kind)
    if name is not None:
        found = found.filter(interviewer__name=name)
    return found.get()


def local_day(moment: datetime) -> date:
    return moment.astimezone(NEW_YORK).date()


def test_it_composes_a_draft_once_per_message(application: Application, now: datetime) -> None:
    """Opening the same thank-you twice finds the first draft rather than writing another."""
    thank_you = action(application, "thank_you_email", "Priya Natarajan")

    first = open_draft(thank_you, now)
    again = open_draft(thank_you, now)

    assert again.pk == first.pk
    assert Draft.objects.count() == 1
    assert first.owner_id == application.owner_id
    assert "Priya" in first.body
    assert first.subject


def test_two_interviewers_never_get_the_same_text(application: Application, now: datetime) -> None:
    """Each person's thank-you is their own draft, and the two texts differ (K4)."""
    priya = open_draft(action(application, "thank_you_email", "Priya Natarajan"), now)
    tomasz = open_draft(action(application, "thank_you_email", "Tomasz Wilk"), now)

    assert priya.pk != tomasz.pk
    assert priya.body != tomasz.body
    assert "Tomasz" in tomasz.body and "Tomasz" not in priya.body


def test_edits_survive_re_planning(application: Application, now: datetime) -> None:
    """Edit Priya's draft, record news about Tomasz and snooze her note (re-plans; the snooze
    gives her follow-up a new row), reopen: the edit is still there."""
    draft = open_draft(action(application, "thank_you_email", "Priya Natarajan"), now)
    save_draft(draft, "Thank you, Priya", "Dear Priya,\n\nMy own words.\n\nSam")
    old_row = action(application, "thank_you_email", "Priya Natarajan").pk
    tomasz = application.interviewers.get(name="Tomasz Wilk")

    record_event(
        application, "thank_you_sent", now, interview=tomasz.interviews.get(), interviewer=tomasz
    )
    snooze_action(action(application, "thank_you_email", "Priya Natarajan"), now)
    reopened = open_draft(action(application, "thank_you_email", "Priya Natarajan"), now)

    assert action(application, "thank_you_email", "Priya Natarajan").pk != old_row
    assert reopened.pk == draft.pk
    assert (reopened.subject, reopened.body) == (
        "Thank you, Priya",
        "Dear Priya,\n\nMy own words.\n\nSam",
    )


def test_a_message_to_no_one_in_particular_has_one_open_draft(
    application: Application, now: datetime
) -> None:
    """A portal check (no person) is still one draft, though the database cannot enforce it."""
    interview = application.interviews.get()
    interview.preferred_channel = "portal"
    interview.save()
    replan(application, now)
    portal = action(application, "check_portal")
    assert portal.interviewer_id is None

    first = open_draft(portal, now)
    second = open_draft(portal, now)

    assert second.pk == first.pk
    assert Draft.objects.filter(kind="check_portal").count() == 1


def test_the_users_tone_is_used(application: Application, user: Any, now: datetime) -> None:
    """A user who chose the warm tone gets warm drafts, whatever the employer's style."""
    Application.objects.filter(pk=application.pk).update(employer_style="formal")
    UserSettings.objects.filter(user=user).update(tone="warm")

    draft = open_draft(action(application, "thank_you_email", "Priya Natarajan"), now)

    assert draft.tone == "warm"


def test_a_formal_employer_gets_the_formal_tone_by_default(
    application: Application, now: datetime
) -> None:
    """With the tone left on auto, a formal employer's drafts are formal."""
    Application.objects.filter(pk=application.pk).update(employer_style="formal")

    draft = open_draft(action(application, "thank_you_email", "Priya Natarajan"), now)

    assert draft.tone == "formal"


def test_retone_writes_the_draft_again(application: Application, now: datetime) -> None:
    """Switching to the other tone replaces the text with the other tone's."""
    draft = open_draft(action(application, "thank_you_email", "Priya Natarajan"), now)
    other = "warm" if draft.tone == "formal" else "formal"
    before = draft.body

    retone(draft, other, now)

    draft.refresh_from_db()
    assert draft.tone == other
    assert draft.body != before
    assert not is_edited(draft, draft.subject, draft.body, now)


def test_it_knows_when_the_user_changed_the_text(application: Application, now: datetime) -> None:
    """A fresh draft is not edited; one word changed makes it edited."""
    draft = open_draft(action(application, "thank_you_email", "Priya Natarajan"), now)

    assert not is_edited(draft, draft.subject, draft.body, now)
    assert not is_edited(draft, draft.subject, draft.body.replace("\n", "\r\n"), now)
    assert is_edited(draft, draft.subject, draft.body + " Extra.", now)


def test_it_refuses_to_save_an_empty_message(application: Application, now: datetime) -> None:
    """An empty body is refused on the body field and the stored text stays."""
    draft = open_draft(action(application, "thank_you_email", "Priya Natarajan"), now)
    before = draft.body

    with pytest.raises(ValidationError) as caught:
        save_draft(draft, "Subject", "  \n ")

    assert list(caught.value.message_dict) == ["body"]
    draft.refresh_from_db()
    assert draft.body == before


def test_it_stores_line_breaks_as_the_user_sees_them(
    application: Application, now: datetime
) -> None:
    """Browsers post CRLF; the draft keeps LF so the text and its checks line up."""
    draft = open_draft(action(application, "thank_you_email", "Priya Natarajan"), now)

    save_draft(draft, "Hi", "Dear Priya,\r\n\r\nThank you.")

    draft.refresh_from_db()
    assert draft.body == "Dear Priya,\n\nThank you."


def test_sending_a_thank_you_records_it_with_the_promise(
    application: Application, now: datetime
) -> None:
    """Mark sent: a thank_you_sent event to Priya with the promised date; the plan follows it."""
    draft = open_draft(action(application, "thank_you_email", "Priya Natarajan"), now)
    promised = date(2026, 3, 12)  # a Thursday; the default check-in would be Mon 9 Mar (F4)

    event = mark_sent(draft, now, promised_next=promised)

    assert (event.type, event.interviewer.name, event.promised_next) == (
        "thank_you_sent",
        "Priya Natarajan",
        promised,
    )
    assert event.interview_id == draft.interview_id
    draft.refresh_from_db()
    assert (draft.sent_at, draft.event_id, draft.promised_next) == (now, event.pk, promised)
    assert not application.actions.filter(
        kind="thank_you_email", interviewer__name="Priya Natarajan"
    )
    check_in = action(application, "check_in_email")
    assert local_day(check_in.due) == promised
    assert "K7" in check_in.rules


def test_sending_a_letter_records_a_letter(
    user: Any, application: Application, now: datetime
) -> None:
    """A posted letter is a letter_sent event to that person."""
    UserSettings.objects.filter(user=user).update(letters=True)
    replan(application, now)
    draft = open_draft(action(application, "thank_you_letter", "Tomasz Wilk"), now)

    event = mark_sent(draft, now)

    assert (event.type, event.interviewer.name, event.promised_next) == (
        "letter_sent",
        "Tomasz Wilk",
        None,
    )
    assert not application.actions.filter(kind="thank_you_letter", interviewer__name="Tomasz Wilk")


def after_thank_yous(application: Application, now: datetime) -> None:
    for person in application.interviewers.all():
        record_event(
            application,
            "thank_you_sent",
            now,
            interview=person.interviews.get(),
            interviewer=person,
        )


def test_a_check_in_email_records_a_check_in_and_keeps_its_promise(
    application: Application, now: datetime
) -> None:
    """A sent check-in with a promised date puts the next check-in on that date (F6)."""
    after_thank_yous(application, now)
    later = now + timedelta(days=6)  # Mon 9 Mar, the day of the planned check-in
    draft = open_draft(action(application, "check_in_email"), later)
    promised = date(2026, 3, 20)

    event = mark_sent(draft, later, promised_next=promised)

    assert (event.type, event.channel, event.promised_next) == ("check_in_sent", "email", promised)
    assert local_day(action(application, "check_in_email").due) == promised


def test_a_call_records_a_check_in_by_phone(
    user: Any, application: Application, now: datetime
) -> None:
    """The call script, once the call is made, is a check-in by phone."""
    UserSettings.objects.filter(user=user).update(check_in_channel="phone")
    after_thank_yous(application, now)
    later = now + timedelta(days=6)
    draft = open_draft(action(application, "check_in_call"), later)

    event = mark_sent(draft, later)

    assert (event.type, event.channel, event.promised_next) == ("check_in_sent", "phone", None)


def test_an_expedite_message_records_a_check_in(application: Application, now: datetime) -> None:
    """Telling them about another offer is a check-in by email."""
    after_thank_yous(application, now)
    record_event(application, "other_offer", now, deadline=date(2026, 3, 13))
    draft = open_draft(action(application, "expedite"), now)

    event = mark_sent(draft, now)

    assert (event.type, event.channel) == ("check_in_sent", "email")
    assert not application.actions.filter(kind="expedite").exists()


def test_a_portal_check_records_a_check_in_without_a_promise(
    application: Application, now: datetime
) -> None:
    """Looking at the portal counts like *done* on Today, and promises nothing."""
    interview = application.interviews.get()
    interview.preferred_channel = "portal"
    interview.save()
    after_thank_yous(application, now)
    later = now + timedelta(days=6)
    draft = open_draft(action(application, "check_portal"), later)

    event = mark_sent(draft, later, promised_next=date(2026, 3, 20))

    assert (event.type, event.channel, event.promised_next) == ("check_in_sent", "email", None)


def test_it_records_a_message_sent_only_once(application: Application, now: datetime) -> None:
    """A second *mark sent* of the same draft is refused and records nothing more."""
    draft = open_draft(action(application, "thank_you_email", "Priya Natarajan"), now)
    mark_sent(draft, now)

    with pytest.raises(ValidationError, match="marked sent"):
        mark_sent(draft, now)

    assert Event.objects.filter(type="thank_you_sent").count() == 1


def test_it_refuses_a_promise_in_the_past(application: Application, now: datetime) -> None:
    """A promised date before today is refused on promised_next; nothing is recorded."""
    draft = open_draft(action(application, "thank_you_email", "Priya Natarajan"), now)

    with pytest.raises(ValidationError) as caught:
        mark_sent(draft, now, promised_next=date(2026, 3, 1))

    assert list(caught.value.message_dict) == ["promised_next"]
    assert not Event.objects.exists()
    draft.refresh_from_db()
    assert draft.sent_at is None


def test_a_sent_draft_is_kept_as_it_went_out(application: Application, now: datetime) -> None:
    """After sending, the text cannot be saved over or written again."""
    draft = open_draft(action(application, "thank_you_email", "Priya Natarajan"), now)
    mark_sent(draft, now)

    with pytest.raises(ValidationError):
        save_draft(draft, "New", "New text")
    with pytest.raises(ValidationError):
        retone(draft, "warm", now)


def test_the_checker_flags_a_misspelt_interviewer_name(
    application: Application, now: datetime
) -> None:
    """'Priya Natarjan' in the greeting is found, with the span of the wrong spelling."""
    draft = open_draft(action(application, "thank_you_email", "Priya Natarajan"), now)
    wrong = draft.body.replace("Priya", "Pryia", 1)

    findings = check_draft(draft, draft.subject, wrong, now)

    spans = [wrong[f.start : f.end] for f in findings if f.field == "body"]
    assert any("Pryia" in span for span in spans), findings
    assert not [
        f for f in check_draft(draft, draft.subject, draft.body, now) if "Pryia" in f.message
    ]


def test_the_checker_accepts_the_users_own_words(
    application: Application, user: Any, now: datetime
) -> None:
    """A word from the user's list in settings is not a spelling mistake."""
    draft = open_draft(action(application, "thank_you_email", "Priya Natarajan"), now)
    body = draft.body + "\n\nP.S. I also wrote our zorbulating scripts."

    flagged = check_draft(draft, draft.subject, body, now)
    UserSettings.objects.filter(user=user).update(spelling_words="zorbulating\nNYU")
    accepted = check_draft(draft, draft.subject, body, now)

    assert any(body[f.start : f.end] == "zorbulating" for f in flagged)
    assert not any(body[f.start : f.end] == "zorbulating" for f in accepted)


def test_the_checker_compares_the_thank_yous_of_one_interview(
    application: Application, now: datetime
) -> None:
    """Saving Tomasz's text into Priya's draft makes the checker say the two are the same."""
    priya = open_draft(action(application, "thank_you_email", "Priya Natarajan"), now)
    tomasz = open_draft(action(application, "thank_you_email", "Tomasz Wilk"), now)
    shared = (
        "Dear colleague,\n\nThank you for the interview yesterday.\n\nBest regards,\nSam Rivera"
    )
    save_draft(tomasz, "Thank you", shared)

    findings = check_draft(priya, "Thank you", shared, now)
    alone = check_draft(priya, priya.subject, priya.body, now)

    assert any("same" in f.message.lower() or "identical" in f.message.lower() for f in findings)
    assert not any("identical" in f.message.lower() for f in alone)


def test_only_the_owner_reaches_a_draft(
    application: Application, user: Any, outsider: Any, now: datetime
) -> None:
    """get_draft_or_404: the owner gets it; another user and an anonymous visitor get 404."""
    draft = open_draft(action(application, "thank_you_email", "Priya Natarajan"), now)

    assert get_draft_or_404(user, draft.pk) == draft
    for someone in (outsider, AnonymousUser()):
        with pytest.raises(Http404):
            get_draft_or_404(someone, draft.pk)
    with pytest.raises(Http404):
        get_draft_or_404(user, "abc")
