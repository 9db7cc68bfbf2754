"""The one outbound gate: every connection the server opens on a user's behalf starts here.

``checked`` resolves a host once and judges every address it got (network.py): an address on
this machine, a private, shared, link-local, multicast, reserved or metadata address, or a port
the protocol does not use, is refused unless the site's ``AFTERWORD_OUTBOUND_ALLOW`` names it.
``open_socket`` then connects to exactly those addresses, so a name cannot resolve to a public
address for the check and to a private one for the connection. The SMTP and IMAP classes
below connect through it while keeping the name the user typed for TLS (SNI and the
certificate check), and ``gate_http_connections`` does the same for every HTTP request made
with urllib3 (requests, and so Apprise).
"""

from __future__ import annotations

import imaplib
import smtplib
import socket
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from django.conf import settings

from afterword.infra.network import (
    AllowEntry,
    IPAddress,
    literal_address,
    normal_host,
    refusal,
)

Service = Literal["smtp", "imap", "http"]
# The ports each protocol uses in the wild. SMTP: 25 relay, 465 TLS, 587 submission, 2525 the
# alternative submission port many providers offer; IMAP: 143 and 993; HTTP: 80 and 443.
PORTS: dict[Service, frozenset[int]] = {
    "smtp": frozenset({25, 465, 587, 2525}),
    "imap": frozenset({143, 993}),
    "http": frozenset({80, 443}),
}
PORT_ADVICE: dict[Service, str] = {
    "smtp": "a mail server for sending (SMTP) on port 587 (STARTTLS), 465 (TLS), 25 or 2525",
    "imap": "a mail server for reading (IMAP) on port 993 (TLS) or 143 (STARTTLS)",
    "http": "a web service on port 443 (HTTPS) or 80",
}
ASK = "ask the site's administrator to allow it (AFTERWORD_OUTBOUND_ALLOW)"
Resolver = Callable[[str, int], list[IPAddress]]


class OutboundRefused(OSError):
    """The gate will not connect there; ``message`` says what to change."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True, slots=True)
class Destination:
    """A host name as the user typed it, a port, and the addresses the gate checked."""

    host: str
    port: int
    addresses: tuple[IPAddress, ...]


def system_resolver(host: str, port: int) -> list[IPAddress]:
    """The addresses the system resolver gives for ``host``, once each, in its order."""
    found: list[IPAddress] = []
    for *_, sockaddr in socket.getaddrinfo(host, port, type=socket.SOCK_STREAM):
        address = literal_address(str(sockaddr[0]))
        if address is not None and address not in found:
            found.append(address)
    return found


def site_allow() -> tuple[AllowEntry, ...]:
    """The site's allow-list as settings.py parsed it."""
    return tuple(getattr(settings, "OUTBOUND_ALLOW", ()))


def checked(
    host: str,
    port: int,
    service: Service,
    *,
    allow: Sequence[AllowEntry] | None = None,
    resolve: Resolver = system_resolver,
    named_only: bool = False,
) -> Destination:
    """Where a connection to ``host``:``port`` for ``service`` may go; OutboundRefused if nowhere.

    1. The port must be a real port number.
    2. The host is read as an address when it spells one (in any form the resolver accepts),
       else resolved once; a name that cannot be found raises socket.gaierror.
    3. Every address must be covered by an allow entry, or be public and used on one of the
       service's usual ports. ``named_only`` drops the second way (for generic web hooks,
       which may only reach hosts the site named). One refused address refuses the host: a
       name that points at both a public and a private address is not to be trusted.
    """
    entries = site_allow() if allow is None else allow
    name = normal_host(host)
    if not 0 < port < 65536:
        raise OutboundRefused(f"{port} is not a port number; use {PORT_ADVICE[service]}.")
    literal = literal_address(name)
    addresses = [literal] if literal is not None else resolve(name, port)
    if not addresses:
        raise socket.gaierror(socket.EAI_NONAME, f"{host} has no address")
    for address in addresses:
        if any(entry.covers(name, address, port) for entry in entries):
            continue
        if named_only:
            raise OutboundRefused(
                f"This site does not send to {host}:{port}: this kind of channel may only reach "
                f"hosts the site allows. Choose another service, or {ASK}."
            )
        reason = refusal(address)
        if reason is not None:
            shown = host if str(address) == name else f"{host} ({address})"
            raise OutboundRefused(
                f"Afterword may not connect to {shown}: it is {reason}. Use your provider's "
                f"public server name, or {ASK}."
            )
        if port not in PORTS[service]:
            raise OutboundRefused(
                f"Port {port} is not one Afterword uses for {PORT_ADVICE[service].split(' on ')[0]}"
                f"; use {PORT_ADVICE[service]}, or {ASK}."
            )
    return Destination(host=host, port=port, addresses=tuple(addresses))


