"""Calendar invitations found in the mailbox: kept as a proposal card, never as a reply.

An invitation is no answer to a follow-up: nothing is recorded on the application when it
arrives, so the check-ins it might look like an answer to stay planned. It becomes a card on
Today, and only the user's confirmation adds the interview (the same tracker service as an
uploaded .ics file) or, for a cancellation, removes the interview it cancels.

Which invitations count: a calendar part in a message from a known employer (matched to an
application as a reply would be), or in a message the user sent from their own address to
themselves (a forwarded invitation), matched then by the addresses the invitation names.

The message's sender decides, wherever the calendar sits in it: an invitation forwarded inside
a message/rfc822 (the recruiter's assistant passing the interviewer's invitation on) counts when
the person forwarding it is a known employer contact or the user, and is ignored from anyone
else, as a direct invitation from a stranger is. The card keeps the forwarder as its sender;
the people proposed are the invitation's own (organiser first), never added for forwarding it.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.contrib.auth.models import User
from django.db import IntegrityError, transaction

from afterword.inbox.matching import Directory, Match
from afterword.inbox.message import Incoming
from afterword.inbox.models import InboxKind, InboxMessage, MailboxWatch, ReplyState
from afterword.reading.fetched import Fetched
from afterword.reading.invitation import Invitation, employer_from, from_part
from afterword.rules.case import zone as zone_named
from afterword.tracker import access
from afterword.tracker.models import Application, Interview, UserSettings
from afterword.tracker.services.cancellations import cancel_interview
from afterword.tracker.services.case import employer_zone
from afterword.tracker.services.invitations import add_proposed_interview, matching_interview


def own_addresses(watch: MailboxWatch) -> frozenset[str]:
    """The user's own addresses: the mailbox's user name and the account's email."""
    user_email = User.objects.filter(pk=watch.user_id).values_list("email", flat=True).first()
    found = {watch.username.strip().lower(), str(user_email or "").strip().lower()}
    return frozenset(address for address in found if "@" in address)


def record_invitation(
    watch: MailboxWatch,
    incoming: Incoming,
    message: Fetched,
    found: Match | None,
    directory: Directory,
    now: datetime,
) -> str | None:
    """Keep the card of the invitation in ``message``: "invitation"; "" when it was kept
    before; None when the message holds no invitation of a known employer or the user.

    ``found`` is the application the sender matched; None is taken only from the user's own
    address (a forwarded invitation), and then the invitation's people name the application.
    """
    own = own_addresses(watch)
    if found is None and incoming.sender not in own:
        return None
    application = _application(watch.user_id, found.application_id) if found else None
    invitation = from_part(
        message.calendar_mime, message.calendar, now, _zone(watch, application), own
    )
    if invitation is None:
        return None
    if application is None:
        application_id = _named_application(invitation, directory)
        application = _application(watch.user_id, application_id) if application_id else None
    proposal: dict[str, Any] = {**invitation.as_data(), "employer": employer_from(invitation)}
    try:
        with transaction.atomic():
            InboxMessage.objects.create(
                watch=watch,
                owner_id=watch.user_id,
                message_id=incoming.message_id[:255],
                received_at=min(incoming.date or now, now),
                sender=incoming.sender[:254],
                sender_name=incoming.sender_name[:200],
                subject=incoming.subject[:300],
                kind=InboxKind.INVITATION,
                application=application,
                matched_by=found.how if found else "forwarded",
                proposal=proposal,
            )
            if invitation.uid:
                _supersede(watch, incoming.message_id[:255], invitation.uid, now)
    except IntegrityError:
        return ""  # kept before: the unique (watch, message_id) said so
    return "invitation"


def _supersede(watch: MailboxWatch, message_id: str, uid: str, now: datetime) -> None:
    """An update (or a cancellation) of the same event replaces the card still waiting for it."""
    InboxMessage.objects.filter(
        watch=watch, kind=InboxKind.INVITATION, state=ReplyState.PENDING, proposal__uid=uid
    ).exclude(message_id=message_id).update(state=ReplyState.DISMISSED, resolved_at=now)


def _application(user_id: int, pk: int | None) -> Application | None:
    if pk is None:
        return None
    return access.belonging_to(user_id, Application).filter(pk=pk).first()


def _zone(watch: MailboxWatch, application: Application | None) -> Any:
    """The clock a floating time is read on: the employer's, else the user's."""
    if application is not None:
        return employer_zone(application)
    settings = access.belonging_to(watch.user_id, UserSettings).first()
    try:
        return zone_named(settings.timezone if settings else "UTC")
    except (ValueError, KeyError):
        return zone_named("UTC")


def _named_application(invitation: Invitation, directory: Directory) -> int | None:
    """The open application whose people (or domain) the invitation names."""
    for person in invitation.people:
        address = person.email.lower()
        contact = directory.by_address.get(address)
        if contact is not None:
            return contact.application_id
        found = directory.domain_application(address.rsplit("@", 1)[-1])
        if found is not None:
            return found
    return None


def invitation_of(message: InboxMessage) -> Invitation:
    return Invitation.from_data(message.proposal)


def cancelled_interview(message: InboxMessage) -> Interview | None:
    """For a cancellation card: the application's interview it cancels, if there is one."""
    if message.application is None or not message.proposal.get("cancelled"):
        return None
    return matching_interview(message.application, invitation_of(message).start)


def _move(message: InboxMessage, state: str, now: datetime) -> bool:
    moved = InboxMessage.objects.filter(pk=message.pk, state=ReplyState.PENDING).update(
        state=state, resolved_at=now
    )
    return moved == 1


def add(
    user: User, message: InboxMessage, employer: str, ticked: list[str], now: datetime
) -> Interview | None:
    """Add the proposed interview; None when the card was handled already.

    Raises ValidationError (and changes nothing) when the interview is refused.
    """
    with transaction.atomic():
        if not _move(message, ReplyState.CONFIRMED, now):
            return None
        return add_proposed_interview(
            user, message.application, employer, message.proposal, ticked, now
        )


def cancel(message: InboxMessage, now: datetime) -> bool:
    """Remove the interview a cancellation is about; False when there is none (or done)."""
    with transaction.atomic():
        interview = cancelled_interview(message)
        if interview is None or not _move(message, ReplyState.CONFIRMED, now):
            return False
        cancel_interview(interview, now)
    return True


def dismiss(message: InboxMessage, now: datetime) -> bool:
    """Hide the card and change nothing."""
    return _move(message, ReplyState.DISMISSED, now)
