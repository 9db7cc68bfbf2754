"""What a calendar invitation (.ics) proposes: when the interview is, in which zone, and who comes.

Parsed with ``icalendar``. Times are read as the sending program wrote them: a TZID with its
VTIMEZONE (Outlook/Exchange names zones the Windows way, "W. Europe Standard Time"), an IANA
TZID (Google, Apple), UTC, or a floating time, which is read on ``default_zone``'s clock. A
recurring series gives its next occurrence after ``now``; a cancellation (METHOD:CANCEL or
STATUS:CANCELLED) is reported as one and never proposes a new interview. No Django here.

The upload page (portability) and the inbox watcher both read invitations through this module;
``from_part`` takes a text/calendar MIME part as the watcher fetched it (reading/fetched.py).
"""

from __future__ import annotations

import base64
import binascii
import quopri
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from dateutil.rrule import rruleset, rrulestr  # type: ignore[import-untyped]
from icalendar import Calendar, Component
from icalendar.timezone.windows_to_olson import WINDOWS_TO_OLSON

MAX_BYTES = 512 * 1024
_MAILTO = re.compile(r"^mailto:", re.IGNORECASE)
# Attendees that are rooms or equipment, not people (RFC 5545 CUTYPE).
_NOT_PEOPLE = {"ROOM", "RESOURCE"}


class InvitationError(ValueError):
    """The file is no invitation Afterword can read; the message says why."""


@dataclass(frozen=True)
class Person:
    name: str
    email: str


@dataclass(frozen=True)
class Invitation:
    uid: str
    summary: str
    location: str
    start: datetime
    end: datetime
    zone: str
    organiser: Person | None
    attendees: tuple[Person, ...]
    cancelled: bool
    recurring: bool

    @property
    def people(self) -> tuple[Person, ...]:
        """Everyone to propose as an interviewer, the organiser first."""
        return ((self.organiser,) if self.organiser else ()) + self.attendees

    def as_data(self) -> dict[str, Any]:
        """The proposal as plain JSON data, what a confirmation page carries and a card keeps."""
        return {
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "zone": self.zone,
            "summary": self.summary,
            "people": [
                {"name": p.name, "email": p.email, "primary": p is self.organiser}
                for p in self.people
            ],
            "cancelled": self.cancelled,
            "location": self.location,
            "recurring": self.recurring,
            "uid": self.uid,
        }

    def to_json(self) -> dict[str, Any]:
        """MAIL_FORMAT.md's ``invitation`` object."""
        return {
            "method": "cancel" if self.cancelled else "request",
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "zone": self.zone,
            "summary": self.summary,
            "organiser": (
                {"name": self.organiser.name, "email": self.organiser.email}
                if self.organiser
                else None
            ),
            "attendees": [{"name": p.name, "email": p.email} for p in self.attendees],
            "recurring": self.recurring,
        }

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> Invitation:
        """The invitation again from ``as_data``'s output (what a page shows before confirming)."""
        people = [Person(p["name"], p["email"]) for p in data["people"]]
        organiser = next(
            (person for person, p in zip(people, data["people"], strict=True) if p["primary"]),
            None,
        )
        return cls(
            uid=str(data.get("uid", "")),
            summary=str(data.get("summary", "")),
            location=str(data.get("location", "")),
            start=datetime.fromisoformat(data["start"]),
            end=datetime.fromisoformat(data["end"]),
            zone=str(data["zone"]),
            organiser=organiser,
            attendees=tuple(p for p in people if p is not organiser),
            cancelled=bool(data.get("cancelled")),
            recurring=bool(data.get("recurring")),
        )


def employer_from(invitation: Invitation) -> str:
    """A starting name for a new application: the organiser's domain, "northwind" -> "Northwind"."""
    for person in invitation.people:
        domain = person.email.rsplit("@", 1)[-1].split(".")
        if len(domain) >= 2:
            return domain[-2].replace("-", " ").title()
    return invitation.summary[:200] or "New employer"


_ENCODING = re.compile(rb"^content-transfer-encoding:[ \t]*([\w-]+)", re.IGNORECASE | re.MULTILINE)


def part_bytes(mime: bytes, body: bytes) -> bytes:
    """The calendar text of a MIME part: its body decoded from base64 or quoted-printable.

    ``mime`` is the part's header block (BODY[n.MIME]); a body cut short by a partial fetch
    decodes as far as it goes, and the parser then says what is missing.
    """
    found = _ENCODING.search(mime)
    encoding = found.group(1).lower().decode() if found else ""
    if encoding == "base64":
        compact = b"".join(body.split())
        compact = compact[: len(compact) - len(compact) % 4]
        try:
            return base64.b64decode(compact)
        except (binascii.Error, ValueError):
            return b""
    if encoding == "quoted-printable":
        return quopri.decodestring(body)
    return body


def from_part(
    mime: bytes,
    body: bytes,
    now: datetime,
    default_zone: ZoneInfo,
    own_addresses: frozenset[str] = frozenset(),
) -> Invitation | None:
    """The invitation in a text/calendar part, or None when the part is no readable invitation."""
    raw = part_bytes(mime, body)
    if not raw.strip():
        return None
    try:
        return read_invitation(raw, now, default_zone, own_addresses)
    except (ValueError, KeyError, IndexError, TypeError, AttributeError):
        # InvitationError is a ValueError; the others: a part icalendar trips over.
        return None


