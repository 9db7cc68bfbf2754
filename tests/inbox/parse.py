"""Turn a built message into what the watcher has: parsed headers and the first 4 KB of text."""

from __future__ import annotations

from email.message import Message

from afterword.inbox.message import (
    HEADER_FIELDS,
    SNIPPET_BYTES,
    Incoming,
    body_text,
    parse_headers,
)


def split(message: Message) -> tuple[bytes, bytes]:
    """(header fields the watcher asks for, body), as BODY.PEEK[HEADER.FIELDS (...)] gives them."""
    raw = message.as_bytes()
    head, _, body = raw.partition(b"\n\n")
    wanted = {name.lower().encode() for name in HEADER_FIELDS}
    kept: list[bytes] = []
    keep = False
    for line in head.split(b"\n"):
        if not line[:1].isspace():
            keep = line.split(b":", 1)[0].strip().lower() in wanted
        if keep:
            kept.append(line)
    return b"\n".join(kept) + b"\n", body


def read(message: Message) -> tuple[Incoming, str]:
    """(headers, text) exactly as the watcher reads them: the body cut at SNIPPET_BYTES."""
    head, body = split(message)
    return parse_headers(head), body_text(head, body[:SNIPPET_BYTES])
