"""Talking to the user's IMAP server with the standard library's imaplib, read-only.

Every folder is opened with EXAMINE (read-only) and every fetch uses BODY.PEEK, so the watcher
never marks a message as read. What is fetched of a message is defined once, in
``reading/fetched.py``: the header fields of every new message, and, only for the few that may
matter, the start of the body and a delivery report's status part (``fetch_items``); never a
whole message. Failures become ``InboxError`` with a sentence for the user.
"""

from __future__ import annotations

import base64
import imaplib
import re
import socket
import ssl
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, replace
from datetime import date
from typing import Any, Literal

from afterword.infra import outbound
from afterword.infra.lookups import lookup_failure_text
from afterword.reading import bodystructure
from afterword.reading.fetched import (
    HEADER_ITEM,
    SHAPES,
    TEXT_BYTES,
    Fetched,
    calendar_items,
    calendar_text_items,
    fetch_items,
    invitation_fetched,
    plain_part_items,
    shape,
)
from afterword.reading.plain_calendar import first_calendar_part, is_calendar_body

TIMEOUT = 30.0
ErrorKind = Literal["connect", "tls", "auth", "folder", "server"]
# One token of a FETCH answer's item list (RFC 3501 7.4.2): a parenthesis, a quoted string, a
# literal's "{N}" (its bytes are not in the text read), or an atom, which may carry a section
# ("BODY[HEADER.FIELDS (FROM TO)]<0>": the list inside the brackets is part of the name).
_ITEM_TOKEN = re.compile(
    rb'\s*(?:(\()|(\))|"(?:[^"\\]|\\.)*"|\{\d+\}|(?:[^\s()"\[\]{}]|\[[^\]]*\])+)', re.DOTALL
)
_NEW_MESSAGE = re.compile(rb"^\d+ \(")
# The section a literal belongs to: "... BODY[2]<0> {512}" -> "2".
_SECTION = re.compile(rb"BODY\[([^\]]*)\](?:<\d+>)? \{\d+\}$")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


class InboxError(Exception):
    """Something the user can act on: ``message`` says what went wrong and what to try."""

    def __init__(self, kind: ErrorKind, message: str) -> None:
        super().__init__(message)
        self.kind = kind
        self.message = message


@dataclass(frozen=True, slots=True)
class Mailbox:
    host: str
    port: int
    security: str  # tls | starttls | none
    username: str
    password: str


@contextmanager
def open_session(mailbox: Mailbox, timeout: float = TIMEOUT) -> Iterator[Session]:
    """A logged-in session; logs out (or just closes) on the way out."""
    imap = connect(mailbox, timeout)
    try:
        log_in(imap, mailbox)
        yield Session(imap)
    finally:
        try:
            imap.logout()
        except (imaplib.IMAP4.error, OSError):
            # A dropped connection fails LOGOUT before imaplib closes its socket.
            with suppress(OSError):
                imap.shutdown()


def connect(mailbox: Mailbox, timeout: float) -> imaplib.IMAP4:
    where = f"{mailbox.host} on port {mailbox.port}"
    context = ssl.create_default_context()
    try:
        if mailbox.security == "tls":
            return outbound.IMAP4_SSL(
                mailbox.host, mailbox.port, ssl_context=context, timeout=timeout
            )
        imap = outbound.IMAP4(mailbox.host, mailbox.port, timeout=timeout)
        if mailbox.security == "starttls":
            try:
                imap.starttls(ssl_context=context)
            except imaplib.IMAP4.error as error:
                imap.shutdown()
                raise InboxError(
                    "tls",
                    f"{where} does not offer STARTTLS ({_text(error)}). Choose TLS (usually "
                    "port 993) instead.",
                ) from None
        return imap
    except InboxError:
        raise
    except outbound.OutboundRefused as error:
        raise InboxError("connect", error.message) from None
    except ssl.SSLCertVerificationError as error:
        raise InboxError(
            "tls",
            f"The certificate of {mailbox.host} could not be verified ({error.verify_message}); "
            "check the server name.",
        ) from None
    except ssl.SSLError as error:
        raise InboxError(
            "tls",
            f"Could not set up an encrypted connection to {where} ({error.reason or error}). "
            "Check the port and the security setting: TLS usually uses port 993, STARTTLS 143.",
        ) from None
    except socket.gaierror as error:
        raise InboxError(
            "connect", lookup_failure_text(mailbox.host, error, "the server")
        ) from None
    except ConnectionRefusedError:
        raise InboxError(
            "connect", f"Could not connect to {where}: the connection was refused."
        ) from None
    except TimeoutError:
        raise InboxError(
            "connect", f"Could not connect to {where}: no answer within {timeout:.0f} seconds."
        ) from None
    except imaplib.IMAP4.error:
        # Not shown: on the wrong port, what came back may be another service's banner.
        raise InboxError(
            "connect",
            f"{where} did not answer as a mail server for reading (IMAP) should. Check the "
            "server name, the port and the security setting.",
        ) from None
    except OSError as error:
        raise InboxError("connect", f"Could not connect to {where} ({_reason(error)}).") from None


