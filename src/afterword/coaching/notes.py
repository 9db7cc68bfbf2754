"""Notes and nudges from a coach, and the log of every coach view of a student's data."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import QuerySet

from afterword.coaching.errors import CoachingProblem
from afterword.coaching.models import AccessLog, CoachNote, NoteKind
from afterword.tracker import access
from afterword.tracker.services import compiled

NOTE_MAX = 2000


def write_note(
    coach: AbstractBaseUser, student_id: int, kind: str, text: str, now: datetime
) -> CoachNote:
    """A note or nudge to a student who consents to ``coach`` now (404 otherwise)."""
    consent = access.consent_or_404(coach, student_id)
    cleaned = text.strip()
    if kind not in NoteKind.values:
        raise CoachingProblem("kind", "Choose a note or a nudge.")
    if not cleaned:
        raise CoachingProblem("text", "Write the note first.")
    if len(cleaned) > NOTE_MAX:
        raise CoachingProblem("text", f"Keep it under {NOTE_MAX} characters.")
    return CoachNote.objects.create(
        coach_id=coach.pk, student_id=consent.student_id, kind=kind, text=cleaned, created_at=now
    )


def open_notes(student: AbstractBaseUser) -> QuerySet[CoachNote]:
    """Notes the student has not dismissed yet."""
    return (
        CoachNote.objects.filter(student_id=student.pk, dismissed_at__isnull=True)
        .select_related("coach")
        .order_by("-created_at", "-pk")
    )


def _first_open(student_id: int) -> QuerySet[CoachNote, tuple[Any, ...]]:
    return CoachNote.objects.filter(student_id=student_id, dismissed_at__isnull=True).values_list(
        "pk"
    )[:1]


def has_open_notes(student: AbstractBaseUser) -> bool:
    """Whether ``open_notes`` has any: asked on every visit to Today, where there are usually
    none, so it is one read compiled once (tracker/services/compiled.py)."""
    return bool(compiled.fetch(_first_open, int(student.pk)))


def dismiss_note(student: AbstractBaseUser, note_id: int, now: datetime) -> bool:
    changed = CoachNote.objects.filter(
        pk=note_id, student_id=student.pk, dismissed_at__isnull=True
    ).update(dismissed_at=now)
    return changed == 1


def notes_to(coach: AbstractBaseUser, student_id: int) -> QuerySet[CoachNote]:
    """What this coach has written to this student, newest first."""
    return CoachNote.objects.filter(coach_id=coach.pk, student_id=student_id)


def log_views(
    coach: AbstractBaseUser, student_ids: Iterable[int], page: str, path: str, now: datetime
) -> None:
    """Write one log row per student whose data the coach has just been shown (one INSERT)."""
    AccessLog.objects.bulk_create(
        [
            AccessLog(coach_id=coach.pk, student_id=student_id, page=page, path=path[:300], at=now)
            for student_id in student_ids
        ]
    )


def log_of(student: AbstractBaseUser) -> QuerySet[AccessLog]:
    """Every coach view of the student's data, newest first."""
    return AccessLog.objects.filter(student_id=student.pk).select_related("coach")
