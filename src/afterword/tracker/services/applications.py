"""Creating an application with the owner's defaults, planned from the first moment; and many at
once from a list (a spreadsheet), skipping those the account already has."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from typing import Any

from django.contrib.auth.models import User
from django.db import transaction

from afterword.tracker.models import Application
from afterword.tracker.preferences import settings_for
from afterword.tracker.services.known_applications import (
    Added,
    Imported,
    KnownApplications,
    Likeness,
    Skipped,
    likeness_of,
    lock_account,
)
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


def add_applications(
    owner: User,
    rows: Sequence[tuple[str, Mapping[str, Any]]],
    now: datetime,
    progress: Callable[[int, int], None] | None = None,
) -> Imported:
    """One application per row, all in one transaction, except the rows the account already
    has (same employer, role and job code, whatever its interviews) or the list repeats.

    Each row is where it sits (``row 5``) and its Application fields, ``employer`` included,
    already checked by the caller; a ValidationError still undoes every row.
    """
    result = Imported()
    with transaction.atomic():
        lock_account(owner)
        known = KnownApplications(owner.pk)
        for done, (place, given) in enumerate(rows, start=1):
            fields = dict(given)
            employer = fields.pop("employer")
            key = _row_likeness(given)
            skipped = known.match_row(place, key)
            if skipped is not None:
                result.skipped.append(skipped)
            else:
                application = create_application(owner, employer, now, **fields)
                known.add(place, key, application.created_at)
                result.added.append(Added(place, application))
            if progress is not None:
                progress(done, len(rows))
    return result


def rows_to_skip(
    owner: User, rows: Sequence[tuple[str, Mapping[str, Any]]], now: datetime
) -> list[Skipped | None]:
    """For each row, whether ``add_applications`` would skip it now; nothing is written (the
    spreadsheet's preview shows it)."""
    known = KnownApplications(owner.pk)
    found: list[Skipped | None] = []
    for place, fields in rows:
        key = _row_likeness(fields)
        found.append(known.match_row(place, key))
        if found[-1] is None:
            known.add(place, key, now)
    return found


def _row_likeness(fields: Mapping[str, Any]) -> Likeness:
    """A row has no interview and no creation moment: employer, role and job code decide."""
    return likeness_of(fields["employer"], fields.get("role"), fields.get("job_code"), ())
