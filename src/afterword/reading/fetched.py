"""What the inbox watcher fetches of one message over IMAP, defined once.

The watcher never downloads whole messages. For each message it asks for:

1. ``RFC822.SIZE`` and the header fields in HEADER_FIELDS (``BODY.PEEK[HEADER.FIELDS (...)]``);
2. the first TEXT_BYTES of the body (``BODY.PEEK[TEXT]<0.N>``);
3. for a delivery report (``Content-Type: multipart/report``), also its second part, which
   RFC 3462 reserves for the machine-readable report (``message/delivery-status``): its MIME
   header (``BODY.PEEK[2.MIME]``) and its first REPORT_BYTES (``BODY.PEEK[2]<0.N>``). An Office
   365 report's HTML part alone is often longer than the first kilobytes, so the fields naming
   the failed recipients would otherwise be cut off;
4. for any other multipart message, and for a message that wraps another whole (a top-level
   ``Content-Type: message/rfc822``, as some mail gateways and programs pass a message on),
   its ``BODYSTRUCTURE``; when that shows a calendar invitation (a text/calendar part or an
   .ics attachment, in a forwarded message too, reading/bodystructure.py), a second fetch asks
   for that part alone: its MIME header (``BODY.PEEK[n.MIME]``) and its first CALENDAR_BYTES
   (``BODY.PEEK[n]<0.N>``). Google puts its text/calendar part after the plain and HTML
   versions of the invitation, well past the first TEXT_BYTES. For a forwarded single-part
   invitation (section "2.1", or "1.1" in a wrapped message) the MIME header is the forwarded
   message's whole header, which holds its Content-Type and Content-Transfer-Encoding.
   When no part says it is a calendar, the first few text/plain parts may still be one (some
   scheduling tools send the calendar as a text/plain part): a fetch asks for each one's MIME
   header and its first LOOK_BYTES (``BODY.PEEK[n.MIME] BODY.PEEK[n]<0.N>``,
   reading/plain_calendar.py), and the first whose start is ``BEGIN:VCALENDAR`` is then
   fetched as the calendar part, as above;
5. for a single-part message whose header fields say it is the invitation itself (top-level
   ``Content-Type: text/calendar`` or ``application/ics``, or a file name ending in ".ics", as
   some calendar systems and scripts send them), the first CALENDAR_BYTES of the body
   (``BODY.PEEK[TEXT]<0.N>``) instead of the first TEXT_BYTES: the text is the start of it.
   The calendar part's MIME header is then the header fields of step 1, which hold its
   Content-Type and Content-Transfer-Encoding. Not ``BODY[1.MIME]``: RFC 3501 says little of
   it for a message that is not multipart, and Dovecot answers it with the message's whole
   header, Received lines and all. ``BODY[1]`` is that body too (Dovecot sends the same bytes
   as for TEXT), but TEXT is what the watcher already asks every server for;
6. for a plain message (no Content-Type, or text/plain) whose first TEXT_BYTES start with
   ``BEGIN:VCALENDAR`` (reading/plain_calendar.py), as some scripts send an invitation, the
   body is the calendar, as in step 5; when the first fetch did not hold all of it, a second
   fetch asks for its first CALENDAR_BYTES (``BODY.PEEK[TEXT]<0.N>``). Only the start of the
   body decides, so nothing more is fetched of any other plain message.

``fetched_from_bytes`` cuts a whole message (an .eml file) down to exactly those bytes, so that
``afterword read`` sees what the watcher sees. BODY.PEEK never sets the \\Seen flag.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from afterword.reading.bodystructure import Part, calendar_part, is_invitation_message, plain_parts
from afterword.reading.plain_calendar import LOOK_BYTES, first_calendar_part, is_calendar_body

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
    "Content-Disposition",
    "Content-Language",
    "Return-Path",
    "Auto-Submitted",
    "X-Autoreply",
    "X-Autorespond",
    "X-Auto-Response-Suppress",
    "X-MS-Exchange-Inbox-Rules-Loop",
    "Precedence",
    "List-Id",
    "List-Unsubscribe",
    "X-Failed-Recipients",
)
TEXT_BYTES = 8192
REPORT_BYTES = 8192
CALENDAR_BYTES = 65536

HEADER_ITEM = "BODY.PEEK[HEADER.FIELDS (" + " ".join(f.upper() for f in HEADER_FIELDS) + ")]"
TEXT_ITEM = f"BODY.PEEK[TEXT]<0.{TEXT_BYTES}>"
REPORT_ITEMS = ("BODY.PEEK[2.MIME]", f"BODY.PEEK[2]<0.{REPORT_BYTES}>")
CALENDAR_TEXT_ITEM = f"BODY.PEEK[TEXT]<0.{CALENDAR_BYTES}>"

# What the header fields say a message is, which decides what else is fetched of it:
# "report": a multipart/report; "multipart": any other multipart, or a top-level message/rfc822
# (its BODYSTRUCTURE may show an invitation); "invitation": a single-part message that is an
# invitation; "plain": the rest (whose body may still turn out to be a calendar, step 6).
Shape = Literal["plain", "report", "multipart", "invitation"]
SHAPES: tuple[Shape, ...] = ("plain", "report", "multipart", "invitation")

_WANTED = frozenset(f.lower() for f in HEADER_FIELDS)
_BLANK_LINE = re.compile(rb"\r?\n\r?\n")
_HAS_PARTS = re.compile(
    rb"^content-type:[ \t]*(?:multipart/|message/rfc822(?![\w.+-]))", re.IGNORECASE | re.MULTILINE
)
_REPORT_TYPE = re.compile(rb"^content-type:[ \t]*multipart/report", re.IGNORECASE | re.MULTILINE)
_BOUNDARY = re.compile(rb'boundary\s*=\s*(?:"([^"]+)"|([^\s;]+))', re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Fetched:
    """One message as fetched: header fields, the start of the body, a report's part 2, and
    an invitation's calendar part.

    ``size`` is RFC822.SIZE (None when unknown); ``report_mime`` and ``report`` are empty unless
    the message is a multipart/report; ``calendar_mime`` and ``calendar`` (the part's MIME
    header and its first CALENDAR_BYTES, still transfer-encoded) are empty unless the message
    holds an invitation. For a message that is the invitation itself, ``calendar_mime`` is
    ``headers`` and ``text`` the start of ``calendar``.
    """

    headers: bytes
    text: bytes
    size: int | None = None
    report_mime: bytes = b""
    report: bytes = b""
    calendar_mime: bytes = b""
    calendar: bytes = b""


def shape(headers: bytes) -> Shape:
    """What a fetched header block says the message is (see ``Shape``)."""
    if is_report(headers):
        return "report"
    if _HAS_PARTS.search(headers) is not None:
        return "multipart"
    if is_invitation_message(headers):
        return "invitation"
    return "plain"


def fetch_items(kind: Shape) -> str:
    """The FETCH data items for one message of shape ``kind``."""
    items = ["UID", "RFC822.SIZE", HEADER_ITEM]
    if kind == "invitation":
        return "(" + " ".join([*items, CALENDAR_TEXT_ITEM]) + ")"
    items.append(TEXT_ITEM)
    if kind == "report":
        items += REPORT_ITEMS
    elif kind == "multipart":
        items.append("BODYSTRUCTURE")
    return "(" + " ".join(items) + ")"


def calendar_items(section: str) -> str:
    """The second fetch of a message with an invitation: that part alone."""
    return f"(UID BODY.PEEK[{section}.MIME] BODY.PEEK[{section}]<0.{CALENDAR_BYTES}>)"


def plain_part_items(sections: Sequence[str]) -> str:
    """The fetch of the text/plain parts that may be a calendar: enough of each to tell."""
    wanted = (f"BODY.PEEK[{s}.MIME] BODY.PEEK[{s}]<0.{LOOK_BYTES}>" for s in sections)
    return "(UID " + " ".join(wanted) + ")"


def calendar_text_items() -> str:
    """The second fetch of a plain message whose body is a calendar longer than TEXT_BYTES."""
    return f"(UID {CALENDAR_TEXT_ITEM})"


def may_hold_invitation(headers: bytes) -> bool:
    """Whether a fetched header block says multipart (and not a report) or a wrapped message,
    worth a BODYSTRUCTURE, or says the message is an invitation itself.

    A plain message whose body is a calendar cannot be told from its header fields (step 6)."""
    return shape(headers) in ("multipart", "invitation")


def is_report(headers: bytes) -> bool:
    """Whether a fetched header block says multipart/report (so part 2 is worth fetching)."""
    return _REPORT_TYPE.search(headers) is not None


def fetched_from_bytes(raw: bytes) -> Fetched:
    """Exactly what the watcher's fetch returns for the whole message ``raw``."""
    head, body = _split(raw)
    headers = _header_fields(head)
    kind = shape(headers)
    if kind == "invitation" or (kind == "plain" and is_calendar_body(headers, body[:TEXT_BYTES])):
        return invitation_fetched(headers, body[:CALENDAR_BYTES], len(raw))
    report_mime = report = b""
    if is_report(headers):
        part = _part(body, _boundary(headers), 2)
        if part is not None:
            part_head, part_body = _split(part)
            report_mime = part_head + b"\r\n\r\n" if part_head else b"\r\n"
            report = part_body[:REPORT_BYTES]
    calendar_mime = calendar = b""
    if kind == "multipart":
        invitation = calendar_part(headers, body) or _plain_calendar_part(headers, body)
        if invitation is not None:
            calendar_mime, calendar = invitation.mime, invitation.body[:CALENDAR_BYTES]
    return Fetched(
        headers, body[:TEXT_BYTES], len(raw), report_mime, report, calendar_mime, calendar
    )


