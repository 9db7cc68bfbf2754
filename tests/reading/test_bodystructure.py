"""Finding the invitation part: in a server's BODYSTRUCTURE and in a whole message's bytes."""

from __future__ import annotations

from afterword.reading.bodystructure import (
    calendar_part,
    calendar_section,
    is_invitation_message,
    parse,
    split,
)
from tests.inbox.invitation_mail import forwarded, google_invitation, single_part_invitation
from tests.inbox.parse import raw

# What Dovecot sends for Google's layout: mixed(alternative(plain, html, calendar), ics).
GOOGLE = (
    b'1 (UID 4 BODYSTRUCTURE ((("text" "plain" ("charset" "us-ascii") NIL NIL "7bit" 39 1 NIL'
    b' NIL NIL NIL)("text" "html" ("charset" "us-ascii") NIL NIL "7bit" 17000 1 NIL NIL NIL'
    b' NIL)("text" "calendar" ("charset" "utf-8" "method" "REQUEST") NIL NIL "base64" 1300'
    b' 17 NIL NIL NIL NIL) "alternative" ("boundary" "b1") NIL NIL NIL)("application" "ics"'
    b' ("name" "invite.ics") NIL NIL "base64" 1300 NIL ("attachment" ("filename"'
    b' "invite.ics")) NIL NIL) "mixed" ("boundary" "b0") NIL NIL NIL))'
)


def test_the_text_calendar_part_of_googles_layout_is_section_1_3():
    """The calendar part comes before the .ics attachment of the same invitation."""
    assert calendar_section(parse(GOOGLE)) == "1.3"


def test_an_ics_attachment_alone_is_found_by_its_file_name():
    """No text/calendar part: an application/octet-stream named invite.ics still counts."""
    structure = (
        b'BODYSTRUCTURE (("text" "plain" NIL NIL NIL "7bit" 10 1 NIL NIL NIL NIL)'
        b'("application" "octet-stream" ("name" "invite.ics") NIL NIL "base64" 90 NIL'
        b' ("attachment" ("filename" "invite.ics")) NIL NIL) "mixed" ("boundary" "x") NIL NIL)'
    )
    assert calendar_section(parse(structure)) == "2"


def test_a_message_without_an_invitation_and_a_garbled_answer_give_none():
    """Plain text and unbalanced parentheses: no section, no exception."""
    plain = b'BODYSTRUCTURE ("text" "plain" ("charset" "utf-8") NIL NIL "7bit" 10 1 NIL NIL NIL)'
    assert calendar_section(parse(plain)) is None
    assert calendar_section(parse(b'BODYSTRUCTURE (("text" "calendar"')) is None


def test_the_raw_walk_numbers_parts_as_imap_does():
    """Google's layout: 1.3; a forwarded message attached as part 2: 2.1.3 inside it."""
    head, body = split(raw(google_invitation()))
    assert calendar_part(head, body).section == "1.3"
    head, body = split(raw(forwarded("me@example.test")))
    found = calendar_part(head, body)
    assert found is not None and found.section == "2.1.3"
    assert b"text/calendar" in found.mime


def test_a_single_part_invitation_is_part_1_both_ways_and_says_so_in_its_header():
    """Dovecot's BODYSTRUCTURE of a top-level text/calendar message, and the raw walk: part 1."""
    dovecot = (
        b'1 (UID 1 BODYSTRUCTURE ("text" "calendar" ("charset" "UTF-8" "method" "REQUEST") NIL'
        b' NIL "7bit" 431 14 NIL NIL NIL NIL))'
    )
    head, body = split(raw(single_part_invitation()))

    assert calendar_section(parse(dovecot)) == "1"
    assert calendar_part(head, body).section == "1"
    assert is_invitation_message(head)
    assert not is_invitation_message(split(raw(google_invitation()))[0])
    assert not is_invitation_message(split(raw(forwarded("me@example.test")))[0])
