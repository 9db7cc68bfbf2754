"""Keeping what a reading means for an application: the InboxMessage row and the event.

The message was read already (``reading.read``, the same step as ``afterword read``); nothing
here looks at its text again. This module only decides what each kind of reading does to the
user's records, and writes through the tracker's services:

- ``reply`` (a person wrote): a ``reply`` event at once, whatever it seems to say, so the
  check-ins it answers stop; its meaning, new decision date, evidence and confidence wait on
  Today for the user to confirm.
- ``auto_reply`` with a first day back: an ``out_of_office`` event whose ``until`` is the last
  day away (the day before ``back_on``); without a date nothing changes.
- ``bounce``: exactly the addresses the reading names, among the user's contacts, are marked.
- An away notice or a bounce read with ``low`` confidence changes nothing yet: it is kept
  "pending" and Today asks the user, with the quoted evidence; confirming it (notices.py) then
  records exactly what the sure reading records at once.
- ``delay`` and ``bulk``: nothing is kept.

Each message is handled in one transaction that first inserts its InboxMessage row, unique per
(mailbox, Message-ID): a message seen again (a rescan after UIDVALIDITY changed, a copy in a
second folder, a poll repeated after a crash) fails that insert and changes nothing.
"""

from __future__ import annotations

import logging
from datetime import date, datetime, timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models.functions import Lower

from afterword.inbox.matching import Match
from afterword.inbox.message import Incoming
from afterword.inbox.models import InboxKind, InboxMessage, MailboxWatch, ReplyState
from afterword.reading.reading import Reading
from afterword.rules.wording import day_text
from afterword.tracker import access
from afterword.tracker.models import Application, Event, Interviewer
from afterword.tracker.services import mark_bounced, record_event
from afterword.tracker.services.case import employer_zone

log = logging.getLogger(__name__)

SNIPPET_CHARS = 2000
REPLY_NOTE = "Noticed in your mailbox"


def record(
    watch: MailboxWatch,
    incoming: Incoming,
    reading: Reading,
    found: Match | None,
    now: datetime,
    *,
    words: str = "",
) -> str | None:
    """Act on one read message; returns what was recorded ("reply", ...) or None.

    ``found`` is the application the message answers (matching.py), ``words`` the sender's
    own words, kept to show on Today when the reading quotes no evidence.
    """
    try:
        if reading.kind == "reply" and found is not None:
            return _reply(watch, incoming, reading, found, words, now)
        if reading.kind == "auto_reply" and found is not None and reading.back_on is not None:
            return _away(watch, incoming, reading, reading.back_on, found, now)
        if reading.kind == "bounce" and reading.bounced:
            return _bounce(watch, incoming, reading, found, now)
    except IntegrityError:
        return None  # recorded before: the unique (watch, message_id) said so
    return None


def received_at(incoming: Incoming, now: datetime) -> datetime:
    # A sender's clock ahead of ours must not put an event in the future.
    return min(incoming.date or now, now)


def _application(watch: MailboxWatch, found: Match) -> Application | None:
    return access.belonging_to(watch.user_id, Application).filter(pk=found.application_id).first()


def _local_day(application: Application, moment: datetime) -> date:
    return moment.astimezone(employer_zone(application)).date()


def _reply(
    watch: MailboxWatch,
    incoming: Incoming,
    reading: Reading,
    found: Match,
    words: str,
    now: datetime,
) -> str | None:
    application = _application(watch, found)
    if application is None:
        return None
    at = received_at(incoming, now)
    if _already_on_record(application, "reply", at):
        return None
    with transaction.atomic():
        message = _keep(
            watch,
            incoming,
            at,
            kind=InboxKind.REPLY,
            application=application,
            interviewer_id=found.interviewer_id,
            matched_by=found.how,
            sender_name=incoming.sender_name[:200],
            snippet=words[:SNIPPET_CHARS],
            suggestion=reading.meaning or "other",
            suggested_date=reading.decision_by.end if reading.decision_by else None,
            evidence=reading.evidence[:300],
            confidence=reading.confidence,
        )
        message.event = _event(application, "reply", now, at=at, note=REPLY_NOTE)
        message.save(update_fields=["event"])
    return "reply"


