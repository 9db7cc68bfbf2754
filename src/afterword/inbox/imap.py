"""Talking to the user's IMAP server with the standard library's imaplib, read-only.

Every folder is opened with EXAMINE (read-only) and every fetch uses BODY.PEEK, so the watcher
never marks a message as read. Only header fields (message.HEADER_FIELDS) are fetched for new
messages, and the first SNIPPET_BYTES of the body only for the few that belong to an
application. Failures become ``InboxError`` with a sentence for the user.
"""

from __future__ import annotations

import base64
import imaplib
import re
import socket
import ssl
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

from afterword.inbox.message import HEADER_FIELDS, SNIPPET_BYTES

TIMEOUT = 30.0
ErrorKind = Literal["connect", "tls", "auth", "folder", "server"]
_HEADER_ITEM = "BODY.PEEK[HEADER.FIELDS (" + " ".join(f.upper() for f in HEADER_FIELDS) + ")]"
_TEXT_ITEM = f"BODY.PEEK[TEXT]<0.{SNIPPET_BYTES}>"
_UID = re.compile(rb"\bUID (\d+)")
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
            return imaplib.IMAP4_SSL(
                mailbox.host, mailbox.port, ssl_context=context, timeout=timeout
            )
        imap = imaplib.IMAP4(mailbox.host, mailbox.port, timeout=timeout)
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
    except socket.gaierror:
        raise InboxError(
            "connect", f"Could not find a server called {mailbox.host}; check the name."
        ) from None
    except ConnectionRefusedError:
        raise InboxError(
            "connect", f"Could not connect to {where}: the connection was refused."
        ) from None
    except TimeoutError:
        raise InboxError(
            "connect", f"Could not connect to {where}: no answer within {timeout:.0f} seconds."
        ) from None
    except (OSError, imaplib.IMAP4.error) as error:
        raise InboxError("connect", f"Could not connect to {where} ({_text(error)}).") from None


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
        """(UID, header block) of each message, in UID order."""
        return sorted(self._fetch(uids, _HEADER_ITEM).items())

    def fetch_texts(self, uids: Sequence[int]) -> dict[int, bytes]:
        """The first SNIPPET_BYTES of each message's body, by UID."""
        return self._fetch(uids, _TEXT_ITEM)

    def _fetch(self, uids: Sequence[int], item: str) -> dict[int, bytes]:
        if not uids:
            return {}
        status, data = self._call(lambda: self.imap.uid("FETCH", uid_set(uids), f"(UID {item})"))
        if status != "OK":
            raise InboxError("server", f"The server refused to send messages ({_text(data)}).")
        found: dict[int, bytes] = {}
        for index, part in enumerate(data):
            if not isinstance(part, tuple) or len(part) < 2:
                continue
            uid = _UID.search(part[0])
            if uid is None:
                # Some servers put UID after the literal: "* 3 FETCH (BODY[...] {n} ... UID 7)".
                after = data[index + 1] if index + 1 < len(data) else b""
                uid = _UID.search(after) if isinstance(after, bytes) else None
            if uid is not None:
                found[int(uid.group(1))] = part[1]
        return found

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


def _text(value: object) -> str:
    if isinstance(value, list | tuple):
        value = b" ".join(v if isinstance(v, bytes) else str(v).encode() for v in value if v)
    if isinstance(value, bytes):
        value = value.decode("utf-8", errors="replace")
    text = " ".join(str(value).split())
    return text[:200] or "no details"
