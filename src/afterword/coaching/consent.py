"""The student's side: granting and revoking a coach's view, and the statistics choice.

Only the student calls these (the pages pass ``request.user`` as ``student``). A grant names one
coach who is staff of an organisation the student belongs to; revoking ends it at once, because
tracker/access.py only counts consents without ``revoked_at``.
"""

from __future__ import annotations

from datetime import datetime

from django.contrib.auth.models import AbstractBaseUser
from django.db import IntegrityError, transaction
from django.db.models import QuerySet

from afterword.coaching.errors import CoachingProblem
from afterword.coaching.models import STAFF_ROLES, Consent, Membership, Role

# What a coach sees, and what never, in the words of the consent page (and the API's docs).
SHARED = (
    ("Applications", "each employer and role you applied for"),
    ("Statuses", "thank-you pending, waiting, no response or decided"),
    ("Your plan", "every planned thank-you and check-in, with its due date and reason"),
    ("Due follow-ups", "what is overdue, due today and this week"),
    ("Decision dates", "when each employer said they would decide"),
)
SHARED_NOTES = ("Notes on your news", "only if you tick the box: the notes you typed with news")
NEVER = (
    "the contents of your mailbox: no email you received or sent",
    "your drafts and letters",
    "your passwords, mailbox settings and notification channels",
    "your calendar feed address",
)


def coaches_for(student: AbstractBaseUser) -> QuerySet[Membership]:
    """The staff of every organisation the student belongs to: whom they may grant access."""
    organisations = Membership.objects.filter(user_id=student.pk, role=Role.STUDENT).values(
        "organisation_id"
    )
    return (
        Membership.objects.filter(organisation_id__in=organisations, role__in=STAFF_ROLES)
        .exclude(user_id=student.pk)
        .select_related("user", "organisation")
        .order_by("organisation__name", "user__first_name", "user__username")
    )


def grant(
    student: AbstractBaseUser, staff_membership_id: int, share_notes: bool, now: datetime
) -> Consent:
    """Let the coach of ``staff_membership_id`` read the student's follow-ups from now on."""
    chosen = coaches_for(student).filter(pk=staff_membership_id).first()
    if chosen is None:
        raise CoachingProblem("coach", "Choose a coach of your career centre.")
    try:
        with transaction.atomic():
            active = Consent.objects.select_for_update().filter(
                organisation_id=chosen.organisation_id,
                student_id=student.pk,
                coach_id=chosen.user_id,
                revoked_at__isnull=True,
            )
            current = active.first()
            if current is not None:
                # Granting again only changes what is shared, and keeps the original date.
                current.share_notes = share_notes
                current.save(update_fields=["share_notes"])
                return current
            return Consent.objects.create(
                organisation_id=chosen.organisation_id,
                student_id=student.pk,
                coach_id=chosen.user_id,
                share_notes=share_notes,
                granted_at=now,
            )
    except IntegrityError:
        raise CoachingProblem("coach", "That coach already has your consent.") from None


def revoke(student: AbstractBaseUser, consent_id: int, now: datetime) -> bool:
    """End one of the student's consents at once; False when there was none to end."""
    changed = Consent.objects.filter(
        pk=consent_id, student_id=student.pk, revoked_at__isnull=True
    ).update(revoked_at=now)
    return changed == 1


def set_statistics(student: AbstractBaseUser, membership_id: int, shares: bool) -> bool:
    """Count (or stop counting) the student, unnamed, in one organisation's statistics."""
    changed = Membership.objects.filter(
        pk=membership_id, user_id=student.pk, role=Role.STUDENT
    ).update(shares_statistics=shares)
    return changed == 1


def consents_of(student: AbstractBaseUser) -> QuerySet[Consent]:
    return Consent.objects.filter(student_id=student.pk).select_related("coach", "organisation")
