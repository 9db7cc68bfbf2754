"""The digest's content, and its delivery to a real SMTP server: the site's or the user's own."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from email.message import EmailMessage
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.core import mail

from afterword.outbox.models import MailAccount
from afterword.reminders.digest import build_digest, clock, employer_clock, render_digest
from afterword.reminders.models import Reminder, ReminderKind, ReminderSettings, ReminderState
from afterword.reminders.schedule import digest_key
from afterword.reminders.send import MAX_ATTEMPTS
from tests.factories import UserFactory
from tests.reminders.helpers import add_interview, set_zone, tick
from tests.support.smtp_server import SmtpServer

NEW_YORK = ZoneInfo("America/New_York")
# Mon 2 Mar 2026, 11:00 New York: the interview ends. Wed 4 Mar, 07:00 New York: the digest.
ENDED = datetime(2026, 3, 2, 16, 0, tzinfo=UTC)
SEVEN = datetime(2026, 3, 4, 12, 0, tzinfo=UTC)


def seeker() -> Any:
    sam = UserFactory(username="sam", email="sam@example.test")
    set_zone(sam, "America/New_York")
    return sam


def digest_row(user: Any) -> Reminder:
    return Reminder.objects.get(dedupe_key=digest_key(user.pk, date(2026, 3, 4)))


def parts(message: EmailMessage) -> tuple[str, str]:
    text = message.get_body(("plain",))
    html = message.get_body(("html",))
    assert text is not None and html is not None
    return text.get_content(), html.get_content()


def test_the_digest_lists_overdue_today_and_this_week(db: None) -> None:
    """A thank-you overdue, a check-in today, another next week; each line says who and when."""
    sam = seeker()
    add_interview(sam, ENDED, employer="Harbour Logistics", person="Priya Natarajan")
    add_interview(
        sam,
        SEVEN - timedelta(hours=20),
        employer="Kestrel Labs",
        person="Jonas Weber",
        employer_zone="Europe/Berlin",
        employer_country="DE",
        employer_subdivision="BE",
    )

    digest = build_digest(sam, SEVEN, nudge_allowed=lambda: False)

    assert [(line.what, line.who, line.employer) for line in digest.overdue] == [
        ("Send a thank-you email", "Priya Natarajan", "Harbour Logistics, Data Analyst")
    ]
    assert digest.overdue[0].due == "Tue 3 Mar, 11:00"
    assert digest.overdue[0].employer_due == ""
    [kestrel] = [line for line in digest.today if line.employer.startswith("Kestrel")]
    assert kestrel.who == "Jonas Weber"
    assert kestrel.due == "Wed 4 Mar, 11:00"
    assert kestrel.employer_due == "17:00 Berlin time"
    assert digest.this_week
    assert digest.subject.startswith("Your follow-ups for Wed 4 Mar: 1 overdue, 1 due today")


def test_the_employers_clock_names_the_day_when_it_is_another_day() -> None:
    """Late evening in New York is the next morning in Tokyo: the day is given too."""
    moment = datetime(2026, 3, 4, 23, 30, tzinfo=NEW_YORK)

    reading = employer_clock(moment, NEW_YORK, ZoneInfo("Asia/Tokyo"))

    assert reading == "Thu 5 Mar, 13:30 Tokyo time"


def test_the_clock_reads_every_day_of_a_year_as_strftime_does() -> None:
    """Names of days and months from our own tables, exactly as strftime gives them."""
    start = datetime(2026, 1, 1, 7, 5, tzinfo=UTC)
    moments = [start + timedelta(days=n, minutes=37 * n) for n in range(366)]

    readings = [clock(moment, NEW_YORK) for moment in moments]

    expected = [f"{m.astimezone(NEW_YORK):%a %-d %b, %H:%M}" for m in moments]
    assert readings == expected


def test_the_text_and_html_say_the_same_things(db: None) -> None:
    """Both parts carry every line, its link, the nudge and the way to change the hour."""
    sam = seeker()
    application = add_interview(sam, ENDED, person="Priya Natarajan")

    rendered = render_digest(build_digest(sam, SEVEN, nudge_allowed=lambda: True))

    link = f"http://127.0.0.1:8000/applications/{application.pk}/"
    for body in (rendered.text, rendered.html):
        assert "Good morning, sam." in body
        assert "Send a thank-you email" in body
        assert "Priya Natarajan" in body
        assert link in body
        assert "Keep your search moving" in body
        assert "http://127.0.0.1:8000/settings/notifications/" in body
    assert "You are waiting to hear from Harbour Logistics." in rendered.text
    assert "no other application is in progress" in rendered.text
    assert "<li" in rendered.html and "<li" not in rendered.text


def test_the_digest_reaches_the_sites_mail_server(db: None, plain_smtp: SmtpServer) -> None:
    """No mailbox connected: a real SMTP server on loopback gets one multipart digest."""
    sam = seeker()
    add_interview(sam, ENDED)

    tick(SEVEN)

    [received] = plain_smtp.mailbox.received
    message = received.message
    assert received.recipients == ["sam@example.test"]
    assert message["To"] == "sam@example.test"
    assert message["From"] == "Afterword <afterword@localhost>"
    assert message["Subject"].startswith("Your follow-ups for Wed 4 Mar: 1 overdue")
    assert message["Auto-Submitted"] == "auto-generated"
    assert message["Message-ID"] == f"<afterword-reminder-{digest_row(sam).pk}@localhost>"
    text, html = parts(message)
    assert "Send a thank-you email" in text
    assert "Send a thank-you email" in html
    assert digest_row(sam).state == ReminderState.SENT


def test_the_digest_goes_through_the_users_own_mailbox(
    db: None, user: Any, mail_account: MailAccount, smtp_server: SmtpServer
) -> None:
    """Mailbox connected: sent with STARTTLS and a log-in, from and to the user's address."""
    set_zone(user, "America/New_York")
    add_interview(user, ENDED)

    tick(SEVEN)

    [received] = smtp_server.mailbox.received
    message = received.message
    assert received.sender == "sam@example.test"
    assert received.recipients == [user.email]
    assert message["From"] == "Sam Rivera <sam@example.test>"
    assert message["Message-ID"] == f"<afterword-reminder-{digest_row(user).pk}@example.test>"
    assert smtp_server.mailbox.logins
    text, _html = parts(message)
    assert "Send a thank-you email" in text


