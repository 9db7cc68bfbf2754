"""Organisations (career centres), who belongs to them, and what a student lets a coach see.

A coach never owns a student's rows: what a coach may read is decided by tracker/access.py from
the student's ``Consent`` rows here, and every read is written to ``AccessLog``.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models


class Role(models.TextChoices):
    ADMIN = "admin", "Admin"
    COACH = "coach", "Coach"
    STUDENT = "student", "Student"


STAFF_ROLES = (Role.ADMIN, Role.COACH)


class Organisation(models.Model):
    name = models.CharField(max_length=200, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Membership(models.Model):
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="memberships"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(max_length=10, choices=Role)
    joined_at = models.DateTimeField()
    # A student's yes to counting their applications, unnamed, in the organisation's statistics.
    shares_statistics = models.BooleanField("counted in the statistics", default=False)

    class Meta:
        ordering = ["organisation", "role", "user__username"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "user"], name="coaching_membership_one_per_user"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} ({self.get_role_display()}) at {self.organisation}"


class Invitation(models.Model):
    """A link or code that makes whoever uses it a member with ``role``.

    Staff invitations are for one person (used once); a student invitation is a class code that
    any number of students may use until it expires.
    """

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="invitations"
    )
    role = models.CharField(max_length=10, choices=Role)
    code = models.CharField(max_length=32, unique=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField()
    expires_at = models.DateTimeField()
    single_use = models.BooleanField(default=True)
    used_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_role_display()} invitation to {self.organisation}"


class Consent(models.Model):
    """A student's grant to one coach; revoking it sets ``revoked_at`` and ends it at once."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="consents"
    )
    student = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="consents_given"
    )
    coach = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="consents_received"
    )
    share_notes = models.BooleanField("share the notes on my news", default=False)
    granted_at = models.DateTimeField()
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-granted_at", "-pk"]
        indexes = [
            models.Index(
                fields=["coach", "student"],
                condition=models.Q(revoked_at__isnull=True),
                name="coaching_consent_active",
            )
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "student", "coach"],
                condition=models.Q(revoked_at__isnull=True),
                name="coaching_consent_one_active",
            )
        ]

    def __str__(self) -> str:
        state = "revoked" if self.revoked_at else "active"
        return f"{self.student} lets {self.coach} see their follow-ups ({state})"


class NoteKind(models.TextChoices):
    NOTE = "note", "Note"
    NUDGE = "nudge", "Nudge"


class CoachNote(models.Model):
    """A note or nudge from a coach, shown on the student's Today until they dismiss it."""

    coach = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notes_written"
    )
    student = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="coach_notes"
    )
    kind = models.CharField(max_length=10, choices=NoteKind, default=NoteKind.NOTE)
    text = models.TextField(max_length=2000)
    created_at = models.DateTimeField()
    dismissed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["student", "dismissed_at"], name="coaching_note_student")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} from {self.coach} to {self.student}"


class AccessLog(models.Model):
    """One coach's view of one student's data: who, which page, when. The student reads these."""

    coach = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    student = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="access_log"
    )
    page = models.CharField(max_length=100)
    path = models.CharField(max_length=300)
    at = models.DateTimeField()

    class Meta:
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["student", "-at"], name="coaching_log_student_at")]

    def __str__(self) -> str:
        return f"{self.coach} viewed {self.page} of {self.student}"