def _away(
    watch: MailboxWatch,
    incoming: Incoming,
    reading: Reading,
    back_on: date,
    found: Match,
    now: datetime,
) -> str | None:
    application = _application(watch, found)
    if application is None:
        return None
    at = received_at(incoming, now)
    if _already_on_record(application, "out_of_office", at):
        return None
    # The planner's ``until`` is the last day away: the day before the first day back.
    until = back_on - timedelta(days=1)
    if until < _local_day(application, at):
        return None  # back already: nothing to postpone
    sure = reading.confidence == "high"
    with transaction.atomic():
        message = _keep(
            watch,
            incoming,
            at,
            kind=InboxKind.OUT_OF_OFFICE,
            application=application,
            interviewer_id=found.interviewer_id,
            matched_by=found.how,
            sender_name=incoming.sender_name[:200],
            suggested_date=until,
            evidence=reading.evidence[:300],
            confidence=reading.confidence,
            state=ReplyState.NOTED if sure else ReplyState.PENDING,
        )
        if sure:
            message.event = _event(application, "out_of_office", now, **away_event(until, at))
            message.save(update_fields=["event"])
    return "out_of_office"


def away_event(until: date, at: datetime) -> dict[str, Any]:
    """The fields of the ``out_of_office`` event of an away notice: received ``at``, away
    until ``until``. The sure reading records it at once, a confirmed unsure one later."""
    note = f"Automatic reply: back on {day_text(until + timedelta(days=1))}"
    return {"at": at, "until": until, "note": note}


def _bounce(
    watch: MailboxWatch,
    incoming: Incoming,
    reading: Reading,
    found: Match | None,
    now: datetime,
) -> str | None:
    people = bounced_people(watch.user_id, reading.bounced, found)
    if not people:
        return None
    at = received_at(incoming, now)
    # Unsure, and someone's address not marked yet: ask before marking anyone.
    ask = reading.confidence == "low" and any(p.email_bounced_at is None for p in people)
    with transaction.atomic():
        _keep(
            watch,
            incoming,
            at,
            kind=InboxKind.BOUNCE,
            application_id=people[0].application_id,
            interviewer=people[0],
            matched_by="bounce",
            sender_name=incoming.sender_name[:200],
            addresses="\n".join(dict.fromkeys(p.email.lower() for p in people)),
            evidence=reading.evidence[:300],
            confidence=reading.confidence,
            state=ReplyState.PENDING if ask else ReplyState.NOTED,
        )
        if not ask:
            mark_bounced(people, at)
    return "bounce"


def bounced_people(
    user_id: int, bounced: tuple[str, ...], found: Match | None = None
) -> list[Interviewer]:
    """The user's contacts whose address is one of ``bounced`` (compared without case).

    The application the bounce answers, if it was matched, comes first; the newest next.
    """
    addresses = {address.lower() for address in bounced}
    people: list[Interviewer] = list(
        access.belonging_to(user_id, Interviewer)
        .annotate(email_lower=Lower("email"))
        .filter(email_lower__in=addresses)
        .order_by("-application__created_at", "pk")
    )
    if found is not None:
        people.sort(key=lambda person: person.application_id != found.application_id)
    return people


def _keep(watch: MailboxWatch, incoming: Incoming, at: datetime, **fields: object) -> InboxMessage:
    """Store what is kept of a matched message: its headers, cut to the columns' sizes."""
    return InboxMessage.objects.create(
        watch=watch,
        owner_id=watch.user_id,
        message_id=incoming.message_id[:255],
        received_at=at,
        sender=incoming.sender[:254],
        subject=incoming.subject[:300],
        **fields,
    )


def _already_on_record(application: Application, type: str, at: datetime) -> bool:
    """An event of this type at this very second: the same message, read before.

    After a disconnect the stored messages are gone but the application's events stay; a
    mailbox connected again must not record the same replies a second time.
    """
    return Event.objects.filter(application=application, type=type, at=at).exists()


def _event(application: Application, type: str, now: datetime, **fields: Any) -> Event | None:
    """Record the event, or log why the application refused it and go on without one."""
    try:
        with transaction.atomic():
            return record_event(application, type, now, **fields)
    except ValidationError as error:
        log.warning(
            "inbox: %s event not recorded on application %s: %s", type, application.pk, error
        )
        return None
