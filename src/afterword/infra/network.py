"""What the server may connect to: which addresses belong to this machine or a private network,
and the site's allow-list (``AFTERWORD_OUTBOUND_ALLOW``) that makes exceptions.

Plain Python, no Django and no network: ``outbound.py`` resolves host names and connects; this
module only judges addresses and reads the allow-list's text, so settings.py can parse it at
start-up and the tests can try every literal form without a resolver.
"""

from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network

# Cloud providers answer instance credentials here. Most sit in link-local or private ranges
# anyway; Azure's wire server (168.63.129.16) is in a public range, so it is named outright.
METADATA = frozenset(
    ipaddress.ip_address(text)
    for text in ("169.254.169.254", "fd00:ec2::254", "100.100.100.200", "168.63.129.16")
)
SHARED = ipaddress.IPv4Network("100.64.0.0/10")
PRIVATE_V4 = tuple(
    ipaddress.IPv4Network(text) for text in ("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16")
)
PRIVATE_V6 = ipaddress.IPv6Network("fc00::/7")
# Special-purpose blocks that Python 3.11 still calls global: protocol assignments, the old
# 6to4 relay anycast, benchmarking.
RESERVED_V4 = tuple(
    ipaddress.IPv4Network(text)
    for text in ("0.0.0.0/8", "192.0.0.0/24", "192.88.99.0/24", "198.18.0.0/15", "240.0.0.0/4")
)
# Prefixes that carry an IPv4 address in their last 32 bits (RFC 6052 NAT64, RFC 8215 local
# NAT64, RFC 6145 translated form): judged by the IPv4 address inside.
NAT64 = tuple(
    ipaddress.IPv6Network(text) for text in ("64:ff9b::/96", "64:ff9b:1::/48", "::ffff:0:0:0/96")
)
TEREDO = ipaddress.IPv6Network("2001::/32")
_IPV4_PART = re.compile(r"^(?:0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)$")
_LABEL = r"[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9])?"
_HOST_NAME = re.compile(rf"^{_LABEL}(?:\.{_LABEL})*$")


def is_loopback(host: str) -> bool:
    """``localhost`` or a loopback address: the only hosts a password may travel to in clear."""
    name = host.strip().lower().rstrip(".")
    if name == "localhost" or name.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(name.strip("[]")).is_loopback
    except ValueError:
        return False


def normal_host(host: str) -> str:
    """A host as compared and resolved: trimmed, lower-case, no brackets, no trailing dot."""
    name = host.strip().lower()
    if name.startswith("[") and name.endswith("]"):
        name = name[1:-1]
    return name.rstrip(".") if name != "." else name


def literal_address(host: str) -> IPAddress | None:
    """The address ``host`` spells out, or None for a name that needs a resolver.

    IPv4 is read as the C library's inet_aton reads it, because that is what the resolver does
    with such a "name": one to four parts, each decimal, octal (leading 0) or hex (0x), the
    last part filling the remaining bytes, so 2130706433, 0x7f.1 and 017700000001 are all
    127.0.0.1.
    """
    name = normal_host(host)
    try:
        return ipaddress.IPv6Address(name) if ":" in name else _inet_aton(name)
    except ValueError:
        return None


def _inet_aton(name: str) -> ipaddress.IPv4Address:
    parts = name.split(".")
    if not 1 <= len(parts) <= 4 or not all(_IPV4_PART.match(part) for part in parts):
        raise ValueError(name)
    numbers = [_number(part) for part in parts]
    *leading, last = numbers
    if any(number > 255 for number in leading) or last >= 256 ** (5 - len(numbers)):
        raise ValueError(name)
    value = last
    for index, number in enumerate(leading):
        value += number << (8 * (3 - index))
    return ipaddress.IPv4Address(value)


def _number(part: str) -> int:
    if part[:2].lower() == "0x":
        return int(part[2:], 16)
    if part.startswith("0") and len(part) > 1:
        return int(part[1:], 8)
    return int(part)


