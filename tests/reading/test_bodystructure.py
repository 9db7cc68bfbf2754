"""Finding the invitation part: in a server's BODYSTRUCTURE and in a whole message's bytes."""

from __future__ import annotations

from afterword.reading.bodystructure import (
    MAX_DEPTH,
    MAX_PLAIN_PARTS,
    calendar_part,
    calendar_section,
    is_invitation_message,
    parse,
    plain_parts,
    plain_sections,
    split,
)
from tests.inbox.invitation_mail import (
    forwarded,
    google_invitation,
    ics_attachment,
    plain_part_invitation,
    single_part_invitation,
    wrapped,
)
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


# What Dovecot sent for an invitation wrapped whole in a top-level message/rfc822 (Google's
# layout inside, then a single-part text/calendar inside), and for a single-part invitation
# attached as part 2 of a forward (envelopes shortened to the fields that matter).
_ENVELOPE = b'("Wed, 04 Mar 2026 15:30:00 +0000" "Invitation" NIL NIL NIL NIL NIL NIL NIL "<1@h>")'
_CALENDAR = (
    b'("text" "calendar" ("charset" "utf-8" "method" "REQUEST") NIL NIL "7bit" 784 18 NIL NIL'
    b" NIL NIL)"
)
WRAPPED_GOOGLE = (
    b'1 (UID 1 BODYSTRUCTURE ("message" "rfc822" NIL NIL NIL "7bit" 19158 '
    + _ENVELOPE
    + b' ((("text" "plain" ("charset" "us-ascii") NIL NIL "7bit" 40 1 NIL NIL NIL NIL)("text"'
    b' "html" ("charset" "us-ascii") NIL NIL "7bit" 15731 0 NIL NIL NIL NIL)("text" "calendar"'
    b' ("charset" "utf-8" "method" "REQUEST") NIL NIL "base64" 1076 14 NIL NIL NIL NIL)'
    b' "alternative" ("boundary" "b1") NIL NIL NIL)("application" "ics" ("name" "invite.ics")'
    b' NIL NIL "base64" 1076 NIL ("attachment" ("filename" "invite.ics")) NIL NIL) "mixed"'
    b' ("boundary" "b0") NIL NIL NIL) 70 NIL NIL NIL NIL))'
)
WRAPPED_SINGLE = (
    b'2 (UID 2 BODYSTRUCTURE ("message" "rfc822" NIL NIL NIL "7bit" 1150 '
    + _ENVELOPE
    + b" "
    + _CALENDAR
    + b" 27 NIL NIL NIL NIL))"
)
ATTACHED_SINGLE = (
    b'3 (UID 3 BODYSTRUCTURE (("text" "plain" ("charset" "utf-8") NIL NIL "7bit" 16 1 NIL NIL'
    b' NIL NIL)("message" "rfc822" NIL NIL NIL "7bit" 1151 '
    + _ENVELOPE
    + b" "
    + _CALENDAR
    + b' 27 NIL NIL NIL NIL) "mixed" ("boundary" "b0") NIL NIL NIL))'
)


def test_a_message_wrapped_whole_numbers_its_parts_from_1_1_both_ways():
    """The wrapped message is part 1: Google's calendar is 1.1.3, a single-part one 1.1, as
    Dovecot answers BODY[1.1.3] and BODY[1.1]; the raw walk of the same layouts agrees."""
    google = wrapped("alex@harbour.example", google_invitation())
    single = wrapped("alex@harbour.example", single_part_invitation())

    assert calendar_section(parse(WRAPPED_GOOGLE)) == "1.1.3"
    assert calendar_section(parse(WRAPPED_SINGLE)) == "1.1"
    assert calendar_part(*split(raw(google))).section == "1.1.3"
    found = calendar_part(*split(raw(single)))
    assert found.section == "1.1"
    assert found.mime.startswith(b"From: Jordan Blake") and found.body.startswith(b"BEGIN:VCAL")
    assert not is_invitation_message(split(raw(single))[0])


def test_a_single_part_invitation_attached_to_a_forward_is_2_1_its_mime_the_whole_header():
    """BODY[2.1.MIME] of an attached single-part message is that message's header (Dovecot)."""
    message = forwarded("alex@harbour.example", single_part_invitation())

    found = calendar_part(*split(raw(message)))

    assert calendar_section(parse(ATTACHED_SINGLE)) == found.section == "2.1"
    assert b"Subject: Invitation" in found.mime and b"text/calendar" in found.mime
    assert found.mime.endswith(b"\r\n\r\n")


def _octet_stream(disposition: bytes) -> bytes:
    """Dovecot's BODYSTRUCTURE of a note with an application/octet-stream attachment."""
    return (
        b'1 (UID 1 BODYSTRUCTURE (("text" "plain" ("charset" "utf-8") NIL NIL "7bit" 22 1 NIL NIL'
        b' NIL NIL)("application" "octet-stream" NIL NIL NIL "base64" 1076 NIL ("attachment" ('
        + disposition
        + b')) NIL NIL) "mixed" ("boundary" "b0") NIL NIL NIL))'
    )


