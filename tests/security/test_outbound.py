"""The outbound gate (infra/network.py, infra/outbound.py): which addresses and ports it refuses,
how the site's allow-list is read, and that every refused connection really never happens."""

from __future__ import annotations

import contextlib
import ipaddress
import socket
import threading
from collections.abc import Iterator
from typing import Any

import pytest
import requests
from django.utils import timezone

from afterword.inbox.imap import Mailbox
from afterword.inbox.mailbox import check_connection
from afterword.inbox.models import MailboxWatch
from afterword.inbox.watch import watch_inboxes
from afterword.infra.crypto import encrypt
from afterword.infra.network import literal_address, parse_allow_list, refusal
from afterword.infra.outbound import OutboundRefused, checked, gate_http_connections
from afterword.outbox.connection_check import send_test_email
from afterword.reminders.notify import AppriseTransport, TransportError, check_url
from tests.factories import MailAccountFactory, NotificationChannelFactory

BANNER = b"SSH-2.0-OpenSSH_9.6 internal-build-host-7\r\n"


class Listener:
    """A TCP listener on loopback that counts the connections it accepts, says another
    service's banner to each, and hangs up."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen()
        self.port = int(self.sock.getsockname()[1])
        self.accepted = 0
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.accepted += 1
            with conn:
                conn.sendall(BANNER)

    def close(self) -> None:
        # On Linux, shutting a listening socket down wakes the accept() waiting on it.
        with contextlib.suppress(OSError):
            self.sock.shutdown(socket.SHUT_RDWR)
        self.sock.close()
        self.thread.join(timeout=5)


@pytest.fixture
def listener() -> Iterator[Listener]:
    server = Listener()
    yield server
    server.close()


@pytest.fixture
def nothing_allowed(settings: Any) -> None:
    """A hosted site that allows nothing beyond the public internet."""
    settings.OUTBOUND_ALLOW = ()


def allow(settings: Any, text: str) -> None:
    settings.OUTBOUND_ALLOW = parse_allow_list(text)


@pytest.mark.parametrize(
    ("host", "reason"),
    [
        ("127.0.0.1", "loopback"),
        ("127.1", "loopback"),
        ("2130706433", "loopback"),
        ("0x7f.1", "loopback"),
        ("0x7f000001", "loopback"),
        ("017700000001", "loopback"),
        ("0177.0.0.1", "loopback"),
        ("127.0.0.1.", "loopback"),
        ("::1", "loopback"),
        ("[::1]", "loopback"),
        ("::ffff:127.0.0.1", "loopback"),
        ("::ffff:7f00:1", "loopback"),
        ("::127.0.0.1", "loopback"),
        ("2002:7f00:1::", "loopback"),
        ("64:ff9b::127.0.0.1", "loopback"),
        ("0.0.0.0", "unspecified"),
        ("0", "unspecified"),
        ("::", "unspecified"),
        ("10.0.0.1", "private"),
        ("172.16.5.4", "private"),
        ("192.168.1.1", "private"),
        ("::ffff:192.168.1.1", "private"),
        ("64:ff9b:1::a00:1", "private"),
        ("fd12:3456::1", "private"),
        ("fec0::1", "private"),
        ("100.64.0.1", "shared"),
        ("169.254.169.254", "metadata"),
        ("0xa9.0xfe.0xa9.0xfe", "metadata"),
        ("::ffff:169.254.169.254", "metadata"),
        ("fd00:ec2::254", "metadata"),
        ("169.254.1.1", "link-local"),
        ("fe80::1", "link-local"),
        ("fe80::1%eth0", "local network link"),
        ("224.0.0.1", "multicast"),
        ("ff02::1", "multicast"),
        ("240.0.0.1", "reserved"),
        ("255.255.255.255", "reserved"),
        ("192.0.2.10", "reserved"),
        ("198.18.0.1", "reserved"),
        ("2001:db8::1", "reserved"),
        ("2001::1", "Teredo"),
    ],
)
def test_the_classifier_refuses_every_form_of_a_non_public_address(host: str, reason: str) -> None:
    """Loopback, private, shared, link-local, multicast, reserved and metadata addresses are
    refused in every spelling the resolver accepts, IPv4 inside IPv6 included."""
    address = literal_address(host)

    assert address is not None
    assert reason in (refusal(address) or "")


@pytest.mark.parametrize(
    "host", ["93.184.216.34", "8.8.8.8", "2606:4700::1111", "::ffff:8.8.8.8", "64:ff9b::808:808"]
)
def test_the_classifier_lets_public_addresses_through(host: str) -> None:
    """A public address, also as an IPv4-mapped or NAT64 IPv6 address, is not refused."""
    address = literal_address(host)

    assert address is not None
    assert refusal(address) is None


@pytest.mark.parametrize("host", ["mail.example.com", "256.1.1.1", "1.2.3.4.5", "0x", "08.1"])
def test_names_and_impossible_numbers_are_not_read_as_addresses(host: str) -> None:
    """Only what the resolver would read as a number is taken for an address."""
    assert literal_address(host) is None


def test_the_allow_list_reads_names_ports_addresses_and_networks() -> None:
    """Each kind of entry is understood, with or without a port."""
    entries = parse_allow_list("Mail.Lan., 127.0.0.1:1025, 10.20.0.0/16, [::1]:1143, fd00::/8")

    assert [(entry.name, str(entry.network), entry.port) for entry in entries] == [
        ("mail.lan", "None", None),
        (None, "127.0.0.1/32", 1025),
        (None, "10.20.0.0/16", None),
        (None, "::1/128", 1143),
        (None, "fd00::/8", None),
    ]


@pytest.mark.parametrize(
    "text", ["mail.lan:0", "mail.lan:70000", "*.lan", "10.0.0.1/8", "[::1", "a b", "1.2.3.4:x"]
)
def test_the_allow_list_refuses_what_it_does_not_understand(text: str) -> None:
    """A wrong entry is an error naming it, never silently ignored."""
    with pytest.raises(ValueError, match="'"):
        parse_allow_list(text)


def test_a_name_that_resolves_to_a_private_address_is_refused() -> None:
    """What counts is where a name leads, not how it looks."""

    def resolve(host: str, port: int) -> list[Any]:
        return [ipaddress.ip_address("10.1.2.3")]

    with pytest.raises(OutboundRefused, match=r"intranet\.example\.com \(10\.1\.2\.3\)"):
        checked("intranet.example.com", 587, "smtp", allow=(), resolve=resolve)


def test_a_name_with_one_private_address_among_public_ones_is_refused() -> None:
    """One refused address refuses the name: the connection could go to any of them."""

    def resolve(host: str, port: int) -> list[Any]:
        return [ipaddress.ip_address("93.184.216.34"), ipaddress.ip_address("192.168.0.9")]

    with pytest.raises(OutboundRefused, match="private network"):
        checked("mixed.example.com", 993, "imap", allow=(), resolve=resolve)


def test_localhost_resolved_by_the_system_is_refused() -> None:
    """The real resolver's answer for localhost is judged like any other."""
    with pytest.raises(OutboundRefused, match="loopback"):
        checked("localhost", 25, "smtp", allow=())


