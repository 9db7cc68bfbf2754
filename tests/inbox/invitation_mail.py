"""Calendar invitations as they land in an inbox, built for the inbox tests.

``google_invitation`` is laid out the way Google Calendar sends one: plain text, a long HTML
version, then the text/calendar part (well past the watcher's first 8 KB of body), and the same
calendar again as an ``invite.ics`` attachment. ``single_part_invitation`` is the same calendar
as the whole message, no multipart around it, as some calendar systems and scripts send one;
``plain_text_invitation`` the same again with no Content-Type at all (or text/plain), as some
scripts send it. ``forwarded`` attaches an invitation to a short note (as "forward as
attachment" does), ``wrapped`` makes an invitation the whole body of a top-level message/rfc822;
``ics_attachment`` sends the calendar as an application/octet-stream file with a given name;
``plain_part_invitation`` puts it in a text/plain part (or a part with no Content-Type) of a
multipart message, as some scheduling tools do; ``digest`` passes messages on in a
multipart/digest whose parts have no Content-Type (so each is a message/rfc822).
The wording and the people are ours.
"""

from __future__ import annotations

import base64
import quopri
from datetime import UTC, datetime
from email.message import EmailMessage, Message
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
    description: str = "",
) -> str:
    """An invitation to a second round at Harbour Logistics, in New York time; a long
    ``description`` is folded into 75-octet lines as RFC 5545 3.1 asks."""
    status = "CANCELLED" if method == "CANCEL" else "CONFIRMED"
    described = "DESCRIPTION:" + description
    folded = [described[:75]] + [
        " " + described[at : at + 74] for at in range(75, len(described), 74)
    ]
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
            *(folded if description else []),
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


def single_part_invitation(
    sender: str = f"Jordan Blake <{ORGANISER}>",
    *,
    method: str = "REQUEST",
    content_type: str = "text/calendar",
    encoding: str = "7bit",
    description: str = "",
    when: datetime = RECEIVED,
) -> Message:
    """The calendar as the whole message (top-level text/calendar or application/ics), in
    ``encoding`` (7bit or base64)."""
    ics = calendar(method=method, description=description).encode()
    message = Message()
    message["From"] = sender
    message["To"] = USER_ADDRESS
    message["Subject"] = "Invitation: Interview round 2 @ Thu 12 Mar 2026 2pm - 3pm (EDT)"
    message["Date"] = format_datetime(when)
    message["Message-ID"] = make_msgid(domain="harbour.example")
    message["MIME-Version"] = "1.0"
    if content_type == "text/calendar":
        message["Content-Type"] = f'text/calendar; charset="utf-8"; method={method}'
    else:
        message["Content-Type"] = f'{content_type}; name="invite.ics"'
    message["Content-Transfer-Encoding"] = encoding
    body = base64.encodebytes(ics) if encoding == "base64" else ics
    message.set_payload(body.decode("ascii"))
    return message


def plain_text_invitation(
    sender: str = f"Jordan Blake <{ORGANISER}>",
    *,
    content_type: str | None = None,
    encoding: str | None = None,
    description: str = "",
    leading: str = "",
    when: datetime = RECEIVED,
) -> Message:
    """The calendar as the whole body of a message with no Content-Type header (text/plain by
    RFC 2045), or with ``content_type``; ``encoding`` (base64 or quoted-printable) names a
    Content-Transfer-Encoding; ``leading`` white space comes before BEGIN:VCALENDAR."""
    ics = (leading + calendar(description=description)).encode()
    message = Message()
    message["From"] = sender
    message["To"] = USER_ADDRESS
    message["Subject"] = "Interview round 2, Thu 12 Mar 2026 2pm (EDT)"
    message["Date"] = format_datetime(when)
    message["Message-ID"] = make_msgid(domain="harbour.example")
    if content_type is not None:
        message["Content-Type"] = content_type
    if encoding is not None:
        message["Content-Transfer-Encoding"] = encoding
    if encoding == "base64":
        body = base64.encodebytes(ics)
    elif encoding == "quoted-printable":
        body = quopri.encodestring(ics)
    else:
        body = ics
    message.set_payload(body.decode("ascii"))
    return message


def forwarded(
    sender: str,
    original: Message | None = None,
    *,
    note: str = "For Afterword.\n",
    to: str = USER_ADDRESS,
    when: datetime = RECEIVED,
) -> EmailMessage:
    """``sender`` forwards ``original`` (Google's invitation unless given) with a short ``note``,
    the original attached as a message/rfc822 part (as Outlook's forward as attachment does)."""
    if original is None:
        original = google_invitation(when=datetime(2026, 3, 4, 9, 0, tzinfo=UTC))
    message = EmailMessage()
    message["From"] = sender
    message["To"] = to
    message["Subject"] = "Fwd: " + str(original["Subject"])
    message["Date"] = format_datetime(when)
    message["Message-ID"] = make_msgid(domain=sender.rpartition("@")[2].strip(">"))
    message.set_content(note)
    message.make_mixed()
    message.attach(MIMEMessage(original))
    return message


