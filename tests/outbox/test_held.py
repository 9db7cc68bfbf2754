"""An email queued before the application was decided is held, and the user is asked."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from django.test import Client

from afterword.outbox.dispatch import send_due_emails
from afterword.outbox.models import EmailState, MailAccount, OutgoingEmail
from afterword.outbox.queue import queue_draft
from afterword.tracker.models import Application
from afterword.tracker.services import complete_action, record_event
from tests.support.builders import draft_for
from tests.support.smtp_server import SmtpServer

pytestmark = pytest.mark.django_db


def queued_then_decided(application: Application, now: datetime) -> OutgoingEmail:
    """A thank-you queued for later, then a rejection recorded before it went out."""
    email = queue_draft(draft_for(application, "thank_you_email", "Priya Natarajan"), now, "now")
    record_event(application, "rejection", now)
    return email


def test_the_worker_holds_it_instead_of_sending_or_dropping_it(
    application: Application, mail_account: MailAccount, smtp_server: SmtpServer, now: datetime
) -> None:
    """Nothing goes out; the row is held with a question, not cancelled."""
    email = queued_then_decided(application, now)

    send_due_emails(now, "w1")

    email.refresh_from_db()
    assert smtp_server.mailbox.received == []
    assert email.state == EmailState.HELD
    assert "has decided since this was queued" in email.last_error


def test_send_anyway_sends_it_after_all(
    client: Client,
    application: Application,
    mail_account: MailAccount,
    smtp_server: SmtpServer,
    now: datetime,
) -> None:
    """The user's 'Send it anyway' queues it again, and the next round sends it once."""
    email = queued_then_decided(application, now)
    send_due_emails(now, "w1")
    client.force_login(application.owner)

    client.post(f"/outbox/{email.pk}/send-anyway/")
    send_due_emails(now + timedelta(seconds=1), "w1")

    email.refresh_from_db()
    assert email.state == EmailState.SENT
    assert len(smtp_server.mailbox.received) == 1


def test_today_and_the_application_ask_about_it(
    client: Client, application: Application, mail_account: MailAccount, now: datetime
) -> None:
    """Still pending or already held, the email is on Today and its application's page."""
    email = queued_then_decided(application, now)
    client.force_login(application.owner)

    today = client.get("/").content.decode()
    page = client.get(f"/applications/{application.pk}/").content.decode()

    for html in (today, page):
        assert "Emails waiting for you" in html
        assert email.subject in html
        assert "send it anyway, or cancel it?" in html
        assert f"/outbox/{email.pk}/send-anyway/" in html


def test_an_email_long_past_its_time_is_shown_as_stuck(
    client: Client, application: Application, mail_account: MailAccount, now: datetime
) -> None:
    """A pending email 20 minutes late (no worker running) is listed with the likely cause."""
    email = queue_draft(draft_for(application, "thank_you_email", "Priya Natarajan"), now, "now")
    OutgoingEmail.objects.filter(pk=email.pk).update(due_at=now - timedelta(minutes=20))
    client.force_login(application.owner)

    html = client.get("/").content.decode()

    assert "still not sent: is the worker running" in html


def test_nothing_is_shown_when_the_outbox_is_in_order(
    client: Client, application: Application, mail_account: MailAccount, now: datetime
) -> None:
    """An email queued a moment ago for a live application is no one's worry yet."""
    queue_draft(draft_for(application, "thank_you_email", "Priya Natarajan"), now, "now")
    client.force_login(application.owner)

    assert "Emails waiting for you" not in client.get("/").content.decode()


def test_an_email_whose_follow_up_was_done_meanwhile_is_still_dropped(
    application: Application, mail_account: MailAccount, smtp_server: SmtpServer, now: datetime
) -> None:
    """Not decided, just done another way (Done on Today): cancelled with the reason, as before."""
    email = queue_draft(draft_for(application, "thank_you_email", "Priya Natarajan"), now, "now")
    action = application.actions.get(kind="thank_you_email", interviewer__name="Priya Natarajan")
    complete_action(action, now)

    send_due_emails(now, "w1")

    email.refresh_from_db()
    assert email.state == EmailState.CANCELLED
    assert email.last_error.startswith("Not sent: the plan no longer asks for this message")
    assert smtp_server.mailbox.received == []
