"""Turning a confirmed invitation into an interview, or a cancellation into a removed one.

The writes go through the tracker's services (``save_interview``, ``create_application``,
``cancel_interview``), each with its re-plan in one transaction. A proposal travels between the
upload and the confirmation as plain data (``proposal_data``), signed by the page.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from django.contrib.auth.models import User
from django.db import transaction

from afterword.portability.invitation import Invitation, Person
from afterword.tracker import access
from afterword.tracker.models import Application, Interview, Interviewer
from afterword.tracker.services.applications import create_application
from afterword.tracker.services.interviews import save_interview


def own_addresses(user: User) -> frozenset[str]:
    """The user's addresses, left out of the people an invitation proposes."""
    email = str(getattr(user, "email", "") or "")
    return frozenset({email.lower()} if email else set())


def employer_from(invitation: Invitation) -> str:
    """A starting name for a new application: the organiser's domain, "northwind" -> "Northwind"."""
    for person in invitation.people:
        domain = person.email.rsplit("@", 1)[-1].split(".")
        if len(domain) >= 2:
            return domain[-2].replace("-", " ").title()
    return invitation.summary[:200] or "New employer"


def proposal_data(invitation: Invitation) -> dict[str, Any]:
    return {
        "start": invitation.start.isoformat(),
        "end": invitation.end.isoformat(),
        "zone": invitation.zone,
        "summary": invitation.summary,
        "people": [
            {"name": p.name, "email": p.email, "primary": p is invitation.organiser}
            for p in invitation.people
        ],
        "cancelled": invitation.cancelled,
    }


def matching_interview(application: Application, start: datetime) -> Interview | None:
    """The application's interview at that moment (what a cancellation is about)."""
    return (
        access.belonging_to(application.owner_id, Interview)
        .filter(application=application, start=start)
        .first()
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
