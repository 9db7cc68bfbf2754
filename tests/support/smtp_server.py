"""A real SMTP server on loopback for the delivery tests (aiosmtpd), with STARTTLS and AUTH.

It keeps every message it accepted (with the connection it came over), and can be told to
refuse, to stall on DATA (so a test can kill the worker mid-send), to answer DATA with an error,
or to hang up on a client that starts a second message on one connection.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
import ssl
import threading
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path
from typing import Any

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, AuthResult, Envelope, LoginPassword, Session
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

USERNAME = "sam@example.test"
PASSWORD = "app-password-1234"


def free_port() -> int:
    """A port nothing listens on; never 55400-55499, where test PostgreSQL clusters listen."""
    while True:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = int(probe.getsockname()[1])
        if not 55400 <= port < 55500:
            return port


def self_signed_certificate(folder: Path) -> tuple[Path, Path]:
    """A certificate for localhost and 127.0.0.1, written as (cert.pem, key.pem) in ``folder``."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")])
    # Wall-clock validity: OpenSSL checks it against the real clock, not the tests' frozen one.
    start = datetime.now(UTC) - timedelta(days=400)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(start + timedelta(days=2000))
        .add_extension(
            x509.SubjectAlternativeName(
                [x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]
            ),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = folder / "cert.pem", folder / "key.pem"
    cert_path.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_path, key_path


@dataclass
class Received:
    sender: str
    recipients: list[str]
    content: bytes
    # The client's (address, port): one per connection.
    peer: Any = None

    @property
    def message(self) -> EmailMessage:
        # Lines travel as CRLF; a mail program reads them as plain line ends.
        parsed = message_from_bytes(self.content.replace(b"\r\n", b"\n"), policy=policy.default)
        assert isinstance(parsed, EmailMessage)
        return parsed


@dataclass
class Mailbox:
    """The aiosmtpd handler: what was accepted, and how to misbehave."""

    received: list[Received] = field(default_factory=list)
    # Subject fragment -> SMTP reply given to DATA instead of accepting.
    data_replies: dict[str, str] = field(default_factory=dict)
    # Recipient address -> SMTP reply given to RCPT TO instead of accepting.
    rcpt_replies: dict[str, str] = field(default_factory=dict)
    # A message whose subject contains this waits for `release` before it is accepted.
    stall_subject: str | None = None
    stalled: threading.Event = field(default_factory=threading.Event)
    release: threading.Event = field(default_factory=threading.Event)
    lock: threading.Lock = field(default_factory=threading.Lock)
    logins: list[str] = field(default_factory=list)
    # Hang up, without a word, when a connection that carried a message starts another (as a
    # server does with connections it finds idle too long).
    hang_up_on_reuse: bool = False
    hang_ups: int = 0
    _carried: set[Any] = field(default_factory=set)

    async def handle_MAIL(
        self, server: SMTP, session: Session, envelope: Envelope, address: str, options: list[str]
    ) -> str:
        if self.hang_up_on_reuse and session.peer in self._carried:
            self.hang_ups += 1
            assert server.transport is not None
            server.transport.close()
            return "421 Closing"
        envelope.mail_from = address
        envelope.mail_options.extend(options)
        return "250 OK"

    async def handle_RCPT(
        self, server: SMTP, session: Session, envelope: Envelope, address: str, options: list[str]
    ) -> str:
        if address in self.rcpt_replies:
            return self.rcpt_replies[address]
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        content = envelope.original_content or b""
        subject = str(message_from_bytes(content, policy=policy.default)["Subject"] or "")
        for fragment, reply in self.data_replies.items():
            if fragment in subject:
                return reply
        if self.stall_subject is not None and self.stall_subject in subject:
            self.stalled.set()
            while not self.release.is_set():
                await asyncio.sleep(0.02)
        with self.lock:
            self.received.append(
                Received(str(envelope.mail_from), list(envelope.rcpt_tos), content, session.peer)
            )
            self._carried.add(session.peer)
        return "250 Message accepted for delivery"

    def connections(self) -> int:
        """How many connections carried the messages received."""
        with self.lock:
            return len({item.peer for item in self.received})

    def message_ids(self) -> list[str]:
        with self.lock:
            return [str(item.message["Message-ID"]) for item in self.received]


class PasswordCheck:
    """AUTH LOGIN / PLAIN: only USERNAME with PASSWORD gets in."""

    def __init__(self, mailbox: Mailbox) -> None:
        self.mailbox = mailbox

    def __call__(
        self, server: SMTP, session: Session, envelope: Envelope, mechanism: str, data: Any
    ) -> AuthResult:
        if not isinstance(data, LoginPassword):
            return AuthResult(success=False, handled=False)
        ok = data.login.decode() == USERNAME and data.password.decode() == PASSWORD
        if ok:
            self.mailbox.logins.append(mechanism)
        return AuthResult(success=ok, handled=False)


@dataclass
class SmtpServer:
    host: str
    port: int
    mailbox: Mailbox
    controller: Controller

    def stop(self) -> None:
        self.mailbox.release.set()
        self.controller.stop()


def start_server(
    *, certificate: tuple[Path, Path] | None = None, auth: bool = True, port: int | None = None
) -> SmtpServer:
    """Start a server on 127.0.0.1: STARTTLS required when ``certificate`` is given, AUTH on."""
    mailbox = Mailbox()
    kwargs: dict[str, Any] = {}
    if certificate is not None:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(str(certificate[0]), str(certificate[1]))
        kwargs.update(tls_context=context, require_starttls=True)
    if auth:
        kwargs.update(
            authenticator=PasswordCheck(mailbox),
            auth_require_tls=certificate is not None,
        )
    chosen = port or free_port()
    controller = Controller(
        mailbox,
        hostname="127.0.0.1",
        port=chosen,
        server_hostname="localhost",
        ready_timeout=10,
        **kwargs,
    )
    controller.start()
    return SmtpServer("127.0.0.1", chosen, mailbox, controller)
