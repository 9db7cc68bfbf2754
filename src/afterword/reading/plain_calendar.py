"""A message whose plain-text body is a calendar, as some scripts send an invitation.

No Content-Type header (so text/plain, RFC 2045 5.2) or an explicit text/plain, and a body that
starts with ``BEGIN:VCALENDAR`` (after optional white space or a byte order mark). The header
fields cannot say so; the start of the body does, and the watcher fetches that start of every
message it reads anyway (reading/fetched.py TEXT_BYTES), so the watcher and ``afterword read``
decide on the same bytes. A base64 or quoted-printable body is decoded before it is looked at.
Only the message's own body counts: a text/plain part of a multipart message is left alone.
Pure: no I/O.
"""

from __future__ import annotations

import base64
import binascii
import quopri
import re

from afterword.reading.bodystructure import content_type

# Enough of the start to skip a few blank lines, even base64-encoded.
LOOK_BYTES = 1024

_STARTS = re.compile(rb"\A(?:\xef\xbb\xbf)?\s*BEGIN:VCALENDAR[ \t]*(?:\r?\n|\Z)", re.IGNORECASE)
_ENCODING = re.compile(rb"^content-transfer-encoding:[ \t]*([\w-]+)", re.IGNORECASE | re.MULTILINE)
_NOT_BASE64 = re.compile(rb"[^A-Za-z0-9+/=]")


def is_calendar_body(headers: bytes, start: bytes) -> bool:
    """Whether a message with the header block ``headers``, whose body begins with ``start``,
    is a text/plain message whose body is a calendar."""
    if content_type(headers) != (b"text", b"plain"):
        return False
    return _STARTS.match(_decoded(headers, start[:LOOK_BYTES])) is not None


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
