"""Fixtures for the inbox tests: a Dovecot server, a fresh mailbox per test, an application.

Imported by name into each inbox test module (``from tests.inbox.fixtures import ...``)
so that the other delivery tests do not start a server they do not need.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import time_machine
from django.utils import timezone

from afterword.inbox.directory import directory_for
from afterword.inbox.matching import match
from afterword.inbox.message import parse_headers
from afterword.inbox.models import InboxMessage, MailboxWatch
from afterword.inbox.watch import read_and_record, watch_inboxes
from afterword.infra.crypto import encrypt
from afterword.outbox.models import EmailState, OutgoingEmail
from afterword.tracker.models import Application, Interview
from afterword.tracker.services import record_event, replan
from tests.factories import ApplicationFactory, InterviewerFactory, InterviewFactory
from tests.inbox.parse import fetched
from tests.support.dovecot import Dovecot
from tests.support.smtp_server import self_signed_certificate

# Thu 5 Mar 2026, 15:00 UTC (10:00 in New York): the day after the test replies arrived.
CLOCK = datetime(2026, 3, 5, 15, 0, tzinfo=UTC)
OUR_THANKS_ID = "<thanks-priya@example.test>"
_accounts = itertools.count(1)


@pytest.fixture(scope="session")
def imap_certificate(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    return self_signed_certificate(tmp_path_factory.mktemp("imap-tls"))


@pytest.fixture(scope="session")
def dovecot(imap_certificate: tuple[Path, Path]) -> Iterator[Dovecot]:
    """One Dovecot for the session; every test gets its own mailbox on it (``mailbox``)."""
    server = Dovecot(imap_certificate)
    server.start()
    yield server
    server.remove()


@pytest.fixture
def imap_trust(imap_certificate: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch) -> Path:
    """Make the test certificate the trusted authority (OpenSSL reads SSL_CERT_FILE)."""
    monkeypatch.setenv("SSL_CERT_FILE", str(imap_certificate[0]))
    return imap_certificate[0]


@pytest.fixture
def mailbox(dovecot: Dovecot) -> tuple[str, str]:
    """A new, empty mailbox (user name, password) on the test server."""
    username = f"user{next(_accounts)}-{os.getpid()}@example.test"
    return username, dovecot.password


@pytest.fixture
def clock() -> Iterator[time_machine.Coordinates]:
    """The frozen clock of the inbox tests, at CLOCK; ``clock.move_to(...)`` moves it."""
    with time_machine.travel(CLOCK, tick=False) as traveller:
        yield traveller


@pytest.fixture
def watch(user: Any, dovecot: Dovecot, mailbox: tuple[str, str], clock: Any) -> MailboxWatch:
    """``user``'s mailbox on the test server (plain IMAP on loopback), due for a poll now."""
    username, password = mailbox
    return MailboxWatch.objects.create(
        user=user,
        host=dovecot.host,
        port=dovecot.port,
        security="none",
        username=username,
        password_encrypted=encrypt(password),
        folders="INBOX",
        next_poll_at=timezone.now(),
    )


@pytest.fixture
def harbour(user: Any, clock: Any) -> Application:
    """Harbour Logistics: Mon 2 Mar interview with Priya (main contact) and Tomasz, both thanked
    on Monday evening by an email we sent (OUR_THANKS_ID); a check-in is planned for Mon 9 Mar.
    """
    application = ApplicationFactory(owner=user, employer="Harbour Logistics", job_code="REQ-77")
    priya = InterviewerFactory(
        application=application,
        name="Priya Natarajan",
        email="priya@harbour.example",
        is_primary=True,
    )
    tomasz = InterviewerFactory(
        application=application, name="Tomasz Wilk", email="tomasz@harbour.example"
    )
    interview = InterviewFactory(application=application, interviewers=[priya, tomasz])
    evening = datetime(2026, 3, 2, 23, 0, tzinfo=UTC)
    thank_by_email(interview, evening, OUR_THANKS_ID)
    replan(application, timezone.now())
    return application


def thank_by_email(interview: Interview, evening: datetime, message_id: str) -> None:
    """Everyone at ``interview`` thanked at ``evening`` by one email Afterword sent (its
    Message-ID is what replies thread under), to the application's main contact."""
    application = interview.application
    people = list(interview.interviewers.all())
    for person in people:
        record_event(
            application,
            "thank_you_sent",
            evening,
            at=evening,
            interview=interview,
            interviewer=person,
        )
    main = next((person for person in people if person.is_primary), people[0])
    OutgoingEmail.objects.create(
        owner=application.owner,
        application=application,
        to=main.email,
        subject="Thank you for Monday",
        body="Thank you for the conversation.",
        message_id=message_id,
        state=EmailState.SENT,
        due_at=evening,
        sent_at=evening,
    )


def run_watcher(worker: str = "test-worker") -> int:
    """One tick of the worker's inbox job at the current (frozen) time."""
    return watch_inboxes(timezone.now(), worker)


@pytest.fixture
def member(client: Any, user: Any) -> Any:
    """The test client, signed in as ``user``."""
    client.force_login(user)
    return client


@pytest.fixture
def quiet_watch(user: Any, clock: Any) -> MailboxWatch:
    """A saved mailbox that the tests never poll: messages arrive through ``arrive``."""
    return MailboxWatch.objects.create(
        user=user, host="127.0.0.1", port=1, security="none", username="sam@example.test"
    )


def arrive(watch: MailboxWatch, message: Any) -> InboxMessage | None:
    """What the watcher does with one fetched message, without the server in between."""
    seen = fetched(message)
    incoming = parse_headers(seen.headers)
    directory = directory_for(watch.user_id)
    found = match(incoming, directory)
    read_and_record(watch, incoming, found, seen, directory, timezone.now())
    return InboxMessage.objects.filter(watch=watch, message_id=incoming.message_id).first()
