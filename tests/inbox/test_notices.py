"""Unsure away notices and bounces: nothing changes until the user confirms them on Today."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from afterword.inbox import notices
from afterword.inbox.models import InboxMessage, MailboxWatch
from afterword.tracker.models import Action, Application, Event, Interviewer
from tests.inbox import mail as inbox_mail
from tests.inbox.fixtures import arrive

pytestmark = pytest.mark.django_db
HX = {"HTTP_HX_REQUEST": "true"}
# The detectors refuse a hyphenated domain, so a plain-text bounce to it reads "low".
TOMASZ = "tomasz@harbour-logistics.example"


@pytest.fixture
def tomasz(harbour: Application) -> Interviewer:
    """Tomasz, at an address whose plain-text bounce the reader is unsure of."""
    person = Interviewer.objects.get(application=harbour, name="Tomasz Wilk")
    person.email = TOMASZ
    person.save()
    return person


def check_in_day(application: Application) -> str:
    return Action.objects.get(application=application, kind="check_in_email").due.date().isoformat()


def away_record(application: Application) -> tuple[list[tuple[Any, ...]], str]:
    """What an away notice left on the application: its events and the check-in day."""
    events = Event.objects.filter(application=application, type="out_of_office")
    return [(e.at, e.until, e.note) for e in events], check_in_day(application)


def bounce_marks() -> dict[str, Any]:
    return dict(Interviewer.objects.values_list("email", "email_bounced_at"))


def post(client: Client, name: str, notice: InboxMessage, **extra: Any) -> Any:
    return client.post(reverse(name, args=[notice.pk]), **HX, **extra)


# The service: nothing changes until confirmed; confirming does what a sure reading does.


def test_an_unsure_away_notice_is_kept_pending_and_moves_no_check_in(quiet_watch, harbour):
    """A rule's "out until Tuesday, March 10" without automatic-reply headers changes nothing."""
    notice = arrive(quiet_watch, inbox_mail.rule_away())

    assert (notice.kind, notice.confidence, notice.state) == ("out_of_office", "low", "pending")
    assert notice.suggested_date.isoformat() == "2026-03-10"
    assert "out of the office until Tuesday, March 10" in notice.evidence
    assert away_record(harbour) == ([], "2026-03-09")


def test_confirming_an_unsure_away_notice_records_what_a_sure_one_records(quiet_watch, harbour):
    """Confirmed, the rule's notice leaves the very event and check-in day of a sure notice."""
    unsure = arrive(quiet_watch, inbox_mail.rule_away())
    notices.confirm(unsure, timezone.now())
    confirmed = away_record(harbour)
    notices.undo(InboxMessage.objects.get(pk=unsure.pk), timezone.now())
    notices.ignore(unsure, timezone.now())

    sure = arrive(quiet_watch, inbox_mail.out_of_office("back on Wednesday, March 11"))

    assert sure.confidence == "high" and sure.state == "noted"
    assert confirmed == away_record(harbour)
    assert confirmed[1] == "2026-03-11"


def test_ignoring_an_unsure_away_notice_changes_nothing(quiet_watch, harbour):
    """Ignore hides the card: no event, the check-in stays on Mon 9 Mar."""
    notice = arrive(quiet_watch, inbox_mail.rule_away())

    ignored = notices.ignore(notice, timezone.now())

    notice.refresh_from_db()
    assert ignored and notice.state == "dismissed"
    assert away_record(harbour) == ([], "2026-03-09")


def test_undo_takes_the_away_notice_back_and_shows_the_card_again(quiet_watch, harbour):
    """Undo after confirming removes the event, brings the check-in back and the card with it."""
    notice = arrive(quiet_watch, inbox_mail.rule_away())
    notices.confirm(notice, timezone.now())

    notices.undo(InboxMessage.objects.get(pk=notice.pk), timezone.now())

    notice.refresh_from_db()
    assert (notice.state, notice.event) == ("pending", None)
    assert away_record(harbour) == ([], "2026-03-09")


