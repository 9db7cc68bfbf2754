"""The outbox worker's batches: reserved rows, one SMTP connection per mailbox, stops and deaths."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import pytest

from afterword.infra import stopping
from afterword.outbox import dispatch
from afterword.outbox.dispatch import (
    LEASE,
    expire_leases,
    reserve,
    send_due_emails,
    send_reserved,
    start,
)
from afterword.outbox.models import EmailState, MailAccount, OutgoingEmail
from afterword.outbox.queue import cancel, queue_email
from afterword.tracker.models import Application
from afterword.tracker.services.archive import archive_application
from tests.factories import ApplicationFactory, MailAccountFactory, UserFactory
from tests.support.smtp_server import PASSWORD, USERNAME, SmtpServer

pytestmark = pytest.mark.django_db


def _queue(application: Application, now: datetime, count: int) -> list[OutgoingEmail]:
    return [
        queue_email(
            application.owner,
            to="priya@harbour.example",
            subject=f"Note {n}",
            body="A note.\n",
            now=now,
            application=application,
        )
        for n in range(count)
    ]


def _states(emails: list[OutgoingEmail]) -> list[tuple[str, str, int]]:
    return [
        (row.state, row.claimed_by, row.attempts)
        for row in OutgoingEmail.objects.filter(pk__in=[e.pk for e in emails]).order_by("pk")
    ]


def test_emails_from_one_mailbox_go_over_one_connection(
    application: Application, mail_account: MailAccount, smtp_server: SmtpServer, now: datetime
) -> None:
    """Five due emails of one user: five messages, one connection, one log-in, all sent."""
    emails = _queue(application, now, 5)

    handled = send_due_emails(now, "w1")

    assert handled == 5
    assert len(smtp_server.mailbox.received) == 5
    assert smtp_server.mailbox.connections() == 1
    assert len(smtp_server.mailbox.logins) == 1
    assert _states(emails) == [(EmailState.SENT, "w1", 1)] * 5


def test_each_mailbox_gets_its_own_connection(
    application: Application, mail_account: MailAccount, smtp_server: SmtpServer, now: datetime
) -> None:
    """Two users' emails in one batch: each goes through its owner's own session."""
    other = UserFactory(username="kim", email="kim@example.test")
    MailAccountFactory(
        user=other,
        host=smtp_server.host,
        port=smtp_server.port,
        username=USERNAME,
        password=PASSWORD,
        from_address="kim@example.test",
    )
    _queue(application, now, 2)
    _queue(ApplicationFactory(owner=other), now, 2)

    send_due_emails(now, "w1")

    senders = sorted(item.sender for item in smtp_server.mailbox.received)
    assert senders == ["kim@example.test"] * 2 + ["sam@example.test"] * 2
    assert smtp_server.mailbox.connections() == 2


def test_a_connection_dropped_between_two_emails_repeats_and_loses_nothing(
    application: Application, mail_account: MailAccount, smtp_server: SmtpServer, now: datetime
) -> None:
    """The server hangs up before the second email: it goes over a new connection, once."""
    smtp_server.mailbox.hang_up_on_reuse = True
    emails = _queue(application, now, 2)

    send_due_emails(now, "w1")

    assert sorted(smtp_server.mailbox.message_ids()) == sorted(e.message_id for e in emails)
    assert smtp_server.mailbox.hang_ups == 1
    assert _states(emails) == [(EmailState.SENT, "w1", 1)] * 2


def test_a_reservation_keeps_other_workers_away_until_its_lease_runs_out(
    application: Application, mail_account: MailAccount, now: datetime
) -> None:
    """Reserved rows stay pending and untried; another worker gets them only after the lease."""
    emails = _queue(application, now, 3)

    mine = reserve(now, "w1", 10)
    during = reserve(now + LEASE - timedelta(seconds=1), "w2", 10)
    after = reserve(now + LEASE + timedelta(seconds=1), "w2", 10)

    assert [e.pk for e in mine] == [e.pk for e in emails]
    assert during == []
    assert [e.pk for e in after] == [e.pk for e in emails]
    assert _states(emails) == [(EmailState.PENDING, "w2", 0)] * 3


def test_only_the_worker_holding_the_reservation_can_start_an_email(
    application: Application, mail_account: MailAccount, now: datetime
) -> None:
    """A lapsed reservation taken over by w2: w1's start changes nothing, w2's wins."""
    [email] = _queue(application, now, 1)
    [held] = reserve(now, "w1", 1)
    [taken] = reserve(now + LEASE + timedelta(seconds=1), "w2", 1)

    late = start(held, now + LEASE + timedelta(seconds=2), "w1")
    won = start(taken, now + LEASE + timedelta(seconds=2), "w2")

    assert (late, won) == (False, True)
    assert _states([email]) == [(EmailState.SENDING, "w2", 1)]


def test_an_email_cancelled_after_it_was_reserved_is_not_sent(
    application: Application, mail_account: MailAccount, smtp_server: SmtpServer, now: datetime
) -> None:
    """The owner cancels while the worker holds the batch: that one is skipped, the rest go."""
    first, second = _queue(application, now, 2)
    reserved = reserve(now, "w1", 10)

    assert cancel(second)
    handled = send_reserved(reserved, now, "w1")

    assert handled == 1
    assert smtp_server.mailbox.message_ids() == [first.message_id]
    assert _states([first, second]) == [(EmailState.SENT, "w1", 1), (EmailState.CANCELLED, "w1", 0)]


def test_an_email_whose_application_was_archived_after_it_was_reserved_is_not_started(
    application: Application, mail_account: MailAccount, smtp_server: SmtpServer, now: datetime
) -> None:
    """Archived while the worker holds the batch: nothing goes out, the row waits, untried."""
    emails = _queue(application, now, 2)
    reserved = reserve(now, "w1", 10)

    assert archive_application(application, now)
    handled = send_reserved(reserved, now, "w1")

    assert handled == 0
    assert smtp_server.mailbox.message_ids() == []
    assert _states(emails) == [(EmailState.PENDING, "w1", 0)] * 2


def test_an_email_not_due_any_more_is_not_started(
    application: Application, mail_account: MailAccount, now: datetime
) -> None:
    """Started with a clock before its due time (a retry moved it later): refused, untried."""
    [email] = _queue(application, now, 1)
    [reserved] = reserve(now, "w1", 1)
    OutgoingEmail.objects.filter(pk=email.pk).update(due_at=now + timedelta(minutes=2))

    assert not start(reserved, now, "w1")
    assert _states([email]) == [(EmailState.PENDING, "w1", 0)]


def test_a_stop_request_gives_back_the_rest_of_the_batch(
    application: Application,
    mail_account: MailAccount,
    smtp_server: SmtpServer,
    now: datetime,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """SIGTERM after the first email: it is sent and recorded; the others are free again."""
    emails = _queue(application, now, 4)
    deliver = dispatch.deliver

    def deliver_then_stop(*args: Any, **kwargs: Any) -> str:
        stopping.request()
        return deliver(*args, **kwargs)

    monkeypatch.setattr(dispatch, "deliver", deliver_then_stop)
    try:
        handled = send_due_emails(now, "w1")
    finally:
        stopping.reset()

    assert handled == 1
    assert _states(emails) == [(EmailState.SENT, "w1", 1)] + [(EmailState.PENDING, "", 0)] * 3
    assert OutgoingEmail.objects.filter(lease_until__isnull=False).count() == 0


def test_a_worker_that_dies_mid_batch_leaves_one_uncertain_email_and_the_rest_to_others(
    application: Application, mail_account: MailAccount, smtp_server: SmtpServer, now: datetime
) -> None:
    """Died while sending the first of three: that one turns uncertain, the two others go once."""
    emails = _queue(application, now, 3)
    reserved = reserve(now, "dead", 10)
    assert start(reserved[0], now, "dead")  # and the worker dies mid-send

    later = now + LEASE + timedelta(seconds=1)
    swept = expire_leases(later)
    sent = send_due_emails(later, "alive")

    assert (swept, sent) == (1, 2)
    assert _states(emails) == [
        (EmailState.UNCERTAIN, "dead", 1),
        (EmailState.SENT, "alive", 1),
        (EmailState.SENT, "alive", 1),
    ]
    assert sorted(smtp_server.mailbox.message_ids()) == sorted(e.message_id for e in emails[1:])
