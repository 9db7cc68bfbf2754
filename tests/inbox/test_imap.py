"""The IMAP client's small helpers, and a folder with a non-ASCII name on a real Dovecot."""

from __future__ import annotations

import re
from email.message import EmailMessage

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
from afterword.reading.fetched import fetch_items
from tests.inbox import mail as inbox_mail
from tests.inbox.parse import raw


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


# What Dovecot sent for a note whose Subject and whose attachment's description and file name say
# "UID 99": the header fields as a literal, the BODYSTRUCTURE's strings quoted; UID first.
SAYS_UID_99 = [
    (
        b"1 (UID 1 RFC822.SIZE 569 BODY[HEADER.FIELDS (SUBJECT)] {19}",
        b"Subject: UID 99\r\n\r\n",
    ),
    (b" BODY[TEXT]<0> {64}", b"--===============3398412878898426409==\r\nContent-Type: text/plain"),
    b' BODYSTRUCTURE (("text" "plain" ("charset" "utf-8") NIL NIL "7bit" 19 1 NIL NIL NIL NIL)'
    b'("text" "plain" ("charset" "us-ascii") NIL "UID 99" "base64" 14 1 NIL ("attachment"'
    b' ("filename" "UID 99.txt")) NIL NIL) "mixed" ("boundary"'
    b' "===============3398412878898426409==") NIL NIL NIL))',
]


def uid_last(data: list) -> list:
    """A FETCH answer with its UID item moved to the end of each message's list, as some
    servers send it."""
    moved, uid = [], b""
    for part in data:
        text = part[0] if isinstance(part, tuple) else part
        found = re.match(rb"(\d+ \()UID (\d+) ", text)
        if found:
            uid, text = found.group(2), found.group(1) + text[found.end() :]
        if not isinstance(part, tuple) and text.endswith(b")") and uid:
            text, uid = text[:-1] + b" UID " + uid + b")", b""
        moved.append((text, *part[1:]) if isinstance(part, tuple) else text)
    return moved


@pytest.mark.parametrize("order", ["UID first", "UID last"])
def test_the_uid_is_the_answers_own_item_never_a_quoted_string_or_literal_saying_uid(order):
    """Dovecot's answer, UID first or moved last: "UID 99" in the Subject literal and in the
    BODYSTRUCTURE's quoted description and file name is not the UID, nor "RFC822.SIZE"."""
    data = SAYS_UID_99 if order == "UID first" else uid_last(SAYS_UID_99)

    found = fetch_sections(data)

    assert list(found) == [1]
    assert found[1]["HEADER"] == b"Subject: UID 99\r\n\r\n"
    assert b'"UID 99"' in found[1]["STRUCTURE"]
    assert order == "UID first" or found[1][""].rstrip().endswith(b"UID 1)")


def test_a_list_valued_or_literal_item_before_the_uid_does_not_hide_it():
    """Items after a nested list, a literal and a quoted value are still read at the list's
    own level; an answer with no UID item gives nothing."""
    data = [
        (
            b'4 (FLAGS (\\Seen) X-GM-LABELS ("UID 5") BODY[HEADER.FIELDS (UID)] {8}',
            b"UID 6\r\n\r\n",
        ),
        b' X-NOTE "RFC822.SIZE 1" RFC822.SIZE 77 UID 12)',
        b'5 (FLAGS (\\Seen) X-NOTE "UID 8")',
    ]

    found = fetch_sections(data)

    assert list(found) == [12]
    assert found[12]["HEADER"] == b"UID 6\r\n\r\n"


def test_a_message_that_says_uid_99_is_fetched_under_its_own_uid(dovecot, mailbox):
    """Over Dovecot: a message whose Subject, body and attachment say "UID 99" comes back under
    its UID with its own size; Dovecot's very answer, UID moved last, reads the same."""
    message = EmailMessage()
    message["From"] = "Jordan Blake <talent@harbour.example>"
    message["To"] = "sam@example.test"
    message["Subject"] = "UID 99"
    message.set_content("Your reference: UID 99 (RFC822.SIZE 5).\n")
    message.add_attachment(b"UID 99\n", maintype="text", subtype="plain", filename="UID 99.txt")
    message.get_payload()[1]["Content-Description"] = "UID 99"
    dovecot.append(inbox_mail.stranger(), user=mailbox[0])
    dovecot.append(message, user=mailbox[0])
    account = Mailbox(dovecot.host, dovecot.port, "none", mailbox[0], dovecot.password)

    with open_session(account) as session:
        session.examine("INBOX")
        headers = session.fetch_headers(session.uids_after(0))
        seen = session.fetch_for_reading(headers)
        _, data = session.imap.uid("FETCH", "2", fetch_items("multipart"))

    assert [uid for uid, _ in headers] == [1, 2] and list(seen) == [1, 2]
    assert b"Subject: UID 99" in seen[2].headers and b"UID 99" in seen[2].text
    assert seen[2].size == len(raw(message))
    as_sent, moved = fetch_sections(data), fetch_sections(uid_last(data))
    assert list(as_sent) == list(moved) == [2]
    assert sections_of(moved[2]) == sections_of(as_sent[2])
    assert b"UID 99" in as_sent[2]["TEXT"] and b'"UID 99"' in as_sent[2]["STRUCTURE"]


def sections_of(answer: dict[str, bytes]) -> dict[str, bytes]:
    """The sections of one answer, without the item list's own text (where UID stands)."""
    return {name: data for name, data in answer.items() if name not in ("", "STRUCTURE")}
