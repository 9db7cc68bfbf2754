"""Small raw messages for the reading tests, built from header pairs and a body."""

from __future__ import annotations

from afterword.reading.fetched import fetched_from_bytes
from afterword.reading.message import Mail, parse

SAM = "Sam Rivera <sam.rivera@fastmail.example>"


def raw_message(body: str, *headers: tuple[str, str], content_type: str = "") -> bytes:
    """A message with ``headers`` (a From, To, Subject and Date unless given) and ``body``."""
    given = {name.lower() for name, _ in headers}
    defaults = [
        ("From", "Dana Whitfield <dana@lumen.example>"),
        ("To", SAM),
        ("Subject", "Re: Thank you"),
        ("Date", "Wed, 02 Dec 2026 10:00:00 -0500"),
    ]
    lines = [f"{n}: {v}" for n, v in defaults if n.lower() not in given]
    lines += [f"{n}: {v}" for n, v in headers]
    if content_type:
        lines.append(f"Content-Type: {content_type}")
    return ("\r\n".join(lines) + "\r\n\r\n" + body).encode("utf-8")


def mail_of(body: str, *headers: tuple[str, str], content_type: str = "") -> Mail:
    return parse(fetched_from_bytes(raw_message(body, *headers, content_type=content_type)))


def report(human: str, fields: str, *headers: tuple[str, str], pad: int = 0) -> bytes:
    """A multipart/report (RFC 3464) from a mail system; ``pad`` bytes of filler in part 1."""
    body = (
        "--B\r\nContent-Type: text/plain\r\n\r\n" + human + "\r\n" + "x" * pad + "\r\n"
        "--B\r\nContent-Type: message/delivery-status\r\n\r\n" + fields + "\r\n"
        "--B\r\nContent-Type: text/rfc822-headers\r\n\r\nMessage-ID: <1.afterword@fastmail.example>"
        "\r\nTo: someone@corp.example\r\n\r\n--B--\r\n"
    )
    base = (
        ("From", "Mail Delivery System <MAILER-DAEMON@mx.fastmail.example>"),
        ("Return-Path", "<>"),
        ("Subject", "Undelivered Mail Returned to Sender"),
    )
    return raw_message(
        body,
        *base,
        *headers,
        content_type='multipart/report; report-type=delivery-status; boundary="B"',
    )


def dsn(*blocks: tuple[str, str, str]) -> str:
    """Delivery-status fields: the message block, then (recipient, action, status) blocks."""
    parts = ["Reporting-MTA: dns; mx.fastmail.example"]
    parts += [
        f"Final-Recipient: rfc822; {who}\r\nAction: {action}\r\nStatus: {status}"
        for who, action, status in blocks
    ]
    return "\r\n\r\n".join(parts) + "\r\n"
