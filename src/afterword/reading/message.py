"""One fetched message as plain values: its headers, its readable text, its delivery report.

Mail is messy, so every step is lenient: a malformed header gives an empty value, a part cut in
the middle of a base64 line is decoded as far as it goes, an unknown charset is read as UTF-8
(and said in ``notes``); nothing here raises on bad mail.
"""

from __future__ import annotations

import base64
import binascii
import quopri
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email import message_from_bytes
from email.header import decode_header, make_header
from email.message import Message
from email.policy import compat32
from email.utils import getaddresses, parsedate_to_datetime
from typing import TypeVar

from afterword.reading.fetched import TEXT_BYTES, Fetched, is_report
from afterword.reading.html import html_to_text
from afterword.reading.plain_calendar import is_calendar_body, is_calendar_text

_BOUNDARY_OF = re.compile(r'boundary\s*=\s*(?:"([^"]+)"|([^\s;]+))', re.IGNORECASE)
_NOT_BASE64 = re.compile(rb"[^A-Za-z0-9+/=]")
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Mail:
    """What the reader works from. ``headers``: lower-case names, unfolded raw values."""

    headers: dict[str, str]
    sender: str
    sender_name: str
    recipients: tuple[str, ...]
    recipient_name: str
    subject: str
    date: datetime | None
    content_type: str
    report_type: str
    text: str
    status_blocks: tuple[dict[str, str], ...]
    message: Message
    notes: tuple[str, ...] = field(default=())

    def header(self, name: str) -> str:
        return self.headers.get(name.lower(), "")


def parse(fetched: Fetched) -> Mail:
    """Read a fetched message (see fetched.py) into a Mail."""
    notes: list[str] = []
    message = message_from_bytes(_visible_bytes(fetched), policy=compat32)
    headers: dict[str, str] = {}
    for name, value in message.items():
        headers.setdefault(name.lower(), " ".join(str(value).split()))
    sender_name, sender = _first_address(headers.get("from", "") or headers.get("sender", ""))
    recipient_name, _ = _first_address(headers.get("to", ""))
    texts: list[str] = []
    blocks: list[dict[str, str]] = []
    # A plain body that is a calendar (plain_calendar.py) holds no words of the sender, as a
    # text/calendar part does not.
    if not is_calendar_body(fetched.headers, fetched.text):
        _walk(message, texts, blocks, notes)
    if _cut_short(fetched):
        notes.append(f"only the first {TEXT_BYTES // 1024} KB of the body were read")
    return Mail(
        headers=headers,
        sender=sender,
        sender_name=decoded_words(sender_name),
        recipients=tuple(_addresses(headers.get("to", ""))),
        recipient_name=decoded_words(recipient_name),
        subject=decoded_words(headers.get("subject", "")),
        date=_date(headers.get("date", "")),
        content_type=_safe(message.get_content_type, "text/plain"),
        report_type=str(_safe(lambda: message.get_param("report-type"), None) or "").lower(),
        text="\n".join(t for t in texts if t).replace("\r\n", "\n").replace("\r", "\n").strip(),
        status_blocks=tuple(blocks),
        message=message,
        notes=tuple(dict.fromkeys(notes)),
    )


def decoded_words(value: str) -> str:
    """RFC 2047 encoded words ("=?utf-8?q?D=C3=A9j=C3=A0?=") as text; the value itself on error."""
    if "=?" not in value:
        return value
    try:
        return " ".join(str(make_header(decode_header(value))).split())
    except (ValueError, LookupError, UnicodeDecodeError):
        return value


def _visible_bytes(fetched: Fetched) -> bytes:
    """The fetched pieces put back together as one parseable message.

    For a report whose part 2 was fetched on its own, the text is cut where part 2 begins (if
    it got that far) and part 2 is added back whole, then the multipart is closed.
    """
    headers = fetched.headers.rstrip(b"\r\n") + b"\r\n\r\n"
    if not (fetched.report or fetched.report_mime) or not is_report(fetched.headers):
        return headers + fetched.text
    boundary = _boundary(fetched.headers)
    delimiter = re.compile(rb"(?:^|\r?\n)--" + re.escape(boundary) + rb"[ \t]*\r?\n")
    marks = list(delimiter.finditer(fetched.text))
    first = fetched.text[: marks[1].start()] if len(marks) > 1 else fetched.text
    dash = b"\r\n--" + boundary
    return (
        headers + first + dash + b"\r\n" + fetched.report_mime + fetched.report + dash + b"--\r\n"
    )


