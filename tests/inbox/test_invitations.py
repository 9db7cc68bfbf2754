"""Calendar invitations in the mailbox, against a real Dovecot: a proposal card, never a reply.

The clock stands at Thu 5 Mar 2026; the invitations arrived on Wed 4 Mar and propose Thu 12 Mar,
14:00 to 15:00 in New York (tests/inbox/invitation_mail.py).
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from email.message import Message
from zoneinfo import ZoneInfo

import pytest

from afterword.inbox.imap import Mailbox, open_session
from afterword.inbox.models import InboxMessage
from afterword.reading.bodystructure import MAX_DEPTH
from afterword.reading.fetched import TEXT_BYTES
from afterword.reading.invitation import from_part, part_bytes
from afterword.tracker.models import Action, Event, Interview
from tests.factories import InterviewerFactory, InterviewFactory
from tests.inbox import invitation_mail
from tests.inbox import mail as inbox_mail
from tests.inbox.fixtures import CLOCK, run_watcher
from tests.inbox.parse import fetched, raw

pytestmark = pytest.mark.django_db

START = datetime(2026, 3, 12, 18, 0, tzinfo=UTC)  # 14:00 in New York


def check_in_due(application) -> datetime:
    return Action.objects.get(application=application, kind="check_in_email").due


def test_a_google_invitation_past_the_first_8_kb_becomes_a_card_and_not_a_reply(
    dovecot, watch, harbour
):
    """The calendar part lies past 8 KB; it is found, kept as a card, and the check-in stays."""
    message = invitation_mail.google_invitation()
    assert b"BEGIN:VCALENDAR" not in fetched(message).text[:TEXT_BYTES]
    planned = check_in_due(harbour)
    dovecot.append(message, user=watch.username)

    run_watcher()

    card = InboxMessage.objects.get(watch=watch)
    assert (card.kind, card.state, card.application) == ("invitation", "pending", harbour)
    assert card.proposal["start"] == "2026-03-12T14:00:00-04:00"
    assert [p["email"] for p in card.proposal["people"]] == [
        "talent@harbour.example",
        "lena.okafor@harbour.example",
    ]
    assert not Event.objects.filter(application=harbour, type="reply").exists()
    assert check_in_due(harbour) == planned
    watch.refresh_from_db()
    assert watch.last_summary == "1 new message, 1 invitation"


def nested(times: int) -> Message:
    """The single-part invitation wrapped whole ``times`` times, a message/rfc822 in each."""
    message: Message = invitation_mail.single_part_invitation()
    for _ in range(times):
        message = invitation_mail.wrapped(ASSISTANT, message)
    return message


# The recruiter's assistant at the employer, who passes the interviewer's invitation on.
ASSISTANT = "Alex Moreau <alex.moreau@harbour.example>"
LONG = "Bring a laptop. " * 1000  # pushes END:VCALENDAR past the first TEXT_BYTES

SHAPES = {
    "multipart": lambda: invitation_mail.google_invitation(),
    "single-part text/calendar": lambda: invitation_mail.single_part_invitation(description=LONG),
    "single-part application/ics": lambda: invitation_mail.single_part_invitation(
        content_type="application/ics", encoding="base64"
    ),
    "single-part cancel": lambda: invitation_mail.single_part_invitation(method="CANCEL"),
    "attached, Google's inside": lambda: invitation_mail.forwarded(ASSISTANT),
    "attached, single-part inside": lambda: invitation_mail.forwarded(
        ASSISTANT, invitation_mail.single_part_invitation(description=LONG)
    ),
    "wrapped, Google's inside": lambda: invitation_mail.wrapped(
        ASSISTANT, invitation_mail.google_invitation()
    ),
    "wrapped, single-part inside": lambda: invitation_mail.wrapped(
        ASSISTANT,
        invitation_mail.single_part_invitation(content_type="application/ics", encoding="base64"),
    ),
    "wrapped 19 times": lambda: nested(19),
    ".ics named in RFC 2231 continuations": lambda: invitation_mail.ics_attachment(
        "Invitation_Interview_round_2_with_the_data_team_at_Harbour_Logistics_2026-03-12.ics"
    ),
    ".ics named with quotes": lambda: invitation_mail.ics_attachment('Interview "round 2".ics'),
    ".ics named in 8-bit UTF-8": lambda: invitation_mail.eight_bit_ics_attachment(
        "Entretien_équipe.ics"
    ),
    "no Content-Type": lambda: invitation_mail.plain_text_invitation(),
    "no Content-Type, past the first 8 KB": lambda: invitation_mail.plain_text_invitation(
        description=LONG
    ),
    "text/plain base64, past the first 8 KB": lambda: invitation_mail.plain_text_invitation(
        content_type='text/plain; charset="utf-8"',
        encoding="base64",
        leading="\r\n",
        description=LONG,
    ),
    "text/plain part after a note": lambda: invitation_mail.plain_part_invitation(),
    "text/plain part beside HTML": lambda: invitation_mail.plain_part_invitation("alternative"),
    "no Content-Type part after a note": lambda: invitation_mail.plain_part_invitation(
        part_type=None
    ),
    "text/plain part base64, past the first 8 KB": lambda: invitation_mail.plain_part_invitation(
        encoding="base64", description=LONG
    ),
    "text/plain part of an attached message": lambda: invitation_mail.forwarded(
        ASSISTANT, invitation_mail.plain_part_invitation("alternative")
    ),
    "no Content-Type: a bare calendar in a digest": lambda: invitation_mail.digest(
        ASSISTANT, invitation_mail.plain_text_invitation()
    ),
    "digest, a note then Google's": lambda: invitation_mail.digest(
        ASSISTANT, inbox_mail.stranger(), invitation_mail.google_invitation()
    ),
}


@pytest.mark.parametrize("shape", list(SHAPES))
def test_the_watcher_fetches_the_same_calendar_part_as_afterword_read(
    dovecot, watch, harbour, shape
):
    """BODYSTRUCTURE and a partial fetch of that section (in a forwarded message too), or for
    an invitation that is the whole body its header fields and more of its text, give the
    bytes the .eml reading cuts."""
    message = SHAPES[shape]()
    dovecot.append(message, user=watch.username)
    account = Mailbox(dovecot.host, dovecot.port, "none", watch.username, dovecot.password)
    with open_session(account) as session:
        session.examine("INBOX")
        uid, head = session.fetch_headers(session.uids_after(0))[0]
        seen = session.fetch_for_reading([(uid, head)])[uid]
    expected = fetched(message)
    assert seen.calendar and seen == expected
    assert b"END:VCALENDAR" in part_bytes(seen.calendar_mime, seen.calendar)
    invitation = from_part(seen.calendar_mime, seen.calendar, CLOCK, ZoneInfo("UTC"))
    assert invitation is not None and invitation.start.astimezone(UTC) == START
    if not shape.startswith(("no Content-Type", "text/plain", ".ics")):
        calendar_type = rb"(?im)^content-type: *(text/calendar|application/ics)"
        assert re.search(calendar_type, seen.calendar_mime)


def test_an_invitation_wrapped_past_max_depth_is_missed_by_both_alike(dovecot, watch):
    """MAX_DEPTH wraps down, neither the watcher (reading Dovecot's BODYSTRUCTURE) nor
    afterword read (walking the bytes) looks for the calendar: the same answer, none."""
    message = nested(MAX_DEPTH)
    dovecot.append(message, user=watch.username)
    account = Mailbox(dovecot.host, dovecot.port, "none", watch.username, dovecot.password)
    with open_session(account) as session:
        session.examine("INBOX")
        uid, head = session.fetch_headers(session.uids_after(0))[0]
        seen = session.fetch_for_reading([(uid, head)])[uid]

    assert seen == fetched(message) and seen.calendar == b"" and seen.calendar_mime == b""


NOT_A_CALENDAR = {
    "quoted in prose": lambda: invitation_mail.plain_part_invitation(
        calendar_text="Our scheduler sends a file that starts with BEGIN:VCALENDAR; "
        "ignore it.\r\nBEGIN:VCALENDAR\r\nVERSION:2.0\r\n"
    ),
    "below a greeting": lambda: invitation_mail.plain_part_invitation(
        "alternative", calendar_text="Hi Sam,\r\n\r\n" + invitation_mail.calendar()
    ),
    "in the fifth text/plain part": lambda: invitation_mail.forwarded(
        ASSISTANT,
        invitation_mail.forwarded(
            ASSISTANT,
            invitation_mail.forwarded(ASSISTANT, invitation_mail.plain_part_invitation()),
        ),
    ),
}


@pytest.mark.parametrize("layout", list(NOT_A_CALENDAR))
def test_a_text_part_that_is_not_only_a_calendar_is_no_invitation_to_either(dovecot, watch, layout):
    """BEGIN:VCALENDAR after words, or in a text/plain part past the first MAX_PLAIN_PARTS:
    neither the watcher nor afterword read takes it, and both see the same bytes."""
    message = NOT_A_CALENDAR[layout]()
    dovecot.append(message, user=watch.username)
    account = Mailbox(dovecot.host, dovecot.port, "none", watch.username, dovecot.password)
    with open_session(account) as session:
        session.examine("INBOX")
        uid, head = session.fetch_headers(session.uids_after(0))[0]
        seen = session.fetch_for_reading([(uid, head)])[uid]

    assert seen == fetched(message) and seen.calendar == b"" and seen.calendar_mime == b""
    assert b"BEGIN:VCALENDAR" in raw(message)


@pytest.mark.parametrize(
    "single",
    [
        {},
        {"content_type": "application/ics", "encoding": "base64"},
        {"method": "CANCEL", "encoding": "base64"},
    ],
    ids=["text/calendar", "application/ics base64", "cancel"],
)
def test_a_single_part_invitation_makes_the_card_the_multipart_one_makes(
    dovecot, watch, harbour, single
):
    """No multipart around the calendar: the same proposal card as Google's layout, no reply
    recorded and the check-in kept."""
    method = single.get("method", "REQUEST")
    planned = check_in_due(harbour)
    dovecot.append(invitation_mail.google_invitation(method=method), user=watch.username)
    dovecot.append(invitation_mail.single_part_invitation(**single), user=watch.username)

    run_watcher()

    multipart, alone = InboxMessage.objects.filter(watch=watch).order_by("pk")
    assert (alone.kind, alone.application, alone.matched_by) == (
        "invitation",
        harbour,
        multipart.matched_by,
    )
    assert alone.proposal == multipart.proposal
    assert alone.proposal["cancelled"] is (method == "CANCEL")
    assert not Event.objects.filter(application=harbour, type="reply").exists()
    assert check_in_due(harbour) == planned
    watch.refresh_from_db()
    assert watch.last_summary == "2 new messages, 2 invitations"


FORWARDED_OR_PLAIN = {
    "attached by the recruiter's assistant": lambda: invitation_mail.forwarded(
        ASSISTANT,
        invitation_mail.single_part_invitation(),
        note="Hi Sam, Jordan's invitation for round 2 is attached. Alex\n",
    ),
    "wrapped whole in message/rfc822": lambda: invitation_mail.wrapped(
        ASSISTANT, invitation_mail.google_invitation()
    ),
    "no Content-Type": lambda: invitation_mail.plain_text_invitation(),
    "text/plain quoted-printable, past the first 8 KB": lambda: (
        invitation_mail.plain_text_invitation(
            content_type="text/plain", encoding="quoted-printable", description=LONG
        )
    ),
    "a text/plain part after a note": lambda: invitation_mail.plain_part_invitation(),
    "a text/plain part beside HTML, quoted-printable past the first 8 KB": lambda: (
        invitation_mail.plain_part_invitation(
            "alternative", encoding="quoted-printable", description=LONG
        )
    ),
}


@pytest.mark.parametrize("layout", list(FORWARDED_OR_PLAIN))
def test_a_forwarded_or_plain_text_invitation_makes_the_card_the_multipart_one_makes(
    dovecot, watch, harbour, layout
):
    """Forwarded as an attachment, wrapped whole, or a bare VCALENDAR body: the same proposal
    card as Google's layout, no reply recorded and the check-in kept. The card is the
    forwarder's message; the people proposed are the invitation's, not the forwarder."""
    planned = check_in_due(harbour)
    dovecot.append(invitation_mail.google_invitation(), user=watch.username)
    dovecot.append(FORWARDED_OR_PLAIN[layout](), user=watch.username)

    run_watcher()

    multipart, card = InboxMessage.objects.filter(watch=watch).order_by("pk")
    assert (card.kind, card.application, card.matched_by) == (
        "invitation",
        harbour,
        multipart.matched_by,
    )
    assert card.proposal == multipart.proposal
    forwarder = "alex.moreau@harbour.example"
    assert (card.sender == forwarder) is layout.startswith(("attached", "wrapped"))
    assert forwarder not in [p["email"] for p in card.proposal["people"]]
    assert not Event.objects.filter(application=harbour, type="reply").exists()
    assert check_in_due(harbour) == planned
    watch.refresh_from_db()
    assert watch.last_summary == "2 new messages, 2 invitations"


def test_an_invitation_forwarded_by_someone_unknown_is_ignored(dovecot, watch, harbour):
    """The forwarder decides, as the sender of any invitation does: an agency the records do not
    know passes on Harbour's invitation, and nothing is kept (not even fetched past headers)."""
    agency = "Kim Lee <kim@talentbridge.example>"
    dovecot.append(invitation_mail.forwarded(agency), user=watch.username)
    dovecot.append(
        invitation_mail.wrapped(agency, invitation_mail.google_invitation()), user=watch.username
    )

    run_watcher()

    assert not InboxMessage.objects.filter(watch=watch).exists()
    watch.refresh_from_db()
    assert watch.last_summary == "2 new messages"


def test_confirming_the_card_adds_the_interview_in_two_clicks(dovecot, watch, harbour, member):
    """Review and add opens the confirm page; Add this interview creates it with its people."""
    dovecot.append(invitation_mail.google_invitation(), user=watch.username)
    run_watcher()
    card = InboxMessage.objects.get(watch=watch)

    today = member.get("/")
    assert "Interview invitation from Harbour Logistics" in today.content.decode()
    page = member.get(f"/inbox/invitations/{card.pk}/")
    assert page.status_code == 200
    assert "Lena Okafor" in page.content.decode() and "Room 4B" not in page.content.decode()
    answer = member.post(f"/inbox/invitations/{card.pk}/add/", {"person": ["0", "1"]})

    assert answer.status_code == 302 and answer["Location"] == f"/applications/{harbour.pk}/"
    interview = Interview.objects.get(application=harbour, start=START)
    people = {p.email: p.is_primary for p in interview.interviewers.all()}
    assert people == {"talent@harbour.example": True, "lena.okafor@harbour.example": False}
    card.refresh_from_db()
    assert card.state == "confirmed"
    again = member.post(f"/inbox/invitations/{card.pk}/add/", {"person": ["0"]})
    assert again.status_code == 302
    assert Interview.objects.filter(application=harbour, start=START).count() == 1


@pytest.mark.parametrize("how", ["attached", "wrapped"])
def test_an_invitation_the_user_forwarded_to_themselves_names_its_application(
    dovecot, watch, harbour, how
):
    """Sent from the user's own address, the original attached or wrapped whole: matched by the
    people's domain."""
    if how == "attached":
        forward = invitation_mail.forwarded(watch.username, to=watch.username)
    else:
        forward = invitation_mail.wrapped(watch.username, invitation_mail.google_invitation())
    dovecot.append(forward, user=watch.username)

    run_watcher()

    card = InboxMessage.objects.get(watch=watch)
    assert (card.kind, card.matched_by, card.application) == ("invitation", "forwarded", harbour)
    assert card.proposal["zone"] == "America/New_York"


def test_a_forwarded_invitation_for_no_known_employer_proposes_a_new_application(
    dovecot, watch, user
):
    """With no application to match, the card suggests the organiser's domain as employer."""
    forward = invitation_mail.forwarded(watch.username, to=watch.username)
    dovecot.append(forward, user=watch.username)

    run_watcher()

    card = InboxMessage.objects.get(watch=watch)
    assert card.application is None and card.proposal["employer"] == "Harbour"


def test_a_cancellation_offers_to_mark_the_interview_cancelled(dovecot, watch, harbour, member):
    """METHOD:CANCEL for an interview on record: one click removes it and the plan follows."""
    jordan = InterviewerFactory(application=harbour, email="talent@harbour.example")
    InterviewFactory(application=harbour, start=START, round=2, interviewers=[jordan])
    dovecot.append(invitation_mail.google_invitation(method="CANCEL"), user=watch.username)
    run_watcher()
    card = InboxMessage.objects.get(watch=watch)
    assert card.proposal["cancelled"] is True

    today = member.get("/").content.decode()
    assert "Interview cancelled by Harbour Logistics" in today
    assert "Mark the interview cancelled" in today
    member.post(f"/inbox/invitations/{card.pk}/cancel/")

    assert not Interview.objects.filter(application=harbour, start=START).exists()
    card.refresh_from_db()
    assert card.state == "confirmed"


def test_an_invitation_from_an_unknown_sender_is_ignored(dovecot, watch, harbour):
    """Someone outside every application sends an invitation: nothing is kept."""
    stranger = invitation_mail.google_invitation(sender="Promo <events@elsewhere.example>")
    dovecot.append(stranger, user=watch.username)

    run_watcher()

    assert not InboxMessage.objects.filter(watch=watch).exists()


def test_an_outsider_cannot_open_or_confirm_the_card(dovecot, watch, harbour, client, outsider):
    """Someone else's invitation card is a 404 for reading and for every button."""
    dovecot.append(invitation_mail.google_invitation(), user=watch.username)
    run_watcher()
    card = InboxMessage.objects.get(watch=watch)
    client.force_login(outsider)

    assert client.get(f"/inbox/invitations/{card.pk}/").status_code == 404
    for button in ("add", "cancel", "dismiss"):
        assert client.post(f"/inbox/invitations/{card.pk}/{button}/").status_code == 404
    card.refresh_from_db()
    assert card.state == "pending"


def test_dismissing_the_card_adds_nothing(dovecot, watch, harbour, member):
    """Dismiss hides the card; no interview, no event."""
    dovecot.append(invitation_mail.google_invitation(), user=watch.username)
    run_watcher()
    card = InboxMessage.objects.get(watch=watch)

    member.post(f"/inbox/invitations/{card.pk}/dismiss/", HTTP_HX_REQUEST="true")

    card.refresh_from_db()
    assert card.state == "dismissed"
    assert not Interview.objects.filter(application=harbour, start=START).exists()
    assert "Interview invitation from" not in member.get("/").content.decode()


def test_an_update_of_the_same_event_replaces_the_card_still_waiting(dovecot, watch, harbour):
    """Google sends the moved interview with the same UID: only the newer card waits."""
    dovecot.append(invitation_mail.google_invitation(), user=watch.username)
    run_watcher()
    moved = invitation_mail.google_invitation(start="20260313T100000", end="20260313T110000")
    dovecot.append(moved, user=watch.username)
    clock_tick_watch(watch)

    run_watcher()

    states = list(InboxMessage.objects.filter(watch=watch).values_list("state", "proposal__start"))
    assert states == [
        ("dismissed", "2026-03-12T14:00:00-04:00"),
        ("pending", "2026-03-13T10:00:00-04:00"),
    ]


def clock_tick_watch(watch) -> None:
    """Make the mailbox due again at once (the tests' clock does not move)."""
    type(watch).objects.filter(pk=watch.pk).update(next_poll_at=watch.next_poll_at)
