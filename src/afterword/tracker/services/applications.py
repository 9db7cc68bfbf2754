"""Creating an application with the owner's defaults, planned from the first moment."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.contrib.auth.models import User
from django.db import transaction

from afterword.tracker.models import Application
from afterword.tracker.preferences import settings_for
from afterword.tracker.services.replan import replan


def create_application(owner: User, employer: str, now: datetime, **fields: Any) -> Application:
    """A new application; the employer's zone and country default to the owner's own (settings).

    ``fields`` are other Application columns (role, job_code, employer_style, ...). The row is
    validated with ``full_clean`` so that a bad zone or country never reaches the planner.
    """
    prefs = settings_for(owner)
    fields.setdefault("employer_timezone", prefs.timezone)
    fields.setdefault("employer_country", prefs.country)
    fields.setdefault("employer_subdivision", prefs.subdivision)
    application = Application(owner=owner, employer=employer, **fields)
    application.full_clean(exclude=["status", "plan_notes", "planned_at"])
    with transaction.atomic():
        application.save()
        replan(application, now)
    return application
