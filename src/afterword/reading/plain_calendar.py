"""A plain-text body or part that is a calendar, as some scripts and scheduling tools send one.

No Content-Type header (so text/plain, RFC 2045 5.2) or an explicit text/plain, and a body that
starts with ``BEGIN:VCALENDAR`` (after optional white space or a byte order mark). The header
fields cannot say so; the first LOOK_BYTES of the body do. For a message's own body the watcher
fetches that start of every message it reads anyway (reading/fetched.py TEXT_BYTES); for a
text/plain part of a multipart message (reading/bodystructure.py ``plain_sections``) it fetches
the part's MIME header and its first LOOK_BYTES. Either way the watcher and ``afterword read``
decide on the same bytes. A base64 or quoted-printable body is decoded before it is looked at.
A calendar below words (quoted in prose, pasted after a greeting) does not count.
Pure: no I/O.
"""

from __future__ import annotations

import base64
import binascii
import quopri
import re
from collections.abc import Iterable

from afterword.reading.bodystructure import content_type

# Enough of the start to skip a few blank lines, even base64-encoded.
LOOK_BYTES = 1024

_STARTS = re.compile(rb"\A(?:\xef\xbb\xbf)?\s*BEGIN:VCALENDAR[ \t]*(?:\r?\n|\Z)", re.IGNORECASE)
_ENCODING = re.compile(rb"^content-transfer-encoding:[ \t]*([\w-]+)", re.IGNORECASE | re.MULTILINE)
_NOT_BASE64 = re.compile(rb"[^A-Za-z0-9+/=]")
# The same start, in a part's text once decoded (reading/message.py).
_TEXT_STARTS = re.compile(r"\A\ufeff?\s*BEGIN:VCALENDAR[ \t]*(?:\r?\n|\Z)", re.IGNORECASE)


def is_calendar_body(headers: bytes, start: bytes) -> bool:
    """Whether a message with the header block ``headers``, whose body begins with ``start``,
    is a text/plain message whose body is a calendar."""
    if content_type(headers) != (b"text", b"plain"):
        return False
    return _STARTS.match(_decoded(headers, start[:LOOK_BYTES])) is not None


def first_calendar_part(parts: Iterable[tuple[str, bytes, bytes]]) -> str | None:
    """The section of the first of ``parts`` (section, MIME header, start of the body) whose
    body is a calendar, or None."""
    return next((section for section, mime, start in parts if is_calendar_body(mime, start)), None)


def is_calendar_text(text: str) -> bool:
    """Whether a text/plain part's decoded text is a calendar rather than anyone's words."""
    return _TEXT_STARTS.match(text[:LOOK_BYTES]) is not None


def _decoded(headers: bytes, start: bytes) -> bytes:
    found = _ENCODING.search(headers)
    encoding = found.group(1).lower() if found else b""
    if encoding == b"base64":
        compact = _NOT_BASE64.sub(b"", start)
        try:
            return base64.b64decode(compact[: len(compact) // 4 * 4])
        except (binascii.Error, ValueError):
            return b""
    if encoding == b"quoted-printable":
        return quopri.decodestring(start)
    return start