def _boundary(headers: bytes) -> bytes:
    text = re.sub(r"\r?\n[ \t]+", " ", headers.decode("latin-1"))
    for line in text.splitlines():
        if line.lower().startswith("content-type:"):
            found = _BOUNDARY_OF.search(line)
            if found:
                return (found.group(1) or found.group(2)).encode("latin-1")
    return b""


def _cut_short(fetched: Fetched) -> bool:
    """Whether the body goes on past what was fetched."""
    if fetched.size is None:
        return len(fetched.text) >= TEXT_BYTES
    return fetched.size > len(fetched.headers) + len(fetched.text) + 2 and (
        len(fetched.text) >= TEXT_BYTES
    )


def _walk(part: Message, texts: list[str], blocks: list[dict[str, str]], notes: list[str]) -> None:
    """Collect readable text and delivery-status fields, in order, from ``part`` down.

    An attached message (a bounce's copy of our own message) is not descended into: its words
    are ours, not the sender's. HTML is read only when no plain text came before it. A
    text/plain part that is a calendar is left out, as a text/calendar part is.
    """
    kind = _safe(part.get_content_type, "text/plain")
    if kind == "message/delivery-status":
        blocks += _status_blocks(part)
        return
    if kind in ("message/rfc822", "message/global", "text/rfc822-headers"):
        return
    if part.is_multipart():
        payload = part.get_payload()
        for child in payload if isinstance(payload, list) else []:
            if isinstance(child, Message):
                _walk(child, texts, blocks, notes)
        return
    if kind == "text/plain" or (kind == "text/html" and not any(texts)):
        text = _decoded(part, notes)
        if kind == "text/plain" and is_calendar_text(text):
            return  # a calendar sent as plain text (plain_calendar.py): nobody's words
        texts.append(html_to_text(text) if kind == "text/html" else text)


def _status_blocks(part: Message) -> list[dict[str, str]]:
    """The per-recipient field blocks of a delivery report, lower-case names."""
    payload = part.get_payload()
    raw = ""
    if isinstance(payload, list):
        raw = "\n\n".join(
            "\n".join(f"{name}: {value}" for name, value in block.items())
            for block in payload
            if isinstance(block, Message)
        )
    elif isinstance(payload, str):
        raw = payload
    found: list[dict[str, str]] = []
    for chunk in re.split(r"\r?\n[ \t]*\r?\n", raw):
        fields: dict[str, str] = {}
        for line in re.sub(r"\r?\n[ \t]+", " ", chunk).splitlines():
            name, sep, value = line.partition(":")
            if sep and name.strip():
                fields.setdefault(name.strip().lower(), value.strip())
        if "final-recipient" in fields or "original-recipient" in fields:
            found.append(fields)
    return found


def _decoded(part: Message, notes: list[str]) -> str:
    """A leaf part's text: transfer encoding undone as far as the bytes go, then the charset."""
    payload = part.get_payload()
    if not isinstance(payload, str):
        return ""
    data = payload.encode("latin-1", errors="replace")
    encoding = str(part.get("content-transfer-encoding", "")).strip().lower()
    if encoding == "base64":
        clean = _NOT_BASE64.sub(b"", data)
        try:
            data = base64.b64decode(clean[: len(clean) // 4 * 4])
        except (binascii.Error, ValueError):
            data = b""
    elif encoding == "quoted-printable":
        data = quopri.decodestring(data)
    charset = str(_safe(lambda: part.get_content_charset(), None) or "utf-8")
    try:
        return data.decode(charset, errors="replace")
    except LookupError:
        notes.append(f"unknown charset {charset!r}; read as UTF-8")
        return data.decode("utf-8", errors="replace")


def _addresses(value: str) -> list[str]:
    try:
        pairs = getaddresses([value])
    except Exception:  # a header the address parser chokes on names nobody we can use
        return []
    return [address.strip().lower() for _, address in pairs if "@" in address]


def _first_address(value: str) -> tuple[str, str]:
    try:
        pairs = getaddresses([value])
    except Exception:
        return "", ""
    for name, address in pairs:
        if "@" in address:
            return name.strip(), address.strip().lower()
    return "", ""


def _date(value: str) -> datetime | None:
    """The Date header with its own UTC offset; None when missing or unreadable."""
    if not value:
        return None
    try:
        moment = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    # "-0000" (no zone known) is taken as UTC, as RFC 5322 suggests.
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def _safe(call: Callable[[], T], default: T) -> T:
    try:
        return call()
    except Exception:  # a broken Content-Type header: keep the default
        return default
