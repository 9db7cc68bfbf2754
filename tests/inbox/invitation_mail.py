"""Calendar invitations as they land in an inbox, built for the inbox tests.

``google_invitation`` is laid out the way Google Calendar sends one: plain text, a long HTML
version, then the text/calendar part (well past the watcher's first 8 KB of body), and the same
calendar again as an ``invite.ics`` attachment. The wording and the people are ours.
"""

from __future__ import annotations

from datetime import UTC, datetime
from email.message import EmailMessage
from email.mime.application import MIMEApplication
from email.mime.message import MIMEMessage
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from email.utils import format_datetime, make_msgid

from tests.inbox.mail import RECEIVED, USER_ADDRESS

ORGANISER = "talent@harbour.example"


def calendar(
    *,
    method: str = "REQUEST",
    start: str = "20260312T140000",
    end: str = "20260312T150000",
    uid: str = "round2-harbour@google.com",
) -> str:
    """An invitation to a second round at Harbour Logistics, in New York time."""
    status = "CANCELLED" if method == "CANCEL" else "CONFIRMED"
    return "\r\n".join(
        [
            "BEGIN:VCALENDAR",
            "PRODID:-//Google Inc//Google Calendar 70.9054//EN",
            "VERSION:2.0",
            f"METHOD:{method}",
            "BEGIN:VEVENT",
            f"DTSTART;TZID=America/New_York:{start}",
            f"DTEND;TZID=America/New_York:{end}",
            "DTSTAMP:20260304T150000Z",
            f"ORGANIZER;CN=Jordan Blake:mailto:{ORGANISER}",
            f"UID:{uid}",
            "ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;CN=Jordan Blake:mailto:" + ORGANISER,
            "ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;CN=Sam Rivera:mailto:" + USER_ADDRESS,
            "ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;CN=Lena Okafor:mailto:"
            "lena.okafor@harbour.example",
            "ATTENDEE;CUTYPE=ROOM;ROLE=NON-PARTICIPANT;CN=Room 4B:mailto:room-4b@harbour.example",
            "SUMMARY:Interview: Sam Rivera / Data Analyst (round 2)",
            f"STATUS:{status}",
            "END:VEVENT",
            "END:VCALENDAR",
            "",
        ]
    )


def google_invitation(
    sender: str = f"Jordan Blake <{ORGANISER}>",
    *,
    method: str = "REQUEST",
    when: datetime = RECEIVED,
    subject: str = "Invitation: Interview round 2 @ Thu 12 Mar 2026 2pm - 3pm (EDT)",
    start: str = "20260312T140000",
    end: str = "20260312T150000",
) -> MIMEMultipart:
    """Google's layout, the calendar part past the first 8 KB."""
    ics = calendar(method=method, start=start, end=end)
    alternative = MIMEMultipart("alternative")
    alternative.attach(MIMEText("You have been invited to an interview.\n", "plain"))
    rows = "".join(
        f"<tr><td>Detail {n}</td><td>Join the call a few minutes early, please.</td></tr>"
        for n in range(200)
    )
    alternative.attach(MIMEText(f"<html><body><table>{rows}</table></body></html>", "html"))
    part = MIMEText(ics, "calendar", "utf-8")
    part.set_param("method", method)
    alternative.attach(part)
    message = MIMEMultipart("mixed")
    message.attach(alternative)
    attachment = MIMEApplication(ics.encode(), "ics", name="invite.ics")
    attachment.add_header("Content-Disposition", "attachment", filename="invite.ics")
    message.attach(attachment)
    message["From"] = sender
    message["To"] = USER_ADDRESS
    message["Subject"] = subject
    message["Date"] = format_datetime(when)
    message["Message-ID"] = make_msgid(domain="harbour.example")
    return message


def forwarded(own_address: str, when: datetime = RECEIVED) -> EmailMessage:
    """The user forwards the invitation to themselves, the original attached (as Outlook does)."""
    original = google_invitation(when=datetime(2026, 3, 4, 9, 0, tzinfo=UTC))
    message = EmailMessage()
    message["From"] = own_address
    message["To"] = own_address
    message["Subject"] = "Fwd: " + str(original["Subject"])
    message["Date"] = format_datetime(when)
    message["Message-ID"] = make_msgid(domain="example.test")
    message.set_content("For Afterword.\n")
    message.make_mixed()
    message.attach(MIMEMessage(original))
    return message
