"""The Outbox page and its buttons: states and errors shown, actions for the owner only."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import pytest
import time_machine
from django.test import Client
from django.utils import timezone

from afterword.outbox.dispatch import MAX_ATTEMPTS, send_due_emails
from afterword.outbox.models import EmailState, MailAccount, OutgoingEmail
from afterword.outbox.queue import queue_email
from tests.factories import MailAccountFactory
from tests.support.smtp_server import free_port

pytestmark = pytest.mark.django_db
HX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def mailbox(user: Any) -> MailAccount:
    return MailAccountFactory(user=user)


@pytest.fixture
def member(client: Client, user: Any) -> Client:
    client.force_login(user)
    return client


def _email(user: Any, now: datetime, subject: str = "Thank you", **state: Any) -> OutgoingEmail:
    email = queue_email(
        user, to="priya@harbour.example", subject=subject, body="Thank you.", now=now
    )
    if state:
        OutgoingEmail.objects.filter(pk=email.pk).update(**state)
        email.refresh_from_db()
    return email


def test_it_lists_my_emails_with_their_state_and_error(
    member: Client, user: Any, mailbox: MailAccount, now: datetime
) -> None:
    """Each email shows its subject, recipient, state and the last error in words."""
    _email(user, now, "Waiting one")
    _email(user, now, "Broken one", state=EmailState.FAILED, last_error="Not sent: refused.")

    page = member.get("/outbox/").content.decode()

    assert "Waiting one" in page and "Broken one" in page
    assert "Waiting to be sent" in page and "Not sent: refused." in page
    assert "To priya@harbour.example" in page


def test_a_server_that_stays_down_ends_as_a_clear_failure_on_the_page(
    member: Client, user: Any, now: datetime
) -> None:
    """Retried with backoff until the attempts run out, then the page says what went wrong."""
    port = free_port()
    MailAccountFactory(user=user, host="127.0.0.1", port=port)
    _email(user, now, "To a dead server")

    with time_machine.travel(now, tick=False) as clock:
        for _ in range(MAX_ATTEMPTS):
            send_due_emails(timezone.now(), "w1")
            clock.shift(timedelta(hours=2))
        page = member.get("/outbox/").content.decode()

    assert f"Not sent after {MAX_ATTEMPTS} attempts: Could not connect to 127.0.0.1:{port}: " in (
        page
    )
    assert "connection refused." in page
    assert "Try again" in page


def test_an_uncertain_email_asks_me_to_check_my_sent_folder(
    member: Client, user: Any, mailbox: MailAccount, now: datetime
) -> None:
    """The page says it could not confirm, and offers Send again and It was sent."""
    _email(user, now, "Maybe gone", state=EmailState.UNCERTAIN)

    page = member.get("/outbox/").content.decode()

    assert "We could not confirm that this email was sent." in page
    assert "Check your Sent folder; send again?" in page
    assert ">Send again</button>" in page and ">It was sent</button>" in page


def test_send_again_by_htmx_answers_with_the_new_list(
    member: Client, user: Any, mailbox: MailAccount, now: datetime
) -> None:
    """The list comes back with the copy queued and a confirmation on top."""
    email = _email(user, now, "Maybe gone", state=EmailState.UNCERTAIN)

    response = member.post(f"/outbox/{email.pk}/send-again/", **HX)

    email.refresh_from_db()
    assert response.templates[0].name == "outbox/outbox_list_partial.html"
    assert "Queued again as a new email" in response.content.decode()
    assert email.state == EmailState.CANCELLED
    assert OutgoingEmail.objects.filter(retry_of=email, state=EmailState.PENDING).exists()


def test_cancel_without_javascript_redirects_back_with_a_message(
    member: Client, user: Any, mailbox: MailAccount, now: datetime
) -> None:
    """A plain form post works too, and the message names the email."""
    email = _email(user, now, "Second thoughts")

    response = member.post(f"/outbox/{email.pk}/cancel/", follow=True)

    email.refresh_from_db()
    assert email.state == EmailState.CANCELLED
    assert "Cancelled: “Second thoughts” will not be sent." in response.content.decode()


def test_a_stale_button_changes_nothing_and_says_why(
    member: Client, user: Any, mailbox: MailAccount, now: datetime
) -> None:
    """Cancel after the worker took it: refused in words, the row untouched."""
    email = _email(user, now, "Already going", state=EmailState.SENDING)

    response = member.post(f"/outbox/{email.pk}/cancel/", **HX)

    email.refresh_from_db()
    assert email.state == EmailState.SENDING
    assert "Too late to cancel" in response.content.decode()


@pytest.mark.parametrize("action", ["cancel", "retry", "send-again", "confirm"])
def test_an_outsider_gets_404_for_every_action_on_my_email(
    client: Client, outsider: Any, user: Any, mailbox: MailAccount, now: datetime, action: str
) -> None:
    """Someone else's id is as unknown as a missing one; nothing changes."""
    email = _email(user, now, "Mine", state=EmailState.UNCERTAIN)
    client.force_login(outsider)

    response = client.post(f"/outbox/{email.pk}/{action}/", **HX)

    email.refresh_from_db()
    assert response.status_code == 404
    assert email.state == EmailState.UNCERTAIN
    assert OutgoingEmail.objects.count() == 1


def test_an_outsider_sees_none_of_my_emails(
    client: Client, outsider: Any, user: Any, mailbox: MailAccount, now: datetime
) -> None:
    """The outsider's outbox is empty."""
    _email(user, now, "Private subject")
    client.force_login(outsider)

    page = client.get("/outbox/").content.decode()

    assert "Private subject" not in page
    assert "Nothing sent from Afterword yet" in page


def test_an_unknown_action_is_not_found(
    member: Client, user: Any, mailbox: MailAccount, now: datetime
) -> None:
    """Only the four actions exist."""
    email = _email(user, now)

    response = member.post(f"/outbox/{email.pk}/delete/")

    assert response.status_code == 404


def test_the_list_refreshes_itself_only_while_something_is_in_flight(
    member: Client, user: Any, mailbox: MailAccount, now: datetime
) -> None:
    """A due email makes the list poll; a page of finished emails stays still."""
    email = _email(user, now)

    busy = member.get("/outbox/list/", **HX).content.decode()
    OutgoingEmail.objects.filter(pk=email.pk).update(state=EmailState.SENT, sent_at=now)
    still = member.get("/outbox/list/", **HX).content.decode()

    assert 'hx-trigger="every 5s"' in busy
    assert "hx-trigger" not in still


def test_the_nav_links_to_the_outbox(member: Client) -> None:
    """Every page's navigation has the Outbox."""
    page = member.get("/outbox/").content.decode()

    assert '<a href="/outbox/" aria-current="page">Outbox</a>' in page
