"""The worker's side of the outbox: claim, send at most once, retry, give up, record."""

from __future__ import annotations

from datetime import datetime, timedelta
from email.utils import parsedate_to_datetime
from typing import Any

import pytest
import time_machine

from afterword.outbox import dispatch
from afterword.outbox.dispatch import (
    LEASE,
    MAX_ATTEMPTS,
    claim_next,
    expire_leases,
    retry_delay,
    send_due_emails,
)
from afterword.outbox.models import EmailState, MailAccount, OutgoingEmail
from afterword.outbox.queue import queue_draft, queue_email
from afterword.tracker.models import Application, Event, UserSettings
from afterword.tracker.services import record_event
from tests.factories import MailAccountFactory
from tests.support.builders import draft_for
from tests.support.smtp_server import SmtpServer, free_port

pytestmark = pytest.mark.django_db


def _queue(application: Application, now: datetime, subject: str) -> OutgoingEmail:
    return queue_email(
        application.owner,
        to="priya@harbour.example",
        subject=subject,
        body="A note.\n",
        now=now,
        application=application,
    )


def test_a_due_thank_you_arrives_once_with_our_headers(
    application: Application, mail_account: MailAccount, smtp_server: SmtpServer, now: datetime
) -> None:
    """From, To, Subject, Message-ID, Date and a UTF-8 body arrive as queued, exactly once."""
    UserSettings.objects.update_or_create(
        user=application.owner, defaults={"timezone": "Europe/Berlin"}
    )
    draft = draft_for(application, "thank_you_email", "Priya Natarajan")
    email = queue_draft(draft, now, "now")

    handled = send_due_emails(now, "w1") + send_due_emails(now, "w1")

    [received] = smtp_server.mailbox.received
    message = received.message
    email.refresh_from_db()
    assert handled == 1
    assert email.state == EmailState.SENT and email.attempts == 1
    assert message["From"] == "Sam Rivera <sam@example.test>"
    assert message["To"] == "priya@harbour.example"
    assert message["Subject"] == "Thank you, Priya Natarajan"
    assert message["Message-ID"] == email.message_id
    assert email.message_id.endswith("@example.test>")
    assert parsedate_to_datetime(message["Date"]) == email.sent_at
    assert message["Date"].endswith("+0100")  # the user's own zone, as their mail program does
    assert message.get_content() == "Grüße from Sam – thank you for Monday’s conversation.\n"
    assert "In-Reply-To" not in message and "References" not in message


def test_a_sent_thank_you_is_recorded_and_the_plan_moves_on(
    application: Application, mail_account: MailAccount, smtp_server: SmtpServer, now: datetime
) -> None:
    """The thank-you event is recorded for that person; the draft is history; her action goes."""
    draft = draft_for(application, "thank_you_email", "Priya Natarajan")
    email = queue_draft(draft, now, "now")

    send_due_emails(now, "w1")

    email.refresh_from_db()
    draft.refresh_from_db()
    assert email.event is not None
    assert (email.event.type, email.event.interviewer) == ("thank_you_sent", draft.interviewer)
    assert draft.sent_at == email.sent_at and draft.event == email.event
    remaining = application.actions.filter(kind="thank_you_email")
    assert [a.interviewer.name for a in remaining] == ["Tomasz Wilk"]


def test_a_sent_check_in_records_the_date_it_promised(
    application: Application, mail_account: MailAccount, smtp_server: SmtpServer, now: datetime
) -> None:
    """A check-in goes out and its promised date becomes the next check-in (K7, F6)."""
    for person in application.interviewers.all():
        record_event(
            application,
            "thank_you_sent",
            now,
            interview=application.interviews.get(),
            interviewer=person,
        )
    promised = (now + timedelta(days=16)).date()
    draft = draft_for(application, "check_in_email", promised_next=None)
    email = queue_draft(draft, now, "now")
    OutgoingEmail.objects.filter(pk=email.pk).update(promised_next=promised)

    send_due_emails(now, "w1")

    event = Event.objects.get(application=application, type="check_in_sent")
    assert (event.channel, event.promised_next) == ("email", promised)
    next_check_in = application.actions.get(kind="check_in_email")
    assert next_check_in.due.astimezone().date() >= promised


