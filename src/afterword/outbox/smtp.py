"""Talking SMTP to the user's own mail server, with errors a person can act on.

Every failure is a ``SendError`` saying in plain words what went wrong and whether trying
again later can help (``permanent``). The one distinction that matters for sending at most
once is *when* it failed: before the server could have accepted the message (connecting,
logging in, MAIL, RCPT, the DATA command itself), or after the content went out and before the
server's answer came back. The second kind is an ``UncertainSend``: the server may have
accepted the message, so it must never be retried on its own.
"""

from __future__ import annotations

import re
import smtplib
import socket
import ssl
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from email.message import EmailMessage
from email.policy import SMTP as SMTP_POLICY
from email.utils import getaddresses
from functools import cache
from typing import NamedTuple

from afterword.infra import outbound
from afterword.infra.crypto import SecretUnreadable, decrypt
from afterword.infra.lookups import lookup_failure_text
from afterword.infra.network import is_loopback
from afterword.outbox.models import MailAccount, Security

# Seconds for each network step (connect, each command, the content); a slow server is
# given time, a dead one is noticed well within the outbox lease.
TIMEOUT = 30.0


class SendError(Exception):
    """The message was not sent; ``permanent`` says whether trying again later can help."""

    def __init__(self, message: str, *, permanent: bool) -> None:
        super().__init__(message)
        self.message = message
        self.permanent = permanent


class UncertainSend(SendError):
    """The content went out but the server's answer did not come back: maybe it was sent."""

    def __init__(self, message: str) -> None:
        super().__init__(message, permanent=True)


class ConnectionLost(SendError):
    """The connection broke before the server could take the message: it was not sent."""

    def __init__(self, message: str) -> None:
        super().__init__(message, permanent=False)


class WireMessage(NamedTuple):
    """A message as it travels: the envelope recipients and the content (CRLF line ends)."""

    recipients: list[str]
    content: bytes


def send_message(
    account: MailAccount, message: EmailMessage | WireMessage, *, timeout: float | None = None
) -> None:
    """Send ``message`` through ``account``: connect, log in, transmit, quit.

    The envelope sender is the account's address; the recipients are the message's To and Cc.
    Returns once the server has accepted the message; raises SendError (or UncertainSend).
    """
    recipients, content = wire_form(message)
    with connection(account, timeout=TIMEOUT if timeout is None else timeout) as smtp:
        transmit(smtp, account.from_address, recipients, content)


class Session:
    """One account's SMTP connection, kept open for a run of that account's messages.

    Connecting, securing and logging in cost more than a short message itself, so a worker
    with several emails from one mailbox sends them all over one connection, one mail
    transaction each (``transmit``), which is what a mail program does too. The connection is
    opened by the first ``send`` and closed by ``close`` or after any failure: the next
    ``send`` starts afresh. A server that dropped the connection while it sat idle
    (``ConnectionLost`` on a connection that already carried a message) has not seen this
    message, so it is sent once more on a new connection at once.
    """

    def __init__(self, account: MailAccount, *, timeout: float | None = None) -> None:
        self.account = account
        self.timeout = TIMEOUT if timeout is None else timeout
        self._smtp: smtplib.SMTP | None = None

    def send(self, message: EmailMessage | WireMessage) -> None:
        """Send ``message``; raises SendError (or UncertainSend) as ``send_message`` does."""
        recipients, content = wire_form(message)
        if self._smtp is not None:
            try:
                transmit(self._smtp, self.account.from_address, recipients, content)
                return
            except ConnectionLost:
                self.close()
            except BaseException:
                self.close()
                raise
        self._smtp = _open(self.account, self.timeout)
        try:
            transmit(self._smtp, self.account.from_address, recipients, content)
        except BaseException:
            self.close()
            raise

    def close(self) -> None:
        smtp, self._smtp = self._smtp, None
        _close(smtp)

    def __enter__(self) -> Session:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


def wire_form(message: EmailMessage | WireMessage) -> WireMessage:
    """(envelope recipients, content): everything that can go wrong with the message itself,
    found before any connection is made. A WireMessage is that already (the outbox writes its
    emails straight to bytes, outbox/messages.py)."""
    if isinstance(message, WireMessage):
        return message
    try:
        return WireMessage(recipients_of(message), message_bytes(message))
    except (ValueError, TypeError, UnicodeError) as error:
        raise SendError(f"The message could not be written out: {error}", permanent=True) from None


