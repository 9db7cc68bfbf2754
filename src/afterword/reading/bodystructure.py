"""Where a message keeps its calendar invitation: the IMAP section of its text/calendar part.

Two ways to the same answer, so that the watcher and ``afterword read`` agree:
``calendar_section`` reads an IMAP BODYSTRUCTURE (RFC 3501 7.4.2) as the server sent it, and
``calendar_part`` walks the raw bytes of a whole message (an .eml file). Both look depth first,
into forwarded messages (message/rfc822) too, attached or the whole message wrapped as one, and
pick the first text/calendar part, else the first application/ics part or a part whose file
name ends in ".ics". A message that is not multipart at all may be the invitation itself
(``is_invitation_message``): its header says so. When no part says it is a calendar, the first
MAX_PLAIN_PARTS text/plain parts (``plain_sections``, ``plain_parts``) are where one may still
be: only the start of such a part can tell (reading/plain_calendar.py).

Parts are numbered as RFC 3501 6.4.5 numbers them, which Dovecot was seen to follow: the
single-part body of an attached message 2 is "2.1" (its "2.1.MIME" is that message's whole
header), and the parts of a multipart message wrapped whole in a top-level message/rfc822 are
"1.1", "1.2", ... (the wrapped message is part 1).
Pure: no I/O.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from email.parser import BytesHeaderParser
from email.policy import compat32
from email.utils import collapse_rfc2231_value

# A parsed BODYSTRUCTURE: nested lists of byte strings, None for NIL.
Node = list["Node"] | bytes | None

_TOKEN = re.compile(rb'\s*(?:(\()|(\))|"((?:[^"\\]|\\.)*)"|\{(\d+)\}\r\n|([^\s()"]+))', re.DOTALL)
_BLANK_LINE = re.compile(rb"\r?\n\r?\n")
_BOUNDARY = re.compile(rb'boundary\s*=\s*(?:"([^"]+)"|([^\s;]+))', re.IGNORECASE)
_TYPE = re.compile(rb"^content-type:[ \t]*([\w.+-]+)/([\w.+-]+)", re.IGNORECASE | re.MULTILINE)


# How deep a part may lie (its section's numbers, "1.2.1" is 3) and still be looked at, the
# same both ways: hostile nesting costs neither walk a deep recursion, and a real invitation,
# even forwarded twice, lies within a handful of levels.
MAX_DEPTH = 20
# Lists in a server's answer nested deeper than this are skipped, read as empty: MAX_DEPTH
# levels of parts open at most two lists each on the way down (a wrapped message's part and its
# body), and the deepest part's envelope or disposition a few more.
_MAX_LISTS = 3 * MAX_DEPTH + 10
# How many text/plain parts of one message are looked at for a calendar, the same both ways.
# A scheduling tool puts it first or second (after a note, or beside an HTML version); the
# watcher fetches the start of each one looked at, so a message of many parts costs no more.
MAX_PLAIN_PARTS = 4


class _Unreadable(ValueError):
    pass


def parse(text: bytes) -> Node:
    """The first parenthesised list in ``text`` (after "BODYSTRUCTURE"), or None."""
    start = text.upper().find(b"BODYSTRUCTURE")
    if start < 0:
        return None
    try:
        node, _end = _list(text, text.index(b"(", start))
    except (_Unreadable, ValueError):
        return None
    return node


def _list(text: bytes, at: int, depth: int = 0) -> tuple[list[Node], int]:
    """The list opening at ``text[at]`` and the position after its closing parenthesis."""
    if depth > _MAX_LISTS:
        return [], _skip(text, at)
    items: list[Node] = []
    at += 1
    while True:
        found = _TOKEN.match(text, at)
        if found is None:
            raise _Unreadable("unbalanced")
        if found.group(1):
            child, at = _list(text, found.start(1), depth + 1)
            items.append(child)
            continue
        at = found.end()
        if found.group(2):
            return items, at
        if found.group(3) is not None:
            items.append(re.sub(rb"\\(.)", rb"\1", found.group(3)))
        elif found.group(4) is not None:
            size = int(found.group(4))
            items.append(text[at : at + size])
            at += size
        else:
            atom = found.group(5)
            items.append(None if atom.upper() == b"NIL" else atom)


def _skip(text: bytes, at: int) -> int:
    """The position after the list opening at ``text[at]``, read without recursion."""
    depth = 0
    while True:
        found = _TOKEN.match(text, at)
        if found is None:
            raise _Unreadable("unbalanced")
        at = found.end()
        if found.group(4) is not None:
            at += int(found.group(4))
        depth += 1 if found.group(1) else -1 if found.group(2) else 0
        if depth == 0:
            return at


def calendar_section(structure: Node) -> str | None:
    """The section ("1.3", "2") of the invitation part in a parsed BODYSTRUCTURE, or None."""
    found = _walk(structure, "")
    calendar = next((s for s, kind in found if kind == "calendar"), None)
    return calendar or next((s for s, kind in found if kind == "ics"), None)


def _walk(node: Node, prefix: str) -> list[tuple[str, str]]:
    if not isinstance(node, list) or not node or prefix.count(".") >= MAX_DEPTH:
        return []
    if isinstance(node[0], list):  # multipart: its parts, then its subtype
        found: list[tuple[str, str]] = []
        for number, child in enumerate((c for c in node if isinstance(c, list)), start=1):
            found += _walk(child, f"{prefix}.{number}" if prefix else str(number))
        return found
    own = prefix or "1"
    kind = _bytes(node[0]).lower(), _bytes(node[1] if len(node) > 1 else b"").lower()
    if kind == (b"message", b"rfc822") and len(node) > 8:
        inner = node[8]
        if isinstance(inner, list) and inner and not isinstance(inner[0], list):
            return _walk(inner, f"{own}.1")
        return _walk(inner, own)
    if kind == (b"text", b"calendar"):
        return [(own, "calendar")]
    params = node[2] if len(node) > 2 and isinstance(node[2], list) else []
    # The disposition's place depends on the type (text/* has a line count first): any later
    # list of the form ("attachment" ("filename" "invite.ics")) names the file.
    names = [_bytes(p) for p in params]
    for extra in node[7:]:
        names += _disposition_names(extra)
    is_ics = kind == (b"application", b"ics") or any(n.lower().endswith(b".ics") for n in names)
    if is_ics:
        return [(own, "ics")]
    return [(own, "plain")] if kind == (b"text", b"plain") else []


def plain_sections(structure: Node) -> list[str]:
    """The sections of the first MAX_PLAIN_PARTS text/plain parts in a parsed BODYSTRUCTURE,
    in order: where a calendar may lie that no part's type names (reading/plain_calendar.py)."""
    return [s for s, kind in _walk(structure, "") if kind == "plain"][:MAX_PLAIN_PARTS]


