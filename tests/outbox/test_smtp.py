"""SMTP through the user's own mailbox: STARTTLS, TLS, AUTH and failures named plainly."""

from __future__ import annotations

import socket
import ssl
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest

from afterword.outbox.models import MailAccount
from afterword.outbox.smtp import SendError, Session, send_message
from tests.factories import MailAccountFactory
from tests.support.smtp_server import USERNAME, SmtpServer, free_port, start_server

pytestmark = pytest.mark.django_db


def _message(subject: str = "Hello", to: str = "priya@harbour.example") -> EmailMessage:
    message = EmailMessage()
    message["From"] = "Sam Rivera <sam@example.test>"
    message["To"] = to
    message["Subject"] = subject
    message.set_content("Thank you for your time.\n", charset="utf-8", cte="quoted-printable")
    return message


def test_it_sends_over_starttls_after_logging_in(
    mail_account: MailAccount, smtp_server: SmtpServer
) -> None:
    """The server receives the message from the account's address, after a successful AUTH."""
    message = _message()

    send_message(mail_account, message)

    [received] = smtp_server.mailbox.received
    assert received.sender == "sam@example.test"
    assert received.recipients == ["priya@harbour.example"]
    assert received.message["Subject"] == "Hello"
    assert smtp_server.mailbox.logins  # it did log in


def test_it_sends_to_every_to_and_cc_address_once(
    mail_account: MailAccount, smtp_server: SmtpServer
) -> None:
    """Envelope recipients come from To and Cc, each address once."""
    message = _message(to="priya@harbour.example, tomasz@harbour.example")
    message["Cc"] = "priya@harbour.example, hr@harbour.example"

    send_message(mail_account, message)

    [received] = smtp_server.mailbox.received
    assert received.recipients == [
        "priya@harbour.example",
        "tomasz@harbour.example",
        "hr@harbour.example",
    ]


def test_it_dot_stuffs_lines_that_start_with_a_dot(
    mail_account: MailAccount, smtp_server: SmtpServer
) -> None:
    """A body line of a single dot arrives intact instead of ending the message early."""
    message = _message()
    message.set_content("First line\n.\n.second\nlast\n", charset="utf-8", cte="7bit")

    send_message(mail_account, message)

    [received] = smtp_server.mailbox.received
    assert received.message.get_content() == "First line\n.\n.second\nlast\n"


def test_it_names_a_refused_password_as_permanent(user: Any, smtp_server: SmtpServer) -> None:
    """A wrong password is said plainly and not retried."""
    account = MailAccountFactory(
        user=user,
        host=smtp_server.host,
        port=smtp_server.port,
        username=USERNAME,
        password="not-the-password",
    )

    with pytest.raises(SendError) as caught:
        send_message(account, _message())

    assert caught.value.permanent
    assert f"The server refused the password for {USERNAME} (535" in caught.value.message
    assert smtp_server.mailbox.received == []


def test_it_says_the_connection_was_refused_and_may_retry(user: Any) -> None:
    """Nothing listening: a transient error naming host and port."""
    port = free_port()
    account = MailAccountFactory(user=user, host="127.0.0.1", port=port)

    with pytest.raises(SendError) as caught:
        send_message(account, _message())

    assert not caught.value.permanent
    assert caught.value.message == f"Could not connect to 127.0.0.1:{port}: connection refused."


