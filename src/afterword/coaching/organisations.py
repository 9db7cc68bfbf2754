"""Writes for organisations, memberships and invitations: the only code that changes them.

The CLI, the pages and (later) the API all call these; each write is one transaction, and bad
input raises CoachingProblem naming the field before anything is saved.
"""

from __future__ import annotations

import secrets
from datetime import datetime, timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.db import IntegrityError, transaction

from afterword.coaching.errors import CoachingProblem
from afterword.coaching.models import STAFF_ROLES, Invitation, Membership, Organisation, Role

NAME_MAX = 200
# A staff link is for one person and soon used; a class code is handed out for a term.
STAFF_INVITATION_DAYS = 7
STUDENT_INVITATION_DAYS = 120
# Letters and digits without look-alikes (0/O, 1/I/L), so a code read aloud is typed right.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 10


def create_organisation(name: str, admin_username: str, now: datetime) -> Organisation:
    """A new organisation with ``admin_username`` as its first admin."""
    cleaned = " ".join(name.split())
    if not cleaned:
        raise CoachingProblem("name", "Give the organisation a name.")
    if len(cleaned) > NAME_MAX:
        raise CoachingProblem("name", f"The name is too long (at most {NAME_MAX} characters).")
    users = get_user_model()
    admin = users._default_manager.filter(username=admin_username, is_active=True).first()
    if admin is None:
        raise CoachingProblem("admin", f"No active user is called {admin_username!r}.")
    if Organisation.objects.filter(name__iexact=cleaned).exists():
        raise CoachingProblem("name", f"An organisation called {cleaned!r} already exists.")
    try:
        with transaction.atomic():
            organisation = Organisation.objects.create(name=cleaned)
            Membership.objects.create(
                organisation=organisation, user=admin, role=Role.ADMIN, joined_at=now
            )
    except IntegrityError:
        # Two requests with the same name at once: the loser hears what the check above says.
        raise CoachingProblem(
            "name", f"An organisation called {cleaned!r} already exists."
        ) from None
    return organisation


def new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def normalise_code(typed: str) -> str:
    """What a person typed, as stored: capitals, no spaces or dashes (``abcd-efgh`` works)."""
    return "".join(ch for ch in typed.upper() if ch.isalnum())


def invite(
    organisation: Organisation, role: str, by: AbstractBaseUser, now: datetime
) -> Invitation:
    """A new invitation. Admins invite staff and students; coaches invite students only."""
    if role not in Role.values:
        raise CoachingProblem("role", "Choose admin, coach or student.")
    inviter = Membership.objects.filter(organisation=organisation, user_id=by.pk).first()
    allowed = Role.values if inviter is not None and inviter.role == Role.ADMIN else [Role.STUDENT]
    if inviter is None or inviter.role not in STAFF_ROLES or role not in allowed:
        raise CoachingProblem("role", "Only an admin of the organisation may invite staff.")
    staff = role in STAFF_ROLES
    days = STAFF_INVITATION_DAYS if staff else STUDENT_INVITATION_DAYS
    return Invitation.objects.create(
        organisation=organisation,
        role=role,
        code=new_code(),
        created_by_id=by.pk,
        created_at=now,
        expires_at=now + timedelta(days=days),
        single_use=staff,
    )


def invitation_for(code: str, now: datetime) -> Invitation:
    """The invitation a typed code or a link names, if it can still be used; else why not."""
    cleaned = normalise_code(code)
    if not cleaned:
        raise CoachingProblem("code", "Type the code from your invitation.")
    found = Invitation.objects.select_related("organisation").filter(code=cleaned).first()
    if found is None:
        raise CoachingProblem(
            "code", "No invitation has this code. Check it letter by letter, or ask for a new one."
        )
    if found.revoked_at is not None:
        raise CoachingProblem("code", "This invitation was withdrawn. Ask for a new one.")
    if found.single_use and found.used_at is not None:
        raise CoachingProblem(
            "code", "This invitation has already been used. Each staff link works once."
        )
    if found.expires_at <= now:
        raise CoachingProblem(
            "code", f"This invitation expired on {found.expires_at:%d %b %Y}. Ask for a new one."
        )
    return found


def join(user: AbstractBaseUser, code: str, now: datetime) -> Membership:
    """Make ``user`` a member through the invitation ``code``; an existing member keeps a staff
    role (a coach who uses a class code stays a coach) and is told they are already in."""
    with transaction.atomic():
        invitation = invitation_for(code, now)
        # Lock the row, so that two people cannot both use a one-person link.
        locked = Invitation.objects.select_for_update().get(pk=invitation.pk)
        if locked.single_use and locked.used_at is not None:
            raise CoachingProblem(
                "code", "This invitation has already been used. Each staff link works once."
            )
        existing = Membership.objects.filter(
            organisation_id=locked.organisation_id, user_id=user.pk
        ).first()
        if existing is not None and (
            existing.role == locked.role or locked.role == Role.STUDENT or existing.role == "admin"
        ):
            raise CoachingProblem(
                "code", f"You are already a member of {invitation.organisation.name}."
            )
        if existing is not None:
            existing.role = locked.role
            existing.save(update_fields=["role"])
            membership = existing
        else:
            membership = Membership.objects.create(
                organisation_id=locked.organisation_id,
                user_id=user.pk,
                role=locked.role,
                joined_at=now,
            )
        if locked.single_use:
            locked.used_at = now
            locked.used_by_id = user.pk
            locked.save(update_fields=["used_at", "used_by"])
    return membership


def withdraw_invitation(invitation: Invitation, now: datetime) -> None:
    Invitation.objects.filter(pk=invitation.pk, revoked_at__isnull=True).update(revoked_at=now)