@contextmanager
def connection(account: MailAccount, *, timeout: float | None = None) -> Iterator[smtplib.SMTP]:
    """An SMTP session with the account's server, secured and logged in; closed afterwards."""
    smtp = _open(account, TIMEOUT if timeout is None else timeout)
    try:
        yield smtp
    finally:
        _close(smtp)


def transmit(smtp: smtplib.SMTP, sender: str, recipients: list[str], content: bytes) -> None:
    """One mail transaction on an open session, refusing to guess about what the server did.

    1. MAIL FROM, then RCPT TO for every recipient; any refusal aborts the transaction (RSET),
       so a message never goes to only some of its recipients.
    2. The DATA command; the server must answer 354 before any content is sent.
    3. The content and the final dot. From the first byte of content on, a lost connection or a
       timeout means the server may have accepted the message: UncertainSend.
    4. The server's final answer: 250 accepted; 4xx refused for now; 5xx refused for good.
    """
    if not recipients:
        raise SendError("The message has no recipients.", permanent=True)
    try:
        code, reply = smtp.mail(sender)
        if code != 250:
            raise _refusal(f"The server refused the sender {sender}", code, reply)
        for recipient in recipients:
            code, reply = smtp.rcpt(recipient)
            if code not in (250, 251):
                _reset(smtp)
                raise _refusal(f"The server refused the recipient {recipient}", code, reply)
        code, reply = smtp.docmd("DATA")
        if code != 354:
            _reset(smtp)
            raise _refusal("The server refused to take the message", code, reply)
    except (smtplib.SMTPServerDisconnected, OSError) as error:
        raise ConnectionLost(
            f"The server closed the connection before taking the message ({_reason(error)})."
        ) from None
    try:
        smtp.send(_dot_stuffed(content))
        code, reply = smtp.getreply()
    except (smtplib.SMTPServerDisconnected, OSError) as error:
        raise UncertainSend(
            "The connection was lost while the server was taking the message "
            f"({_reason(error)}), so it may or may not have been sent."
        ) from None
    if code != 250:
        raise _refusal("The server did not accept the message", code, reply)


def recipients_of(message: EmailMessage) -> list[str]:
    """The envelope recipients: every address in To and Cc, once each, in order."""
    found: list[str] = []
    for _name, address in getaddresses(message.get_all("To", []) + message.get_all("Cc", [])):
        if address and address not in found:
            found.append(address)
    return found


def message_bytes(message: EmailMessage) -> bytes:
    """The message as it travels: CRLF line ends, headers folded and encoded for SMTP."""
    return message.as_bytes(policy=SMTP_POLICY)


@cache
def local_name() -> str:
    """The name we greet servers with (EHLO). smtplib would look it up for every connection."""
    return socket.getfqdn()


def tls_context() -> ssl.SSLContext:
    """The system's trusted certificates, host names checked (SSL_CERT_FILE adds a private CA)."""
    return ssl.create_default_context()


def _open(account: MailAccount, timeout: float) -> smtplib.SMTP:
    """Connect, say EHLO, secure the connection and log in, naming any failure plainly."""
    where = f"{account.host}:{account.port}"
    if account.security == Security.NONE and not is_loopback(account.host):
        raise SendError(
            f"Sending without encryption is only allowed to this computer, not {account.host}; "
            "choose STARTTLS or TLS in Mail settings.",
            permanent=True,
        )
    password = _password(account)
    smtp: smtplib.SMTP | None = None
    try:
        if account.security == Security.TLS:
            smtp = outbound.SMTP_SSL(
                account.host,
                account.port,
                local_hostname=local_name(),
                timeout=timeout,
                context=tls_context(),
            )
        else:
            smtp = outbound.SMTP(
                account.host, account.port, local_hostname=local_name(), timeout=timeout
            )
        smtp.ehlo()
        if account.security == Security.STARTTLS:
            if not smtp.has_extn("starttls"):
                raise SendError(
                    f"{where} does not offer STARTTLS. If it expects TLS from the start "
                    "(usually port 465), choose TLS in Mail settings.",
                    permanent=True,
                )
            smtp.starttls(context=tls_context())
            smtp.ehlo()
        if account.username:
            _log_in(smtp, account, password)
        return smtp
    except SendError:
        _close(smtp)
        raise
    except outbound.OutboundRefused as error:
        _close(smtp)
        raise SendError(error.message, permanent=True) from None
    except Exception as error:
        _close(smtp)
        raise _connection_problem(error, account, timeout) from None


