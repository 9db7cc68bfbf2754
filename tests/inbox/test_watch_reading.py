"""The watcher on the reading corpus (tests/reading/corpus), through a real Dovecot.

The messages are appended to the test server as they are; the watcher fetches them over IMAP,
reads them with ``reading.read`` and records what the reading says. The parity tests hold that
what the watcher fetches is what ``afterword read`` cuts from the file, and that what it records
is exactly what that reading means.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from afterword.inbox.imap import Mailbox, open_session
from afterword.inbox.message import parse_headers
from afterword.inbox.models import InboxMessage, MailboxWatch
from afterword.infra.crypto import encrypt
from afterword.reading.fetched import TEXT_BYTES
from afterword.reading.reading import Reading, read
from afterword.tracker.models import Action, Application, Event, Interviewer
from afterword.tracker.services import replan
from tests.factories import ApplicationFactory, InterviewerFactory, InterviewFactory
from tests.inbox.fixtures import run_watcher, thank_by_email
from tests.inbox.parse import fetched, raw

pytestmark = pytest.mark.django_db

CORPUS = Path(__file__).parents[1] / "reading" / "corpus"
# The thank-you the corpus's replies and away notices answer (tests/reading/corpus/build.py).
OUR_ID = "<20261130153012.4821.afterword@fastmail.example>"
# Sat 5 Dec 2026, 15:00 UTC: after the messages of the tests that use one application.
CLOCK = datetime(2026, 12, 5, 15, 0, tzinfo=UTC)
# Sat 19 Dec 2026: after every message of the corpus.
LATE_CLOCK = datetime(2026, 12, 19, 12, 0, tzinfo=UTC)


def corpus(path: str) -> bytes:
    return (CORPUS / path).read_bytes()


def expected_of(path: Path) -> dict[str, Any]:
    return json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))


@pytest.fixture
def clock() -> Iterator[time_machine.Coordinates]:
    with time_machine.travel(CLOCK, tick=False) as traveller:
        yield traveller


@pytest.fixture
def watch(user: Any, dovecot: Any, mailbox: tuple[str, str], clock: Any) -> MailboxWatch:
    username, password = mailbox
    return MailboxWatch.objects.create(
        user=user,
        host=dovecot.host,
        port=dovecot.port,
        security="none",
        username=username,
        password_encrypted=encrypt(password),
        next_poll_at=timezone.now(),
    )


@pytest.fixture
def lumen(user: Any, clock: Any) -> Application:
    """Lumen Analytics: interview Mon 23 Nov 2026 with Priya Nair and Dana Whitfield, thanked
    by the email OUR_ID on Mon 30 Nov; a check-in is planned."""
    application = ApplicationFactory(owner=user, employer="Lumen Analytics")
    priya = InterviewerFactory(
        application=application,
        name="Priya Nair",
        email="priya.nair@lumen-analytics.example",
        is_primary=True,
    )
    dana = InterviewerFactory(
        application=application,
        name="Dana Whitfield",
        email="dana.whitfield@lumen-analytics.example",
    )
    interview = InterviewFactory(
        application=application,
        interviewers=[priya, dana],
        start=datetime(2026, 11, 23, 15, 0, tzinfo=UTC),
    )
    thank_by_email(interview, datetime(2026, 11, 23, 23, 0, tzinfo=UTC), OUR_ID)
    replan(application, timezone.now())
    return application


def check_in_day(application: Application) -> date:
    return Action.objects.get(application=application, kind="check_in_email").due.date()


def test_a_reply_is_recorded_at_once_and_the_check_in_it_answers_goes(dovecot, watch, lumen):
    """Dana's "out of office next week" question is her reply: recorded, the check-in replaced."""
    before = check_in_day(lumen)
    dovecot.append(
        corpus("human/test/h01_out_of_office_next_week_question.eml"), user=watch.username
    )

    run_watcher()

    reply = InboxMessage.objects.get(watch=watch)
    assert (reply.kind, reply.matched_by, reply.suggestion) == ("reply", "address", "no_decision")
    assert Event.objects.filter(application=lumen, type="reply").count() == 1
    after = Action.objects.get(application=lumen, kind="check_in_email")
    assert after.due.date() != before and after.rules[0] == "F8"