def test_later_messages_thread_under_the_earlier_ones(
    application: Application, mail_account: MailAccount, smtp_server: SmtpServer, now: datetime
) -> None:
    """In-Reply-To names the latest earlier message, References all of them, in order."""
    first = _queue(application, now, "First")
    send_due_emails(now, "w1")
    second = _queue(application, now, "Second")
    send_due_emails(now, "w1")
    third = _queue(application, now, "Third")

    send_due_emails(now, "w1")

    messages = {item.message["Subject"]: item.message for item in smtp_server.mailbox.received}
    assert messages["Second"]["In-Reply-To"] == first.message_id
    assert messages["Second"]["References"] == first.message_id
    assert messages["Third"]["In-Reply-To"] == second.message_id
    assert messages["Third"]["References"] == f"{first.message_id} {second.message_id}"
    third.refresh_from_db()
    assert third.references == f"{first.message_id} {second.message_id}"


def test_an_email_not_yet_due_waits(
    application: Application, mail_account: MailAccount, smtp_server: SmtpServer, now: datetime
) -> None:
    """Queued for the due time, it is sent at that time and not a moment before."""
    draft = draft_for(application, "thank_you_email", "Priya Natarajan")
    email = queue_draft(draft, now, "due")

    early = send_due_emails(email.due_at - timedelta(seconds=1), "w1")
    on_time = send_due_emails(email.due_at, "w1")

    assert (early, on_time) == (0, 1)
    assert len(smtp_server.mailbox.received) == 1


def test_a_server_that_is_down_is_retried_with_growing_waits_then_given_up(
    application: Application, user: Any, now: datetime
) -> None:
    """Connection refused: back to pending after 2, 4, 8... minutes; failed after the last try."""
    port = free_port()
    MailAccountFactory(user=user, host="127.0.0.1", port=port)
    email = _queue(application, now, "Nobody listens")
    waits = []

    with time_machine.travel(now, tick=False) as clock:
        for _ in range(MAX_ATTEMPTS):
            assert send_due_emails(dispatch.timezone.now(), "w1") == 1
            email.refresh_from_db()
            if email.state == EmailState.PENDING:
                wait = email.due_at - dispatch.timezone.now()
                waits.append(wait)
                clock.shift(wait - timedelta(seconds=1))
                assert send_due_emails(dispatch.timezone.now(), "w1") == 0  # not yet
                clock.shift(timedelta(seconds=1))

    assert waits == [retry_delay(n) for n in range(1, MAX_ATTEMPTS)]
    assert waits[:3] == [timedelta(minutes=2), timedelta(minutes=4), timedelta(minutes=8)]
    assert email.state == EmailState.FAILED and email.attempts == MAX_ATTEMPTS
    assert email.last_error == (
        f"Not sent after {MAX_ATTEMPTS} attempts: "
        f"Could not connect to 127.0.0.1:{port}: connection refused."
    )


def test_a_refused_password_fails_at_once_with_a_clear_message(
    application: Application, user: Any, smtp_server: SmtpServer, now: datetime
) -> None:
    """Retrying a wrong password cannot help: failed after one attempt, saying why."""
    MailAccountFactory(
        user=user,
        host=smtp_server.host,
        port=smtp_server.port,
        username="sam@example.test",
        password="wrong",
    )
    email = _queue(application, now, "Locked out")

    send_due_emails(now, "w1")

    email.refresh_from_db()
    assert (email.state, email.attempts) == (EmailState.FAILED, 1)
    assert email.last_error.startswith(
        "Not sent: The server refused the password for sam@example.test (535"
    )
    assert smtp_server.mailbox.received == []


