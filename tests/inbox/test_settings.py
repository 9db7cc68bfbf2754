"""/settings/inbox/: connect a mailbox, test the connection against Dovecot, disconnect."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from afterword.inbox.models import InboxMessage, MailboxWatch, WatchedFolder
from afterword.infra.crypto import decrypt, encrypt
from afterword.tracker.models import Interviewer
from tests.inbox import mail as inbox_mail
from tests.inbox.fixtures import run_watcher

pytestmark = pytest.mark.django_db
HX = {"HTTP_HX_REQUEST": "true"}
URL = "/settings/inbox/"


@pytest.fixture
def member(client: Client, user: Any) -> Client:
    client.force_login(user)
    return client


def form(dovecot: Any, username: str, **overrides: Any) -> dict[str, Any]:
    values = {
        "host": dovecot.host,
        "port": dovecot.port,
        "security": "none",
        "username": username,
        "password": dovecot.password,
        "folders": "INBOX",
    }
    return {**values, **overrides}


def test_the_settings_page_links_here(member):
    """The settings page links to the inbox settings at /settings/inbox/."""
    response = member.get(reverse("settings"))

    assert URL in response.content.decode()


def test_connecting_saves_the_mailbox_with_the_password_encrypted(member, user, dovecot, clock):
    """Connecting saves the mailbox, password encrypted, folders deduplicated, due to poll now."""
    response = member.post(URL, form(dovecot, "sam@example.test", folders=" INBOX , Jobs,INBOX"))

    assert response.status_code == 302
    watch = MailboxWatch.objects.get(user=user)
    assert dovecot.password not in watch.password_encrypted
    assert decrypt(watch.password_encrypted) == dovecot.password
    assert watch.folder_names == ["INBOX", "Jobs"]
    assert watch.connected and watch.next_poll_at == timezone.now()


def test_a_blank_password_keeps_the_saved_one(member, user, dovecot, clock):
    """Saving again with a blank password keeps the saved password while the port changes."""
    member.post(URL, form(dovecot, "sam@example.test"))

    member.post(URL, form(dovecot, "sam@example.test", password="", port=dovecot.tls_port))

    watch = MailboxWatch.objects.get(user=user)
    assert (watch.port, decrypt(watch.password_encrypted)) == (dovecot.tls_port, dovecot.password)


@pytest.mark.parametrize(
    ("field", "value", "words"),
    [
        ("host", "imap://mail.example.com", "Give just the server name"),
        ("port", "70000", "between 1 and 65535"),
        ("security", "none", "Without encryption"),
        ("folders", "Inbox*", "cannot be a folder name"),
        ("password", "", "Enter the app password"),
    ],
)
def test_bad_input_names_the_field_and_saves_nothing(member, dovecot, field, value, words):
    """A bad field (URL as host, port 70000, no encryption...) is named and linked; none saved."""
    data = form(dovecot, "sam@example.test", host="imap.example.com", security="tls")
    data[field] = value

    response = member.post(URL, data)

    assert response.status_code == 200
    assert words in response.content.decode()
    assert f'href="#id_{field}"' in response.content.decode()
    assert not MailboxWatch.objects.exists()


def test_test_connection_reports_the_folders_it_opened(member, dovecot, mailbox):
    """Test connection on a good mailbox says it logged in and is watching INBOX (0 messages)."""
    response = member.post(f"{URL}test/", form(dovecot, mailbox[0]), **HX)

    assert response.status_code == 200
    assert "Connected and logged in. Watching INBOX (0 messages)." in response.content.decode()
    assert "preview--ok" in response.content.decode()


def test_test_connection_with_a_wrong_password_says_so(member, dovecot, mailbox):
    """Test connection with a wrong password says the server refused the user name or password."""
    response = member.post(f"{URL}test/", form(dovecot, mailbox[0], password="wrong"), **HX)

    text = response.content.decode()
    assert "refused the user name or password" in text and "preview--problem" in text


def test_test_connection_to_a_closed_port_says_it_cannot_connect(member, dovecot):
    """Test connection to port 1, where nothing listens, says the connection was refused."""
    response = member.post(f"{URL}test/", form(dovecot, "x@example.test", port=1), **HX)

    assert "the connection was refused" in response.content.decode()


def test_test_connection_names_a_missing_folder(member, dovecot, mailbox):
    """Test connection with folders "INBOX, Recruiting" names the missing folder 'Recruiting'."""
    data = form(dovecot, mailbox[0], folders="INBOX, Recruiting")

    response = member.post(f"{URL}test/", data, **HX)

    assert "no folder called &#x27;Recruiting&#x27;" in response.content.decode()


@pytest.mark.parametrize(("security", "port_name"), [("starttls", "port"), ("tls", "tls_port")])
def test_starttls_and_tls_connect_with_a_verified_certificate(
    member, dovecot, mailbox, imap_trust, security, port_name
):
    """Both encrypted modes against Dovecot, the certificate checked against the test CA."""
    data = form(dovecot, mailbox[0], security=security, port=getattr(dovecot, port_name))
    data["host"] = "localhost"

    response = member.post(f"{URL}test/", data, **HX)

    assert "Connected and logged in" in response.content.decode()


def test_an_untrusted_certificate_is_refused_with_a_clear_message(member, dovecot, mailbox):
    """TLS to a server whose certificate is not trusted is refused: it "could not be verified"."""
    data = form(dovecot, mailbox[0], security="tls", port=dovecot.tls_port, host="localhost")

    response = member.post(f"{URL}test/", data, **HX)

    assert "could not be verified" in response.content.decode()


def test_the_test_result_is_kept_for_a_saved_mailbox(member, user, dovecot, mailbox, clock):
    """A blank-password test uses the saved one; its result is kept and shown as "Last tested"."""
    member.post(URL, form(dovecot, mailbox[0]))

    member.post(f"{URL}test/", form(dovecot, mailbox[0], password=""), **HX)
    page = member.get(URL).content.decode()

    watch = MailboxWatch.objects.get(user=user)
    assert watch.test_ok is True
    assert "Last tested" in page and "Connected and logged in" in page


def test_a_polling_error_is_shown_on_the_settings_page_and_on_today(
    member, user, dovecot, mailbox, clock
):
    """A password refused while polling shows on the settings page and, with a link, on Today."""
    member.post(URL, form(dovecot, mailbox[0]))
    MailboxWatch.objects.filter(user=user).update(password_encrypted=encrypt("changed-since"))
    run_watcher()

    settings_page = member.get(URL).content.decode()
    today = member.get(reverse("today")).content.decode()

    assert "refused the user name or password" in settings_page
    assert "could not be checked for replies" in today and URL in today


def test_disconnect_asks_first_and_then_deletes_everything_read(
    member, user, dovecot, watch, harbour
):
    """Disconnect needs confirming; then the mailbox, messages and bounce marks go, events stay."""
    dovecot.append_many(
        [inbox_mail.offer(), inbox_mail.bounce("tomasz@harbour.example")], user=watch.username
    )
    run_watcher()
    assert InboxMessage.objects.count() == 2

    unconfirmed = member.post(f"{URL}disconnect/", {})
    still_there = MailboxWatch.objects.filter(user=user).exists()
    member.post(f"{URL}disconnect/", {"confirm": "yes"})

    assert unconfirmed.status_code == 302 and still_there
    assert not MailboxWatch.objects.exists()
    assert not WatchedFolder.objects.exists() and not InboxMessage.objects.exists()
    assert not Interviewer.objects.filter(email_bounced_at__isnull=False).exists()
    assert harbour.events.filter(type="reply").exists()  # the application's history stays


def test_an_outsider_cannot_touch_someone_elses_mailbox(client, outsider, watch):
    """Another user neither sees this mailbox on the page nor can disconnect it."""
    client.force_login(outsider)

    page = client.get(URL).content.decode()
    client.post(f"{URL}disconnect/", {"confirm": "yes"})

    assert watch.username not in page
    assert MailboxWatch.objects.filter(pk=watch.pk).exists()


def test_signed_out_visitors_are_sent_to_log_in(client):
    """Signed-out visitors to /settings/inbox/ are redirected to the login page."""
    response = client.get(URL)

    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
