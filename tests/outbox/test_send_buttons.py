"""The draft page's "Send now" and "Send at the due time": what they show, queue and refuse."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import pytest
from django.test import Client

from afterword.outbox.dispatch import send_due_emails
from afterword.outbox.models import EmailState, MailAccount, OutgoingEmail
from afterword.tracker.models import Application, Draft, Event
from afterword.tracker.services import record_event
from tests.support.builders import draft_for
from tests.support.smtp_server import SmtpServer

pytestmark = pytest.mark.django_db
# An edit the checker has nothing against (an error would keep the message back).
EDITED = "Edited: thank you for Monday’s conversation.\nSam"


@pytest.fixture
def member(client: Client, user: Any) -> Client:
    client.force_login(user)
    return client


@pytest.fixture
def thank_you(application: Application) -> Draft:
    return draft_for(application, "thank_you_email", "Tomasz Wilk")


def test_the_draft_page_offers_both_buttons_once_a_mailbox_is_connected(
    member: Client, mail_account: MailAccount, thank_you: Draft
) -> None:
    """Send now, and Send at the due time while the due time is still ahead."""
    page = member.get(f"/drafts/{thank_you.pk}/").content.decode()

    assert "Send from your mailbox" in page
    assert f'formaction="/drafts/{thank_you.pk}/email/" name="when" value="now"' in page
    due_button = (
        f'value="due" data-action="send-due" data-blockable '
        f'aria-describedby="send-blocked-{thank_you.pk}">Send at the due time</button>'
    )
    assert due_button in page
    assert "To tomasz@harbour.example, from your mailbox." in page


def test_without_a_mailbox_the_page_points_to_mail_settings(
    member: Client, thank_you: Draft
) -> None:
    """No buttons that cannot work; a link to connect one instead."""
    page = member.get(f"/drafts/{thank_you.pk}/").content.decode()

    assert 'href="/settings/mail/">Connect your mailbox</a>' in page
    assert "/email/" not in page


def test_send_now_saves_the_text_on_screen_and_queues_it(
    member: Client, mail_account: MailAccount, thank_you: Draft, now: datetime
) -> None:
    """The edited subject and body are saved to the draft and go into the outbox, due now."""
    response = member.post(
        f"/drafts/{thank_you.pk}/email/",
        {"when": "now", "subject": "Thanks, Tomasz", "body": EDITED},
        follow=True,
    )

    email = OutgoingEmail.objects.get(draft=thank_you)
    thank_you.refresh_from_db()
    assert (thank_you.subject, thank_you.body) == ("Thanks, Tomasz", EDITED)
    assert (email.subject, email.body, email.due_at) == ("Thanks, Tomasz", EDITED, now)
    page = response.content.decode()
    assert "Sending “Thanks, Tomasz” to tomasz@harbour.example now." in page
    assert "Going out now." in page and ">Cancel sending</button>" in page


def test_send_at_the_due_time_waits_for_the_planned_time(
    member: Client, mail_account: MailAccount, thank_you: Draft, application: Application
) -> None:
    """Queued for the thank-you's due time, and the page says when."""
    planned = application.actions.get(kind="thank_you_email", interviewer=thank_you.interviewer)

    response = member.post(
        f"/drafts/{thank_you.pk}/email/",
        {"when": "due", "subject": thank_you.subject, "body": thank_you.body},
        follow=True,
    )

    email = OutgoingEmail.objects.get(draft=thank_you)
    assert email.due_at == planned.due
    assert "Queued to go out on" in response.content.decode()


def test_an_empty_message_is_refused_and_nothing_is_queued(
    member: Client, mail_account: MailAccount, thank_you: Draft
) -> None:
    """The drafts service's own check names the problem; the outbox and the draft are untouched."""
    before = thank_you.body

    response = member.post(
        f"/drafts/{thank_you.pk}/email/", {"when": "now", "body": "   "}, follow=True
    )

    thank_you.refresh_from_db()
    assert "Not queued: The message is empty" in response.content.decode()
    assert not OutgoingEmail.objects.exists()
    assert thank_you.body == before


def test_a_check_in_carries_the_promised_date_to_the_event(
    member: Client,
    mail_account: MailAccount,
    smtp_server: SmtpServer,
    application: Application,
    now: datetime,
) -> None:
    """The promised date typed on the page is recorded with the check-in once it is sent."""
    for person in application.interviewers.all():
        record_event(
            application,
            "thank_you_sent",
            now,
            interview=application.interviews.get(),
            interviewer=person,
        )
    check_in = draft_for(application, "check_in_email")
    promised = (now + timedelta(days=21)).date()

    member.post(
        f"/drafts/{check_in.pk}/email/",
        {
            "when": "now",
            "subject": "Checking in",
            "body": check_in.body,
            "promised_next": promised.isoformat(),
        },
    )
    send_due_emails(now, "w1")

    event = Event.objects.get(application=application, type="check_in_sent")
    assert event.promised_next == promised
    [received] = smtp_server.mailbox.received
    assert received.message["Subject"] == "Checking in"