def test_a_temporary_refusal_of_the_content_is_retried(
    application: Application, mail_account: MailAccount, smtp_server: SmtpServer, now: datetime
) -> None:
    """451 after DATA: the server said it did not take it, so trying later is safe."""
    smtp_server.mailbox.data_replies["Busy"] = "451 4.3.0 Mailbox busy"
    email = _queue(application, now, "Busy day")

    send_due_emails(now, "w1")

    email.refresh_from_db()
    assert email.state == EmailState.PENDING
    assert email.due_at == dispatch.timezone.now() + retry_delay(1)
    assert email.last_error == (
        f"Attempt 1 of {MAX_ATTEMPTS} failed: "
        "The server did not accept the message (451 4.3.0 Mailbox busy)."
    )


def test_no_answer_after_the_content_makes_it_uncertain_not_retried(
    application: Application,
    mail_account: MailAccount,
    smtp_server: SmtpServer,
    now: datetime,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The content went out and the answer never came: maybe sent, so never sent again."""
    monkeypatch.setattr("afterword.outbox.smtp.TIMEOUT", 0.5)
    smtp_server.mailbox.stall_subject = "Slow"
    email = _queue(application, now, "Slow server")

    send_due_emails(now, "w1")
    smtp_server.mailbox.release.set()
    again = send_due_emails(now + timedelta(days=1), "w1")

    email.refresh_from_db()
    assert email.state == EmailState.UNCERTAIN and again == 0
    assert "so it may or may not have been sent" in email.last_error


def test_a_row_left_sending_becomes_uncertain_after_its_lease_and_is_never_resent(
    application: Application, mail_account: MailAccount, smtp_server: SmtpServer, now: datetime
) -> None:
    """A worker that died mid-send leaves `sending`; after the lease: uncertain, not resent."""
    email = _queue(application, now, "Orphan")
    assert claim_next(now, "dead-worker") is not None  # and then the worker dies

    before = expire_leases(now + LEASE - timedelta(seconds=1))
    after = expire_leases(now + LEASE + timedelta(seconds=1))
    sent = send_due_emails(now + timedelta(days=1), "w2")

    email.refresh_from_db()
    assert (before, after, sent) == (0, 1, 0)
    assert email.state == EmailState.UNCERTAIN
    assert email.last_error == dispatch.UNCERTAIN_MESSAGE
    assert smtp_server.mailbox.received == []


def test_only_one_worker_can_claim_a_row(
    application: Application, mail_account: MailAccount, now: datetime
) -> None:
    """The conditional UPDATE lets exactly one claimant win; the other finds nothing due."""
    email = _queue(application, now, "Mine")

    first = claim_next(now, "w1")
    second = claim_next(now, "w2")

    email.refresh_from_db()
    assert first is not None and first.pk == email.pk and second is None
    assert (email.state, email.claimed_by, email.attempts) == (EmailState.SENDING, "w1", 1)
    assert email.lease_until == dispatch.timezone.now() + LEASE


def test_a_check_in_overtaken_by_a_decision_is_held_not_sent(
    application: Application, mail_account: MailAccount, smtp_server: SmtpServer, now: datetime
) -> None:
    """An offer recorded after the check-in was queued holds it for the user: not sent."""
    for person in application.interviewers.all():
        record_event(
            application,
            "thank_you_sent",
            now,
            interview=application.interviews.get(),
            interviewer=person,
        )
    email = queue_draft(draft_for(application, "check_in_email"), now, "due")
    record_event(application, "offer", now)

    send_due_emails(email.due_at, "w1")

    email.refresh_from_db()
    assert email.state == EmailState.HELD
    assert email.last_error.startswith("Held: ")
    assert smtp_server.mailbox.received == []


def test_without_a_mailbox_it_fails_saying_what_to_do(
    application: Application, mail_account: MailAccount, now: datetime
) -> None:
    """A mailbox removed after queueing: failed, pointing at Mail settings."""
    email = _queue(application, now, "Orphaned")
    mail_account.delete()

    send_due_emails(now, "w1")

    email.refresh_from_db()
    assert email.state == EmailState.FAILED
    assert email.last_error == "Not sent: connect your mailbox in Mail settings, then try again."