def embedded_ipv4(address: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 address stands for: mapped, compatible, 6to4 or NAT64."""
    if address.ipv4_mapped is not None:
        return address.ipv4_mapped
    if address.sixtofour is not None:
        return address.sixtofour
    if any(address in network for network in NAT64):
        return ipaddress.IPv4Address(int(address) & 0xFFFF_FFFF)
    # The deprecated IPv4-compatible form ::a.b.c.d (but not :: and ::1 themselves).
    if int(address) >> 32 == 0 and int(address) > 1:
        return ipaddress.IPv4Address(int(address))
    return None


def refusal(address: IPAddress) -> str | None:
    """Why the server must not connect to ``address`` on a user's behalf, or None if it may.

    Only addresses on the public internet pass: this machine, private and shared networks,
    link-local, multicast, reserved and documentation blocks and the cloud metadata addresses
    are refused, in IPv4 and IPv6, including IPv6 forms that carry an IPv4 address inside.
    """
    if address in METADATA:
        return "the cloud metadata address"
    if isinstance(address, ipaddress.IPv6Address):
        if address.scope_id:
            return "an address on a local network link"
        inner = embedded_ipv4(address)
        if inner is not None:
            return refusal(inner)
        if address in TEREDO:
            return "a tunnelled (Teredo) address"
    if address.is_unspecified:
        return "the unspecified address"
    if address.is_loopback:
        return "this server itself (a loopback address)"
    if address.is_link_local:
        return "an address on a local network link (link-local)"
    if address.is_multicast:
        return "a multicast address"
    if isinstance(address, ipaddress.IPv4Address):
        if address in SHARED:
            return "a shared address of a provider's network (100.64.0.0/10)"
        if any(address in network for network in PRIVATE_V4):
            return "a private network address"
        if any(address in network for network in RESERVED_V4):
            return "a reserved address, not on the public internet"
    elif address in PRIVATE_V6 or address.is_site_local:
        return "a private network address"
    if address.is_reserved or address.is_private or not address.is_global:
        return "a reserved address, not on the public internet"
    return None


@dataclass(frozen=True, slots=True)
class AllowEntry:
    """One item of AFTERWORD_OUTBOUND_ALLOW: a host name or a network, on one port or any."""

    name: str | None = None
    network: IPNetwork | None = None
    port: int | None = None

    def covers(self, name: str, address: IPAddress, port: int) -> bool:
        """Whether a connection to ``address`` (found for ``name``) on ``port`` is allowed."""
        if self.port is not None and self.port != port:
            return False
        if self.name is not None:
            return self.name == normal_host(name)
        assert self.network is not None
        inner = embedded_ipv4(address) if isinstance(address, ipaddress.IPv6Address) else None
        return any(
            candidate.version == self.network.version and candidate in self.network
            for candidate in (address, inner)
            if candidate is not None
        )


def parse_allow_list(text: str) -> tuple[AllowEntry, ...]:
    """``mail.lan, 127.0.0.1:1025, 10.1.0.0/16, [::1]:1143`` as entries; ValueError names the
    item that is not understood. ``none`` alone stands for an empty list."""
    if text.strip().lower() == "none":
        return ()
    return tuple(parse_allow_entry(item.strip()) for item in text.split(",") if item.strip())


def parse_allow_entry(item: str) -> AllowEntry:
    """One entry: ``host``, ``host:port``, ``address``, ``[IPv6]:port``, ``CIDR`` or ``CIDR:port``
    (an IPv6 network with a port in brackets: ``[fd00::/8]:25``)."""
    host, port = _split_port(item)
    try:
        network = ipaddress.ip_network(host, strict=True)
    except ValueError as error:
        if "/" in host:
            raise ValueError(f"{item!r}: {error}") from None
        network = None
    if network is not None:
        return AllowEntry(network=network, port=port)
    name = normal_host(host)
    if not _HOST_NAME.match(name) or name.replace(".", "").isdigit():
        raise ValueError(f"{item!r} is not a host name, an address or a network such as 10.0.0.0/8")
    return AllowEntry(name=name, port=port)


def _split_port(item: str) -> tuple[str, int | None]:
    if item.startswith("["):
        host, bracket, rest = item[1:].partition("]")
        if not bracket or (rest and not rest.startswith(":")):
            raise ValueError(f"{item!r}: write an IPv6 address with a port as [::1]:1025")
        return host, _port(item, rest[1:]) if rest else None
    if item.count(":") == 1:
        host, _, port = item.partition(":")
        return host, _port(item, port)
    return item, None


def _port(item: str, text: str) -> int:
    if not text.isascii() or not text.isdigit() or not 1 <= int(text) <= 65535:
        raise ValueError(f"{item!r}: the port must be a number from 1 to 65535")
    return int(text)