def test_confirming_twice_records_one_away_event(quiet_watch, harbour):
    """A double click on Confirm records the out_of_office event once."""
    notice = arrive(quiet_watch, inbox_mail.rule_away())

    first = notices.confirm(notice, timezone.now())
    second = notices.confirm(notice, timezone.now())

    assert (first, second) == (True, False)
    assert Event.objects.filter(application=harbour, type="out_of_office").count() == 1


def test_an_unsure_bounce_is_kept_pending_and_marks_nobody(quiet_watch, tomasz):
    """A text-only report under a null Return-Path names Tomasz, unsure: nobody is marked."""
    notice = arrive(quiet_watch, inbox_mail.plain_bounce(TOMASZ))

    assert (notice.kind, notice.confidence, notice.state) == ("bounce", "low", "pending")
    assert notice.address_list == [TOMASZ]
    assert notice.evidence == f"<{TOMASZ}>"
    assert not any(bounce_marks().values())


def test_confirming_an_unsure_bounce_marks_what_a_sure_one_marks(quiet_watch, tomasz):
    """Confirmed, the unsure bounce marks exactly Tomasz, at the time a sure report would."""
    unsure = arrive(quiet_watch, inbox_mail.plain_bounce(TOMASZ))
    notices.confirm(unsure, timezone.now())
    confirmed = bounce_marks()
    notices.undo(InboxMessage.objects.get(pk=unsure.pk), timezone.now())
    notices.ignore(unsure, timezone.now())

    sure = arrive(quiet_watch, inbox_mail.bounce(TOMASZ))

    assert sure.confidence == "high" and sure.state == "noted"
    assert confirmed == bounce_marks()
    assert [email for email, at in confirmed.items() if at] == [TOMASZ]


def test_ignoring_an_unsure_bounce_marks_nobody(quiet_watch, tomasz):
    """Ignore leaves every address as it was."""
    notice = arrive(quiet_watch, inbox_mail.plain_bounce(TOMASZ))

    notices.ignore(notice, timezone.now())

    assert not any(bounce_marks().values())


def test_undoing_a_bounce_keeps_a_mark_an_earlier_bounce_set(quiet_watch, tomasz, harbour):
    """Undo clears only the mark its confirmation set: Priya's earlier bounce stays."""
    day_before = inbox_mail.RECEIVED - timedelta(days=1)
    arrive(quiet_watch, inbox_mail.bounce("priya@harbour.example", when=day_before))
    notice = arrive(quiet_watch, inbox_mail.plain_bounce(TOMASZ))
    notices.confirm(notice, timezone.now())

    notices.undo(InboxMessage.objects.get(pk=notice.pk), timezone.now())

    marked = [email for email, at in bounce_marks().items() if at]
    assert marked == ["priya@harbour.example"]


# The views on Today, with htmx.


def test_today_shows_the_away_notice_card_with_its_evidence(member, quiet_watch, harbour):
    """The card names Priya, her last day away, the day the check-in moves to, and her words."""
    arrive(quiet_watch, inbox_mail.rule_away())

    page = member.get(reverse("today")).content.decode()

    assert "Replies to confirm" in page
    assert "Looks like an automatic reply from Priya Natarajan: away until Tue 10 Mar" in page
    assert 'Move my check-in to <span class="nowrap">Wed 11 Mar</span>' in page
    assert "“I am out of the office until Tuesday, March 10 and will reply when I return.”" in page
    assert "Ignore" in page


def test_today_shows_the_bounce_card_with_its_evidence(member, quiet_watch, tomasz):
    """The card names the address that seems to have bounced and quotes the report."""
    arrive(quiet_watch, inbox_mail.plain_bounce(TOMASZ))

    page = member.get(reverse("today")).content.decode()

    assert f'Looks like mail to <span class="address">{TOMASZ}</span> bounced' in page
    assert "Mark the address as not working" in page
    assert f"“&lt;{TOMASZ}&gt;”" in page