def test_an_ics_file_name_in_rfc_2231_pieces_or_with_quotes_counts_both_ways():
    """Dovecot joins a long name's continuations and unescapes quotes; the raw walk reads the
    same name from the header lines, so both find part 2."""
    long_name = (
        "Invitation_Interview_round_2_with_the_data_team_at_Harbour_Logistics_2026-03-12.ics"
    )
    joined = _octet_stream(b'"filename*" "us-ascii\'\'' + long_name.encode() + b'"')
    quoted = _octet_stream(b'"filename" "Interview \\"round 2\\".ics"')

    assert calendar_section(parse(joined)) == calendar_section(parse(quoted)) == "2"
    for name in (long_name, 'Interview "round 2".ics'):
        found = calendar_part(*split(raw(ics_attachment(name))))
        assert found is not None and found.section == "2"
    assert b"filename*0*=" in raw(ics_attachment(long_name))
    assert calendar_part(*split(raw(ics_attachment("notes.txt")))) is None


def test_nesting_past_max_depth_is_not_walked_and_costs_no_deep_recursion():
    """A calendar MAX_DEPTH wraps down is not looked for (Dovecot's answer is cut the same
    way, tests/inbox); thousands of wraps or parentheses cost no RecursionError, and a calendar
    beside a branch nested that deep is still found."""

    def wraps(times: int) -> bytes:
        return b"Content-Type: message/rfc822\r\n\r\n" * times + raw(single_part_invitation())

    assert calendar_part(*split(wraps(MAX_DEPTH - 1))).section == ".".join(["1"] * MAX_DEPTH)
    assert calendar_part(*split(wraps(MAX_DEPTH))) is None
    assert calendar_part(*split(wraps(5000))) is None
    deep = b"(" * 5000 + b'"text" "calendar" {3}\r\n(((' + b")" * 5000
    assert calendar_section(parse(b"BODYSTRUCTURE " + deep)) is None
    beside = b'BODYSTRUCTURE (("text" "calendar" NIL NIL NIL "7bit" 9 1)' + deep + b' "mixed")'
    assert calendar_section(parse(beside)) == "1"
    assert parse(b"BODYSTRUCTURE (" + deep) is None  # unbalanced: unreadable


# What Dovecot sent for a note and a part with no Content-Type (which it calls text/plain).
NOTE_AND_UNTYPED = (
    b'1 (UID 1 BODYSTRUCTURE (("text" "plain" ("charset" "us-ascii") NIL NIL "7bit" 42 1 NIL'
    b' NIL NIL NIL)("text" "plain" ("charset" "us-ascii") NIL NIL "7bit" 784 18 NIL NIL NIL'
    b' NIL) "mixed" ("boundary" "===============7911655689417263129==") NIL NIL NIL))'
)


def test_text_plain_parts_are_listed_both_ways_when_no_part_says_calendar():
    """A note and an untyped part: no calendar section, two text/plain candidates, numbered
    alike by Dovecot and by the raw walk; the untyped part's MIME header is empty."""
    message = plain_part_invitation(part_type=None)

    found = plain_parts(*split(raw(message)))

    assert calendar_section(parse(NOTE_AND_UNTYPED)) is None
    assert calendar_part(*split(raw(message))) is None
    assert plain_sections(parse(NOTE_AND_UNTYPED)) == [p.section for p in found] == ["1", "2"]
    assert found[1].mime == b"\r\n" and found[1].body.startswith(b"BEGIN:VCALENDAR\r\n")


def test_only_the_first_max_plain_parts_text_parts_are_candidates():
    """Notes forwarded inside notes: the text/plain parts past MAX_PLAIN_PARTS are not listed,
    the same both ways; an HTML part or an .ics named text part is never a candidate."""
    message = plain_part_invitation()
    for _ in range(MAX_PLAIN_PARTS):
        message = forwarded("alex@harbour.example", message)
    plain = b'("text" "plain" NIL NIL NIL "7bit" 10 1 NIL NIL NIL NIL)'
    named = b'("text" "plain" ("name" "invite.ics") NIL NIL "7bit" 10 1 NIL NIL NIL NIL)'
    html = b'("text" "html" NIL NIL NIL "7bit" 10 1 NIL NIL NIL NIL)'
    structure = b"BODYSTRUCTURE (" + html + named + plain * 6 + b' "mixed" NIL NIL NIL NIL)'

    found = plain_parts(*split(raw(message)))

    assert [p.section for p in found] == ["1", "2.1", "2.2.1", "2.2.2.1"]
    assert plain_sections(parse(structure)) == ["3", "4", "5", "6"]
    assert calendar_section(parse(structure)) == "2"