@pytest.mark.parametrize(
    "name",
    [
        "h02_re_automatic_reply_final_round",
        "h05_ooo_coverage",
        "h06_re_out_of_office_rejection_quoted",
        "h08_fr_conges_no_decision",
    ],
)
def test_a_persons_message_that_looks_automatic_is_recorded_as_a_reply(dovecot, watch, lumen, name):
    """A reply in our thread with "Automatic reply", leave or holidays in it is still a reply."""
    path = CORPUS / "human" / "test" / f"{name}.eml"
    dovecot.append(path.read_bytes(), user=watch.username)

    run_watcher()

    reply = InboxMessage.objects.get(watch=watch)
    assert (reply.kind, reply.matched_by) == ("reply", "thread")
    assert reply.suggestion == expected_of(path)["expected"]["meaning"]
    assert Event.objects.filter(application=lumen, type="reply").count() == 1


def test_an_away_notice_with_a_first_day_back_postpones_the_check_in(dovecot, watch, lumen, clock):
    """Priya is back Mon 7 Dec: away until Sun 6, so a check-in due before moves to Mon 7 Dec."""
    clock.move_to(datetime(2026, 12, 1, 18, 0, tzinfo=UTC))
    replan(lumen, timezone.now())
    before = check_in_day(lumen)
    MailboxWatch.objects.filter(pk=watch.pk).update(next_poll_at=timezone.now())
    dovecot.append(corpus("away/test/t01_gmail_en_until_friday.eml"), user=watch.username)

    run_watcher()

    away = Event.objects.get(application=lumen, type="out_of_office")
    assert before < date(2026, 12, 7)
    assert away.until == date(2026, 12, 6)
    assert check_in_day(lumen) == date(2026, 12, 7)
    assert not Event.objects.filter(application=lumen, type="reply").exists()


def test_a_bounce_marks_only_the_failed_recipient_and_shows_on_the_application_page(
    dovecot, watch, lumen, client, user
):
    """Postfix's report names Priya: her address is marked, Dana's is not, the page says so."""
    dovecot.append(corpus("bounce/test/b01_postfix_user_unknown.eml"), user=watch.username)
    client.force_login(user)

    run_watcher()

    marked = dict(
        Interviewer.objects.filter(application=lumen).values_list("name", "email_bounced_at")
    )
    assert marked["Priya Nair"] is not None and marked["Dana Whitfield"] is None
    page = client.get(reverse("application", args=[lumen.pk])).content.decode()
    assert page.count("Mail to this address bounced") == 1


def test_an_unsure_bounce_waits_on_today_and_one_click_marks_the_address(
    dovecot, watch, lumen, client, user
):
    """Sendmail's text-only report under a null Return-Path reads "low": nobody is marked until
    the card on Today is confirmed; then the address is marked as of the report's date."""
    sparrow = InterviewerFactory(
        application=lumen, name="Sparrow Media HR", email="hr@sparrow-media.example"
    )
    dovecot.append(corpus("bounce/test/b14_sendmail_null_return_path.eml"), user=watch.username)
    client.force_login(user)
    run_watcher()
    notice = InboxMessage.objects.get(watch=watch)
    sparrow.refresh_from_db()
    waiting = (notice.kind, notice.confidence, notice.state, sparrow.email_bounced_at)
    today = client.get(reverse("today")).content.decode()

    response = client.post(reverse("notice_confirm", args=[notice.pk]), HTTP_HX_REQUEST="true")

    sparrow.refresh_from_db()
    assert waiting == ("bounce", "low", "pending", None)
    assert "Looks like mail to" in today and "hr@sparrow-media.example" in today
    assert response.status_code == 200
    assert sparrow.email_bounced_at == datetime(2026, 11, 30, 15, 31, tzinfo=UTC)
    assert not Interviewer.objects.exclude(pk=sparrow.pk).filter(email_bounced_at__isnull=False)


