"""Telling bounces, automatic replies and newsletters from people, and reading return dates."""

from __future__ import annotations

from datetime import date

import pytest

from afterword.inbox.kinds import (
    bounced_addresses,
    classify,
    return_date,
    returned_message_ids,
)
from afterword.inbox.message import parse_headers
from tests.inbox import mail as inbox_mail
from tests.inbox.parse import read

RECEIVED_ON = date(2026, 3, 4)


def test_a_person_writing_is_a_person():
    """A plain reply with none of the automatic headers is from a person."""
    incoming, text = read(inbox_mail.offer())

    assert classify(incoming, text) == "person"


def test_a_delivery_report_is_a_bounce_naming_the_failed_address_and_our_message():
    """multipart/report; report-type=delivery-status gives the Final-Recipient and our id."""
    incoming, text = read(inbox_mail.bounce("tomasz@harbour.example", our_id="<ours@ex.test>"))

    assert classify(incoming, text) == "bounce"
    assert bounced_addresses(incoming, text) == ("tomasz@harbour.example",)
    assert "<ours@ex.test>" in returned_message_ids(incoming, text)


def test_a_daemon_notice_without_a_report_is_a_bounce_read_from_its_words():
    """MAILER-DAEMON with an "Undelivered" subject and the address in its text."""
    raw = (
        b"From: MAILER-DAEMON@mx.example.test\r\nTo: sam@example.test\r\n"
        b"Subject: Undelivered Mail Returned to Sender\r\n"
    )
    incoming = parse_headers(raw)
    text = "Delivery to <gone@harbour.example> failed permanently."

    assert classify(incoming, text) == "bounce"
    assert bounced_addresses(incoming, text) == ("gone@harbour.example",)


def test_x_failed_recipients_names_the_bounced_address():
    """Exim and Gmail list the failed addresses in a header."""
    incoming = parse_headers(
        b"From: mailer-daemon@googlemail.com\r\nX-Failed-Recipients: Gone@Harbour.example\r\n"
        b"Subject: Delivery Status Notification (Failure)\r\n"
    )

    assert classify(incoming) == "bounce"
    assert bounced_addresses(incoming, "") == ("gone@harbour.example",)


def test_a_delayed_notice_bounces_no_address():
    """Action: delayed means the server is still trying: the address is not marked."""
    incoming = parse_headers(
        b"From: MAILER-DAEMON@mx.example.test\r\nSubject: Delivery delayed\r\nContent-Type: "
        b'multipart/report; report-type=delivery-status; boundary="x"\r\n'
    )
    text = "Final-Recipient: rfc822; slow@harbour.example\nAction: delayed\nStatus: 4.4.1"

    assert classify(incoming, text) == "bounce"
    assert bounced_addresses(incoming, text) == ()


@pytest.mark.parametrize(
    "headers",
    [
        {"Auto-Submitted": "auto-replied"},
        {"Auto-Submitted": "auto-generated"},
        {"X-Autoreply": "yes"},
        {"X-Autorespond": "Out of office"},
        {"Precedence": "auto_reply"},
    ],
)
def test_automatic_reply_headers_make_an_auto_reply(headers):
    """RFC 3834 and the common vendor headers each mark an automatic answer."""
    incoming, text = read(
        inbox_mail.email("priya@harbour.example", "Re: hi", "Noted.", headers=headers)
    )

    assert classify(incoming, text) == "auto_reply"


def test_auto_submitted_no_is_a_person():
    """ "Auto-Submitted: no" is what a person's mail program may say explicitly."""
    message = inbox_mail.email(
        "priya@harbour.example", "Hi", "Hello.", headers={"Auto-Submitted": "no"}
    )

    assert classify(*read(message)) == "person"


@pytest.mark.parametrize(
    "subject",
    [
        "Out of Office: Checking in",
        "Automatic reply: Thank you",
        "Abwesenheitsnotiz",
        "OOO until Monday",
    ],
)
def test_an_out_of_office_subject_alone_makes_an_auto_reply(subject):
    """Many servers set no header at all; the subject gives them away."""
    assert (
        classify(*read(inbox_mail.email("priya@harbour.example", subject, "Away."))) == "auto_reply"
    )


def test_a_vacation_notice_marked_bulk_is_still_an_auto_reply_not_a_newsletter():
    """The vacation program sends "Precedence: bulk"; it is an away notice all the same."""
    message = inbox_mail.email(
        "priya@harbour.example",
        "Away",
        "I am away until 14 December.",
        headers={"Precedence": "bulk", "Auto-Submitted": "auto-replied"},
    )

    assert classify(*read(message)) == "auto_reply"


def test_a_newsletter_is_bulk_even_from_the_employers_domain():
    """List-Unsubscribe and Precedence: bulk make it bulk mail, whatever its words say."""
    assert classify(*read(inbox_mail.newsletter())) == "bulk"


@pytest.mark.parametrize("header", [{"List-Id": "<team.harbour.example>"}, {"Precedence": "list"}])
def test_mailing_list_headers_make_bulk_mail(header):
    """A List-Id header or Precedence: list alone makes a message bulk mail."""
    assert (
        classify(*read(inbox_mail.email("x@harbour.example", "News", "Hi.", headers=header)))
        == "bulk"
    )


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("I will be back on 14 December.", date(2026, 12, 14)),
        ("Returning Monday, Dec 14, with limited access.", date(2026, 12, 14)),
        ("I am out of the office until March 10 and will reply then.", date(2026, 3, 10)),
        ("Away from 5 March, back in the office on the 16th.", date(2026, 3, 16)),
        ("I'm on vacation until next Friday.", date(2026, 3, 13)),
        ("I return on 2026-03-23.", date(2026, 3, 23)),
    ],
)
def test_the_return_date_of_an_away_notice_is_found(words, expected):
    """The day after "back", "returning", "until", counted from the day it arrived (Wed 4 Mar)."""
    assert return_date(words, RECEIVED_ON) == expected


def test_the_latest_date_named_is_the_return():
    """ "Away 6 to 11 March, back on the 16th": the 16th, not the 11th."""
    text = "I am away until 11 March and back at my desk on March 16."

    assert return_date(text, RECEIVED_ON) == date(2026, 3, 16)


@pytest.mark.parametrize(
    "words",
    ["I am out of the office with limited access.", "Back soon!", "I will reply when I return."],
)
def test_an_away_notice_without_a_date_has_no_return_date(words):
    """An away notice naming no date ("Back soon!") has no return date."""
    assert return_date(words, RECEIVED_ON) is None