def test_a_public_address_on_an_unusual_port_is_refused() -> None:
    """Only the ports the protocol uses: no port scan of a public host either."""
    with pytest.raises(OutboundRefused, match="Port 6379 is not one Afterword uses"):
        checked("93.184.216.34", 6379, "smtp", allow=())


def test_a_public_address_on_a_usual_port_passes_with_the_address_it_checked() -> None:
    """The destination carries the very address that was checked, for the connection."""
    destination = checked("93.184.216.34", 465, "smtp", allow=())

    assert destination.addresses == (ipaddress.ip_address("93.184.216.34"),)


def test_an_allowed_name_may_resolve_to_a_private_address_on_any_port() -> None:
    """A LAN mail server the site named works, whatever its address and port."""

    def resolve(host: str, port: int) -> list[Any]:
        return [ipaddress.ip_address("10.0.0.5")]

    destination = checked(
        "mail.lan", 1025, "smtp", allow=parse_allow_list("mail.lan"), resolve=resolve
    )

    assert destination.addresses == (ipaddress.ip_address("10.0.0.5"),)


def test_an_entry_with_a_port_allows_that_port_only() -> None:
    """127.0.0.1:1025 is the bridge, not every service on this machine."""
    entries = parse_allow_list("127.0.0.1:1025")

    checked("127.0.0.1", 1025, "smtp", allow=entries)
    with pytest.raises(OutboundRefused):
        checked("127.0.0.1", 1026, "smtp", allow=entries)