def _plain_calendar_part(headers: bytes, body: bytes) -> Part | None:
    """The first text/plain part the watcher would look at whose start is a calendar."""
    candidates = {part.section: part for part in plain_parts(headers, body)}
    section = first_calendar_part((s, p.mime, p.body[:LOOK_BYTES]) for s, p in candidates.items())
    return candidates[section] if section is not None else None


def invitation_fetched(headers: bytes, start: bytes, size: int | None) -> Fetched:
    """A message that is an invitation itself, from its header fields and the ``start`` of its
    body (``BODY[TEXT]<0.CALENDAR_BYTES>``, or all of a body shorter than that): the calendar
    part is the body, its MIME header the header fields, and the text the first TEXT_BYTES, as
    for any other message."""
    return Fetched(
        headers,
        start[:TEXT_BYTES],
        size,
        calendar_mime=headers if start else b"",
        calendar=start[:CALENDAR_BYTES],
    )


def _split(raw: bytes) -> tuple[bytes, bytes]:
    """Header block and body, split at the first empty line (a part may have no header)."""
    if raw.startswith((b"\r\n", b"\n")):
        return b"", raw[2 if raw.startswith(b"\r\n") else 1 :]
    found = _BLANK_LINE.search(raw)
    if found is None:
        return raw, b""
    return raw[: found.start()], raw[found.end() :]