def test_an_unsure_away_notice_waits_on_today_and_one_click_moves_the_check_in(
    dovecot, watch, lumen, client, user, clock
):
    """A mail rule's "out of the office until Tuesday, December 8" without automatic-reply
    headers moves nothing until confirmed; then the check-in due before moves to Wed 9 Dec."""
    clock.move_to(datetime(2026, 12, 2, 18, 0, tzinfo=UTC))
    replan(lumen, timezone.now())
    before = check_in_day(lumen)
    MailboxWatch.objects.filter(pk=watch.pk).update(next_poll_at=timezone.now())
    dovecot.append(corpus("away/test/t17_rule_en_no_headers.eml"), user=watch.username)
    client.force_login(user)
    run_watcher()
    notice = InboxMessage.objects.get(watch=watch)
    waiting = (notice.confidence, notice.state, check_in_day(lumen))

    client.post(reverse("notice_confirm", args=[notice.pk]), HTTP_HX_REQUEST="true")

    assert before < date(2026, 12, 9)
    assert waiting == ("low", "pending", before)
    assert Event.objects.get(application=lumen, type="out_of_office").until == date(2026, 12, 8)
    assert check_in_day(lumen) == date(2026, 12, 9)


@pytest.mark.parametrize("name", ["b03_gmail_delay", "b08_postfix_delayed_mail"])
def test_a_delay_notice_marks_nobody(dovecot, watch, lumen, name):
    """A delay is not a failure: no address is marked and nothing is kept."""
    InterviewerFactory(application=lumen, name="Owen Park", email="owen.p@harbourline.example")
    for path in (CORPUS / "bounce" / "test").glob("*.json"):
        for address in expected_of(path)["expected"]["bounced"]:
            if not Interviewer.objects.filter(email=address).exists():
                InterviewerFactory(application=lumen, name="Someone Else", email=address)
    dovecot.append(corpus(f"bounce/test/{name}.eml"), user=watch.username)

    run_watcher()

    assert not Interviewer.objects.filter(email_bounced_at__isnull=False).exists()
    assert not InboxMessage.objects.exists()


def test_bulk_mail_from_the_employers_domain_is_not_stored(dovecot, watch, lumen):
    """Lumen's blog digest comes from their domain, but it is bulk mail: nothing is kept."""
    before = check_in_day(lumen)
    dovecot.append(corpus("bulk/test/k04_company_blog_digest.eml"), user=watch.username)

    run_watcher()

    assert not InboxMessage.objects.exists()
    assert not Event.objects.filter(application=lumen, type="reply").exists()
    assert check_in_day(lumen) == before


def test_the_watcher_fetches_exactly_what_afterword_read_reads(dovecot, mailbox):
    """Over IMAP, every corpus message gives the very bytes ``fetched_from_bytes`` cuts from the
    file, a delivery report's status part past the first 8 KB included; never the whole."""
    paths = sorted(CORPUS.glob("*/*/*.eml"))
    dovecot.append_many([raw(path.read_bytes()) for path in paths], user=mailbox[0])
    account = Mailbox(dovecot.host, dovecot.port, "none", mailbox[0], dovecot.password)

    with open_session(account) as session:
        session.examine("INBOX")
        headers = session.fetch_headers(session.uids_after(0))
        over_imap = session.fetch_for_reading(headers)

    differ = [p.name for uid, p in enumerate(paths, 1) if over_imap[uid] != fetched(p.read_bytes())]
    big = CORPUS / "bounce" / "test" / "b04_o365_big_html_report_past_text.eml"
    big_uid = paths.index(big) + 1
    assert len(over_imap) == len(paths) and differ == []
    assert big.stat().st_size > TEXT_BYTES + 4096
    assert b"Final-Recipient: rfc822; owen.p@harbourline.example" in over_imap[big_uid].report
    assert b"Final-Recipient" not in over_imap[big_uid].text
    assert all(len(f.text) <= TEXT_BYTES for f in over_imap.values())