def test_once_sent_the_draft_page_says_so(
    member: Client,
    mail_account: MailAccount,
    smtp_server: SmtpServer,
    thank_you: Draft,
    now: datetime,
) -> None:
    """After the worker sends it, the draft is history and the buttons are gone."""
    member.post(
        f"/drafts/{thank_you.pk}/email/",
        {"when": "now", "subject": thank_you.subject, "body": thank_you.body},
    )
    send_due_emails(now, "w1")

    page = member.get(f"/drafts/{thank_you.pk}/").content.decode()

    assert OutgoingEmail.objects.get(draft=thank_you).state == EmailState.SENT
    assert "Send from your mailbox" not in page
    assert len(smtp_server.mailbox.received) == 1


def test_an_outsider_cannot_send_my_draft(
    client: Client, outsider: Any, mail_account: MailAccount, thank_you: Draft
) -> None:
    """Someone else's draft id is a 404, and nothing is queued."""
    client.force_login(outsider)

    response = client.post(f"/drafts/{thank_you.pk}/email/", {"when": "now"})

    assert response.status_code == 404
    assert not OutgoingEmail.objects.exists()


def test_only_now_or_the_due_time(
    member: Client, mail_account: MailAccount, thank_you: Draft
) -> None:
    """Any other "when" is not a thing the page can ask for."""
    response = member.post(f"/drafts/{thank_you.pk}/email/", {"when": "tomorrow"})

    assert response.status_code == 404


def test_an_uncertain_send_is_settled_from_the_draft_page(
    member: Client, mail_account: MailAccount, thank_you: Draft, now: datetime
) -> None:
    """The draft page asks about the unconfirmed email; "It was sent" returns to the draft."""
    member.post(
        f"/drafts/{thank_you.pk}/email/",
        {"when": "now", "subject": thank_you.subject, "body": thank_you.body},
    )
    email = OutgoingEmail.objects.get(draft=thank_you)
    OutgoingEmail.objects.filter(pk=email.pk).update(state=EmailState.UNCERTAIN)
    page = member.get(f"/drafts/{thank_you.pk}/").content.decode()

    response = member.post(f"/outbox/{email.pk}/confirm/?next=/drafts/{thank_you.pk}/")

    thank_you.refresh_from_db()
    assert "We could not confirm that this email was sent." in page
    assert f'formaction="/outbox/{email.pk}/send-again/?next=/drafts/{thank_you.pk}/"' in page
    assert response.status_code == 302 and response["Location"] == f"/drafts/{thank_you.pk}/"
    assert thank_you.sent_at == now


SLOT = "[[Write one sentence about the q3 ops thing]]"


def test_while_a_slot_is_unfilled_both_buttons_wait_with_the_reason(
    member: Client, mail_account: MailAccount, application: Application
) -> None:
    """An unfilled [[...]] disables Send now and Send at the due time and says why."""
    draft = draft_for(application, "thank_you_email", "Tomasz Wilk", body=f"Dear Tomasz,\n{SLOT}\n")

    page = member.get(f"/drafts/{draft.pk}/").content.decode()

    assert 'data-action="send-now" data-blockable' in page
    assert f'aria-describedby="send-blocked-{draft.pk}" disabled>Send now</button>' in page
    assert (
        f'id="send-blocked-{draft.pk}" class="blocked-reason" data-blocked-reason>Write your own'
        in page
    )


def test_a_send_posted_with_a_slot_unfilled_is_refused_and_the_text_kept(
    member: Client, mail_account: MailAccount, thank_you: Draft
) -> None:
    """The server refuses what the disabled button would have sent; the text is saved."""
    body = f"Dear Tomasz,\nThank you for Monday. {SLOT}\nSam"

    response = member.post(
        f"/drafts/{thank_you.pk}/email/",
        {"when": "now", "subject": "Thank you", "body": body},
        follow=True,
    )

    assert not OutgoingEmail.objects.filter(draft=thank_you).exists()
    thank_you.refresh_from_db()
    assert thank_you.body == body
    assert "Not queued: Write your own sentence in place of the highlighted" in (
        response.content.decode()
    )
