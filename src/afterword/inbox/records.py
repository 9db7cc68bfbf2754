"""Keeping what a matched message means: the InboxMessage row and the application's event.

Each message is handled in one transaction that first inserts its InboxMessage row, unique per
(mailbox, Message-ID): a message seen again (a rescan after UIDVALIDITY changed, a copy in a
second folder, a poll repeated after a crash) fails that insert and changes nothing.
"""

from __future__ import annotations

import logging
from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models.functions import Lower

from afterword.inbox.kinds import (
    Kind,
    bounced_addresses,
    return_date,
    returned_message_ids,
)
from afterword.inbox.matching import Match
from afterword.inbox.meaning import suggest
from afterword.inbox.message import Incoming, reply_text
from afterword.inbox.models import InboxKind, InboxMessage, MailboxWatch, ReplyState
from afterword.outbox.models import OutgoingEmail
from afterword.rules.wording import day_text
from afterword.tracker import access
from afterword.tracker.models import Application, Event, Interviewer
from afterword.tracker.services import record_event
from afterword.tracker.services.case import employer_zone

log = logging.getLogger(__name__)

SNIPPET_CHARS = 2000
REPLY_NOTE = "Noticed in your mailbox"


def record(
    watch: MailboxWatch,
    incoming: Incoming,
    kind: Kind,
    found: Match | None,
    text: str,
    now: datetime,
) -> str | None:
    """Store and act on one message; returns what it was ("reply", ...) or None if ignored.

    1. A person's message that matches an application: a ``reply`` event at the message's date
       (which cancels pending check-ins) and a suggestion of its meaning, to confirm on Today.
    2. An automatic reply that matches and names a return date: an ``out_of_office`` event.
    3. A bounce that names an address on record: that person's address is marked as failing.
    4. Anything else is dropped, and nothing of it is kept.
    """
    try:
        if kind == "person" and found is not None:
            return _reply(watch, incoming, found, text, now)
        if kind == "auto_reply" and found is not None:
            return _away(watch, incoming, found, text, now)
        if kind == "bounce":
            return _bounce(watch, incoming, text, now)
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
    watch: MailboxWatch, incoming: Incoming, found: Match, text: str, now: datetime
) -> str | None:
    application = _application(watch, found)
    if application is None:
        return None
    at = received_at(incoming, now)
    if _already_on_record(application, "reply", at):
        return None
    words = reply_text(text)
    suggestion = suggest(
        words,
        incoming.subject,
        _local_day(application, at),
        application.employer_country,
        application.employer_subdivision or None,
    )
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
            suggestion=suggestion.meaning,
            suggested_date=suggestion.new_date,
            evidence=suggestion.evidence[:300],
        )
        message.event = _event(application, "reply", now, at=at, note=REPLY_NOTE)
        message.save(update_fields=["event"])
    return "reply"


def _away(
    watch: MailboxWatch, incoming: Incoming, found: Match, text: str, now: datetime
) -> str | None:
    application = _application(watch, found)
    if application is None:
        return None
    at = received_at(incoming, now)
    if _already_on_record(application, "out_of_office", at):
        return None
    day = _local_day(application, at)
    until = return_date(
        text, day, application.employer_country, application.employer_subdivision or None
    )
    if until is None or until < day:
        return None  # an automatic reply without a return date changes nothing
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
            state=ReplyState.NOTED,
        )
        note = f"Automatic reply: away until {day_text(until)}"
        message.event = _event(application, "out_of_office", now, at=at, until=until, note=note)
        message.save(update_fields=["event"])
    return "out_of_office"


def _bounce(watch: MailboxWatch, incoming: Incoming, text: str, now: datetime) -> str | None:
    people = bounced_people(watch.user_id, incoming, text)
    if not people:
        return None
    at = received_at(incoming, now)
    with transaction.atomic():
        _keep(
            watch,
            incoming,
            at,
            kind=InboxKind.BOUNCE,
            application_id=people[0].application_id,
            interviewer=people[0],
            matched_by="bounce",
            state=ReplyState.NOTED,
        )
        Interviewer.objects.filter(
            pk__in=[person.pk for person in people], email_bounced_at__isnull=True
        ).update(email_bounced_at=at)
    return "bounce"


def bounced_people(user_id: int, incoming: Incoming, text: str) -> list[Interviewer]:
    """The user's contacts whose address the bounce names; else the recipients of our message.

    1. Addresses the report says failed, compared without case.
    2. Failing that, the returned message's Message-ID, when it is one we sent, gives its
       recipients.
    """
    addresses = {a.lower() for a in bounced_addresses(incoming, text)}
    if not addresses:
        ids = returned_message_ids(incoming, text)
        sent = access.belonging_to(user_id, OutgoingEmail).filter(message_id__in=ids).first()
        if sent is not None:
            addresses = {a.lower() for a in sent.recipients}
    if not addresses:
        return []
    return list(
        access.belonging_to(user_id, Interviewer)
        .annotate(email_lower=Lower("email"))
        .filter(email_lower__in=addresses)
        .order_by("-application__created_at", "pk")
    )


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


def _event(application: Application, type: str, now: datetime, **fields: object) -> Event | None:
    """Record the event, or log why the application refused it and go on without one."""
    try:
        with transaction.atomic():
            return record_event(application, type, now, **fields)
    except ValidationError as error:
        log.warning(
            "inbox: %s event not recorded on application %s: %s", type, application.pk, error
        )
        return None
