"""The worker job ``watch_inboxes``: poll each connected mailbox, at most once per interval.

Rows, not timers: a mailbox is due when its ``next_poll_at`` has passed. A worker claims it with
a conditional UPDATE that also takes a lease, so two workers never poll the same mailbox at
once, and a worker that dies mid-poll only delays the next poll until the lease runs out.

Every mailbox is polled at least every POLL_INTERVAL (five minutes): simple, survives restarts
of either side, and is what "stops the nudges within one polling interval" promises. Where the
server offers IMAP IDLE, a worker's IdleWatcher (idle.py) hears of new mail and only sets
``next_poll_at`` to now, so this job polls that mailbox on its next tick. Each poll
reads at most MAX_PER_POLL new messages per folder, in batches of BATCH; a mailbox with more to
read is due again at once, so a large first scan proceeds in bounded steps, saving its place
after every batch.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.db.models import Q
from django.utils import timezone

from afterword.inbox.directory import directory_for
from afterword.inbox.imap import InboxError, Mailbox, Session, open_session
from afterword.inbox.invitations import own_addresses, record_invitation
from afterword.inbox.matching import Directory, Match, match
from afterword.inbox.message import Incoming, parse_headers
from afterword.inbox.models import MailboxWatch, WatchedFolder
from afterword.inbox.records import record
from afterword.infra import stopping
from afterword.infra.crypto import SecretUnreadable, decrypt
from afterword.infra.jobs import register
from afterword.reading.fetched import Fetched, may_hold_invitation
from afterword.reading.reading import may_be_delivery_notice, read, sender_words

log = logging.getLogger(__name__)

POLL_INTERVAL = timedelta(minutes=5)
# After failures the wait doubles, up to MAX_BACKOFF, so a wrong password is not hammered.
MAX_BACKOFF = timedelta(hours=1)
LEASE = timedelta(minutes=10)
BATCH = 200
MAX_PER_POLL = 2000
# The first scan of a folder (and a rescan after UIDVALIDITY changed) reads only mail that
# arrived in this many days: older mail cannot be news about a plan that is still open.
FIRST_SCAN_DAYS = 90
# Mailboxes looked at per job call, so the worker's other jobs get their turn.
MAILBOXES_PER_CALL = 20


_SINGULARS = {
    "reply": "reply",
    "out_of_office": "away notice",
    "bounce": "bounce",
    "invitation": "invitation",
}
_PLURALS = {
    "reply": "replies",
    "out_of_office": "away notices",
    "bounce": "bounces",
    "invitation": "invitations",
}


@dataclass
class PollResult:
    looked_at: int = 0
    recorded: dict[str, int] = field(default_factory=dict)
    more: bool = False
    problems: list[str] = field(default_factory=list)

    def summary(self) -> str:
        found = ", ".join(
            f"{count} {(_PLURALS[name] if count != 1 else _SINGULARS[name])}"
            for name, count in sorted(self.recorded.items())
        )
        new = f"{self.looked_at} new message{'s' if self.looked_at != 1 else ''}"
        return f"{new}, {found}" if found else new


@register("watch_inboxes")
def watch_inboxes(now: datetime, worker_name: str) -> int:
    """Poll every due, connected mailbox this worker can claim; returns how many it polled."""
    polled = 0
    for pk in due_watches(now):
        if stopping.requested():
            break
        watch = claim(pk, now, worker_name)
        if watch is not None:
            poll(watch, now, worker_name)
            polled += 1
    return polled


def due_watches(now: datetime) -> list[int]:
    return list(
        MailboxWatch.objects.filter(connected=True, next_poll_at__lte=now)
        .filter(Q(lease_until__isnull=True) | Q(lease_until__lt=now))
        .order_by("next_poll_at")
        .values_list("pk", flat=True)[:MAILBOXES_PER_CALL]
    )


def claim(pk: int, now: datetime, worker_name: str) -> MailboxWatch | None:
    """The mailbox for this worker, or None if another worker holds it (conditional UPDATE)."""
    claimed = (
        MailboxWatch.objects.filter(pk=pk, connected=True, next_poll_at__lte=now)
        .filter(Q(lease_until__isnull=True) | Q(lease_until__lt=now))
        .update(lease_until=now + LEASE, claimed_by=worker_name)
    )
    return MailboxWatch.objects.get(pk=pk) if claimed == 1 else None


def poll(watch: MailboxWatch, now: datetime, worker_name: str) -> PollResult:
    """Read what is new in each watched folder, record what matters, and release the mailbox.

    1. Log in; on failure keep the error for the settings page and wait longer next time.
    2. Build the directory of the user's open applications once.
    3. For each folder: read its UIDVALIDITY; if it changed, start over (recorded messages are
       not recorded again, see records.py); then read new messages in batches, saving the last
       UID after each batch.
    4. Release the lease; due again after POLL_INTERVAL, or at once if more is waiting.
    """
    result = PollResult()
    try:
        password = decrypt(watch.password_encrypted)
        mailbox = Mailbox(watch.host, watch.port, watch.security, watch.username, password)
        with open_session(mailbox) as session:
            directory = directory_for(watch.user_id)
            for name in watch.folder_names:
                try:
                    _poll_folder(watch, session, name, directory, now, result)
                except InboxError as error:
                    if error.kind != "folder":
                        raise
                    result.problems.append(error.message)
    except (InboxError, SecretUnreadable) as error:
        message = error.message if isinstance(error, InboxError) else str(error)
        _release(watch, now, worker_name, error=message)
        log.info("inbox %s: %s", watch.pk, message)
        return result
    _release(watch, now, worker_name, result=result)
    return result


def _poll_folder(
    watch: MailboxWatch,
    session: Session,
    name: str,
    directory: Directory,
    now: datetime,
    result: PollResult,
) -> None:
    state, _ = WatchedFolder.objects.get_or_create(watch=watch, name=name)
    uidvalidity, _count = session.examine(name)
    since = None
    if state.uidvalidity != uidvalidity:
        if state.uidvalidity is not None:
            log.info("inbox %s: %s has a new UIDVALIDITY; scanning it again", watch.pk, name)
        state.uidvalidity, state.last_uid = uidvalidity, 0
        state.save(update_fields=["uidvalidity", "last_uid"])
    if state.last_uid == 0:
        since = (now - timedelta(days=FIRST_SCAN_DAYS)).date()
    uids = session.uids_after(state.last_uid, since)
    if len(uids) > MAX_PER_POLL:
        uids, result.more = uids[:MAX_PER_POLL], True
    for start in range(0, len(uids), BATCH):
        if stopping.requested():
            result.more = True
            break
        batch = uids[start : start + BATCH]
        _read_batch(watch, session, batch, directory, now, result)
        # Saved only after the batch is recorded: a crash repeats it, never skips it.
        WatchedFolder.objects.filter(pk=state.pk).update(last_uid=batch[-1], scanned_at=now)
        result.looked_at += len(batch)


def _read_batch(
    watch: MailboxWatch,
    session: Session,
    uids: list[int],
    directory: Directory,
    now: datetime,
    result: PollResult,
) -> None:
    """Fetch, read, record: the watcher interprets nothing itself.

    1. The header fields of the whole batch; each message is matched to an application on
       them (matching.py).
    2. For a message that answers an application, that may be a notice about our mail
       (a bounce rarely names our thread), or that the user sent themselves with parts (it
       may be a forwarded invitation), what reading needs (reading/fetched.py).
    3. ``reading.read`` says what it is, against the employer's country (else the user's).
    4. records.py acts on exactly that reading; an invitation goes to invitations.py instead.
    """
    headers = session.fetch_headers(uids)
    own = own_addresses(watch)
    wanted = []
    for uid, raw in headers:
        incoming = parse_headers(raw)
        found = match(incoming, directory)
        forwarded = incoming.sender in own and may_hold_invitation(raw)
        if found is not None or forwarded or may_be_delivery_notice(raw):
            wanted.append((uid, raw, incoming, found))
    if not wanted:
        return
    fetched = session.fetch_for_reading([(uid, raw) for uid, raw, *_ in wanted])
    for uid, _raw, incoming, found in wanted:
        message = fetched.get(uid)
        if message is None:
            continue  # gone from the folder between the two fetches
        what = read_and_record(watch, incoming, found, message, directory, now)
        if what is not None:
            result.recorded[what] = result.recorded.get(what, 0) + 1


def read_and_record(
    watch: MailboxWatch,
    incoming: Incoming,
    found: Match | None,
    message: Fetched,
    directory: Directory,
    now: datetime,
) -> str | None:
    """Read one fetched message as ``afterword read`` does and record what that reading means.

    The reference country is the matched employer's, else the user's; a message without a
    Date header is read from today. Returns what was recorded (see records.record).

    A message carrying a calendar invitation becomes a proposal card and nothing else: an
    invitation is not an answer, so it must not stop the check-ins a reply would stop.
    """
    if message.calendar:
        invited = record_invitation(watch, incoming, message, found, directory, now)
        if invited is not None:
            return invited or None  # "": an invitation kept before
    country, subdivision = directory.place(found)
    reading = read(message, country=country, subdivision=subdivision, today=now.date())
    words = sender_words(message) if reading.kind == "reply" and found is not None else ""
    return record(watch, incoming, reading, found, now, words=words)


def _release(
    watch: MailboxWatch,
    now: datetime,
    worker_name: str,
    *,
    result: PollResult | None = None,
    error: str = "",
) -> None:
    """Record the outcome and give the mailbox back, unless another worker took it over."""
    fields: dict[str, object] = {"lease_until": None, "claimed_by": "", "last_polled_at": now}
    if error:
        failures = watch.failures + 1
        wait = min(POLL_INTERVAL * 2 ** min(failures - 1, 10), MAX_BACKOFF)
        fields |= {"last_error": error[:500], "failures": failures, "next_poll_at": now + wait}
    else:
        assert result is not None
        fields |= {
            "last_error": " ".join(result.problems)[:500],
            "last_summary": result.summary()[:200],
            "failures": 0,
            "next_poll_at": now if result.more else now + POLL_INTERVAL,
        }
    MailboxWatch.objects.filter(pk=watch.pk, claimed_by=worker_name).update(
        **fields, updated_at=timezone.now()
    )
