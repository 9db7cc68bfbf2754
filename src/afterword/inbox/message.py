"""The header fields of an incoming message as plain values, for matching and for the record.

Nothing here reads the body or decides what a message is: ``reading.read`` does that. These
are the fields the matcher needs (Message-ID, In-Reply-To, References, the sender, the subject)
and the ones kept with a recorded message (its date, the sender's name). Mail is messy, so
every parser here is lenient: a malformed header gives an empty value, never an exception.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime
from email.header import decode_header, make_header
from email.parser import BytesHeaderParser
from email.policy import compat32
from email.utils import getaddresses, parsedate_to_datetime
from hashlib import sha256

from afterword.inbox.freemail import domain_of

_MESSAGE_ID = re.compile(r"<[^<>\s]+>")


@dataclass(frozen=True, slots=True)
class Incoming:
    """What the headers say."""

    message_id: str
    sender: str
    sender_name: str
    subject: str
    date: datetime | None
    in_reply_to: tuple[str, ...]
    references: tuple[str, ...]

    @property
    def sender_domain(self) -> str:
        return domain_of(self.sender)

    @property
    def refers_to(self) -> tuple[str, ...]:
        """Every Message-ID this message answers, nearest first."""
        return tuple(dict.fromkeys((*self.in_reply_to, *reversed(self.references))))


def message_ids(value: str) -> tuple[str, ...]:
    """The ``<id>`` tokens of an In-Reply-To or References header, in order."""
    return tuple(_MESSAGE_ID.findall(value or ""))


def parse_headers(raw: bytes) -> Incoming:
    """Read a header block (bytes as the server sent them) into an Incoming.

    1. Parse leniently; undecodable or broken headers become "".
    2. The sender is the first address of From (else Sender), lower case.
    3. A message without a Message-ID gets a stable one made from From, Date and Subject, so
       that it is still recorded only once.
    """
    # compat32 keeps values as the raw text: parsing every field with the modern policy costs
    # ~3 ms a message, too much for a first scan of thousands. Only the few fields shown to
    # people (Subject, the sender's name) are decoded from RFC 2047 words.
    parsed = BytesHeaderParser(policy=compat32).parsebytes(raw)
    headers: dict[str, str] = {}
    for name, value in parsed.items():
        headers.setdefault(name.lower(), " ".join(str(value).split()))
    sender_name, sender = _first_address(headers.get("from", "") or headers.get("sender", ""))
    subject = decoded_words(headers.get("subject", ""))
    date = _date(headers.get("date", ""))
    own_id = message_ids(headers.get("message-id", ""))
    message_id = own_id[0] if own_id else _made_up_id(sender, headers.get("date", ""), subject)
    return Incoming(
        message_id=message_id,
        sender=sender,
        sender_name=decoded_words(sender_name),
        subject=subject,
        date=date,
        in_reply_to=message_ids(headers.get("in-reply-to", "")),
        references=message_ids(headers.get("references", "")),
    )


def decoded_words(value: str) -> str:
    """RFC 2047 encoded words ("=?utf-8?q?D=C3=A9j=C3=A0?=") as text; the value itself on error."""
    if "=?" not in value:
        return value
    try:
        return " ".join(str(make_header(decode_header(value))).split())
    except (ValueError, LookupError, UnicodeDecodeError):
        return value


def _first_address(value: str) -> tuple[str, str]:
    """The first (name, address) of an address header.

    Some mail programs encode the whole "Name <address>" as one RFC 2047 word; when the raw
    value holds no address, the decoded one is tried.
    """
    for text in (value, decoded_words(value)):
        try:
            pairs = getaddresses([text])
        except Exception:
            continue
        for name, address in pairs:
            if "@" in address:
                return name.strip(), address.strip().lower()
    return "", ""


def _date(value: str) -> datetime | None:
    if not value:
        return None
    try:
        moment = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    # A date without a zone ("-0000" or none) is taken as UTC, as RFC 5322 suggests.
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment


def _made_up_id(sender: str, date: str, subject: str) -> str:
    digest = sha256(f"{sender}\n{date}\n{subject}".encode()).hexdigest()[:32]
    return f"<{digest}@no-message-id.afterword.invalid>"