def test_confirm_with_htmx_moves_the_check_in_and_offers_undo(member, quiet_watch, harbour):
    """One click answers the panel again, with the outcome, an Undo button and a re-plan event."""
    notice = arrive(quiet_watch, inbox_mail.rule_away())

    response = post(member, "notice_confirm", notice)

    body = response.content.decode()
    assert response.status_code == 200
    assert response["HX-Trigger-After-Settle"] == "afterwordReplanned"
    assert "Recorded: Priya Natarajan is away until Tue 10 Mar" in body
    assert reverse("notice_undo", args=[notice.pk]) in body
    assert "Looks like an automatic reply" not in body
    assert check_in_day(harbour) == "2026-03-11"


def test_undo_with_htmx_brings_the_card_back(member, quiet_watch, harbour):
    """Undo after a confirmation shows the card again and the check-in is back on Mon 9 Mar."""
    notice = arrive(quiet_watch, inbox_mail.rule_away())
    post(member, "notice_confirm", notice)

    response = post(member, "notice_undo", notice)

    body = response.content.decode()
    assert "Undone" in body and 'Move my check-in to <span class="nowrap">Wed 11 Mar' in body
    assert check_in_day(harbour) == "2026-03-09"


def test_confirm_with_htmx_marks_the_bounced_address(member, quiet_watch, tomasz):
    """Confirming the bounce card marks Tomasz's address and says so."""
    notice = arrive(quiet_watch, inbox_mail.plain_bounce(TOMASZ))

    response = post(member, "notice_confirm", notice)

    assert f"Marked as not working: {TOMASZ}." in response.content.decode()
    assert bounce_marks()[TOMASZ] == inbox_mail.RECEIVED


def test_ignore_with_htmx_hides_the_card_and_changes_nothing(member, quiet_watch, tomasz):
    """Ignore answers the panel without the card; no address is marked."""
    notice = arrive(quiet_watch, inbox_mail.plain_bounce(TOMASZ))

    response = post(member, "notice_ignore", notice)

    body = response.content.decode()
    assert "Ignored. Nothing was changed." in body and "Looks like mail to" not in body
    assert not any(bounce_marks().values())


def test_without_htmx_confirm_returns_to_today(member, quiet_watch, harbour):
    """Without htmx, confirming records the away notice and redirects to the "next" page."""
    notice = arrive(quiet_watch, inbox_mail.rule_away())

    response = member.post(reverse("notice_confirm", args=[notice.pk]), {"next": "/"})

    assert response.status_code == 302 and response["Location"] == "/"
    assert check_in_day(harbour) == "2026-03-11"


def test_an_outsider_gets_404_for_every_notice_button(client, outsider, quiet_watch, tomasz):
    """Another user gets 404 from confirm, ignore and undo, and nothing changes."""
    away = arrive(quiet_watch, inbox_mail.rule_away())
    bounce = arrive(quiet_watch, inbox_mail.plain_bounce(TOMASZ))
    client.force_login(outsider)

    answers = [
        post(client, name, notice).status_code
        for notice in (away, bounce)
        for name in ("notice_confirm", "notice_ignore", "notice_undo")
    ]

    assert answers == [404] * 6
    assert set(InboxMessage.objects.values_list("state", flat=True)) == {"pending"}
    assert not any(bounce_marks().values())
    assert not Event.objects.filter(type="out_of_office").exists()


def test_a_reply_cannot_be_confirmed_as_a_notice(member, quiet_watch: MailboxWatch, harbour):
    """The notice buttons answer 404 for a person's reply: it has its own buttons."""
    reply = arrive(quiet_watch, inbox_mail.offer())

    response = post(member, "notice_confirm", reply)

    assert response.status_code == 404


def test_the_panel_counts_replies_and_notices_together(member, quiet_watch, tomasz):
    """A reply and an unsure bounce make two to confirm under one heading."""
    arrive(quiet_watch, inbox_mail.offer())
    arrive(quiet_watch, inbox_mail.plain_bounce(TOMASZ))

    page = member.get(reverse("today")).content.decode()

    assert page.count("Replies to confirm") == 1
    assert '<span class="count" aria-label="2 to confirm">2</span>' in page
