"""Correcting what was entered about an application or a person, re-planned at once."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.db import transaction

from afterword.tracker.models import Application, Interviewer
from afterword.tracker.services.replan import replan

# What a user may correct; status, plan and archive are the services' own.
EDITABLE = frozenset(
    {
        "employer",
        "role",
        "job_code",
        "employer_timezone",
        "employer_country",
        "employer_subdivision",
        "employer_style",
    }
)


def update_application(application: Application, now: datetime, **fields: Any) -> Application:
    """Change the application's own facts and re-plan; nothing is saved when either refuses.

    The zone, country and region decide the business days and office hours of every follow-up,
    and the style the letters, so the plan is made again with them. Raises ValidationError
    naming the field (the row's own checks first, then the planner's).
    """
    unknown = set(fields) - EDITABLE
    if unknown:
        raise TypeError(f"update_application() got fields it may not change: {sorted(unknown)}")
    for name, value in fields.items():
        setattr(application, name, value)
    application.full_clean(exclude=["owner", "status", "plan_notes", "planned_at", "archived_at"])
    with transaction.atomic():
        Application.objects.select_for_update().filter(pk=application.pk).exists()
        application.save(update_fields=[*fields, "updated_at"])
        replan(application, now)
    return application


# What a user may correct about a person; the bounce mark is the inbox watcher's.
PERSON_EDITABLE = frozenset(
    {"name", "title", "email", "phone", "address", "emphasised", "salutation", "is_primary"}
)


def update_person(person: Interviewer, now: datetime, **fields: Any) -> Interviewer:
    """Correct one person's details (every round they were at sees it) and re-plan.

    Marking them the main contact unmarks whoever was (one per application, as capture does).
    Raises ValidationError naming the field, with nothing saved.
    """
    unknown = set(fields) - PERSON_EDITABLE
    if unknown:
        raise TypeError(f"update_person() got fields it may not change: {sorted(unknown)}")
    for name, value in fields.items():
        setattr(person, name, value)
    person.full_clean(exclude=["application", "email_bounced_at"])
    application = person.application
    with transaction.atomic():
        Application.objects.select_for_update().filter(pk=application.pk).exists()
        # save() rather than update(): the bounce mark is cleared when the address changes.
        person.save()
        if person.is_primary:
            application.interviewers.exclude(pk=person.pk).update(is_primary=False)
        replan(application, now)
    return person