def test_a_server_that_refuses_for_now_is_tried_again(
    db: None, user: Any, mail_account: MailAccount, smtp_server: SmtpServer
) -> None:
    """A 451 answer: the digest waits a minute and goes out on the next try."""
    set_zone(user, "America/New_York")
    add_interview(user, ENDED)
    smtp_server.mailbox.data_replies["Your follow-ups"] = "451 Try again later"

    tick(SEVEN)
    first = digest_row(user)
    smtp_server.mailbox.data_replies.clear()
    tick(SEVEN + timedelta(minutes=1))

    assert first.state == ReminderState.PENDING
    assert "451" in first.last_error
    assert len(smtp_server.mailbox.received) == 1
    assert digest_row(user).state == ReminderState.SENT


def test_a_server_that_refuses_for_good_fails_at_once(
    db: None, user: Any, mail_account: MailAccount, smtp_server: SmtpServer
) -> None:
    """A 554 answer cannot get better by waiting: failed, with the server's words."""
    set_zone(user, "America/New_York")
    add_interview(user, ENDED)
    smtp_server.mailbox.data_replies["Your follow-ups"] = "554 Message rejected as spam"

    tick(SEVEN)

    row = digest_row(user)
    assert row.state == ReminderState.FAILED
    assert "554 Message rejected as spam" in row.last_error
    assert row.attempts == 1


def test_a_mail_server_that_is_down_is_retried_then_failed(db: None, settings: Any) -> None:
    """Nothing listens at the configured port: tried MAX_ATTEMPTS times, then failed."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, 5
    sam = seeker()
    add_interview(sam, ENDED)

    for minute in range(0, 120):
        tick(SEVEN + timedelta(minutes=minute))

    row = digest_row(sam)
    assert row.state == ReminderState.FAILED
    assert row.attempts == MAX_ATTEMPTS
    assert "could not be reached" in row.last_error


@pytest.mark.parametrize("hour", [5, 11])
def test_the_chosen_hour_is_honoured_at_both_ends_of_the_range(db: None, hour: int) -> None:
    """05:00 and 11:00 New York time, not an hour earlier."""
    sam = seeker()
    ReminderSettings.objects.create(user=sam, digest_hour=hour)
    add_interview(sam, ENDED)
    local = datetime(2026, 3, 4, hour, 0, tzinfo=NEW_YORK).astimezone(UTC)

    tick(local - timedelta(hours=1))
    before = len(mail.outbox)
    tick(local)

    assert before == 0
    assert len(mail.outbox) == 1
    assert Reminder.objects.filter(kind=ReminderKind.DIGEST, state=ReminderState.SENT).count() == 1
