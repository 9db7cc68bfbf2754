"""Fixtures of the mail features: a real SMTP server on loopback and a mailbox that uses it."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from afterword.outbox.models import MailAccount
from afterword.tracker.models import Application
from afterword.tracker.services import replan
from tests.factories import (
    ApplicationFactory,
    InterviewerFactory,
    InterviewFactory,
    MailAccountFactory,
)
from tests.support.http_sink import HttpSink
from tests.support.smtp_server import PASSWORD, USERNAME, SmtpServer, self_signed_certificate
from tests.support.smtp_server import start_server as start_smtp_server


@pytest.fixture(scope="session")
def certificate(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A self-signed certificate for localhost and 127.0.0.1 (cert.pem, key.pem)."""
    return self_signed_certificate(tmp_path_factory.mktemp("tls"))


@pytest.fixture
def trust(certificate: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch) -> Path:
    """Make the test certificate the one trusted authority (OpenSSL reads SSL_CERT_FILE)."""
    monkeypatch.setenv("SSL_CERT_FILE", str(certificate[0]))
    return certificate[0]


@pytest.fixture
def smtp_server(certificate: tuple[Path, Path], trust: Path) -> Iterator[SmtpServer]:
    """An SMTP server on 127.0.0.1 that requires STARTTLS and accepts USERNAME/PASSWORD."""
    server = start_smtp_server(certificate=certificate)
    yield server
    server.stop()


@pytest.fixture
def mail_account(user: Any, smtp_server: SmtpServer) -> MailAccount:
    """``user``'s mailbox on the test server, with the right password."""
    return MailAccountFactory(
        user=user,
        host=smtp_server.host,
        port=smtp_server.port,
        security="starttls",
        username=USERNAME,
        password=PASSWORD,
        from_address="sam@example.test",
        from_name="Sam Rivera",
    )


@pytest.fixture
def application(user: Any, now: datetime) -> Application:
    """Harbour Logistics: yesterday's interview with Priya (main contact) and Tomasz, planned."""
    application = ApplicationFactory(owner=user, employer="Harbour Logistics", job_code="REQ-77")
    priya = InterviewerFactory(
        application=application,
        name="Priya Natarajan",
        title="Head of Data",
        email="priya@harbour.example",
        is_primary=True,
    )
    tomasz = InterviewerFactory(
        application=application, name="Tomasz Wilk", email="tomasz@harbour.example"
    )
    InterviewFactory(application=application, interviewers=[priya, tomasz])
    replan(application, now)
    return application


@pytest.fixture
def http_sink() -> Iterator[HttpSink]:
    """An HTTP server on 127.0.0.1 recording what Apprise delivers (json://, form://, ntfy://)."""
    sink = HttpSink().start()
    yield sink
    sink.stop()


@pytest.fixture
def plain_smtp(settings: Any) -> Iterator[SmtpServer]:
    """An SMTP server on 127.0.0.1 without TLS or log-in, set as the site's mail server."""
    server = start_smtp_server(auth=False)
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = server.host, server.port
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    yield server
    server.stop()