def log_in(imap: imaplib.IMAP4, mailbox: Mailbox) -> None:
    try:
        if "AUTH=PLAIN" in imap.capabilities:
            # AUTHENTICATE PLAIN carries any password as UTF-8; LOGIN only takes ASCII.
            secret = f"\0{mailbox.username}\0{mailbox.password}".encode()
            imap.authenticate("PLAIN", lambda _challenge: secret)
        else:
            imap.login(mailbox.username, mailbox.password)
    except imaplib.IMAP4.error as error:
        raise InboxError(
            "auth",
            "The server refused the user name or password"
            f" ({_text(error)}). Many providers (Gmail, Outlook, iCloud, Yahoo) need an app "
            "password for IMAP rather than your usual one.",
        ) from None
    except (OSError, UnicodeEncodeError) as error:
        raise InboxError("server", f"Logging in failed ({_text(error)}).") from None


class Session:
    """One logged-in connection; each call raises InboxError when the server fails."""

    def __init__(self, imap: imaplib.IMAP4) -> None:
        self.imap = imap

    def examine(self, folder: str) -> tuple[int, int]:
        """Open ``folder`` read-only; return (UIDVALIDITY, number of messages)."""
        status, data = self._call(lambda: self.imap.select(quoted(folder), readonly=True))
        if status != "OK":
            raise InboxError(
                "folder",
                f"There is no folder called {folder!r} in this mailbox ({_text(data)}). "
                f"Folders there: {', '.join(self.folders()[:15]) or 'none found'}.",
            )
        _, validity = self.imap.response("UIDVALIDITY")
        try:
            uidvalidity = int(validity[0]) if validity and validity[0] is not None else 0
            count = int(data[0]) if data and data[0] is not None else 0
        except (TypeError, ValueError):
            raise InboxError(
                "server", f"The server's answer for {folder!r} made no sense."
            ) from None
        return uidvalidity, count

    def folders(self) -> list[str]:
        status, data = self._call(lambda: self.imap.list())
        names = []
        for line in data if status == "OK" else []:
            if isinstance(line, bytes):
                found = re.search(rb'(?:"((?:[^"\\]|\\.)*)"|(\S+))\s*$', line)
                if found:
                    raw = found.group(1) if found.group(1) is not None else found.group(2)
                    names.append(decode_folder(raw.decode("ascii", errors="replace")))
        return names

    def uids_after(self, last_uid: int, since: date | None = None) -> list[int]:
        """UIDs above ``last_uid`` in the open folder, ascending; ``since``: arrived then or later.

        "UID n:*" always includes the highest UID even when it is below n (RFC 3501), so the
        answer is filtered again here.
        """
        criteria = f"UID {last_uid + 1}:*"
        if since is not None:
            criteria += f" SINCE {since.day}-{_MONTHS[since.month - 1]}-{since.year}"
        status, data = self._call(lambda: self.imap.uid("SEARCH", criteria))
        if status != "OK":
            raise InboxError("server", f"The server refused to search the folder ({_text(data)}).")
        uids = sorted({int(n) for line in data if line for n in line.split()})
        return [uid for uid in uids if uid > last_uid]

    def fetch_headers(self, uids: Sequence[int]) -> list[tuple[int, bytes]]:
        """(UID, header block) of each message, in UID order: the fields reading/fetched.py
        names, nothing of the body."""
        fetched = self._fetch(uids, f"(UID RFC822.SIZE {HEADER_ITEM})")
        return sorted((uid, sections.get("HEADER", b"")) for uid, sections in fetched.items())

    def fetch_for_reading(self, headers: Sequence[tuple[int, bytes]]) -> dict[int, Fetched]:
        """What ``reading.read`` needs of each message (reading/fetched.py), by UID.

        ``headers`` are the (UID, header block) pairs of fetch_headers: a delivery report
        (multipart/report) is asked for its status part too, even when it lies past the first
        kilobytes of the body; another multipart message (or a wrapped one) for its
        BODYSTRUCTURE, and when that shows an invitation, for that calendar part alone (when it
        shows none, for the start of its first text/plain parts, which may be one); a
        single-part invitation for more of its body, which is the calendar; a plain message
        whose body turns out to be a calendar longer than its first fetch, for more of it.
        Nothing else is ever asked for.
        """
        found: dict[int, Fetched] = {}
        sections_of: dict[str, list[int]] = {}
        plain_of: dict[tuple[str, ...], list[int]] = {}
        longer: list[int] = []
        for kind in SHAPES:
            uids = [uid for uid, head in headers if shape(head) == kind]
            for uid, sections in self._fetch(uids, fetch_items(kind)).items():
                head, text = sections.get("HEADER", b""), sections.get("TEXT", b"")
                if kind == "invitation" or (kind == "plain" and is_calendar_body(head, text)):
                    found[uid] = invitation_fetched(head, text, _size(sections))
                    if kind == "plain" and len(text) >= TEXT_BYTES:
                        longer.append(uid)  # the calendar goes on past the first fetch
                    continue
                found[uid] = Fetched(
                    headers=head,
                    text=text,
                    size=_size(sections),
                    report_mime=sections.get("2.MIME", b"") if kind == "report" else b"",
                    report=sections.get("2", b"") if kind == "report" else b"",
                )
                if kind == "multipart":
                    tree = bodystructure.parse(sections.get("STRUCTURE", b""))
                    section = bodystructure.calendar_section(tree)
                    if section is not None:
                        sections_of.setdefault(section, []).append(uid)
                    elif plain := bodystructure.plain_sections(tree):
                        plain_of.setdefault(tuple(plain), []).append(uid)
        for uid, sections in self._fetch(longer, calendar_text_items()).items():
            if uid in found:
                had = found[uid]
                found[uid] = invitation_fetched(had.headers, sections.get("TEXT", b""), had.size)
        for candidates, uids in plain_of.items():
            for uid, sections in self._fetch(uids, plain_part_items(candidates)).items():
                starts = [
                    (s, sections.get(f"{s}.MIME", b""), sections.get(s, b"")) for s in candidates
                ]
                section = first_calendar_part(starts)
                if uid in found and section is not None:
                    sections_of.setdefault(section, []).append(uid)
        for section, uids in sections_of.items():
            for uid, sections in self._fetch(uids, calendar_items(section)).items():
                if uid in found:
                    found[uid] = replace(
                        found[uid],
                        calendar_mime=sections.get(f"{section}.MIME", b""),
                        calendar=sections.get(section, b""),
                    )
        return found

    def _fetch(self, uids: Sequence[int], items: str) -> dict[int, dict[str, bytes]]:
        """The sections each message's FETCH answer carries, by UID (see fetch_sections)."""
        if not uids:
            return {}
        status, data = self._call(lambda: self.imap.uid("FETCH", uid_set(uids), items))
        if status != "OK":
            raise InboxError("server", f"The server refused to send messages ({_text(data)}).")
        return fetch_sections(data)

    def _call(self, command: Callable[[], tuple[str, list[Any]]]) -> tuple[str, list[Any]]:
        try:
            return command()
        except imaplib.IMAP4.abort as error:
            raise InboxError(
                "server", f"The server closed the connection ({_text(error)})."
            ) from None
        except imaplib.IMAP4.error as error:
            raise InboxError(
                "server", f"The server answered with an error ({_text(error)})."
            ) from None
        except TimeoutError:
            raise InboxError("server", "The server stopped answering.") from None
        except OSError as error:
            raise InboxError("server", f"The connection broke ({_text(error)}).") from None


