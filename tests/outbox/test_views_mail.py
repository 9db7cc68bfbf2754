"""The mail settings page: saving a mailbox, the password kept secret, the test email."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest
from django.test import Client

from afterword.infra.crypto import decrypt
from afterword.outbox.models import MailAccount
from afterword.outbox.queue import queue_email
from tests.factories import MailAccountFactory
from tests.support.smtp_server import PASSWORD, USERNAME, SmtpServer, free_port

pytestmark = pytest.mark.django_db
HX = {"HTTP_HX_REQUEST": "true"}
FORM = {
    "from_name": "Sam Rivera",
    "from_address": "sam@example.test",
    "host": "smtp.example.com",
    "port": "587",
    "security": "starttls",
    "username": "sam@example.test",
    "password": "app-password-1234",
}


@pytest.fixture
def member(client: Client, user: Any) -> Client:
    client.force_login(user)
    return client


def test_it_saves_a_mailbox_with_the_password_encrypted(member: Client, user: Any) -> None:
    """The password is stored as a token that decrypts to it, never as itself."""
    response = member.post("/settings/mail/", FORM)

    account = MailAccount.objects.get(user=user)
    assert response.status_code == 302
    assert (account.host, account.port, account.security) == ("smtp.example.com", 587, "starttls")
    assert "app-password-1234" not in account.password_encrypted
    assert decrypt(account.password_encrypted) == "app-password-1234"


def test_it_never_shows_the_saved_password_and_keeps_it_when_left_blank(
    member: Client, user: Any
) -> None:
    """The page has no trace of the password; saving with the field blank keeps it."""
    MailAccountFactory(user=user, host="smtp.example.com", password="old-secret-pass")

    page = member.get("/settings/mail/").content.decode()
    member.post("/settings/mail/", {**FORM, "password": "", "host": "smtp.fastmail.com"})

    account = MailAccount.objects.get(user=user)
    assert "old-secret-pass" not in page and account.password_encrypted not in page
    assert "Leave blank to keep it." in page
    assert account.host == "smtp.fastmail.com"
    assert decrypt(account.password_encrypted) == "old-secret-pass"


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        (
            "host",
            "smtp://smtp.example.com:587",
            "Give just the server name, such as smtp.gmail.com",
        ),
        ("host", "not a host", "This is not a server name"),
        ("port", "70000", "Give a port between 1 and 65535."),
        ("port", "five", "Give the port as a number, such as 587."),
        ("from_address", "sam at example", "Give your own email address"),
        ("password", "", "Enter the app password for this mailbox."),
        ("security", "none", "Without encryption your password would cross the network"),
    ],
)
def test_it_names_the_field_and_saves_nothing_when_an_answer_is_wrong(
    member: Client, user: Any, field: str, value: str, message: str
) -> None:
    """Each wrong answer is shown at its field, the password is not echoed, nothing is stored."""
    response = member.post("/settings/mail/", {**FORM, field: value})

    page = response.content.decode()
    assert response.status_code == 200
    assert message in str(response.context["form"].errors[field])
    assert 'class="error-summary"' in page
    assert "app-password-1234" not in page
    assert not MailAccount.objects.filter(user=user).exists()


def test_it_allows_no_encryption_to_a_server_on_this_computer(member: Client, user: Any) -> None:
    """ "None" is accepted for localhost, where the password never leaves the machine."""
    response = member.post("/settings/mail/", {**FORM, "host": "localhost", "security": "none"})

    assert response.status_code == 302
    assert MailAccount.objects.get(user=user).security == "none"


def test_the_test_email_really_arrives_and_says_so(
    member: Client, mail_account: MailAccount, smtp_server: SmtpServer
) -> None:
    """htmx: the partial says "Sent: check your inbox" and the server has the message."""
    response = member.post("/settings/mail/test/", **HX)

    [received] = smtp_server.mailbox.received
    mail_account.refresh_from_db()
    assert response.templates[0].name == "outbox/mail_test_partial.html"
    assert "Sent: check your inbox at sam@example.test." in response.content.decode()
    assert received.recipients == ["sam@example.test"]
    assert received.message["Subject"] == "Afterword test email"
    assert mail_account.test_ok is True


def test_the_test_email_says_when_the_password_is_refused(
    member: Client, user: Any, smtp_server: SmtpServer
) -> None:
    """A wrong password: the partial names it, and no message arrives."""
    MailAccountFactory(
        user=user,
        host=smtp_server.host,
        port=smtp_server.port,
        username=USERNAME,
        password=PASSWORD + "-wrong",
    )

    response = member.post("/settings/mail/test/", **HX)

    assert f"The server refused the password for {USERNAME}" in response.content.decode()
    assert "preview--problem" in response.content.decode()
    assert smtp_server.mailbox.received == []


def test_the_test_email_says_when_nothing_listens(member: Client, user: Any) -> None:
    """Connection refused: host and port are named."""
    port = free_port()
    MailAccountFactory(user=user, host="127.0.0.1", port=port)

    response = member.post("/settings/mail/test/", **HX)

    assert f"Could not connect to 127.0.0.1:{port}: connection refused." in (
        response.content.decode()
    )


def test_the_last_test_result_is_shown_on_the_page(
    member: Client, mail_account: MailAccount, smtp_server: SmtpServer
) -> None:
    """Without htmx the test redirects back, and the page shows the outcome."""
    response = member.post("/settings/mail/test/", follow=True)

    assert "Sent: check your inbox at sam@example.test." in response.content.decode()


def test_disconnecting_forgets_the_password_and_cancels_waiting_email(
    member: Client, user: Any, now: datetime
) -> None:
    """The account row (and its encrypted password) is gone; a waiting email is cancelled."""
    MailAccountFactory(user=user)
    waiting = queue_email(user, to="priya@harbour.example", subject="Hi", body="Hi.", now=now)

    member.post("/settings/mail/remove/")

    waiting.refresh_from_db()
    assert not MailAccount.objects.filter(user=user).exists()
    assert waiting.state == "cancelled"
    assert waiting.last_error == "Cancelled: you disconnected your mailbox before it was sent."


def test_someone_else_never_sees_or_tests_my_mailbox(
    client: Client, user: Any, outsider: Any, mail_account: MailAccount, smtp_server: SmtpServer
) -> None:
    """An outsider's page is empty; their test and their removal never touch my mailbox."""
    client.force_login(outsider)

    page = client.get("/settings/mail/").content.decode()
    tested = client.post("/settings/mail/test/", **HX).content.decode()
    client.post("/settings/mail/remove/")

    assert USERNAME not in page and "127.0.0.1" not in page
    assert "Save your mail settings first" in tested
    assert smtp_server.mailbox.received == []
    assert MailAccount.objects.filter(user=user).exists()


def test_the_page_needs_a_login(client: Client) -> None:
    """Anonymous visitors are sent to log in."""
    response = client.get("/settings/mail/")

    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
