"""Importing an export: checked first, then written in one transaction (nothing half-imported)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from django.contrib.auth.models import User

from afterword.portability.bundle import BundleError, parse_bundle
from afterword.tracker.services.known_applications import Imported
from afterword.tracker.services.restore import RestoreError, restore


def import_bundle(
    user: User,
    raw: bytes,
    now: datetime,
    progress: Callable[[int, int], None] | None = None,
) -> Imported:
    """Add the document's applications to ``user`` and take its settings; BundleError if bad.

    Applications are added next to the ones the user has, except those the account already has
    (the same employer, role, job code and interviews): those are skipped, so importing the same
    file twice, or one's own export, adds nothing the second time. The result names both by
    their path in the document (``applications[3]``).
    """
    settings, records = parse_bundle(raw, now)
    try:
        return restore(user, settings, records, now, progress)
    except RestoreError as error:
        raise BundleError(list(error.problems)) from None
