"""Bulk mail: newsletters, job alerts, mailing lists, marketing (RFC 2369 List-* fields, RFC 3834
Precedence). A message in a thread that a list carried (a reply through a Google Group) is a
person's answer, not bulk."""

from __future__ import annotations

from afterword.reading.message import Mail

_BULK_PRECEDENCE = frozenset({"bulk", "list", "junk"})


def bulk_evidence(mail: Mail) -> str:
    """The header that makes ``mail`` bulk, as written, or "" when it is not bulk."""
    for name in ("List-Unsubscribe", "List-Id"):
        value = mail.header(name)
        if value and not _threaded(mail):
            return f"{name}: {value}"[:200]
    precedence = mail.header("precedence").strip().lower()
    if precedence in _BULK_PRECEDENCE and not _threaded(mail):
        return f"Precedence: {mail.header('precedence')}"
    return ""


def _threaded(mail: Mail) -> bool:
    return bool(mail.header("in-reply-to"))
