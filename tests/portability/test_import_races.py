"""The same file imported several times at once (a double click) on PostgreSQL: added once.

Each import is a thread with its own connection, released together at a barrier, on a
database whose transactions really commit, as two web processes would see it.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import pytest
from django.db import connections

from afterword.portability.importer import import_bundle
from afterword.portability.spreadsheet import import_sheet
from afterword.tracker import access
from afterword.tracker.models import Application
from afterword.tracker.services.known_applications import Imported
from tests.factories import ApplicationFactory, InterviewFactory, UserFactory
from tests.support.scratch import backend

pytestmark = [
    pytest.mark.django_db(transaction=True),
    # SQLite takes its write lock when a transaction starts (IMMEDIATE), and its in-memory test
    # database locks whole tables across threads instead of waiting.
    pytest.mark.skipif(
        backend() != "postgresql", reason="threads need a server database (PostgreSQL)"
    ),
]

NOW = datetime(2026, 3, 3, 14, 0, tzinfo=UTC)
IMPORTS = 3
SHEET = b"Company,Position\nNorthwind,Analyst\nFabrikam,Engineer\nContoso,Designer\n"


def together(work: Callable[[], Imported]) -> list[Imported]:
    """Run ``work`` in IMPORTS threads released at the same instant; re-raise any error."""
    barrier = threading.Barrier(IMPORTS)
    results: list[Imported] = []
    errors: list[BaseException] = []

    def run() -> None:
        try:
            barrier.wait(timeout=30)
            results.append(work())
        except BaseException as error:
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run) for _ in range(IMPORTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not errors, errors
    return results


def test_a_sheet_imported_three_times_at_once_is_added_once() -> None:
    """One import adds the three rows; the two that waited skip all three."""
    user = UserFactory(username="sam")

    results = together(lambda: import_sheet(user, SHEET, NOW))

    assert sorted(len(result.added) for result in results) == [0, 0, 3]
    assert access.belonging_to(user.pk, Application).count() == 3


def test_an_export_imported_three_times_at_once_is_added_once() -> None:
    """The same with a JSON export of another account: one copy of each application."""
    from afterword.portability.export import export_bundle

    source = UserFactory(username="avery")
    for n in range(3):
        InterviewFactory(application=ApplicationFactory(owner=source, employer=f"Firm {n}"))
    raw = json.dumps(export_bundle(source, NOW)).encode()
    twin: Any = UserFactory(username="twin")

    results = together(lambda: import_bundle(twin, raw, NOW))

    assert sorted(len(result.added) for result in results) == [0, 0, 3]
    assert access.belonging_to(twin.pk, Application).count() == 3
