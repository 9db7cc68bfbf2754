"""Notes and nudges from a coach appear on the student's Today until dismissed."""

from __future__ import annotations

from datetime import datetime

import pytest
from django.test import Client
from django.urls import reverse

from afterword.coaching.models import CoachNote
from tests.coaching.conftest import Centre, give_consent

pytestmark = pytest.mark.django_db


def test_a_nudge_from_the_coach_shows_on_today(
    client: Client, centre: Centre, now: datetime
) -> None:
    """The coach sends a nudge from the student page; the student's Today shows it."""
    give_consent(centre, centre.student, centre.coach, now)
    client.force_login(centre.coach)
    client.post(
        reverse("coaching_student", args=[centre.student.pk]),
        {"kind": "nudge", "text": "Send the Harbour thank-you today."},
    )
    client.force_login(centre.student)

    today = client.get(reverse("today")).content.decode()

    assert "From your coach" in today
    assert "Send the Harbour thank-you today." in today
    assert "Nudge" in today


def test_dismissing_a_note_removes_it_from_today(
    client: Client, centre: Centre, now: datetime
) -> None:
    """Got it marks the note dismissed and Today no longer shows it."""
    give_consent(centre, centre.student, centre.coach, now)
    note = CoachNote.objects.create(
        coach=centre.coach, student=centre.student, text="Well done on Friday", created_at=now
    )
    client.force_login(centre.student)

    client.post(reverse("coaching_note_dismiss", args=[note.pk]), {"next": "/"})

    assert "Well done on Friday" not in client.get(reverse("today")).content.decode()


def test_an_empty_note_names_the_field(client: Client, centre: Centre, now: datetime) -> None:
    """A blank message is refused beside the Message field, and nothing is saved."""
    give_consent(centre, centre.student, centre.coach, now)
    client.force_login(centre.coach)

    response = client.post(
        reverse("coaching_student", args=[centre.student.pk]), {"kind": "note", "text": "  "}
    )

    assert response.status_code == 200
    assert "This field is required" in response.content.decode()
    assert not CoachNote.objects.exists()


def test_another_student_cannot_dismiss_a_note(
    client: Client, centre: Centre, now: datetime, outsider: object
) -> None:
    """Dismissing someone else's note changes nothing."""
    note = CoachNote.objects.create(
        coach=centre.coach, student=centre.student, text="Keep going", created_at=now
    )
    client.force_login(outsider)  # type: ignore[arg-type]

    client.post(reverse("coaching_note_dismiss", args=[note.pk]))

    note.refresh_from_db()
    assert note.dismissed_at is None
