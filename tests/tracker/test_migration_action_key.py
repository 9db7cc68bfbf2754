"""Actions stored before keys existed get theirs when the database is upgraded."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from afterword.tracker.models import Action
from tests.factories import ApplicationFactory, InterviewerFactory, InterviewFactory

BEFORE_KEYS = [("tracker", "0006_capture_salutation_and_points")]
WHEN = datetime(2026, 3, 3, 14, 0, tzinfo=UTC)


def _migrate(targets: list[tuple[str, str | None]]) -> Any:
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    executor.loader.build_graph()
    return executor


def test_old_actions_get_keys_numbered_by_their_history(transactional_db: None) -> None:
    """A thank-you keeps ordinal 1; a check-in after one check-in sent is number 2."""
    application = ApplicationFactory()
    person = InterviewerFactory(application=application)
    interview = InterviewFactory(application=application, interviewers=[person])
    executor = _migrate(BEFORE_KEYS)
    old = executor.loader.project_state(BEFORE_KEYS).apps
    old.get_model("tracker", "Event").objects.create(
        application_id=application.pk, at=WHEN, type="check_in_sent", channel="email"
    )
    for position, kind in enumerate(("thank_you_email", "check_in_email")):
        old.get_model("tracker", "Action").objects.create(
            application_id=application.pk,
            owner_id=application.owner_id,
            kind=kind,
            interview_id=interview.pk,
            interviewer_id=person.pk,
            channel="email",
            earliest=WHEN,
            due=WHEN + timedelta(hours=1),
            latest=WHEN + timedelta(hours=2),
            why="Stored before keys.",
            position=position,
        )

    _migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())

    keys = dict(Action.objects.values_list("kind", "key"))
    assert keys == {
        "thank_you_email": f"thank-you-email-{interview.pk}-{person.pk}-1",
        "check_in_email": f"check-in-email-{interview.pk}-{person.pk}-2",
    }
