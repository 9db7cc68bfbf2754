"""Turn a built message into what the watcher has: parsed headers and the first 4 KB of text."""

from __future__ import annotations

from email.message import Message

from afterword.delivery.inbox.message import SNIPPET_BYTES, Incoming, body_text, parse_headers


def split(message: Message) -> tuple[bytes, bytes]:
    raw = message.as_bytes()
    head, _, body = raw.partition(b"\n\n")
    return head + b"\n", body


def read(message: Message) -> tuple[Incoming, str]:
    """(headers, text) exactly as the watcher reads them: the body cut at SNIPPET_BYTES."""
    head, body = split(message)
    return parse_headers(head), body_text(head, body[:SNIPPET_BYTES])
