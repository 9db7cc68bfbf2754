"""Reading invitations as Google Calendar, Outlook/Exchange and Apple Calendar write them."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from afterword.reading.invitation import Invitation, InvitationError, Person, read_invitation

HERE = Path(__file__).parent / "invitations"
NOW = datetime(2026, 12, 4, 12, 0, tzinfo=UTC)
ME = frozenset({"sam@example.test", "sam.rivera@icloud.example"})
NEW_YORK = ZoneInfo("America/New_York")


def read(name: str, zone: ZoneInfo = NEW_YORK) -> Invitation:
    return read_invitation((HERE / name).read_bytes(), NOW, zone, ME)


def test_google_invitation_gives_its_time_zone_organiser_and_guests_without_me() -> None:
    """Google: an IANA TZID, the organiser first and the user's own address left out."""
    found = read("google.ics")

    assert found.start == datetime(2026, 12, 10, 10, 0, tzinfo=NEW_YORK)
    assert found.end == datetime(2026, 12, 10, 11, 0, tzinfo=NEW_YORK)
    assert found.zone == "America/New_York"
    assert found.organiser == Person("Dana Reyes", "dana.reyes@northwind.example")
    assert found.attendees == (
        Person("Marcus Lee", "marcus.lee@northwind.example"),
        Person("Talent Team", "talent-team@northwind.example"),
    )
    assert not found.cancelled


def test_outlook_windows_zone_name_becomes_the_iana_zone() -> None:
    """Exchange's "W. Europe Standard Time" is Europe/Berlin; the meeting room is no person."""
    found = read("outlook.ics")

    assert found.zone == "Europe/Berlin"
    assert found.start == datetime(2026, 12, 15, 14, 0, tzinfo=ZoneInfo("Europe/Berlin"))
    assert found.start.utcoffset() is not None and found.start.astimezone(UTC).hour == 13
    assert found.organiser == Person("Brandt, Henrike", "henrike.brandt@fabrikam.example")
    assert [p.name for p in found.attendees] == ["Jonas Weber"]


def test_apple_invitation_with_a_name_that_is_an_address_gets_a_readable_name() -> None:
    """Apple: quoted names; a CN that is only an address becomes "Luis Ferreira"."""
    found = read("apple.ics")

    assert found.zone == "Europe/London"
    assert found.start == datetime(2026, 12, 11, 15, 30, tzinfo=ZoneInfo("Europe/London"))
    assert found.organiser == Person("Grace Okafor", "grace@contoso.example")
    assert found.attendees == (Person("Luis Ferreira", "luis.ferreira@contoso.example"),)


def test_a_recurring_series_proposes_its_next_occurrence_skipping_exceptions() -> None:
    """Weekly on Mondays from 30 Nov, 7 Dec excluded: after 4 Dec the next is 14 Dec."""
    found = read("recurring.ics")

    chicago = ZoneInfo("America/Chicago")
    assert found.recurring
    assert found.start == datetime(2026, 12, 14, 9, 30, tzinfo=chicago)
    assert found.end == datetime(2026, 12, 14, 10, 0, tzinfo=chicago)


def test_a_floating_time_is_read_on_the_given_clock() -> None:
    """No zone at all: 13:30 on the employer's (or the user's) clock."""
    found = read("floating.ics", ZoneInfo("America/Chicago"))

    assert found.start == datetime(2026, 12, 9, 13, 30, tzinfo=ZoneInfo("America/Chicago"))
    assert found.zone == "America/Chicago"
    assert found.organiser == Person("Recruiting", "recruiting@tailspin.example")


def test_a_utc_time_keeps_its_moment_and_my_address_in_capitals_is_still_mine() -> None:
    """A Z time is the same instant whatever the zone; SAM@ is the user."""
    found = read("utc.ics")

    assert found.start == datetime(2026, 12, 14, 17, 0, tzinfo=UTC)
    assert [p.email for p in found.attendees] == ["mei.chen@wideworld.example"]


def test_a_cancellation_is_reported_as_one() -> None:
    """METHOD:CANCEL from Exchange: cancelled, with the time it cancels."""
    found = read("outlook-cancel.ics")

    assert found.cancelled
    assert found.start == datetime(2026, 12, 15, 14, 0, tzinfo=ZoneInfo("Europe/Berlin"))


@pytest.mark.parametrize(
    ("raw", "words"),
    [
        (b"not a calendar", "not a calendar"),
        (b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n", "no event"),
        (
            b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20261210\r\n"
            b"END:VEVENT\r\nEND:VCALENDAR\r\n",
            "all-day",
        ),
        (
            b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:20261210T100000Z\r\n"
            b"DTEND:20261210T090000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
            "ends before",
        ),
    ],
)
def test_a_file_that_is_no_usable_invitation_is_refused_plainly(raw: bytes, words: str) -> None:
    """Garbage, an empty calendar, an all-day event, a backwards event: a clear sentence."""
    with pytest.raises(InvitationError, match=words):
        read_invitation(raw, NOW, NEW_YORK, ME)
