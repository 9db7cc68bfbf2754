"""A built message as the watcher fetches it over IMAP, without the server in between."""

from __future__ import annotations

import re
from email.message import Message

from afterword.inbox.message import Incoming, parse_headers
from afterword.reading.fetched import Fetched, fetched_from_bytes


def raw(message: Message | bytes) -> bytes:
    """The bytes a server stores: imaplib's APPEND sends every line ending as CRLF."""
    data = message if isinstance(message, bytes) else message.as_bytes()
    return re.sub(rb"\r\n|\r|\n", b"\r\n", data)


def fetched(message: Message | bytes) -> Fetched:
    """What the watcher's fetch returns for ``message`` (reading/fetched.py)."""
    return fetched_from_bytes(raw(message))


def incoming(message: Message | bytes) -> Incoming:
    """The header fields the watcher matches ``message`` on."""
    return parse_headers(fetched(message).headers)