def open_socket(
    destination: Destination,
    timeout: object = None,
    source_address: tuple[str, int] | None = None,
    socket_options: Sequence[tuple[int, int, int | bytes]] | None = None,
) -> socket.socket:
    """A TCP connection to the first of the checked addresses that answers (as
    socket.create_connection, but with no lookup of its own)."""
    last_error: OSError | None = None
    for address in destination.addresses:
        family = socket.AF_INET6 if address.version == 6 else socket.AF_INET
        sock = socket.socket(family, socket.SOCK_STREAM)
        try:
            for option in socket_options or ():
                sock.setsockopt(*option)
            if timeout is None or isinstance(timeout, int | float):
                sock.settimeout(timeout)
            if source_address is not None:
                sock.bind(source_address)
            sock.connect((str(address), destination.port))
            return sock
        except OSError as error:
            sock.close()
            last_error = error
    assert last_error is not None, "a destination always has an address"
    raise last_error


def connect(host: str, port: int, service: Service, timeout: float | None) -> socket.socket:
    """Check ``host``:``port`` for ``service`` and connect to the address that passed."""
    return open_socket(checked(host, port, service), timeout)


class SMTP(smtplib.SMTP):
    """smtplib's client, connecting through the gate (STARTTLS still checks the typed name)."""

    def _get_socket(self, host: str, port: int, timeout: float) -> socket.socket:
        return connect(host, port, "smtp", timeout)


class SMTP_SSL(smtplib.SMTP_SSL):
    """smtplib's TLS client, connecting through the gate; TLS checks the name the user typed."""

    def _get_socket(self, host: str, port: int, timeout: float) -> socket.socket:
        sock = connect(host, port, "smtp", timeout)
        return self.context.wrap_socket(sock, server_hostname=host)


class IMAP4(imaplib.IMAP4):
    """imaplib's client, connecting through the gate."""

    def _create_socket(self, timeout: float | None = None) -> socket.socket:
        return connect(self.host, self.port, "imap", timeout)


class IMAP4_SSL(imaplib.IMAP4_SSL):
    """imaplib's TLS client, connecting through the gate; TLS checks the name the user typed."""

    def _create_socket(self, timeout: float | None = None) -> socket.socket:
        wrapped: socket.socket = self.ssl_context.wrap_socket(
            connect(self.host, self.port, "imap", timeout), server_hostname=self.host
        )
        return wrapped


def gate_http_connections() -> None:
    """Send every urllib3 connection in this process (requests, so Apprise) through the gate.

    urllib3 opens its sockets with ``urllib3.util.connection.create_connection``; replacing it
    keeps TLS as it was (urllib3 still checks the certificate against the URL's host name) but
    connects only to addresses the gate checked. Idempotent.
    """
    from urllib3.util import connection

    if getattr(connection.create_connection, "afterword_gate", False):
        return

    def create_connection(
        address: tuple[str, int],
        timeout: object = None,
        source_address: tuple[str, int] | None = None,
        socket_options: Sequence[tuple[int, int, int | bytes]] | None = None,
    ) -> socket.socket:
        host, port = address
        return open_socket(checked(host, port, "http"), timeout, source_address, socket_options)

    gated: Any = create_connection
    gated.afterword_gate = True
    connection.create_connection = gated


# TEST-NET-1 and the IPv6 documentation prefix (RFC 5737, RFC 3849): never anyone's address.
_ROUTE_PROBES = ((socket.AF_INET, ("192.0.2.1", 53)), (socket.AF_INET6, ("2001:db8::1", 53)))


def has_route_out() -> bool:
    """Whether this machine has any route to the internet (IPv4 or IPv6), sending nothing.

    Connecting a UDP socket only asks the kernel for a route, which fails at once (ENETUNREACH)
    without a network; no packet leaves and the documentation addresses are never contacted.
    It lives here so that every socket the server makes is made in this one module.
    """
    for family, address in _ROUTE_PROBES:
        try:
            with socket.socket(family, socket.SOCK_DGRAM) as probe:
                probe.connect(address)
                return True
        except OSError:
            continue
    return False