def test_an_allowed_ipv4_address_also_covers_its_mapped_ipv6_form() -> None:
    """::ffff:127.0.0.1 is the same machine as 127.0.0.1, for the allow-list too."""
    checked("::ffff:127.0.0.1", 1025, "smtp", allow=parse_allow_list("127.0.0.1:1025"))


def test_a_refused_smtp_test_never_connects(
    user: Any, listener: Listener, nothing_allowed: None
) -> None:
    """The SMTP test to a loopback port: a clear refusal and no connection at all."""
    account = MailAccountFactory(user=user, host="127.0.0.1", port=listener.port, security="none")

    result = send_test_email(account, timezone.now())

    assert not result.ok
    assert "this server itself" in result.text
    assert "AFTERWORD_OUTBOUND_ALLOW" in result.text
    assert listener.accepted == 0


def test_an_allowed_smtp_test_connects_once_and_hides_the_other_services_banner(
    user: Any, listener: Listener, settings: Any
) -> None:
    """Allowed, it connects exactly once; what the other service said is not shown."""
    allow(settings, f"127.0.0.1:{listener.port}")
    account = MailAccountFactory(user=user, host="127.0.0.1", port=listener.port, security="none")

    result = send_test_email(account, timezone.now())

    assert not result.ok
    assert "did not answer as a mail server should" in result.text
    assert "SSH" not in result.text and "internal-build-host" not in result.text
    assert listener.accepted == 1


def mailbox_at(port: int) -> Mailbox:
    return Mailbox(host="127.0.0.1", port=port, security="none", username="u", password="p")


def test_a_refused_imap_test_never_connects(listener: Listener, nothing_allowed: None) -> None:
    """The IMAP test to a loopback port: refused with the fix named, no connection."""
    result = check_connection(mailbox_at(listener.port), ["INBOX"])

    assert not result.ok
    assert "this server itself" in result.message
    assert listener.accepted == 0


def test_an_allowed_imap_test_connects_once_and_hides_the_banner(
    listener: Listener, settings: Any
) -> None:
    """Allowed, it connects exactly once; the other service's banner stays off the page."""
    allow(settings, f"127.0.0.1:{listener.port}")

    result = check_connection(mailbox_at(listener.port), ["INBOX"])

    assert not result.ok
    assert "SSH" not in result.message and "internal-build-host" not in result.message
    assert listener.accepted == 1


def watched(user: Any, port: int) -> MailboxWatch:
    return MailboxWatch.objects.create(
        user=user,
        host="127.0.0.1",
        port=port,
        security="none",
        username="u",
        password_encrypted=encrypt("p"),
        folders="INBOX",
        next_poll_at=timezone.now(),
    )


def test_a_refused_worker_poll_never_connects(
    user: Any, listener: Listener, nothing_allowed: None
) -> None:
    """The worker's poll of a mailbox on a loopback port records the refusal, connects nowhere."""
    watch = watched(user, listener.port)

    watch_inboxes(timezone.now(), "test-worker")

    watch.refresh_from_db()
    assert "this server itself" in watch.last_error
    assert listener.accepted == 0


