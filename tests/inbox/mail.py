"""Messages an inbox receives, built for the inbox tests: replies, auto-replies, bounces, lists.

Each builder returns an EmailMessage as a mail server would store it. The wording is ours.
"""

from __future__ import annotations

from datetime import UTC, datetime
from email.message import EmailMessage, Message
from email.mime.message import MIMEMessage
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from email.utils import format_datetime, make_msgid

# Wed 4 Mar 2026, 15:30 UTC (10:30 in New York): the day after the tests' frozen NOW.
RECEIVED = datetime(2026, 3, 4, 15, 30, tzinfo=UTC)
USER_ADDRESS = "sam@example.test"


def email(
    sender: str,
    subject: str,
    body: str,
    *,
    when: datetime = RECEIVED,
    in_reply_to: str | None = None,
    references: str | None = None,
    message_id: str | None = None,
    headers: dict[str, str] | None = None,
    html: str | None = None,
) -> EmailMessage:
    message = EmailMessage()
    message["From"] = sender
    message["To"] = USER_ADDRESS
    message["Subject"] = subject
    message["Date"] = format_datetime(when)
    message["Message-ID"] = message_id or make_msgid(domain=sender.rpartition("@")[2].strip(">"))
    if in_reply_to:
        message["In-Reply-To"] = in_reply_to
        message["References"] = references or in_reply_to
    for name, value in (headers or {}).items():
        message[name] = value
    message.set_content(body)
    if html is not None:
        message.add_alternative(html, subtype="html")
    return message


def threaded_reply(our_id: str, when: datetime = RECEIVED) -> EmailMessage:
    """Priya answers our thank-you in the same thread, without a decision."""
    return email(
        "Priya Natarajan <priya@harbour.example>",
        "Re: Thank you for Monday",
        "Hi Sam,\n\nThanks for your note, it was good to meet you too. We are still talking to "
        "a couple of candidates this week.\n\nBest,\nPriya\n\n"
        "On Mon, 2 Mar 2026 at 18:00, Sam Rivera <sam@example.test> wrote:\n"
        "> Thank you for the conversation about the next round of data work.\n",
        when=when,
        in_reply_to=our_id,
    )


def new_address_at_employer(when: datetime = RECEIVED) -> EmailMessage:
    """Someone we never met writes from the employer's domain (a recruiter)."""
    return email(
        "Jordan Blake <talent@harbour.example>",
        "Your application for Data Analyst",
        "Hello Sam,\n\nI coordinate hiring for the data team. The panel would like to invite you "
        "to a second interview with the head of operations.\n\nKind regards,\nJordan",
        when=when,
    )


def out_of_office(
    until_phrase: str = "back on 14 December", when: datetime = RECEIVED
) -> EmailMessage:
    return email(
        "Priya Natarajan <priya@harbour.example>",
        "Automatic reply: Checking in",
        f"Thank you for your message. I am out of the office with limited access to email and "
        f"will be {until_phrase}. For urgent matters please contact the front desk.",
        when=when,
        headers={"Auto-Submitted": "auto-replied", "X-Autoreply": "yes"},
    )


def newsletter(when: datetime = RECEIVED) -> EmailMessage:
    """The employer's monthly newsletter: from their domain, but bulk mail."""
    return email(
        "Harbour Logistics News <news@harbour.example>",
        "March at Harbour: new routes and an offer for subscribers",
        "Our newsletter. We are pleased to extend an offer to all subscribers this month.",
        when=when,
        headers={
            "Precedence": "bulk",
            "List-Unsubscribe": "<mailto:unsubscribe@harbour.example>",
            "List-Id": "Harbour news <news.harbour.example>",
        },
    )


def rejection(
    sender: str = "Tomasz Wilk <tomasz@harbour.example>", when: datetime = RECEIVED
) -> EmailMessage:
    return email(
        sender,
        "Data Analyst role",
        "Dear Sam,\n\nThank you for the time you gave us. After a lot of thought we have decided "
        "to move forward with another candidate whose background is closer to the role.\n\n"
        "We wish you well,\nTomasz",
        when=when,
    )


