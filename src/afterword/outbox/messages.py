"""Building the email that goes out: headers, threading and a UTF-8 body.

Message-IDs are ours (generated when a row is queued, on the user's own domain), so a retry
sends the very same message, and later messages of the same application can refer to it.
"""

from __future__ import annotations

import re
from datetime import datetime
from email import quoprimime
from email.headerregistry import Address
from email.policy import SMTP as SMTP_POLICY
from email.utils import format_datetime, getaddresses, make_msgid
from functools import lru_cache

from afterword.outbox.models import EmailState, MailAccount, OutgoingEmail
from afterword.outbox.smtp import WireMessage


def new_message_id(address: str) -> str:
    """A fresh ``<...@domain>`` on the domain of the user's own address."""
    domain = address.rpartition("@")[2].strip().lower() or "afterword.invalid"
    return make_msgid(domain=domain)


def sender(account: MailAccount) -> Address:
    """``Name <address>`` as the recipient sees it (the name is encoded if not ASCII)."""
    local, _, domain = account.from_address.rpartition("@")
    return Address(display_name=account.from_name, username=local, domain=domain)


def thread_of(email: OutgoingEmail) -> tuple[str, str]:
    """(In-Reply-To, References) for ``email`` from the earlier messages of its application.

    Earlier means already sent, in the order they went out: References lists them all (RFC 5322
    3.6.4), In-Reply-To names the latest, so mail programs show one conversation per
    application. Messages never sent (failed, cancelled, still pending) are left out.
    """
    if email.application_id is None:
        return "", ""
    earlier = (
        OutgoingEmail.objects.filter(application_id=email.application_id, state=EmailState.SENT)
        .exclude(pk=email.pk)
        .order_by("sent_at", "pk")
        .values_list("message_id", flat=True)
    )
    ids = list(earlier)
    if not ids:
        return "", ""
    return ids[-1], " ".join(ids)


def compose(email: OutgoingEmail, account: MailAccount, now: datetime) -> WireMessage:
    """The message for an outbox row, dated ``now`` (the moment it is handed to the server).

    Written straight to the bytes that travel, the very bytes the standard library's
    ``EmailMessage`` would give (quoted-printable UTF-8 body; headers folded, and encoded when
    not ASCII), at a twentieth of its cost: a plain short header is written as it is, anything
    else goes through the library's header classes (tests/outbox/test_messages.py compares).
    """
    to_line, to = _address_header("To", email.to)
    lines = [_from_line(account.from_name, account.from_address), to_line]
    addresses = [to]
    if email.cc:
        cc_line, cc = _address_header("Cc", email.cc)
        lines.append(cc_line)
        addresses.append(cc)
    lines += [_header("Subject", email.subject), _header("Date", format_datetime(now))]
    lines.append(_message_id_header("Message-ID", email.message_id))
    if email.in_reply_to:
        lines.append(_header("In-Reply-To", email.in_reply_to))
    if email.references:
        lines.append(_header("References", email.references))
    lines += [_CONTENT_HEADERS, "\r\n", _quoted_printable(email.body)]
    return WireMessage(_recipients(addresses), "".join(lines).encode("ascii"))


# As EmailMessage.set_content(text, charset="utf-8", cte="quoted-printable") writes them.
_CONTENT_HEADERS = (
    'Content-Type: text/plain; charset="utf-8"\r\n'
    "Content-Transfer-Encoding: quoted-printable\r\n"
    "MIME-Version: 1.0\r\n"
)
# A header value the library would write out unchanged: printable ASCII, single-spaced, no
# encoded word (=?...?=) to decode, short enough for one line of SMTP_POLICY.max_line_length.
_PLAIN = re.compile(r"[!-~]+(?: [!-~]+)*")
_ATOM = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+"
_DOT_ATOM = rf"{_ATOM}(?:\.{_ATOM})*"
# One bare address (local@domain, no name): by far the usual To.
_BARE_ADDRESS = re.compile(rf"{_DOT_ATOM}@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*")
_MESSAGE_ID = re.compile(rf"<{_DOT_ATOM}@{_DOT_ATOM}>")


def _fits(name: str, value: str) -> bool:
    max_length = SMTP_POLICY.max_line_length or 78
    return len(name) + 2 + len(value) <= max_length


def _header(name: str, value: str) -> str:
    """``Name: value`` CRLF, folded and encoded as SMTP_POLICY does when it must be."""
    if _fits(name, value) and _PLAIN.fullmatch(value) and "=?" not in value:
        return f"{name}: {value}\r\n"
    return _library_header(name, value)[0]


def _message_id_header(name: str, value: str) -> str:
    if _fits(name, value) and _MESSAGE_ID.fullmatch(value):
        return f"{name}: {value}\r\n"
    return _library_header(name, value)[0]


def _address_header(name: str, value: str) -> tuple[str, str]:
    """(the header line, its addresses as the library reads them) for To or Cc."""
    if _fits(name, value) and _BARE_ADDRESS.fullmatch(value):
        return f"{name}: {value}\r\n", value
    return _library_header(name, value)


@lru_cache(maxsize=256)
def _from_line(name: str, address: str) -> str:
    """The From line of a mailbox, written once per sender rather than once per email."""
    local, _, domain = address.rpartition("@")
    return _library_header("From", str(Address(name, local, domain)))[0]


def _library_header(name: str, value: str) -> tuple[str, str]:
    """(folded line, value as parsed): the standard library's way, for anything not plain.

    Raises ValueError for a value with a line break, as setting it on a message would.
    """
    _name, header = SMTP_POLICY.header_store_parse(name, value)
    return header.fold(policy=SMTP_POLICY), str(header)


def _recipients(addresses: list[str]) -> list[str]:
    """The envelope recipients: every address in To and Cc, once each, in order."""
    found: list[str] = []
    for _name, address in getaddresses(addresses):
        if address and address not in found:
            found.append(address)
    return found


def _quoted_printable(body: str) -> str:
    """The body as ``set_content(..., cte="quoted-printable")`` encodes it, with CRLF ends."""
    lines = body.encode("utf-8").splitlines()
    text = (b"\n".join(lines) + b"\n").decode("latin-1")
    encoded = quoprimime.body_encode(text, SMTP_POLICY.max_line_length or 78)
    return "\r\n".join(encoded.split("\n"))