def fetch_sections(data: list[Any]) -> dict[int, dict[str, bytes]]:
    """imaplib's FETCH answer as {UID: {section: bytes}}.

    Each message's answer is one or more (text, literal) pairs and plain text, in any order
    ("1 (UID 7 RFC822.SIZE 900 BODY[HEADER.FIELDS (...)] {300}", literal, " BODY[TEXT]<0>
    {600}", literal, ")"); some servers put UID last. The header fields become "HEADER", the
    body "TEXT", a part its number ("2", "2.MIME"); the plain text is kept under "" for the UID
    and RFC822.SIZE, which are read from the answer's own items (``_item_number``), never from a
    string or literal that happens to say "UID 99". A section sent as NIL or "" is simply
    missing.

    A literal inside the BODYSTRUCTURE (Dovecot sends a file name with 8-bit characters, or a
    forwarded message's long subject, that way) is no section: "STRUCTURE" keeps the plain
    text with those literals back in place ("{21}\r\n" and the bytes), for bodystructure.parse.
    """
    answers: list[dict[str, bytes]] = []
    for part in data:
        text = part[0] if isinstance(part, tuple) else part
        if not isinstance(text, bytes):
            continue
        if _NEW_MESSAGE.match(text) or not answers:
            answers.append({"": b"", "STRUCTURE": b""})
        current = answers[-1]
        current[""] += text + b" "
        current["STRUCTURE"] += text
        if isinstance(part, tuple) and len(part) > 1 and isinstance(part[1], bytes):
            section = _SECTION.search(text)
            if section is not None:
                current[_section_name(section.group(1))] = part[1]
            else:
                current["STRUCTURE"] += b"\r\n" + part[1]
        current["STRUCTURE"] += b" "
    found: dict[int, dict[str, bytes]] = {}
    for answer in answers:
        uid = _item_number(answer[""], b"UID")
        if uid is not None:
            found[uid] = answer
    return found


