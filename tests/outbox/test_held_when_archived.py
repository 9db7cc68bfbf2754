"""The outbox holds an archived application's emails and sends them once it is restored."""

from __future__ import annotations

from datetime import datetime

import pytest
from django.test import Client

from afterword.outbox.dispatch import claim_next, reserve, send_due_emails
from afterword.outbox.models import EmailState, MailAccount
from afterword.outbox.queue import queue_draft, queue_email
from afterword.tracker.models import Application
from afterword.tracker.services.archive import archive_application, restore_application
from tests.support.builders import draft_for
from tests.support.smtp_server import SmtpServer

pytestmark = pytest.mark.django_db


def test_an_archived_applications_email_waits_and_goes_after_restore(
    application: Application, mail_account: MailAccount, smtp_server: SmtpServer, now: datetime
) -> None:
    """Held while archived (still pending, no attempt); sent once the plan is back."""
    email = queue_draft(draft_for(application, "thank_you_email", "Priya Natarajan"), now, "now")
    archive_application(application, now)

    handled = send_due_emails(now, "w1")

    email.refresh_from_db()
    assert handled == 0 and email.state == EmailState.PENDING and email.attempts == 0
    assert reserve(now, "w1", 25) == [] and claim_next(now, "w1") is None
    assert smtp_server.mailbox.received == []

    restore_application(application, now)
    send_due_emails(now, "w1")

    email.refresh_from_db()
    assert email.state == EmailState.SENT
    assert len(smtp_server.mailbox.received) == 1


def test_an_email_of_no_application_is_never_held(
    application: Application, mail_account: MailAccount, smtp_server: SmtpServer, now: datetime
) -> None:
    """An email without an application (the digest goes this way) is sent as before."""
    archive_application(application, now)
    email = queue_email(
        application.owner, to="sam@example.test", subject="Digest", body="Hello.\n", now=now
    )

    send_due_emails(now, "w1")

    email.refresh_from_db()
    assert email.state == EmailState.SENT


def test_the_outbox_page_says_why_an_email_waits(
    client: Client, application: Application, mail_account: MailAccount, now: datetime
) -> None:
    """The held email's card names the archive and what brings it back."""
    queue_draft(draft_for(application, "thank_you_email", "Priya Natarajan"), now, "due")
    archive_application(application, now)
    client.force_login(application.owner)

    html = client.get("/outbox/").content.decode()

    assert "Held: Harbour Logistics is archived" in html