def recorded_as_read(reading: Reading, at: datetime, addresses: set[str]) -> dict[str, Any]:
    """What the watcher must record for ``reading`` (records.py), in the terms of the rows.

    An away notice or a bounce read with ``low`` confidence is kept pending: no event, no
    address marked, until the user confirms it on Today.
    """
    sure = reading.confidence == "high"
    if reading.kind == "reply":
        return {
            "kind": "reply",
            "suggestion": reading.meaning,
            "suggested_date": reading.decision_by.end if reading.decision_by else None,
            "evidence": reading.evidence[:300],
            "confidence": reading.confidence,
            "event": "reply",
            "state": "pending",
            "bounced": set(),
        }
    if reading.kind == "auto_reply" and reading.back_on is not None:
        until = reading.back_on - timedelta(days=1)
        # The factory's employers are in New York; a notice whose last day away is over
        # already changes nothing.
        if until >= at.astimezone(ZoneInfo("America/New_York")).date():
            return {
                "kind": "out_of_office",
                "suggestion": "",
                "suggested_date": until,
                "evidence": reading.evidence[:300],
                "confidence": reading.confidence,
                "event": "out_of_office" if sure else None,
                "state": "noted" if sure else "pending",
                "bounced": set(),
            }
    if reading.kind == "bounce" and set(reading.bounced) & addresses:
        return {
            "kind": "bounce",
            "suggestion": "",
            "suggested_date": None,
            "evidence": reading.evidence[:300],
            "confidence": reading.confidence,
            "event": None,
            "state": "noted" if sure else "pending",
            "bounced": set(reading.bounced) & addresses if sure else set(),
        }
    return {"kind": None, "bounced": set()}


def test_what_the_watcher_records_is_what_afterword_read_says(dovecot, watch, user):
    """Each message of the test half answers its own application (its sender is a contact, in
    the country the corpus reads it for); the rows equal what ``read`` says of the file."""
    paths = sorted(CORPUS.glob("*/test/*.eml"))
    senders = {}
    with time_machine.travel(LATE_CLOCK, tick=False):
        for path in paths:
            sender = parse_headers(fetched(path.read_bytes()).headers).sender
            country = expected_of(path)["args"]["country"]
            if path.parts[-3] in ("human", "away") and sender not in senders:
                senders[sender] = country
                application = ApplicationFactory(owner=user, employer_country=country)
                application.employer_subdivision = ""
                application.save()
                InterviewerFactory(application=application, name="Contact", email=sender)
        bounced = {
            address
            for path in paths
            for address in expected_of(path)["expected"]["bounced"]
            if address not in senders
        }
        holder = ApplicationFactory(owner=user, employer_subdivision="")
        for address in sorted(bounced):
            InterviewerFactory(application=holder, name="Contact", email=address)
        addresses = set(Interviewer.objects.values_list("email", flat=True))
        dovecot.append_many([raw(path.read_bytes()) for path in paths], user=watch.username)
        MailboxWatch.objects.filter(pk=watch.pk).update(next_poll_at=timezone.now())

        run_watcher()

        today = timezone.now().date()
        wrong = []
        for path in paths:
            seen = fetched(path.read_bytes())
            incoming = parse_headers(seen.headers)
            country = expected_of(path)["args"]["country"]
            reading = read(seen, country=country, today=today)
            expected = recorded_as_read(reading, incoming.date or timezone.now(), addresses)
            got = _recorded(watch, incoming.message_id, reading)
            if got != expected:
                wrong.append((path.name, expected, got))

    human = [
        parse_headers(fetched(p.read_bytes()).headers).message_id
        for p in paths
        if p.parts[-3] == "human"
    ]
    assert wrong == []
    assert InboxMessage.objects.filter(kind="reply", message_id__in=human).count() == len(human)


def _recorded(watch: MailboxWatch, message_id: str, reading: Reading) -> dict[str, Any]:
    row = InboxMessage.objects.filter(watch=watch, message_id=message_id).first()
    marked = set(
        Interviewer.objects.filter(
            email__in=reading.bounced, email_bounced_at__isnull=False
        ).values_list("email", flat=True)
    )
    if row is None:
        return {"kind": None, "bounced": marked}
    return {
        "kind": row.kind,
        "suggestion": row.suggestion,
        "suggested_date": row.suggested_date,
        "evidence": row.evidence,
        "confidence": row.confidence,
        "event": row.event.type if row.event else None,
        "state": row.state,
        "bounced": marked,
    }