def test_it_refuses_a_certificate_it_cannot_verify(
    user: Any, certificate: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A self-signed certificate nobody trusts stops the send before the password is sent."""
    from tests.support.smtp_server import self_signed_certificate

    other_ca, _ = self_signed_certificate(tmp_path)
    monkeypatch.setenv("SSL_CERT_FILE", str(other_ca))
    server = start_server(certificate=certificate)
    account = MailAccountFactory(user=user, host=server.host, port=server.port)
    try:
        with pytest.raises(SendError) as caught:
            send_message(account, _message())
    finally:
        server.stop()

    assert caught.value.permanent
    assert caught.value.message.startswith("The certificate of 127.0.0.1 could not be verified")
    assert server.mailbox.logins == []


def test_it_explains_tls_spoken_to_a_starttls_port(user: Any, smtp_server: SmtpServer) -> None:
    """Choosing TLS for a STARTTLS port points at the port and security setting."""
    account = MailAccountFactory(
        user=user, host=smtp_server.host, port=smtp_server.port, security="tls"
    )

    with pytest.raises(SendError) as caught:
        send_message(account, _message(), timeout=5)

    assert caught.value.permanent
    assert "Check the port and the security setting" in caught.value.message


def test_it_sends_over_tls_from_the_first_byte(
    user: Any, certificate: tuple[Path, Path], trust: Path
) -> None:
    """Implicit TLS (port 465 style) works with a trusted certificate."""
    from aiosmtpd.controller import Controller

    from tests.support.smtp_server import Mailbox, PasswordCheck

    mailbox = Mailbox()
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(str(certificate[0]), str(certificate[1]))
    port = free_port()
    controller = Controller(
        mailbox,
        hostname="127.0.0.1",
        port=port,
        ssl_context=context,
        authenticator=PasswordCheck(mailbox),
        # aiosmtpd only counts STARTTLS as TLS; this connection is TLS from the first byte.
        auth_require_tls=False,
        server_hostname="localhost",
    )
    controller.start()
    account = MailAccountFactory(
        user=user, host="localhost", port=port, security="tls", username=USERNAME
    )
    try:
        send_message(account, _message("Over TLS"))
    finally:
        controller.stop()

    assert [item.message["Subject"] for item in mailbox.received] == ["Over TLS"]


def test_it_says_when_starttls_is_not_offered(user: Any, trust: Path) -> None:
    """A server without STARTTLS is not used in clear when STARTTLS was chosen."""
    server = start_server(certificate=None, auth=False)
    account = MailAccountFactory(user=user, host=server.host, port=server.port)
    try:
        with pytest.raises(SendError) as caught:
            send_message(account, _message())
    finally:
        server.stop()

    assert caught.value.permanent
    assert "does not offer STARTTLS" in caught.value.message


def test_it_never_sends_a_password_in_clear_beyond_this_computer(user: Any) -> None:
    """Security "none" is refused for a host that is not loopback, before any connection."""
    account = MailAccountFactory(user=user, host="smtp.example.com", security="none")

    with pytest.raises(SendError) as caught:
        send_message(account, _message())

    assert caught.value.permanent
    assert "only allowed to this computer, not smtp.example.com" in caught.value.message


@pytest.mark.parametrize(
    ("reply", "permanent"),
    [("451 4.3.0 Try again later", False), ("554 5.7.1 Rejected as spam", True)],
)
def test_it_reads_a_refusal_of_the_content_by_its_code(
    mail_account: MailAccount, smtp_server: SmtpServer, reply: str, permanent: bool
) -> None:
    """4xx after the content is "not now" (retry), 5xx is "not ever"; both name the reply."""
    smtp_server.mailbox.data_replies["Refuse me"] = reply

    with pytest.raises(SendError) as caught:
        send_message(mail_account, _message("Refuse me"))

    assert caught.value.permanent is permanent
    assert caught.value.message == f"The server did not accept the message ({reply})."


def test_it_finds_no_server_by_a_name_that_does_not_exist(user: Any) -> None:
    """An unknown host name is named in the message."""
    account = MailAccountFactory(user=user, host="smtp.nowhere.invalid")

    with pytest.raises(SendError) as caught:
        send_message(account, _message(), timeout=5)

    assert not caught.value.permanent
    assert caught.value.message == (
        "Could not find the mail server smtp.nowhere.invalid: check its name."
    )


def test_it_gives_up_on_a_server_that_never_answers(user: Any) -> None:
    """A listener that accepts but never greets times out with a clear, transient error."""
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(1)
        port = silent.getsockname()[1]
        account = MailAccountFactory(user=user, host="127.0.0.1", port=port)

        with pytest.raises(SendError) as caught:
            send_message(account, _message(), timeout=0.5)

    assert not caught.value.permanent
    assert caught.value.message == (
        f"Could not connect to 127.0.0.1:{port}: no answer within 0.5 seconds."
    )


@pytest.mark.parametrize(
    ("reply", "permanent"),
    [("450 4.2.1 Mailbox busy, try later", False), ("550 5.1.1 No such user", True)],
)
def test_a_refused_recipient_stops_the_whole_message_before_any_content(
    mail_account: MailAccount, smtp_server: SmtpServer, reply: str, permanent: bool
) -> None:
    """RCPT refused: nothing is sent to anyone (not even the other recipient), code decides."""
    smtp_server.mailbox.rcpt_replies["hr@harbour.example"] = reply
    message = _message(to="priya@harbour.example, hr@harbour.example")

    with pytest.raises(SendError) as caught:
        send_message(mail_account, message)

    assert caught.value.permanent is permanent
    assert caught.value.message == (
        f"The server refused the recipient hr@harbour.example ({reply})."
    )
    assert smtp_server.mailbox.received == []


def test_a_session_sends_several_messages_over_one_connection(
    mail_account: MailAccount, smtp_server: SmtpServer
) -> None:
    """Three messages, one connection and one log-in: each its own mail transaction."""
    with Session(mail_account) as session:
        for n in range(3):
            session.send(_message(f"Hello {n}"))

    subjects = [item.message["Subject"] for item in smtp_server.mailbox.received]
    assert subjects == ["Hello 0", "Hello 1", "Hello 2"]
    assert smtp_server.mailbox.connections() == 1
    assert len(smtp_server.mailbox.logins) == 1


def test_a_session_reconnects_when_the_server_hung_up_on_it(
    mail_account: MailAccount, smtp_server: SmtpServer
) -> None:
    """A server that drops the connection before MAIL has not seen the message: sent again, once."""
    smtp_server.mailbox.hang_up_on_reuse = True

    with Session(mail_account) as session:
        session.send(_message("First"))
        session.send(_message("Second"))

    subjects = [item.message["Subject"] for item in smtp_server.mailbox.received]
    assert subjects == ["First", "Second"]
    assert smtp_server.mailbox.hang_ups == 1
    assert smtp_server.mailbox.connections() == 2


def test_a_session_starts_afresh_after_a_refusal(
    mail_account: MailAccount, smtp_server: SmtpServer
) -> None:
    """A refused message raises as before; the next one goes over a new connection."""
    smtp_server.mailbox.data_replies["Refused"] = "554 5.6.0 No thanks"

    with Session(mail_account) as session:
        with pytest.raises(SendError) as refused:
            session.send(_message("Refused"))
        session.send(_message("Welcome"))

    [received] = smtp_server.mailbox.received
    assert refused.value.permanent
    assert received.message["Subject"] == "Welcome"
    assert len(smtp_server.mailbox.logins) == 2
