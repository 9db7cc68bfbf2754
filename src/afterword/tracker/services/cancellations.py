"""An interview the employer called off before it took place: removed, and the plan follows."""

from __future__ import annotations

from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction

from afterword.tracker.models import Interview
from afterword.tracker.services.replan import replan


def cancel_interview(interview: Interview, now: datetime) -> None:
    """Remove an interview that has not started yet, then re-plan its application.

    One that already took place stays: its thank-you notes and check-ins were earned, and a
    cancellation sent afterwards is a mistake by the sender's calendar, not news.
    """
    if interview.start <= now:
        raise ValidationError(
            "This interview has already taken place, so it stays; edit it if it is wrong."
        )
    application = interview.application
    with transaction.atomic():
        interview.delete()
        replan(application, now)
