"""IMAP IDLE for the worker: hear about new mail at once, and only nudge the row that says so.

Rows, not timers: an ``IdleWatcher`` never fetches or records anything. When a server reports
new mail (``* n EXISTS``) it sets that mailbox's ``next_poll_at`` to now, and the next tick's
``watch_inboxes`` job (watch.py) polls it as usual, with its own claim and lease.

One watcher per worker process holds at most LIMIT connections, one per mailbox whose server
advertises IDLE and on which this worker holds the idle lease (``idle_by``/``idle_until``, taken
with a conditional UPDATE like the poll's claim and renewed while held), so two workers never
idle on the same mailbox and a dead worker's lease simply runs out. A mailbox whose server lacks
IDLE is left alone for NO_IDLE_RETRY and keeps the five-minute poll.

imaplib (3.11) has no IDLE: after logging in and opening the first watched folder read-only
with imaplib, this module writes ``IDLE`` itself and reads the untagged lines from the socket.
"""

from __future__ import annotations

import imaplib
import itertools
import logging
import re
import select
import socket
import ssl
import time
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass, field
from datetime import timedelta

from django.db.models import Q
from django.utils import timezone

from afterword.inbox.imap import InboxError, Mailbox, Session, connect, log_in
from afterword.inbox.models import MailboxWatch
from afterword.infra import stopping
from afterword.infra.crypto import SecretUnreadable, decrypt

log = logging.getLogger(__name__)

LIMIT = 20
# Renewed every REFRESH seconds; a worker that died frees its mailboxes after IDLE_LEASE.
IDLE_LEASE = timedelta(minutes=2)
REFRESH = 30.0
# RFC 2177: servers may drop an IDLE after 30 minutes, so it is re-issued before that.
REISSUE = 25 * 60.0
CONNECT_TIMEOUT = 10.0
NO_IDLE_RETRY = 3600.0
MAX_BACKOFF = 900.0
# The longest one select() sleeps, so a stop request (a signal handler setting a flag, which
# does not interrupt select) is seen within this many seconds.
SLICE = 0.25
_EXISTS = re.compile(rb"^\* \d+ EXISTS\b", re.IGNORECASE)
_tags = itertools.count(1)


class IdleLost(Exception):
    """The connection broke or the server ended the IDLE; reconnect later."""


@dataclass
class Idling:
    """One mailbox in IDLE: the logged-in connection, the tag of its IDLE, unread bytes."""

    pk: int
    fingerprint: tuple[object, ...]
    session: Session
    tag: bytes = b""
    since: float = 0.0
    pending: bytes = field(default=b"")

    @property
    def sock(self) -> socket.socket:
        return self.session.imap.sock

    def start(self) -> None:
        """Send IDLE and wait for the server's go-ahead (a ``+`` continuation)."""
        self.tag = f"AWI{next(_tags)}".encode()
        self._send(self.tag + b" IDLE\r\n")
        for line in self._lines_until(lambda line: line.startswith(b"+")):
            if line.startswith(self.tag):
                raise IdleLost(f"the server refused IDLE: {line.decode(errors='replace')}")
        self.since = time.monotonic()

    def stop(self) -> bool:
        """Send DONE and read up to the tagged answer; True if new mail came meanwhile."""
        self._send(b"DONE\r\n")
        lines = list(self._lines_until(lambda line: line.startswith(self.tag + b" ")))
        return any(_EXISTS.match(line) for line in lines)

    def read(self) -> bool:
        """Read what the socket holds (it was readable); True if a line says new mail came."""
        self.pending += self._recv()
        return self.parse()

    def parse(self) -> bool:
        """The whole lines already read; True if one says new mail came."""
        *lines, self.pending = self.pending.split(b"\r\n")
        for line in lines:
            if line.upper().startswith(b"* BYE"):
                raise IdleLost(line.decode(errors="replace"))
        return any(_EXISTS.match(line) for line in lines)

    def close(self) -> None:
        imap = self.session.imap
        with suppress(OSError):
            imap.shutdown()

    def _send(self, data: bytes) -> None:
        try:
            self.session.imap.send(data)
        except OSError as error:
            raise IdleLost(str(error)) from None

    def _recv(self) -> bytes:
        sock = self.session.imap.sock
        try:
            data: bytes = sock.recv(65536)
            # TLS may hold decrypted bytes that select() on the socket does not see.
            while isinstance(sock, ssl.SSLSocket) and sock.pending():
                data += sock.recv(65536)
        except (OSError, ssl.SSLError) as error:
            raise IdleLost(str(error)) from None
        if not data:
            raise IdleLost("the server closed the connection")
        return data

    def _lines_until(self, last: Callable[[bytes], bool]) -> list[bytes]:
        """Whole lines (blocking, up to the socket's timeout) up to the one ``last`` accepts."""
        found: list[bytes] = []
        while True:
            *lines, self.pending = self.pending.split(b"\r\n")
            for index, line in enumerate(lines):
                found.append(line)
                if line.upper().startswith(b"* BYE"):
                    raise IdleLost(line.decode(errors="replace"))
                if last(line):
                    rest = lines[index + 1 :]
                    self.pending = b"\r\n".join([*rest, self.pending])
                    return found
            self.pending += self._recv()