def test_an_allowed_worker_poll_connects_once(user: Any, listener: Listener, settings: Any) -> None:
    """Allowed, the poll connects exactly once (and fails: it is not a mail server)."""
    allow(settings, f"127.0.0.1:{listener.port}")
    watch = watched(user, listener.port)

    watch_inboxes(timezone.now(), "test-worker")

    watch.refresh_from_db()
    assert watch.failures == 1
    assert listener.accepted == 1


def test_a_web_hook_to_a_host_the_site_did_not_name_is_refused_when_saved(
    listener: Listener, nothing_allowed: None
) -> None:
    """json:// reaches only hosts the site allows; saying so costs no connection."""
    with pytest.raises(ValueError, match="may only reach hosts the site allows"):
        check_url(f"json://127.0.0.1:{listener.port}/hook")

    assert listener.accepted == 0


def test_an_email_channel_may_only_use_a_mail_server_the_site_named(
    listener: Listener, nothing_allowed: None
) -> None:
    """mailto:// opens its own connection, which the gate cannot pin: named servers only."""
    with pytest.raises(ValueError, match="may only reach hosts the site allows"):
        check_url("mailtos://user:secret@93.184.216.34:587?to=me@example.org")
    with pytest.raises(ValueError, match="may only reach hosts the site allows"):
        check_url(
            f"mailto://user:secret@example.org?smtp=127.0.0.1&port={listener.port}&to=me@example.org"
        )

    assert listener.accepted == 0


def test_a_self_hosted_service_on_loopback_is_refused_when_saved(
    listener: Listener, nothing_allowed: None
) -> None:
    """ntfy on this server's own port is refused before anything is sent."""
    with pytest.raises(ValueError, match="this server itself"):
        check_url(f"ntfy://127.0.0.1:{listener.port}/topic")

    assert listener.accepted == 0


@pytest.mark.parametrize("url", ["mqtt://127.0.0.1/topic", "syslog://", "xmpp://u:p@host"])
def test_services_off_the_reviewed_list_are_refused(url: str) -> None:
    """Raw protocols and local services are not offered at all."""
    with pytest.raises(ValueError, match="is not one of the services this site sends to"):
        check_url(url)


@pytest.mark.parametrize("scheme", ["json", "ntfy"])
def test_a_saved_channel_the_site_no_longer_allows_never_connects(
    user: Any, listener: Listener, nothing_allowed: None, scheme: str
) -> None:
    """Checked again when sending: a channel saved while allowed is refused for good now."""
    channel = NotificationChannelFactory(
        owner=user, url=f"{scheme}://127.0.0.1:{listener.port}/topic"
    )

    with pytest.raises(TransportError) as raised:
        AppriseTransport(channel).notify("Title", "Body")

    assert raised.value.permanent
    assert "AFTERWORD_OUTBOUND_ALLOW" in raised.value.message
    assert listener.accepted == 0


def test_an_allowed_channel_connects_once_and_hides_what_came_back(
    user: Any, listener: Listener, settings: Any
) -> None:
    """Allowed, a notification makes exactly one connection."""
    allow(settings, f"127.0.0.1:{listener.port}")
    channel = NotificationChannelFactory(owner=user, url=f"json://127.0.0.1:{listener.port}/hook")

    with pytest.raises(TransportError) as raised:
        AppriseTransport(channel).notify("Title", "Body")

    assert "internal-build-host" not in raised.value.message
    assert listener.accepted == 1


def test_web_requests_connect_only_where_the_gate_allows(
    listener: Listener, nothing_allowed: None
) -> None:
    """Every urllib3 connection goes through the gate, whatever asked for it."""
    gate_http_connections()

    with pytest.raises(requests.ConnectionError):
        requests.get(f"http://127.0.0.1:{listener.port}/", timeout=5)

    assert listener.accepted == 0