def _disposition_names(disposition: Node) -> list[bytes]:
    if isinstance(disposition, list) and len(disposition) > 1 and isinstance(disposition[1], list):
        return [_bytes(item) for item in disposition[1]]
    return []


def _bytes(node: Node) -> bytes:
    return node if isinstance(node, bytes) else b""


@dataclass(frozen=True, slots=True)
class Part:
    """One MIME part of a raw message: its IMAP section, header block and body."""

    section: str
    mime: bytes
    body: bytes


def calendar_part(head: bytes, body: bytes) -> Part | None:
    """The invitation part of a whole message split into ``head`` and ``body``, or None."""
    found = _walk_raw(head, body, "")
    calendar = next((p for p, kind in found if kind == "calendar"), None)
    return calendar or next((p for p, kind in found if kind == "ics"), None)


def plain_parts(head: bytes, body: bytes) -> list[Part]:
    """The first MAX_PLAIN_PARTS text/plain parts of a whole message, as ``plain_sections``
    names them."""
    return [p for p, kind in _walk_raw(head, body, "") if kind == "plain"][:MAX_PLAIN_PARTS]


def _walk_raw(
    head: bytes, body: bytes, prefix: str, in_digest: bool = False
) -> list[tuple[Part, str]]:
    if prefix.count(".") >= MAX_DEPTH:
        return []
    # A part of a multipart/digest with no Content-Type is a message/rfc822 (RFC 2046 5.1.5),
    # as the server reads it.
    major, minor = content_type(head, _DIGEST_DEFAULT if in_digest else _DEFAULT)
    if major == b"multipart":
        boundary = _boundary(head)
        found: list[tuple[Part, str]] = []
        for number, part in enumerate(parts(body, boundary), start=1):
            part_head, part_body = split(part)
            found += _walk_raw(
                part_head,
                part_body,
                f"{prefix}.{number}" if prefix else str(number),
                minor == b"digest",
            )
        return found
    own = prefix or "1"
    if (major, minor) == (b"message", b"rfc822"):
        inner_head, inner_body = split(body)
        if content_type(inner_head)[0] == b"multipart":
            return _walk_raw(inner_head, inner_body, own)
        return _walk_raw(inner_head, inner_body, f"{own}.1")
    kind = _leaf_kind(head, major, minor)
    if kind is None:
        return []
    return [(Part(own, head + b"\r\n\r\n" if head else b"\r\n", body), kind)]


