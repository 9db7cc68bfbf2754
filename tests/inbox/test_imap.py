"""The IMAP client's small helpers, and a folder with a non-ASCII name on a real Dovecot."""

from __future__ import annotations

import pytest

from afterword.inbox.imap import (
    Mailbox,
    decode_folder,
    encode_folder,
    fetch_sections,
    open_session,
    quoted,
    uid_set,
)
from afterword.reading.bodystructure import calendar_section, parse
from tests.inbox import mail as inbox_mail


def test_uid_sets_collapse_runs():
    """UIDs 9, 1, 2, 3, 7, 10, 3 become the sorted, deduplicated ranges "1:3,7,9:10"."""
    assert uid_set([9, 1, 2, 3, 7, 10, 3]) == "1:3,7,9:10"


def test_a_single_uid_is_itself():
    """A single UID 42 is written as just "42"."""
    assert uid_set([42]) == "42"


@pytest.mark.parametrize(
    ("name", "wire"),
    [("INBOX", "INBOX"), ("Réponses", "R&AOk-ponses"), ("A&B", "A&-B"), ("求职", "&bEKATA-")],
)
def test_folder_names_use_modified_utf7(name, wire):
    """RFC 3501 5.1.3: non-ASCII in base64 of UTF-16 between & and -, "&" itself as "&-"."""
    assert encode_folder(name) == wire
    assert decode_folder(wire) == name


def test_quoted_escapes_quotes_and_backslashes():
    """An IMAP quoted string wraps in double quotes and escapes inner quotes and backslashes."""
    assert quoted('My "Jobs"\\2026') == '"My \\"Jobs\\"\\\\2026"'


def test_a_folder_with_an_accented_name_is_opened_and_searched(dovecot, mailbox):
    """Dovecot stores "Réponses"; the watcher opens it read-only and finds the message."""
    dovecot.append(inbox_mail.offer(), folder=encode_folder("Réponses"), user=mailbox[0])
    account = Mailbox(dovecot.host, dovecot.port, "none", mailbox[0], dovecot.password)

    with open_session(account) as session:
        validity, count = session.examine("Réponses")
        uids = session.uids_after(0)
        names = session.folders()
        headers = session.fetch_headers(uids)

    assert validity > 0 and count == 1 and uids == [1]
    assert "Réponses" in names
    assert b"Good news" in headers[0][1]


def test_a_fetch_answer_gives_each_section_by_uid_even_with_uid_last():
    """Header fields, text and a report's part 2 land under their names; UID may come last."""
    data = [
        (b"1 (UID 7 RFC822.SIZE 900 BODY[HEADER.FIELDS (FROM SUBJECT)] {12}", b"From: a@b\r\n\r\n"),
        (b" BODY[TEXT]<0> {5}", b"hello"),
        (b" BODY[2.MIME] {4}", b"X\r\n\r"),
        (b" BODY[2]<0> {3}", b"abc"),
        b")",
        (b"2 (BODY[TEXT]<0> {2}", b"hi"),
        b" RFC822.SIZE 40 UID 9)",
    ]

    found = fetch_sections(data)

    assert found[7]["HEADER"] == b"From: a@b\r\n\r\n" and found[7]["TEXT"] == b"hello"
    assert (found[7]["2.MIME"], found[7]["2"]) == (b"X\r\n\r", b"abc")
    assert found[9]["TEXT"] == b"hi" and b"RFC822.SIZE 40" in found[9][""]


def test_a_literal_inside_the_bodystructure_is_kept_in_place_for_parsing_it():
    """Dovecot sends an 8-bit file name as a literal: under "STRUCTURE" it is back in the
    answer, so the parsed structure names the file; "" keeps the plain text alone."""
    data = [
        (
            b'1 (UID 3 BODYSTRUCTURE (("text" "plain" NIL NIL NIL "7bit" 2 0 NIL NIL NIL NIL)'
            b'("application" "octet-stream" NIL NIL NIL "7bit" 784 NIL ("attachment" ("filename"'
            b" {21}",
            "Entretien_équipe.ics".encode(),
        ),
        b')) NIL NIL) "mixed" ("boundary" "b0") NIL NIL NIL))',
    ]

    found = fetch_sections(data)[3]

    assert calendar_section(parse(found["STRUCTURE"])) == "2"
    assert "équipe".encode() not in found[""] and b"{21}" in found[""]