def wrapped(sender: str, original: Message, when: datetime = RECEIVED) -> MIMEMessage:
    """``original`` as the whole body of a top-level message/rfc822 from ``sender``, as some
    gateways and mail programs wrap a message they pass on."""
    message = MIMEMessage(original)
    message["From"] = sender
    message["To"] = USER_ADDRESS
    message["Subject"] = "Fwd: " + str(original["Subject"])
    message["Date"] = format_datetime(when)
    message["Message-ID"] = make_msgid(domain=sender.rpartition("@")[2].strip(">"))
    return message


def ics_attachment(filename: str, when: datetime = RECEIVED) -> EmailMessage:
    """A short note with the calendar attached as application/octet-stream named ``filename``
    (a long name is written in RFC 2231 continuations, quotes in it escaped)."""
    message = EmailMessage()
    message["From"] = f"Jordan Blake <{ORGANISER}>"
    message["To"] = USER_ADDRESS
    message["Subject"] = "Interview round 2"
    message["Date"] = format_datetime(when)
    message["Message-ID"] = make_msgid(domain="harbour.example")
    message.set_content("The invitation is attached.\n")
    message.add_attachment(
        calendar().encode(), maintype="application", subtype="octet-stream", filename=filename
    )
    return message


def eight_bit_ics_attachment(filename: str) -> bytes:
    """As ``ics_attachment``, the file name written as raw UTF-8 (no RFC 2231), as some mail
    programs write it; Dovecot then sends it inside the BODYSTRUCTURE as a literal."""
    data = ics_attachment("placeholder.ics").as_bytes()
    return data.replace(b'filename="placeholder.ics"', b'filename="' + filename.encode() + b'"')


def plain_part_invitation(
    layout: str = "mixed",
    *,
    part_type: str | None = 'text/plain; charset="utf-8"',
    encoding: str | None = None,
    description: str = "",
    calendar_text: str | None = None,
    when: datetime = RECEIVED,
) -> MIMEMultipart:
    """The calendar as a text/plain part of a multipart message: "mixed" puts it after a short
    note, "alternative" before an HTML version of the same invitation. ``part_type`` None
    leaves the part without a Content-Type (text/plain by RFC 2045); ``encoding`` base64 or
    quoted-printable encodes it; ``calendar_text`` replaces the calendar with other words."""
    text = calendar(description=description) if calendar_text is None else calendar_text
    if encoding == "base64":
        body = base64.encodebytes(text.encode()).decode("ascii")
    elif encoding == "quoted-printable":
        body = quopri.encodestring(text.encode()).decode("ascii")
    else:
        body = text
    part = Message()
    if part_type is not None:
        part["Content-Type"] = part_type
    if encoding is not None:
        part["Content-Transfer-Encoding"] = encoding
    part.set_payload(body)
    message = MIMEMultipart(layout)
    if layout == "alternative":
        message.attach(part)
        message.attach(MIMEText("<p>You have been invited to an interview.</p>", "html"))
    else:
        message.attach(MIMEText("Sam, the invitation for round 2 follows.\n", "plain"))
        message.attach(part)
    message["From"] = f"Jordan Blake <{ORGANISER}>"
    message["To"] = USER_ADDRESS
    message["Subject"] = "Interview round 2, Thu 12 Mar 2026 2pm (EDT)"
    message["Date"] = format_datetime(when)
    message["Message-ID"] = make_msgid(domain="harbour.example")
    return message


def digest(sender: str, *messages: Message, when: datetime = RECEIVED) -> bytes:
    """``messages`` in a multipart/digest from ``sender``, each part with no header of its own,
    as list software writes a digest (RFC 2046 5.1.5: such a part is a message/rfc822)."""
    head = (
        f"From: {sender}\r\nTo: {USER_ADDRESS}\r\nSubject: Digest of the week\r\n"
        f"Date: {format_datetime(when)}\r\nMessage-ID: {make_msgid(domain='harbour.example')}\r\n"
        'MIME-Version: 1.0\r\nContent-Type: multipart/digest; boundary="digest-0"\r\n\r\n'
    ).encode()
    parts = b"".join(b"--digest-0\r\n\r\n" + m.as_bytes() + b"\r\n" for m in messages)
    return head + parts + b"--digest-0--\r\n"
