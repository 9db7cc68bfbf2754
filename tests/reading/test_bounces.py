"""Bounces and delay notices: reading/bounces.py."""

from __future__ import annotations

from afterword.reading.bounces import read_bounce
from afterword.reading.fetched import fetched_from_bytes
from afterword.reading.message import Mail, parse
from tests.reading.builders import dsn, mail_of, raw_message, report


def mail(raw: bytes) -> Mail:
    return parse(fetched_from_bytes(raw))


def test_a_failed_recipient_in_a_delivery_report_bounces():
    """Action: failed names exactly the failed recipient, with the fields as evidence."""
    found = read_bounce(mail(report("Sorry.", dsn(("Lee@Corp.example", "failed", "5.1.1")))))

    assert found is not None
    assert (found.kind, found.failed, found.confident) == ("bounce", ("lee@corp.example",), True)
    assert "Action: failed" in found.evidence


def test_action_failure_counts_as_failed():
    """The non-standard 'failure' some servers write is a failure."""
    found = read_bounce(mail(report("x", dsn(("lee@corp.example", "failure", "5.0.0")))))

    assert found is not None and found.failed == ("lee@corp.example",)


def test_a_delayed_recipient_is_a_delay_and_never_a_failure():
    """Action: delayed means the server is still trying."""
    found = read_bounce(mail(report("x", dsn(("lee@corp.example", "delayed", "4.4.1")))))

    assert found is not None
    assert (found.kind, found.failed) == ("delay", ())


def test_only_the_recipients_that_failed_are_marked():
    """Of a failed, a delayed and a delivered recipient only the first bounced."""
    fields = dsn(
        ("a@corp.example", "failed", "5.1.1"),
        ("b@corp.example", "delayed", "4.4.1"),
        ("c@corp.example", "delivered", "2.0.0"),
    )

    found = read_bounce(mail(report("x", fields)))

    assert found is not None and found.failed == ("a@corp.example",)


def test_the_original_recipient_is_the_address_we_wrote():
    """A forward's Final-Recipient is not the address on record."""
    fields = (
        "Reporting-MTA: dns; mx.example\r\n\r\nOriginal-Recipient: rfc822;lee@corp.example\r\n"
        "Final-Recipient: rfc822;lee.forward@home.example\r\nAction: failed\r\nStatus: 5.1.1\r\n"
    )

    found = read_bounce(mail(report("x", fields)))

    assert found is not None and found.failed == ("lee@corp.example",)


def test_the_failed_recipients_header_names_the_failures():
    """Exim's X-Failed-Recipients is enough."""
    found = read_bounce(
        mail_of(
            "A message that you sent could not be delivered.",
            ("From", "Mail Delivery System <Mailer-Daemon@mx.example>"),
            ("X-Failed-Recipients", "ray@okafor.example"),
            ("Subject", "Mail delivery failed: returning message to sender"),
        )
    )

    assert found is not None and found.failed == ("ray@okafor.example",)


def test_message_ids_list_addresses_daemons_and_help_examples_are_never_marked():
    """Only a real recipient of ours is named, whatever else the text mentions."""
    text = (
        "Delivery has failed to these recipients or groups:\n\nnadia@brook.example\n\n"
        "Ask your administrator to write to postmaster@fastmail.example, or send a test to an "
        "address such as someone@example.com.\nList-Post: <mailto:jobs@lists.fastmail.example>\n"
        "Message-ID: <20261130.4821@fastmail.example>\n"
    )

    found = read_bounce(
        mail_of(
            text,
            ("From", "postmaster@fastmail.example"),
            ("Return-Path", "<>"),
            ("Subject", "Undeliverable: Thank you"),
        )
    )

    assert found is not None and found.failed == ("nadia@brook.example",)


def test_a_person_writing_about_an_undeliverable_email_is_not_a_bounce():
    """The subject alone does not make a bounce."""
    found = read_bounce(
        mail_of(
            "Hi Sam, my colleague's address bounced, please use mine.",
            ("Subject", "Undeliverable address?"),
            ("Return-Path", "<dana@lumen.example>"),
        )
    )

    assert found is None


def test_a_delay_subject_from_a_mail_system_is_a_delay():
    """Gmail's '(Delay)' notice without a report part fails nobody."""
    found = read_bounce(
        mail_of(
            "There was a temporary problem delivering your message. Gmail will retry.",
            ("From", "Mail Delivery Subsystem <mailer-daemon@googlemail.com>"),
            ("Subject", "Delivery Status Notification (Delay)"),
            ("Return-Path", "<>"),
        )
    )

    assert found is not None and (found.kind, found.failed) == ("delay", ())


def test_raw_message_builder_is_a_message():
    """The helper's output parses (guards the other tests)."""
    assert mail(raw_message("x")).sender == "dana@lumen.example"