class IdleWatcher:
    """The IDLE connections of one worker; ``wait`` replaces the worker's sleep."""

    def __init__(self, worker_name: str, limit: int = LIMIT) -> None:
        self.worker_name = worker_name
        self.limit = limit
        self.held: dict[int, Idling] = {}
        # pk -> monotonic time before which it is not tried again (errors, no IDLE).
        self.not_before: dict[int, float] = {}
        self.failures: dict[int, int] = {}
        self.refreshed = float("-inf")

    def wait(self, timeout: float) -> bool:
        """Sleep up to ``timeout`` seconds; True as soon as a mailbox was nudged or stop asked.

        1. Every REFRESH seconds: renew the held leases, drop what was lost or changed, and
           claim and connect further mailboxes, up to ``limit``.
        2. Re-issue IDLE on connections idling for REISSUE seconds.
        3. select() on the held sockets in slices of SLICE seconds; a mailbox whose server says
           EXISTS is due at once (``next_poll_at = now``).
        """
        deadline = time.monotonic() + timeout
        if time.monotonic() - self.refreshed >= REFRESH:
            self.refresh()
        nudged = self._reissue()
        while not nudged and not stopping.requested():
            left = deadline - time.monotonic()
            if left <= 0:
                break
            socks = {id(i.sock): i for i in self.held.values()}
            if not socks:
                return stopping.wait(min(left, REFRESH))
            # Lines read along with an earlier answer wait in ``pending``, not in the socket.
            buffered = [i for i in socks.values() if b"\r\n" in i.pending]
            ready, _, _ = select.select(
                [i.sock for i in socks.values()], [], [], 0 if buffered else min(left, SLICE)
            )
            for idling in [*buffered, *(socks[id(sock)] for sock in ready)]:
                try:
                    if idling.read() if idling not in buffered else idling.parse():
                        nudged.append(idling.pk)
                except IdleLost as error:
                    self._lose(idling.pk, str(error))
        self._nudge(nudged)
        return bool(nudged) or stopping.requested()

    def refresh(self) -> None:
        """Renew, drop, and claim: the database side of step 1 of ``wait``."""
        self.refreshed = time.monotonic()
        now = timezone.now()
        rows = {
            row.pk: row
            for row in MailboxWatch.objects.filter(idle_by=self.worker_name, connected=True)
        }
        for pk in list(self.held):
            row = rows.get(pk)
            if row is None or _fingerprint(row) != self.held[pk].fingerprint:
                self._drop(pk)
        MailboxWatch.objects.filter(idle_by=self.worker_name, connected=True).update(
            idle_until=now + IDLE_LEASE
        )
        # Leases kept by a disconnected mailbox go back, so a reconnect starts afresh.
        MailboxWatch.objects.filter(idle_by=self.worker_name, connected=False).update(
            idle_by="", idle_until=None
        )
        for pk, row in rows.items():
            if pk not in self.held and len(self.held) < self.limit:
                self._connect(row)
        if len(self.held) >= self.limit:
            return
        skip = [pk for pk, when in self.not_before.items() if when > time.monotonic()]
        candidates = (
            MailboxWatch.objects.filter(connected=True)
            .filter(Q(idle_until__isnull=True) | Q(idle_until__lt=now))
            .exclude(pk__in=[*self.held, *skip])
            .order_by("pk")
            .values_list("pk", flat=True)[: self.limit - len(self.held)]
        )
        for pk in list(candidates):
            if stopping.requested():
                # Each connection may take CONNECT_TIMEOUT: a stop must not wait for them all.
                return
            claimed = (
                MailboxWatch.objects.filter(pk=pk, connected=True)
                .filter(Q(idle_until__isnull=True) | Q(idle_until__lt=now))
                .update(idle_by=self.worker_name, idle_until=now + IDLE_LEASE)
            )
            if claimed == 1:
                self._connect(MailboxWatch.objects.get(pk=pk))

    def close(self) -> None:
        """Log out everywhere and give every lease back (a worker that stops)."""
        for pk in list(self.held):
            self._drop(pk)
        MailboxWatch.objects.filter(idle_by=self.worker_name).update(idle_by="", idle_until=None)

    def _connect(self, row: MailboxWatch) -> None:
        """Log in, open the first folder read-only, start IDLE; on failure back off."""
        if self.not_before.get(row.pk, 0) > time.monotonic() or not row.folder_names:
            return
        try:
            password = decrypt(row.password_encrypted)
            mailbox = Mailbox(row.host, row.port, row.security, row.username, password)
            imap = connect(mailbox, CONNECT_TIMEOUT)
        except (InboxError, SecretUnreadable) as error:
            self._fail(row.pk, str(error))
            return
        session = Session(imap)
        idling = Idling(row.pk, _fingerprint(row), session)
        try:
            log_in(imap, mailbox)
            if "IDLE" not in imap.capabilities:
                # Some servers tell more after login; imaplib keeps the greeting's list.
                _status, data = session._call(lambda: imap.capability())
                if b"IDLE" not in (data[0] or b"").upper().split():
                    idling.close()
                    self._give_back(row.pk)
                    self.not_before[row.pk] = time.monotonic() + NO_IDLE_RETRY
                    log.info("inbox %s: the server offers no IDLE; polling it", row.pk)
                    return
            session.examine(row.folder_names[0])
            idling.start()
        except (InboxError, IdleLost) as error:
            idling.close()
            self._fail(row.pk, str(error))
            return
        self.held[row.pk] = idling
        self.failures.pop(row.pk, None)

    def _reissue(self) -> list[int]:
        """DONE and IDLE again on connections idling for REISSUE seconds (RFC 2177)."""
        nudged: list[int] = []
        for idling in list(self.held.values()):
            if time.monotonic() - idling.since < REISSUE:
                continue
            try:
                if idling.stop():
                    nudged.append(idling.pk)
                idling.start()
            except IdleLost as error:
                self._lose(idling.pk, str(error))
        return nudged

    def _nudge(self, pks: list[int]) -> None:
        if pks:
            now = timezone.now()
            MailboxWatch.objects.filter(pk__in=pks, next_poll_at__gt=now).update(next_poll_at=now)

    def _lose(self, pk: int, why: str) -> None:
        """A held connection broke: close it, keep the lease, reconnect after a backoff.

        New mail may have come while it was down, so the mailbox is nudged too.
        """
        self._drop(pk)
        self._nudge([pk])
        self._fail(pk, why)

    def _fail(self, pk: int, why: str) -> None:
        failures = self.failures.get(pk, 0) + 1
        self.failures[pk] = failures
        self.not_before[pk] = time.monotonic() + min(5.0 * 2 ** min(failures - 1, 10), MAX_BACKOFF)
        log.info("inbox %s: IDLE stopped (%s); trying again later", pk, why)

    def _drop(self, pk: int) -> None:
        idling = self.held.pop(pk, None)
        if idling is not None:
            try:
                idling.stop()
                idling.session.imap.logout()
            except (IdleLost, OSError, imaplib.IMAP4.error):
                idling.close()

    def _give_back(self, pk: int) -> None:
        MailboxWatch.objects.filter(pk=pk, idle_by=self.worker_name).update(
            idle_by="", idle_until=None
        )


def _fingerprint(row: MailboxWatch) -> tuple[object, ...]:
    """What the connection was made from: when the user changes it, reconnect."""
    return (row.host, row.port, row.security, row.username, row.password_encrypted, row.folders)
