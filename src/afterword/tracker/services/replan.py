"""Re-planning: run the planner on an application's rows and store the pending actions."""

from __future__ import annotations

import gc
import json
import logging
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, NamedTuple

from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.db.models import QuerySet

from afterword.rules import Case, CaseError, Note, Plan, case_from_data, plan
from afterword.rules.kinds import DECIDING_EVENTS
from afterword.tracker.follow_up_keys import keys_for
from afterword.tracker.models import Application, Status
from afterword.tracker.preferences import settings_for_owners
from afterword.tracker.services import compiled
from afterword.tracker.services.action_store import (
    ActionRow,
    stored_rows,
    write_actions,
)
from afterword.tracker.services.case import (
    account_name,
    build_case,
    candidate,
    case_data,
    case_rows,
)
from afterword.tracker.services.errors import validation_error_from

log = logging.getLogger(__name__)
BATCH_SIZE = 1000


class ApplicationRow(NamedTuple):
    """What a batch reads of each application and its owner, under the applications' locks."""

    pk: int
    owner_id: int
    employer: str
    employer_timezone: str
    employer_country: str
    employer_subdivision: str
    employer_style: str
    role: str
    job_code: str
    archived_at: datetime | None
    status: str
    plan_notes: list[dict[str, Any]]
    owner__first_name: str
    owner__last_name: str
    owner__email: str


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
    3. Run the planner and store its actions (only the rows that changed), status and notes
       in the same transaction.
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
        result = plan_case(data, now)
        result = as_stored(result, archived)
        store_plan(application, result, now, event_types(data))
    return result


def as_stored(result: Plan, archived_at: datetime | None) -> Plan:
    """What is stored of a plan: all of it, or for an archived application no actions (nothing
    is due for it until it is restored, which re-plans), with its status and notes kept."""
    return result if archived_at is None else Plan(result.status, (), result.notes)


def plan_case(data: dict[str, Any], now: datetime, case: Case | None = None) -> Plan:
    """The plan of one case as ``build_case`` wrote it; ValidationError when it is invalid.

    ``case`` is ``data`` already validated, when the caller has done that.
    """
    if not data["interviews"]:
        return _plan_without_interviews(data)
    if case is None:
        try:
            case = case_from_data(data, now)
        except CaseError as error:
            raise validation_error_from(error) from None
    return plan(case, now)


def _plan_without_interviews(data: dict[str, Any]) -> Plan:
    """The planner needs an interview to plan from; until one is added there is nothing to do."""
    events = data["events"]
    assert isinstance(events, list)
    if any(event["type"] in DECIDING_EVENTS for event in events):
        return Plan("decided", (), ())
    return Plan("waiting", (), (NO_INTERVIEW_NOTE,))


def event_types(data: dict[str, Any]) -> list[str]:
    """The case's event types in order (the follow-ups' keys count check-in steps by them)."""
    events = data["events"]
    assert isinstance(events, list)
    return [str(event["type"]) for event in events]


def store_plan(
    application: Application,
    result: Plan,
    now: datetime,
    event_types: list[str],
    *,
    renew: bool = False,
) -> None:
    """Make the application's stored actions, status and notes those of ``result``.

    Call it under the application's lock, inside a transaction. ``event_types`` are the case's
    events in order: the follow-ups' keys count the check-in steps they hold. Only the actions
    that changed are written (action_store.py); ``renew`` writes them all anew.
    """
    wanted = action_rows(application.pk, application.owner_id, result, event_types)
    write_actions({application.pk: wanted}, stored_rows([application.pk]), renew=renew)
    _mark_planned(application, result, now)
    # Not save(): a re-plan is not an edit, so updated_at keeps its meaning.
    _update_planned([(application.pk, application.status, application.plan_notes)], now)


def action_rows(
    application_id: int, owner_id: int, result: Plan, event_types: list[str]
) -> list[ActionRow]:
    """The rows (``action_store.ACTION_COLUMNS``) that store ``result``'s actions, in plan
    order, with their keys.

    The one place that turns a planned action into its row, for one re-plan and for many.
    """
    steps = [
        (a.kind, _row_id(a.interview), _row_id(a.interviewer) if a.interviewer else None)
        for a in result.actions
    ]
    keys = keys_for(steps, event_types)
    return [
        (
            application_id,
            owner_id,
            kind,
            keys[position],
            interview_id,
            interviewer_id,
            action.channel,
            action.earliest,
            action.due,
            action.latest,
            list(action.rules),
            action.why,
            position,
        )
        for position, (action, (kind, interview_id, interviewer_id)) in enumerate(
            zip(result.actions, steps, strict=True)
        )
    ]


def _mark_planned(application: Application, result: Plan, now: datetime) -> None:
    application.status = Status(result.status)
    application.plan_notes = [note.as_json() for note in result.notes]
    application.planned_at = now


def _row_id(case_id: str) -> int:
    """``i12`` / ``p7`` (the case ids build_case wrote) back to the primary key 12 / 7."""
    return int(case_id[1:])


@dataclass
class ReplanSummary:
    replanned: int = 0
    failed: dict[int, str] = field(default_factory=dict)


