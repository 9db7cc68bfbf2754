"""Re-planning: run the planner on an application's rows and store the pending actions."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet

from afterword.rules import CaseError, Note, Plan, case_from_data, plan
from afterword.rules.kinds import DECIDING_EVENTS
from afterword.tracker.follow_up_keys import keys_for
from afterword.tracker.models import Action, Application, Status
from afterword.tracker.services.case import build_case
from afterword.tracker.services.errors import validation_error_from

log = logging.getLogger(__name__)
BATCH_SIZE = 500

NO_INTERVIEW_NOTE = Note(
    ("C1", "C3"),
    "Add the interview, with each interviewer, so that Afterword can plan the thank-you notes "
    "and check-ins.",
)


def replan(application: Application, now: datetime) -> Plan:
    """Plan the application afresh at ``now`` and replace its stored actions and status.

    1. Lock the application row, so two re-plans of it never interleave their writes.
    2. Build the case from the rows and validate it with the planner's own schema; an invalid
       case raises ValidationError and, inside the caller's transaction, rolls everything back.
    3. Run the planner and replace the Action rows, status and notes in the same transaction.
       An archived application keeps its status and notes but stores no action: nothing is
       due for it until it is restored, which re-plans.
    """
    with transaction.atomic():
        # select_for_update is a no-op on SQLite, where IMMEDIATE transactions already
        # serialise writers; on PostgreSQL it makes concurrent re-plans wait their turn.
        # Read under the lock: the caller's row may predate an archive or a restore.
        archived = (
            Application.objects.select_for_update()
            .filter(pk=application.pk)
            .values_list("archived_at", flat=True)
            .first()
        )
        data = build_case(application, now)
        if data["interviews"]:
            try:
                case = case_from_data(data, now)
            except CaseError as error:
                raise validation_error_from(error) from None
            result = plan(case, now)
        else:
            result = _plan_without_interviews(data)
        if archived is not None:
            result = Plan(result.status, (), result.notes)
        _store(application, result, now, _event_types(data))
    return result


def _plan_without_interviews(data: dict[str, object]) -> Plan:
    """The planner needs an interview to plan from; until one is added there is nothing to do."""
    events = data["events"]
    assert isinstance(events, list)
    if any(event["type"] in DECIDING_EVENTS for event in events):
        return Plan("decided", (), ())
    return Plan("waiting", (), (NO_INTERVIEW_NOTE,))


def _event_types(data: dict[str, object]) -> list[str]:
    events = data["events"]
    assert isinstance(events, list)
    return [str(event["type"]) for event in events]


def _store(application: Application, result: Plan, now: datetime, event_types: list[str]) -> None:
    keys = keys_for(
        [
            (a.kind, _row_id(a.interview), _row_id(a.interviewer) if a.interviewer else None)
            for a in result.actions
        ],
        event_types,
    )
    Action.objects.filter(application=application).delete()
    Action.objects.bulk_create(
        Action(
            application=application,
            owner_id=application.owner_id,
            kind=action.kind,
            key=keys[position],
            interview_id=_row_id(action.interview),
            interviewer_id=_row_id(action.interviewer) if action.interviewer else None,
            channel=action.channel,
            earliest=action.earliest,
            due=action.due,
            latest=action.latest,
            rules=list(action.rules),
            why=action.why,
            position=position,
        )
        for position, action in enumerate(result.actions)
    )
    application.status = Status(result.status)
    application.plan_notes = [note.as_json() for note in result.notes]
    application.planned_at = now
    # update() rather than save(): a re-plan is not an edit, so updated_at keeps its meaning.
    Application.objects.filter(pk=application.pk).update(
        status=application.status,
        plan_notes=application.plan_notes,
        planned_at=now,
    )


def _row_id(case_id: str) -> int:
    """``i12`` / ``p7`` (the case ids build_case wrote) back to the primary key 12 / 7."""
    return int(case_id[1:])


@dataclass
class ReplanSummary:
    replanned: int = 0
    failed: dict[int, str] = field(default_factory=dict)


def replan_all(queryset: QuerySet[Application], now: datetime) -> ReplanSummary:
    """Re-plan many applications, each in its own transaction; one bad case stops no other."""
    summary = ReplanSummary()
    # Ids first, then rows in batches: no cursor stays open across the many small transactions.
    ids = list(queryset.order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(ids), BATCH_SIZE):
        batch = Application.objects.select_related("owner").in_bulk(ids[start : start + BATCH_SIZE])
        for application in batch.values():
            _replan_one(application, now, summary)
    return summary


def _replan_one(application: Application, now: datetime, summary: ReplanSummary) -> None:
    try:
        replan(application, now)
    except ValidationError as error:
        summary.failed[application.pk] = "; ".join(error.messages)
        log.warning("application %s was not re-planned: %s", application.pk, error.messages)
    else:
        summary.replanned += 1