def read_invitation(
    raw: bytes, now: datetime, default_zone: ZoneInfo, own_addresses: frozenset[str] = frozenset()
) -> Invitation:
    """The interview an .ics file proposes; ``own_addresses`` (lower case) are left out."""
    if len(raw) > MAX_BYTES:
        raise InvitationError("The file is larger than 512 KB: that is no single invitation.")
    try:
        calendar = Calendar.from_ical(raw)
    except (ValueError, IndexError, KeyError) as error:
        raise InvitationError(f"This is not a calendar file ({error}).") from None
    if not isinstance(calendar, Calendar) or calendar.name != "VCALENDAR":
        raise InvitationError("This is not a calendar file: it has no VCALENDAR.")
    events = list(calendar.walk("VEVENT"))
    if not events:
        raise InvitationError("The calendar file holds no event.")
    event = next((e for e in events if "RECURRENCE-ID" not in e), events[0])
    method = str(calendar.get("METHOD", "")).upper()
    cancelled = method == "CANCEL" or str(event.get("STATUS", "")).upper() == "CANCELLED"
    start, zone = _moment(event, "DTSTART", default_zone)
    end = _end(event, start, default_zone)
    recurring = "RRULE" in event
    if recurring:
        start, end = _next_occurrence(event, start, end, now)
    organiser = _person(event.get("ORGANIZER"))
    if organiser is not None and organiser.email.lower() in own_addresses:
        organiser = None
    attendees = []
    seen = {organiser.email.lower()} if organiser else set()
    for value in _as_list(event.get("ATTENDEE")):
        person = _person(value)
        if person is None or person.email.lower() in own_addresses | seen:
            continue
        if str(value.params.get("CUTYPE", "INDIVIDUAL")).upper() in _NOT_PEOPLE:
            continue
        seen.add(person.email.lower())
        attendees.append(person)
    return Invitation(
        uid=str(event.get("UID", "")),
        summary=str(event.get("SUMMARY", "")).strip(),
        location=str(event.get("LOCATION", "")).strip(),
        start=start,
        end=end,
        zone=zone,
        organiser=organiser,
        attendees=tuple(attendees),
        cancelled=cancelled,
        recurring=recurring,
    )


def _moment(event: Component, name: str, default_zone: ZoneInfo) -> tuple[datetime, str]:
    """An aware time and the IANA zone it was written in."""
    prop = event.get(name)
    if prop is None:
        raise InvitationError(f"The event has no {name}: when is the interview?")
    try:
        value = event.decoded(name)
    except (ValueError, KeyError) as error:
        raise InvitationError(f"{name} cannot be read ({error}).") from None
    if not isinstance(value, datetime):
        if isinstance(value, date):
            raise InvitationError("This is an all-day event; an interview needs a start time.")
        raise InvitationError(f"{name} is not a date and time.")
    tzid = str(prop.params.get("TZID", "")) if hasattr(prop, "params") else ""
    named = _iana(tzid) if tzid else None
    if value.tzinfo is None:
        # Floating time, or a zone name without its VTIMEZONE: read on the named clock.
        zone = named or default_zone
        return value.replace(tzinfo=zone), zone.key
    if value.utcoffset() == timedelta(0) and not tzid:
        return value, default_zone.key
    if named is not None:
        return value.astimezone(named), named.key
    return value, default_zone.key


def _end(event: Component, start: datetime, default_zone: ZoneInfo) -> datetime:
    if "DTEND" in event:
        end, _zone = _moment(event, "DTEND", default_zone)
    elif "DURATION" in event:
        end = start + event.decoded("DURATION")
    else:
        end = start + timedelta(hours=1)
    if end <= start:
        raise InvitationError("The event ends before it starts.")
    return end


def _next_occurrence(
    event: Component, start: datetime, end: datetime, now: datetime
) -> tuple[datetime, datetime]:
    """The first occurrence that has not ended by ``now`` (the series' start when none left)."""
    rules = rruleset()
    for value in _as_list(event.get("RRULE")):
        rules.rrule(rrulestr(value.to_ical().decode(), dtstart=start))
    for value in _as_list(event.get("EXDATE")):
        for moment in value.dts:
            when = moment.dt
            if isinstance(when, datetime):
                rules.exdate(when if when.tzinfo else when.replace(tzinfo=start.tzinfo))
    length = end - start
    upcoming = rules.after(now - length, inc=False)
    if upcoming is None:
        raise InvitationError("Every meeting of this series is over.")
    return upcoming, upcoming + length


def _iana(tzid: str) -> ZoneInfo | None:
    """An IANA zone from a TZID: IANA already, a Windows name, or a quoted/prefixed IANA name."""
    candidates = [tzid, WINDOWS_TO_OLSON.get(tzid, "")]
    # Some programs prefix the name ("/freeassociation.sourceforge.net/Europe/Berlin").
    found = re.search(r"([A-Z][a-z]+/[A-Za-z_]+(?:/[A-Za-z_]+)?)$", tzid)
    if found:
        candidates.append(found.group(1))
    for name in candidates:
        if not name:
            continue
        try:
            return ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            continue
    return None


def _person(value: object) -> Person | None:
    if value is None:
        return None
    email = _MAILTO.sub("", str(value)).strip()
    if "@" not in email:
        return None
    params = getattr(value, "params", {})
    name = str(params.get("CN", "")).strip().strip('"') or _name_from(email)
    if name.lower() == email.lower():
        name = _name_from(email)
    return Person(name=name, email=email)


def _name_from(email: str) -> str:
    """``dana.reyes@x`` -> ``Dana Reyes``: a starting point the user can correct."""
    local = email.split("@", 1)[0]
    return " ".join(part.capitalize() for part in re.split(r"[._-]+", local) if part) or email


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [value]
