"""``afterword read FILE [FILE ...]``: what the inbox watcher would conclude from each message.

Each FILE is a raw RFC 5322 message (an .eml file), or ``-`` for standard input. It is cut down
to what the watcher fetches over IMAP (reading/fetched.py) and read by the same code
(reading/reading.py); the output is docs/MAIL_FORMAT.md's JSON: one object for one file, JSON
Lines (each with ``file``) for several.

Exit status 0 when every file was read; 2 when one is missing or not a message (one line on
standard error naming it, nothing on standard output for it). No database, no network.
"""

from __future__ import annotations

import json
import re
import sys
from datetime import UTC, date, datetime
from enum import StrEnum
from pathlib import Path
from typing import Annotated, NoReturn

import typer

MAX_MESSAGE_BYTES = 50 * 1024 * 1024
# The fields a message starts with in practice; a file that has none of them is not mail.
_MAIL_FIELDS = frozenset(
    {
        "from",
        "to",
        "subject",
        "date",
        "message-id",
        "received",
        "return-path",
        "mime-version",
        "content-type",
        "delivered-to",
        "sender",
        "reply-to",
        "cc",
    }
)
_FIELD_LINE = re.compile(rb"^([!-9;-~]+):")
_LANGUAGE = re.compile(r"^[a-z]{2,3}$")


class ReadFormat(StrEnum):
    json = "json"


class NotAMessage(Exception):
    """A file that cannot be read as a message; the text says why."""


def fail(*messages: str) -> NoReturn:
    from afterword.cli import fail as cli_fail

    cli_fail(*messages)


def read_command(
    files: Annotated[
        list[str], typer.Argument(metavar="FILE|-", help="Raw messages (.eml); - for stdin.")
    ],
    country: Annotated[
        str, typer.Option(help="ISO 3166 country, optionally CC-SUB, for public holidays.")
    ] = "US",
    language: Annotated[
        str | None, typer.Option(help="The body's language (en, de, fr, es, ...) if known.")
    ] = None,
    output: Annotated[ReadFormat, typer.Option("--format", help="json.")] = ReadFormat.json,
) -> None:
    """Read emails as the inbox watcher does: reply, away notice, bounce, delay or bulk."""
    # The reader (its classifier, the date phrases, the bounce scanner) loads only for this
    # command: `afterword plan` should not pay for it (issue 14).
    from afterword.reading.fetched import fetched_from_bytes
    from afterword.reading.reading import read

    code, subdivision = _country(country)
    if language is not None and not _LANGUAGE.match(language.lower()):
        fail(f"--language: not a language code ({language!r}); use en, de, fr, es, ...")
    today = date.today()
    now = datetime.now(UTC)
    several = len(files) > 1
    failed = False
    for name in files:
        try:
            raw = _message_bytes(name)
        except NotAMessage as problem:
            print(f"error: {name}: {problem}", file=sys.stderr)
            failed = True
            continue
        seen = fetched_from_bytes(raw)
        reading = read(
            seen,
            country=code,
            subdivision=subdivision,
            language=language.lower() if language else None,
            today=today,
        )
        result = {"file": name, **reading.to_json()}
        if seen.calendar:
            result |= _invitation(seen.calendar_mime, seen.calendar, now)
        if several:
            print(json.dumps(result, ensure_ascii=False))
        else:
            print(json.dumps(result, ensure_ascii=False, indent=2))
    if failed:
        raise typer.Exit(2)


def _invitation(mime: bytes, body: bytes, now: datetime) -> dict[str, object]:
    """``{"invitation": {...}}`` when the calendar part is one (floating times read as UTC)."""
    from zoneinfo import ZoneInfo

    # icalendar loads slowly: only for a message that carries a calendar part.
    from afterword.reading.invitation import from_part

    invitation = from_part(mime, body, now, ZoneInfo("UTC"))
    return {"invitation": invitation.to_json()} if invitation is not None else {}


def _country(value: str) -> tuple[str, str | None]:
    from afterword.rules.case import supported_countries

    code, _, subdivision = value.strip().partition("-")
    code = code.upper()
    known = supported_countries()
    if code not in known:
        fail(f"--country: unknown country code {value!r}")
    if subdivision and subdivision.upper() not in {s.upper() for s in known[code]}:
        fail(f"--country: unknown subdivision {subdivision!r} of {code}")
    return code, subdivision.upper() or None


def _message_bytes(name: str) -> bytes:
    """The file's bytes when they look like a message; NotAMessage otherwise."""
    try:
        if name == "-":
            raw = sys.stdin.buffer.read(MAX_MESSAGE_BYTES + 1)
        else:
            path = Path(name)
            if path.is_dir():
                raise NotAMessage("is a directory, not a message")
            with path.open("rb") as handle:
                raw = handle.read(MAX_MESSAGE_BYTES + 1)
    except FileNotFoundError:
        raise NotAMessage("no such file") from None
    except OSError as error:
        raise NotAMessage(f"cannot read ({error.strerror or error})") from None
    if len(raw) > MAX_MESSAGE_BYTES:
        raise NotAMessage(f"larger than {MAX_MESSAGE_BYTES // (1024 * 1024)} MB")
    if not raw.strip():
        raise NotAMessage("is empty, not a message")
    if raw.startswith(b"From "):  # an mbox separator line before the headers
        raw = raw.split(b"\n", 1)[1] if b"\n" in raw else b""
    if b"\0" in raw[:65536] or not _has_mail_header(raw):
        raise NotAMessage("is not an email message (no header lines such as From: or Subject:)")
    return raw


def _has_mail_header(raw: bytes) -> bool:
    """Header lines from the first line on, and at least one field that messages carry."""
    names: list[str] = []
    for line in raw.lstrip(b"\r\n").splitlines()[:200]:
        if not line.strip():
            break
        if line[:1] in (b" ", b"\t") and names:
            continue
        field = _FIELD_LINE.match(line)
        if field is None:
            return False
        names.append(field.group(1).decode("ascii").lower())
    return bool(_MAIL_FIELDS.intersection(names))