def offer(
    sender: str = "Priya Natarajan <priya@harbour.example>", when: datetime = RECEIVED
) -> EmailMessage:
    return email(
        sender,
        "Good news",
        "Dear Sam,\n\nI am delighted to offer you the position of Data Analyst. The written offer "
        "letter follows from our people team today.\n\nPriya",
        when=when,
    )


def no_decision_yet(
    sender: str = "Priya Natarajan <priya@harbour.example>", when: datetime = RECEIVED
) -> EmailMessage:
    return email(
        sender,
        "Re: Checking in",
        "Hi Sam,\n\nNo decision yet, sorry for the wait. We expect to decide by the 20th and I "
        "will write as soon as we have.\n\nPriya",
        when=when,
    )


def stranger(when: datetime = RECEIVED) -> EmailMessage:
    """Someone at gmail.com, nothing to do with any application."""
    return email(
        "Alex Moreau <alex.moreau@gmail.com>",
        "Saturday?",
        "Are we still on for the climbing gym on Saturday? We expect to decide the time by Friday.",
        when=when,
    )


def bounce(
    failed: str = "tomasz@harbour.example", our_id: str | None = None, when: datetime = RECEIVED
) -> EmailMessage:
    """A delivery status notification (RFC 3464) from the user's own mail server."""
    report = MIMEMultipart("report", report_type="delivery-status")
    report["From"] = "Mail Delivery Subsystem <MAILER-DAEMON@mail.example.test>"
    report["To"] = USER_ADDRESS
    report["Subject"] = "Undelivered Mail Returned to Sender"
    report["Date"] = format_datetime(when)
    report["Message-ID"] = make_msgid(domain="mail.example.test")
    report["Auto-Submitted"] = "auto-replied"
    report.attach(
        MIMEText(
            f"This is the mail system at host mail.example.test.\n\nYour message could not be "
            f"delivered to one or more recipients.\n\n<{failed}>: host mx.harbour.example said: "
            f"550 5.1.1 User unknown\n"
        )
    )
    per_message, per_recipient = Message(), Message()
    per_message["Reporting-MTA"] = "dns; mail.example.test"
    per_recipient["Final-Recipient"] = f"rfc822; {failed}"
    per_recipient["Original-Recipient"] = f"rfc822;{failed}"
    per_recipient["Action"] = "failed"
    per_recipient["Status"] = "5.1.1"
    per_recipient["Diagnostic-Code"] = "smtp; 550 5.1.1 User unknown"
    status = Message()
    status.set_type("message/delivery-status")
    status.set_payload([per_message, per_recipient])
    report.attach(status)
    returned = EmailMessage()
    returned["From"] = f"Sam Rivera <{USER_ADDRESS}>"
    returned["To"] = failed
    returned["Subject"] = "Thank you for Monday"
    returned["Message-ID"] = our_id or make_msgid(domain="example.test")
    returned.set_content("Thank you for the conversation.")
    report.attach(MIMEMessage(returned))
    return report  # type: ignore[return-value]


def rule_away(
    until_phrase: str = "until Tuesday, March 10", when: datetime = RECEIVED
) -> EmailMessage:
    """An away notice sent by a mail rule, without the headers of an automatic reply: ``low``."""
    return email(
        "Priya Natarajan <priya@harbour.example>",
        "Out of Office: Checking in",
        f"I am out of the office {until_phrase} and will reply when I return.",
        when=when,
    )


def plain_bounce(failed: str, when: datetime = RECEIVED) -> EmailMessage:
    """An old sendmail's text-only report under a null Return-Path, no delivery report.

    Mailman's detectors know the format but refuse a hyphenated domain, so for such an address
    the reader falls back on the addresses the text names, and says ``low``.
    """
    return email(
        "Mail Delivery Subsystem <MAILER-DAEMON@mx.harbour.example>",
        "Returned mail: see transcript for details",
        f"The original message was received at {format_datetime(when)}\n\n"
        f"   ----- The following addresses had permanent fatal errors -----\n<{failed}>\n"
        f"    (reason: 550 5.1.1 <{failed}>... User unknown)\n",
        when=when,
        headers={"Return-Path": "<>"},
    )
