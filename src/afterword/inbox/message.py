"""One incoming message as the watcher sees it: its headers and the first few KB of its text.

Nothing here talks to a server or a database. The watcher fetches the header block of every new
message and, only for messages that belong to an application, the start of the body; these
functions turn those bytes into plain values. Mail is messy, so every parser here is lenient:
a malformed header gives an empty value, never an exception.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime
from email import message_from_bytes, policy
from email.header import decode_header, make_header
from email.message import EmailMessage, Message
from email.parser import BytesHeaderParser
from email.policy import compat32
from email.utils import getaddresses, parsedate_to_datetime
from hashlib import sha256
from html.parser import HTMLParser

from afterword.inbox.freemail import domain_of

# The headers the watcher asks the server for (BODY.PEEK[HEADER.FIELDS (...)]); nothing else
# of a message is read unless it belongs to an application.
HEADER_FIELDS = (
    "From",
    "Sender",
    "Reply-To",
    "To",
    "Subject",
    "Date",
    "Message-ID",
    "In-Reply-To",
    "References",
    "MIME-Version",
    "Content-Type",
    "Content-Transfer-Encoding",
    "Auto-Submitted",
    "X-Autoreply",
    "X-Autorespond",
    "X-Auto-Response-Suppress",
    "Precedence",
    "List-Id",
    "List-Unsubscribe",
    "X-Failed-Recipients",
    "Return-Path",
)
SNIPPET_BYTES = 4096

_MESSAGE_ID = re.compile(r"<[^<>\s]+>")


@dataclass(frozen=True, slots=True)
class Incoming:
    """What the headers say. ``headers`` keeps the raw values, lower-case names, for the rules."""

    message_id: str
    sender: str
    sender_name: str
    subject: str
    date: datetime | None
    in_reply_to: tuple[str, ...]
    references: tuple[str, ...]
    content_type: str
    report_type: str
    headers: dict[str, str]

    @property
    def sender_domain(self) -> str:
        return domain_of(self.sender)

    @property
    def refers_to(self) -> tuple[str, ...]:
        """Every Message-ID this message answers, nearest first."""
        return tuple(dict.fromkeys((*self.in_reply_to, *reversed(self.references))))

    def header(self, name: str) -> str:
        return self.headers.get(name.lower(), "")


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
    content_type, report_type = _content_type(parsed)
    message_id = own_id[0] if own_id else _made_up_id(sender, headers.get("date", ""), subject)
    return Incoming(
        message_id=message_id,
        sender=sender,
        sender_name=decoded_words(sender_name),
        subject=subject,
        date=date,
        in_reply_to=message_ids(headers.get("in-reply-to", "")),
        references=message_ids(headers.get("references", "")),
        content_type=content_type,
        report_type=report_type,
        headers=headers,
    )


def decoded_words(value: str) -> str:
    """RFC 2047 encoded words ("=?utf-8?q?D=C3=A9j=C3=A0?=") as text; the value itself on error."""
    if "=?" not in value:
        return value
    try:
        return " ".join(str(make_header(decode_header(value))).split())
    except (ValueError, LookupError, UnicodeDecodeError):
        return value


def _header_text(parsed: Message, name: str) -> str:
    try:
        return " ".join(str(parsed.get(name, "")).split())
    except Exception:  # a header the decoder chokes on says nothing we can use
        return ""


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


def _content_type(parsed: Message) -> tuple[str, str]:
    try:
        return parsed.get_content_type(), str(parsed.get_param("report-type") or "").lower()
    except Exception:
        return "text/plain", ""


def _made_up_id(sender: str, date: str, subject: str) -> str:
    digest = sha256(f"{sender}\n{date}\n{subject}".encode()).hexdigest()[:32]
    return f"<{digest}@no-message-id.afterword.invalid>"


# ---------------------------------------------------------------- the text of the body


def body_text(raw_headers: bytes, raw_body: bytes) -> str:
    """The readable text at the start of a message, from its headers and first bytes of body.

    ``raw_body`` is what BODY.PEEK[TEXT]<0.4096> returned: possibly cut in the middle of a MIME
    part or an encoded line. The parts are walked in order; plain text is kept as it is, HTML
    loses its tags, a delivery report (message/delivery-status) is kept as text because its
    fields name the failed recipient. Whatever cannot be decoded is skipped.
    """
    message = message_from_bytes(
        raw_headers.rstrip(b"\r\n") + b"\r\n\r\n" + raw_body, policy=policy.default
    )
    texts: list[str] = []
    for part in _parts(message):
        kind = part.get_content_type()
        if kind in ("message/rfc822", "message/global"):
            texts.append(_returned_headers(part))
        elif kind == "message/delivery-status":
            texts.append(_status_fields(part))
        elif kind in ("text/plain", "text/rfc822-headers"):
            texts.append(_decoded(part))
        elif kind == "text/html" and not any(texts):
            texts.append(html_to_text(_decoded(part)))
    if not texts and not message.is_multipart():
        texts.append(_decoded(message))
    text = "\n".join(t for t in texts if t)
    return text.replace("\r\n", "\n").replace("\r", "\n").strip()


def _parts(message: Message) -> list[Message]:
    """The leaf parts in order, without descending into an attached message (a bounce's copy
    of our own message is ours, not theirs) or into a delivery report's field blocks."""
    kind = message.get_content_type()
    if not message.is_multipart() or kind.startswith("message/"):
        return [message]
    found: list[Message] = []
    payload = message.get_payload()
    for part in payload if isinstance(payload, list) else []:
        if isinstance(part, Message):
            found += _parts(part)
    return found


