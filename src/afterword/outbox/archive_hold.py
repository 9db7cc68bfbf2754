"""Which outgoing emails wait because their application is archived, defined once.

An archived application's emails wait, still pending, until it is restored; an email with no
application (the digest) never waits. (Not EmailState.HELD, which asks the user about an email
whose application was decided: dispatch.py ``_held_reason``.)

``NOT_HELD`` says so for the ORM (reserving due rows, outbox/dispatch.py); ``not_held_sql`` is
the same condition compiled by Django into the SQL that starting an email repeats in its single
UPDATE (outbox/transitions.py), once per process, not once per email. A correlated NOT EXISTS,
not a join: PostgreSQL cannot lock rows FOR UPDATE on the nullable side of the outer join that
``application__archived_at`` makes, and the UPDATE looks up one application by its key.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from django.db.models import Exists, OuterRef, Q

from afterword.outbox.models import OutgoingEmail
from afterword.tracker.models import Application

NOT_HELD = Q(application_id__isnull=True) | ~Exists(
    Application.objects.filter(pk=OuterRef("application_id"), archived_at__isnull=False)
)


@cache
def not_held_sql(alias: str = "default") -> tuple[str, tuple[Any, ...]]:
    """``NOT_HELD`` as SQL on the outgoing email table (its columns named with the table's own
    name, as an UPDATE of it names its rows) and its parameters, for the database ``alias``."""
    query = OutgoingEmail.objects.filter(NOT_HELD).query
    sql, params = query.get_compiler(using=alias).compile(query.where)
    return sql, tuple(params)