def _item_number(text: bytes, name: bytes) -> int | None:
    """The number an item of one FETCH answer's own list has ("UID 7", "RFC822.SIZE 900").

    ``text`` is the answer with its literals left out (fetch_sections ""). Items come in name
    and value pairs, in any order; only a name at the list's own level counts, so "UID 99" in a
    quoted string or a nested list (a file name or a description in the BODYSTRUCTURE), or in a
    literal, is never taken for the message's UID.
    """
    start = text.find(b"(")
    if start < 0:
        return None
    at, depth, current = start, 0, b""
    naming = True  # the next token at the list's own level is an item's name
    while (token := _ITEM_TOKEN.match(text, at)) is not None:
        at = token.end()
        if token.group(1):
            depth += 1
            naming = naming if depth == 1 else False
            continue
        if token.group(2):
            depth -= 1
            if depth <= 0:
                return None  # the list is over
            if depth == 1:
                naming = True  # a list-valued item ends
            continue
        if depth != 1:
            continue
        word = token.group(0).strip()
        if naming:
            current, naming = word.upper(), False
            continue
        if current == name:
            return int(word) if word.isdigit() else None
        naming = True
    return None


def _section_name(raw: bytes) -> str:
    name = raw.decode("ascii", errors="replace").upper()
    return "HEADER" if name.startswith("HEADER.FIELDS") else name


def _size(sections: dict[str, bytes]) -> int | None:
    return _item_number(sections.get("", b""), b"RFC822.SIZE")


def uid_set(uids: Sequence[int]) -> str:
    """``[1, 2, 3, 7, 9, 10]`` -> ``"1:3,7,9:10"``: short commands even for long batches."""
    runs: list[str] = []
    ordered = sorted(set(uids))
    start = previous = ordered[0]
    for uid in [*ordered[1:], 0]:
        if uid == previous + 1:
            previous = uid
            continue
        runs.append(str(start) if start == previous else f"{start}:{previous}")
        start = previous = uid
    return ",".join(runs)


def quoted(folder: str) -> str:
    """A folder name as an IMAP quoted string, non-ASCII in modified UTF-7 (RFC 3501 5.1.3)."""
    encoded = encode_folder(folder)
    return '"' + encoded.replace("\\", "\\\\").replace('"', '\\"') + '"'


def encode_folder(name: str) -> str:
    out: list[str] = []
    pending: list[str] = []

    def flush() -> None:
        if pending:
            raw = "".join(pending).encode("utf-16-be")
            out.append("&" + base64.b64encode(raw).decode().rstrip("=").replace("/", ",") + "-")
            pending.clear()

    for char in name:
        if 0x20 <= ord(char) <= 0x7E:
            flush()
            out.append("&-" if char == "&" else char)
        else:
            pending.append(char)
    flush()
    return "".join(out)


def decode_folder(name: str) -> str:
    def one(match: re.Match[str]) -> str:
        body = match.group(1)
        if not body:
            return "&"
        padded = body.replace(",", "/") + "=" * (-len(body) % 4)
        return base64.b64decode(padded).decode("utf-16-be", errors="replace")

    return re.sub(r"&([^-]*)-", one, name)


def _reason(error: OSError) -> str:
    return error.strerror.lower() if error.strerror else type(error).__name__


def _text(value: object) -> str:
    if isinstance(value, list | tuple):
        value = b" ".join(v if isinstance(v, bytes) else str(v).encode() for v in value if v)
    if isinstance(value, bytes):
        value = value.decode("utf-8", errors="replace")
    text = " ".join(str(value).split())
    return text[:200] or "no details"