def _log_in(smtp: smtplib.SMTP, account: MailAccount, password: str) -> None:
    if not smtp.has_extn("auth"):
        raise SendError(
            f"{account.host} does not offer to log in on this connection; check the security "
            "setting and the port.",
            permanent=True,
        )
    try:
        smtp.login(account.username, password)
    except smtplib.SMTPAuthenticationError as error:
        reply = _text(error.smtp_error)
        if 400 <= error.smtp_code < 500:
            raise SendError(
                f"The server could not check the password just now ({error.smtp_code} {reply}).",
                permanent=False,
            ) from None
        raise SendError(
            f"The server refused the password for {account.username} ({error.smtp_code} "
            f"{reply}). Many providers need an app password here, not your usual one.",
            permanent=True,
        ) from None


def _password(account: MailAccount) -> str:
    if not account.password_encrypted:
        return ""
    try:
        return decrypt(account.password_encrypted)
    except SecretUnreadable as error:
        raise SendError(str(error), permanent=True) from None


def _connection_problem(error: Exception, account: MailAccount, timeout: float) -> SendError:
    """What went wrong before the session was ready, in words that say what to check."""
    where = f"{account.host}:{account.port}"
    if isinstance(error, ssl.SSLCertVerificationError):
        return SendError(
            f"The certificate of {account.host} could not be verified "
            f"({error.verify_message or error.reason}). Check the server name; a self-signed "
            "certificate is not accepted.",
            permanent=True,
        )
    if isinstance(error, ssl.SSLError):
        return SendError(
            f"Could not set up encryption with {where} ({error.reason or error}). Check the port "
            "and the security setting: port 465 usually means TLS, 587 STARTTLS.",
            permanent=True,
        )
    if isinstance(error, ConnectionRefusedError):
        return SendError(f"Could not connect to {where}: connection refused.", permanent=False)
    if isinstance(error, socket.gaierror):
        return SendError(
            lookup_failure_text(account.host, error, "the mail server"), permanent=False
        )
    if isinstance(error, TimeoutError):
        return SendError(
            f"Could not connect to {where}: no answer within {timeout:g} seconds.",
            permanent=False,
        )
    if isinstance(error, smtplib.SMTPResponseException):
        # Its first words are not shown: on the wrong port they may be another service's banner.
        if 400 <= error.smtp_code < 500:
            return SendError(
                f"{where} is too busy to take mail just now ({error.smtp_code}).", permanent=False
            )
        return SendError(
            f"{where} did not answer as a mail server should. Check the server name, the port "
            "and the security setting.",
            permanent=True,
        )
    if isinstance(error, smtplib.SMTPServerDisconnected):
        if _timed_out(error):
            return SendError(
                f"Could not connect to {where}: no answer within {timeout:g} seconds.",
                permanent=False,
            )
        return SendError(f"{where} closed the connection unexpectedly.", permanent=False)
    if isinstance(error, smtplib.SMTPException):
        return SendError(
            f"{where} did not answer as a mail server should ({type(error).__name__}). Check "
            "the port and the security setting.",
            permanent=True,
        )
    if isinstance(error, OSError):
        return SendError(f"Could not connect to {where}: {_reason(error)}.", permanent=False)
    raise error


def _refusal(what: str, code: int, reply: bytes | str) -> SendError:
    """A refused command: 4xx means "not now", anything else "not ever"."""
    transient = 400 <= code < 500
    return SendError(f"{what} ({code} {_text(reply)}).", permanent=not transient)


def _reset(smtp: smtplib.SMTP) -> None:
    # Abandon the transaction politely; the session is closed next anyway.
    with suppress(smtplib.SMTPException, OSError):
        smtp.rset()


def _close(smtp: smtplib.SMTP | None) -> None:
    if smtp is None:
        return
    try:
        smtp.quit()
    except (smtplib.SMTPException, OSError):
        smtp.close()


def _dot_stuffed(content: bytes) -> bytes:
    """RFC 5321 4.5.2: double every dot that starts a line, end with CRLF . CRLF."""
    data = re.sub(rb"(?m)^\.", b"..", content)
    if not data.endswith(b"\r\n"):
        data += b"\r\n"
    return data + b".\r\n"


def _text(reply: bytes | str) -> str:
    text = reply.decode("utf-8", "replace") if isinstance(reply, bytes) else reply
    return " ".join(text.split()) or "no reason given"


def _timed_out(error: BaseException) -> bool:
    # smtplib reports a read timeout as SMTPServerDisconnected raised while handling it.
    return isinstance(error, TimeoutError) or isinstance(error.__context__, TimeoutError)


def _reason(error: BaseException) -> str:
    if _timed_out(error):
        return "no answer in time"
    if isinstance(error, OSError) and error.strerror:
        return error.strerror.lower()
    return str(error) or type(error).__name__