def replan_all(queryset: QuerySet[Application], now: datetime) -> ReplanSummary:
    """Re-plan many applications in batches; one bad case stops no other.

    Each application gets exactly the plan ``replan`` would store. Per batch, in one
    transaction: lock the applications and read them with their interviews, interviewers,
    events and stored actions in a few queries (as tuples), read each owner's settings once,
    plan them all, then write in bulk only the actions that changed (action_store.py) and the
    applications' plan fields. A case the planner refuses is reported and keeps its old plan.
    """
    summary = ReplanSummary()
    # Ids first, then rows in batches: no cursor stays open across the transactions.
    ids = list(queryset.order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(ids), BATCH_SIZE):
        with _no_cycle_collection():
            _replan_batch(ids[start : start + BATCH_SIZE], now, summary)
    return summary


@contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """Python's cycle collector paused for one batch.

    A batch makes a few hundred thousand objects (rows, cases, plans) that all live until the
    batch ends and are then freed by their reference counts. While they live, the collector
    would walk them, and every other object of the process, again and again for nothing: it
    took a quarter to a third of a batch's CPU. Whatever cyclic garbage a batch leaves is
    collected by the next collection after it.
    """
    paused = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if paused:
            gc.enable()


def _replan_batch(ids: list[int], now: datetime, summary: ReplanSummary) -> None:
    with transaction.atomic():
        applications = [ApplicationRow._make(row) for row in compiled.rows(_locked, ids)]
        locked = [application.pk for application in applications]
        prefs = settings_for_owners(application.owner_id for application in applications)
        rows = case_rows(locked)
        stored = stored_rows(locked)
        wanted: dict[int, list[ActionRow]] = {}
        planned: list[tuple[int, str, list[dict[str, Any]]]] = []
        unchanged: list[int] = []  # planned as they were: only planned_at is written
        for application in applications:
            owner_prefs = prefs[application.owner_id]
            name = account_name(application.owner__first_name, application.owner__last_name)
            person = candidate(owner_prefs, name, application.owner__email)
            try:
                data = case_data(application, person, owner_prefs, rows[application.pk], now)
                result = plan_case(data, now)
            except ValidationError as error:
                summary.failed[application.pk] = "; ".join(error.messages)
                log.warning("application %s was not re-planned: %s", application.pk, error.messages)
                continue
            result = as_stored(result, application.archived_at)
            wanted[application.pk] = action_rows(
                application.pk, application.owner_id, result, event_types(data)
            )
            notes = [note.as_json() for note in result.notes]
            if (result.status, notes) == (application.status, application.plan_notes):
                unchanged.append(application.pk)
            else:
                planned.append((application.pk, result.status, notes))
        if not wanted:
            return
        write_actions(wanted, stored)
        _update_planned(planned, now)
        _touch_planned(unchanged, now)
        summary.replanned += len(wanted)


def _locked(ids: list[int]) -> QuerySet[Any, Any]:
    # Locked as replan locks one (of=self: not the owners' rows the owner's name joins).
    return (
        Application.objects.select_for_update(of=("self",))
        .filter(pk__in=ids)
        .order_by("pk")
        .values_list(*ApplicationRow._fields)
    )


def _touch_planned(ids: list[int], now: datetime) -> None:
    """Set planned_at alone: what a re-plan writes to an application whose status and notes
    came out as stored (cheaper for the database than the UPDATE ... FROM VALUES below)."""
    if not ids:
        return
    table = connection.ops.quote_name(Application._meta.db_table)
    key = connection.ops.quote_name(Application._meta.pk.column)
    chosen, params = compiled.any_of(key, ids)
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {table} SET planned_at = %s WHERE {chosen}",
            [connection.ops.adapt_datetimefield_value(now), *params],
        )


def _update_planned(planned: list[tuple[int, str, list[dict[str, Any]]]], now: datetime) -> None:
    """Write the status, notes and planned_at of many applications in one UPDATE (none: none).

    ``bulk_update`` writes one CASE branch per row and column, which costs more than planning
    the batch; an UPDATE joined to the new values is one short statement. PostgreSQL gets the
    values as one JSON parameter (not three parameters per row, see ``compiled.any_of``);
    SQLite >= 3.33 a VALUES list (its columns are named column1, column2...).
    """
    if not planned:
        return
    if connection.vendor == "sqlite" and sqlite3.sqlite_version_info < (3, 33):
        # UPDATE ... FROM came with SQLite 3.33; Django supports 3.31 and up.
        for pk, status, plan_notes in planned:
            Application.objects.filter(pk=pk).update(
                status=status, plan_notes=plan_notes, planned_at=now
            )
        return
    table = connection.ops.quote_name(Application._meta.db_table)
    key = connection.ops.quote_name(Application._meta.pk.column)
    if connection.vendor == "postgresql":
        # One JSON document: psycopg escapes a text array element by element in Python.
        values = "jsonb_to_recordset(%s::jsonb) AS v(pk bigint, status text, notes jsonb)"
        rows = [{"pk": pk, "status": status, "notes": notes} for pk, status, notes in planned]
        params: list[Any] = [json.dumps(rows)]
        new, match = "status = v.status, plan_notes = v.notes", "v.pk"
    else:
        values = "(VALUES " + ", ".join(["(%s, %s, %s)"] * len(planned)) + ") AS v"
        params = [
            value
            for pk, status, plan_notes in planned
            for value in (pk, status, json.dumps(plan_notes))
        ]
        new, match = "status = v.column2, plan_notes = v.column3", "v.column1"
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {table} SET {new}, planned_at = %s FROM {values} "
            f"WHERE {table}.{key} = {match}",
            [connection.ops.adapt_datetimefield_value(now), *params],
        )
