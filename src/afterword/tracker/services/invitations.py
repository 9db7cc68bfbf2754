"""An interview proposed by a calendar invitation, added once the user confirmed it.

Both ways an invitation arrives use this: an uploaded .ics file (portability) and one the inbox
watcher found in the mailbox (inbox). The proposal is plain data (``Invitation.as_data``): the
upload page carries it signed, the inbox keeps it on the message row.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from datetime import datetime
from typing import Any

from django.contrib.auth.models import User
from django.db import transaction

from afterword.reading.invitation import Person
from afterword.tracker import access
from afterword.tracker.models import Application, Interview, Interviewer
from afterword.tracker.services.applications import create_application
from afterword.tracker.services.interviews import save_interview


def matching_interview(application: Application, start: datetime) -> Interview | None:
    """The application's interview at that moment (what a cancellation is about)."""
    return (
        access.belonging_to(application.owner_id, Interview)
        .filter(application=application, start=start)
        .first()
    )


def add_proposed_interview(
    user: User,
    application: Application | None,
    new_employer: str,
    proposal: Mapping[str, Any],
    ticked: Collection[str],
    now: datetime,
) -> Interview:
    """The proposal's interview with the people whose index (as text) is in ``ticked``.

    The organiser stays the main contact when ticked; otherwise the first person ticked is.
    """
    offered = list(proposal["people"])
    people = [Person(p["name"], p["email"]) for n, p in enumerate(offered) if str(n) in set(ticked)]
    primary = next((p["email"] for p in offered if p["primary"]), None)
    if people and not any(p.email == primary for p in people):
        primary = people[0].email
    return add_interview(
        user,
        application,
        new_employer,
        datetime.fromisoformat(proposal["start"]),
        datetime.fromisoformat(proposal["end"]),
        proposal["zone"],
        people,
        primary,
        now,
    )


def add_interview(
    user: User,
    application: Application | None,
    new_employer: str,
    start: datetime,
    end: datetime,
    zone: str,
    people: Sequence[Person],
    primary_email: str | None,
    now: datetime,
) -> Interview:
    """The interview of the invitation, with the chosen people; a new application when None.

    A new application takes the invitation's time zone (``zone``) as the employer's.

    A person already known to the application (same address) is the same row, not a copy.
    The next round number follows the application's interviews.
    """
    with transaction.atomic():
        if application is None:
            application = create_application(user, new_employer, now, employer_timezone=zone)
        known = {
            person.email.lower(): person
            for person in access.belonging_to(application.owner_id, Interviewer).filter(
                application=application
            )
            if person.email
        }
        fresh: list[Interviewer] = []
        existing: list[Interviewer] = []
        for person in people:
            row = known.get(person.email.lower())
            if row is not None:
                existing.append(row)
                continue
            fresh.append(
                Interviewer(
                    name=person.name[:200],
                    email=person.email,
                    is_primary=primary_email is not None
                    and person.email.lower() == primary_email.lower(),
                )
            )
        rounds = access.belonging_to(application.owner_id, Interview).filter(
            application=application
        )
        interview = Interview(start=start, end=end, round=min(rounds.count() + 1, 20))
        return save_interview(application, interview, fresh, existing, now)