def _header_fields(head: bytes) -> bytes:
    """The wanted header lines, folded continuation lines kept, then the empty line, as
    HEADER.FIELDS returns them (RFC 3501 6.4.5)."""
    kept: list[bytes] = []
    keep = False
    for line in head.splitlines(keepends=True):
        if line[:1] in (b" ", b"\t"):
            if keep:
                kept.append(line)
            continue
        name = line.split(b":", 1)[0].strip().lower()
        keep = b":" in line and name.decode("ascii", "replace") in _WANTED
        if keep:
            kept.append(line)
    block = b"".join(line if line.endswith(b"\n") else line + b"\r\n" for line in kept)
    return block + b"\r\n"


def _boundary(headers: bytes) -> bytes:
    """The top-level boundary named in the Content-Type header (folded lines joined)."""
    unfolded = re.sub(rb"\r?\n[ \t]+", b" ", headers)
    for line in unfolded.splitlines():
        if line.lower().startswith(b"content-type:"):
            found = _BOUNDARY.search(line)
            if found:
                return found.group(1) or found.group(2)
    return b""


def _part(body: bytes, boundary: bytes, number: int) -> bytes | None:
    """The raw bytes of part ``number`` (1-based) of a multipart body, or None."""
    if not boundary:
        return None
    delimiter = re.compile(rb"(?:^|\r?\n)--" + re.escape(boundary) + rb"(--)?[ \t]*(?:\r?\n|$)")
    marks = list(delimiter.finditer(body))
    for index, mark in enumerate(marks):
        if mark.group(1):  # the closing delimiter: no more parts
            return None
        if index + 1 == number:
            end = marks[index + 1].start() if index + 1 < len(marks) else len(body)
            return body[mark.end() : end]
    return None