def is_invitation_message(head: bytes) -> bool:
    """Whether a message's own header says its whole body is the invitation: a single-part
    text/calendar or application/ics message, or one whose file name ends in ".ics".

    Such a message has only a part 1 (RFC 3501 6.4.5), which is its body.
    """
    major, minor = content_type(head)
    if major in (b"multipart", b"message"):
        return False
    return _leaf_kind(head, major, minor) in ("calendar", "ics")


def _leaf_kind(head: bytes, major: bytes, minor: bytes) -> str | None:
    """The kind of invitation a part that is not multipart holds: "calendar", "ics", "plain"
    (a text/plain part, which may be a calendar all the same) or None."""
    if (major, minor) == (b"text", b"calendar"):
        return "calendar"
    named = b"\n".join(
        line
        for line in _unfold(head).splitlines()
        if line.lower().startswith((b"content-type:", b"content-disposition:"))
    )
    # Only the type's and the disposition's parameters name a file, as in a BODYSTRUCTURE:
    # a subject that mentions "invite.ics" does not make the message an attachment.
    if (major, minor) == (b"application", b"ics") or _names_ics_file(named):
        return "ics"
    return "plain" if (major, minor) == (b"text", b"plain") else None


def _names_ics_file(named: bytes) -> bool:
    """Whether the Content-Type and Content-Disposition lines ``named`` name a file ending in
    ".ics". The email package reads the parameters as Dovecot does: a long name split into
    RFC 2231 continuations (filename*0*=..., filename*1*=...) joined, quotes unescaped."""
    if b"name" not in named.lower():
        return False
    fields = BytesHeaderParser(policy=compat32).parsebytes(named + b"\n\n")
    try:
        names = [fields.get_filename(), fields.get_param("name")]
    except (ValueError, LookupError, TypeError):  # parameters too broken to name a file
        return False
    for name in names:
        text = collapse_rfc2231_value(name) if isinstance(name, tuple) else name
        if isinstance(text, str) and text.strip().lower().endswith(".ics"):
            return True
    return False


_DEFAULT = (b"text", b"plain")
_DIGEST_DEFAULT = (b"message", b"rfc822")


def content_type(head: bytes, default: tuple[bytes, bytes] = _DEFAULT) -> tuple[bytes, bytes]:
    """The (type, subtype) a header block names, lower case; ``default`` when it names none
    (text/plain, RFC 2045 5.2)."""
    found = _TYPE.search(_unfold(head))
    if found is None:
        return default
    return found.group(1).lower(), found.group(2).lower()


def _unfold(head: bytes) -> bytes:
    return re.sub(rb"\r?\n[ \t]+", b" ", head)


def _boundary(head: bytes) -> bytes:
    for line in _unfold(head).splitlines():
        if line.lower().startswith(b"content-type:"):
            found = _BOUNDARY.search(line)
            if found:
                return found.group(1) or found.group(2)
    return b""


def split(raw: bytes) -> tuple[bytes, bytes]:
    """Header block and body, split at the first empty line (a part may have no header)."""
    if raw.startswith((b"\r\n", b"\n")):
        return b"", raw[2 if raw.startswith(b"\r\n") else 1 :]
    found = _BLANK_LINE.search(raw)
    if found is None:
        return raw, b""
    return raw[: found.start()], raw[found.end() :]


def parts(body: bytes, boundary: bytes) -> list[bytes]:
    """The raw bytes of each part of a multipart body, in order."""
    if not boundary:
        return []
    delimiter = re.compile(rb"(?:^|\r?\n)--" + re.escape(boundary) + rb"(--)?[ \t]*(?:\r?\n|$)")
    marks = list(delimiter.finditer(body))
    found = []
    for index, mark in enumerate(marks):
        if mark.group(1):
            break
        end = marks[index + 1].start() if index + 1 < len(marks) else len(body)
        found.append(body[mark.end() : end])
    return found