def _status_fields(part: Message) -> str:
    """A delivery report's per-recipient fields (Final-Recipient, Action, Status) as text."""
    payload = part.get_payload()
    if isinstance(payload, list):
        return "\n\n".join(
            "\n".join(f"{name}: {value}" for name, value in block.items())
            for block in payload
            if isinstance(block, Message)
        )
    return payload if isinstance(payload, str) else ""


def _returned_headers(part: Message) -> str:
    """A bounce's copy of our message: only the headers that identify it, as text lines."""
    inner = part.get_payload(0) if part.is_multipart() else None
    if not isinstance(inner, Message):
        return ""
    lines = []
    for name in ("Message-ID", "To", "Subject"):
        value = _header_text(inner, name)
        if value:
            lines.append(f"{name}: {value}")
    return "\n".join(lines)


def _decoded(part: Message) -> str:
    if isinstance(part, EmailMessage):
        try:
            content = part.get_content()
            if isinstance(content, str):
                return content
        except Exception:  # cut in the middle of a base64 line, or an unknown charset
            pass
    payload = part.get_payload(decode=True)
    if isinstance(payload, bytes):
        charset = part.get_content_charset() or "utf-8"
        try:
            return payload.decode(charset, errors="replace")
        except LookupError:
            return payload.decode("utf-8", errors="replace")
    raw = part.get_payload()
    if isinstance(raw, str):
        return raw
    if isinstance(raw, list):  # message/delivery-status: header blocks, one per recipient
        return "\n".join(str(block) for block in raw)
    return ""


class _TextOnly(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("style", "script", "head"):
            self._skip += 1
        elif tag in ("br", "p", "div", "tr", "li", "h1", "h2", "h3", "blockquote"):
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("style", "script", "head") and self._skip:
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def html_to_text(html: str) -> str:
    parser = _TextOnly()
    parser.feed(html)
    lines = ("".join(parser.parts)).splitlines()
    return "\n".join(" ".join(line.split()) for line in lines if line.strip())


# Where the quoted earlier message starts in a reply ("On Mon, 2 Mar 2026, Sam wrote:").
_QUOTE_START = re.compile(
    r"^(?:on .{4,200}(?:wrote|schrieb|a écrit|escribió)\s*:\s*$"
    r"|-{2,}\s*original message\s*-{2,}"
    r"|_{10,}"
    r"|from:\s.+$"
    r"|-- $)",
    re.IGNORECASE,
)


def reply_text(text: str) -> str:
    """The new words of a reply: quoted lines (``>``) and everything after a quote header go.

    What the sender quotes is usually our own message, whose words ("decision", "next round")
    must not be read as theirs.
    """
    kept: list[str] = []
    for line in text.splitlines():
        stripped = line.strip()
        if stripped.startswith(">"):
            continue
        if stripped.lower().endswith(("wrote:", "schrieb:", "a écrit :", "a écrit:")):
            # "On Mon, 2 Mar 2026 at 10:00, Sam Rivera <sam@...>" may wrap onto two lines.
            if kept and kept[-1].strip().lower().startswith(("on ", "am ", "le ")):
                kept.pop()
            break
        if _QUOTE_START.match(stripped) or line == "-- ":
            break
        kept.append(line.rstrip())
    return "\n".join(kept).strip()
