"""Storing planned actions: a re-plan writes only the rows that changed.

Most re-plans (the nightly one, one after a holiday table update, one after news that moves
nothing) plan exactly the actions already stored. Deleting and inserting them all again cost
more than the planning; instead each stored row is compared with the row the plan wants, column
by column. A row stored exactly as wanted stays as it is, with its id; every other stored row is
deleted and every other wanted row inserted. So the table ends up holding, column for column,
what deleting and inserting everything would leave, and a follow-up that changed in any way gets
a new row id, as before: the snooze button relies on that (``locked_pending``, ``same_row``).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import UTC
from typing import Any

from django.db import connection
from django.db.models import QuerySet, TextField
from django.db.models.functions import Cast

from afterword.tracker.models import Action
from afterword.tracker.services import compiled

# An action row as ``action_rows`` (replan.py) writes it and ``stored_rows`` reads it.
ACTION_COLUMNS = (
    "application_id",
    "owner_id",
    "kind",
    "key",
    "interview_id",
    "interviewer_id",
    "channel",
    "earliest",
    "due",
    "latest",
    "rules",
    "why",
    "position",
)
RULES = ACTION_COLUMNS.index("rules")
DATETIMES = tuple(ACTION_COLUMNS.index(name) for name in ("earliest", "due", "latest"))
# _compared relies on this order: the three times, then the rules.
assert DATETIMES == (RULES - 3, RULES - 2, RULES - 1)
# Rows per INSERT statement: well under any placeholder limit (13 columns each).
INSERT_CHUNK = 1000
# From this many rows on, PostgreSQL gets them by COPY: a long INSERT costs more to build and
# send (psycopg splits the whole statement at every placeholder) than the rows to plan.
COPY_FROM = 50

ActionRow = tuple[Any, ...]


def stored_rows(application_ids: Iterable[int]) -> dict[int, list[tuple[int, ActionRow]]]:
    """Each application's stored actions as ``(id, row)`` in plan order, in one query."""
    found: dict[int, list[tuple[int, ActionRow]]] = {pk: [] for pk in application_ids}
    # The rules come as JSON text, decoded once per distinct text: a batch's rows share far
    # fewer rule lists than they are rows, and decoding each row's cost more than comparing it.
    decoded: dict[str, list[str]] = {}
    rules = RULES + 1  # after the row id
    for row in compiled.rows(_actions, list(found)):
        text = row[rules]
        if text not in decoded:
            decoded[text] = json.loads(text)
        found[row[1]].append((row[0], (*row[1:rules], list(decoded[text]), *row[rules + 1 :])))
    return found


def _actions(ids: list[int]) -> QuerySet[Any, Any]:
    columns = ["rules_text" if name == "rules" else name for name in ACTION_COLUMNS]
    return (
        Action.objects.filter(application_id__in=ids)
        .annotate(rules_text=Cast("rules", TextField()))
        .order_by("application_id", "position")
        .values_list("pk", *columns)
    )


def write_actions(
    wanted: dict[int, list[ActionRow]],
    stored: dict[int, list[tuple[int, ActionRow]]],
    *,
    renew: bool = False,
) -> None:
    """Make the actions of each application in ``wanted`` exactly its wanted rows.

    ``stored`` is what ``stored_rows`` read of them under the applications' locks. ``renew``
    rewrites every row (new ids for all), as a snooze needs: see the module's docstring.
    """
    gone: list[int] = []
    new: list[ActionRow] = []
    for application_id, rows in wanted.items():
        old = stored[application_id]
        if renew or not old:
            gone += [pk for pk, _ in old]
            new += rows
            continue
        if rows == [row for _, row in old]:
            # The usual re-plan: the plan came out as stored, row for row, so all stay. (Equal
            # here means equal below; two times in a repeated hour may compare unequal here
            # though they are the same instant, PEP 495: then they go the long way below.)
            continue
        # Stored rows by content; each wanted row found there stays, the rest are written.
        unmatched = {_compared(row): pk for pk, row in old}
        for row in rows:
            if unmatched.pop(_compared(row), None) is None:
                new.append(row)
        gone += unmatched.values()
    if gone:
        # Deleted before the inserts: a new row may take a position or key a changed one held.
        _delete(gone)
    if connection.vendor == "postgresql" and len(new) >= COPY_FROM:
        _copy(new)
        return
    for start in range(0, len(new), INSERT_CHUNK):
        _insert(new[start : start + INSERT_CHUNK])


def _compared(row: ActionRow) -> ActionRow:
    """The row in a hashable form that is equal exactly when the stored values are.

    Times in UTC: an aware time in a repeated hour (the night clocks go back) never compares
    equal to one in another zone (PEP 495), though both name the same instant.
    """
    earliest, due, latest = (row[index].astimezone(UTC) for index in DATETIMES)
    return (*row[: DATETIMES[0]], earliest, due, latest, tuple(row[RULES]), *row[RULES + 1 :])


def _delete(ids: list[int]) -> None:
    """One DELETE by id (nothing refers to an action row, so nothing cascades)."""
    table = connection.ops.quote_name(Action._meta.db_table)
    chosen, params = compiled.any_of(connection.ops.quote_name(Action._meta.pk.column), ids)
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {table} WHERE {chosen}", params)


def _columns() -> str:
    column = {field.attname: str(field.column) for field in Action._meta.concrete_fields}
    return ", ".join(connection.ops.quote_name(column[name]) for name in ACTION_COLUMNS)


def _copy(rows: Sequence[ActionRow]) -> None:
    """The rows by PostgreSQL's COPY, in its text format (psycopg writes each value as text)."""
    table = connection.ops.quote_name(Action._meta.db_table)
    encoded: dict[tuple[str, ...], str] = {}  # rules to JSON once per distinct list
    with (
        connection.cursor() as cursor,
        cursor.cursor.copy(f"COPY {table} ({_columns()}) FROM STDIN") as copy,
    ):
        for row in rows:
            rules = tuple(row[RULES])
            if rules not in encoded:
                encoded[rules] = json.dumps(row[RULES])
            copy.write_row((*row[:RULES], encoded[rules], *row[RULES + 1 :]))


def _insert(rows: Sequence[ActionRow]) -> None:
    """One multi-row INSERT, with the values adapted as Django adapts them for each backend.

    ``bulk_create`` prepares every value of every row through its field and cost about as
    much as the planning of the batch.
    """
    ops = connection.ops
    table = ops.quote_name(Action._meta.db_table)
    one = "(" + ", ".join(["%s"] * len(ACTION_COLUMNS)) + ")"
    params: list[Any] = []
    for row in rows:
        values = list(row)
        for index in DATETIMES:
            values[index] = ops.adapt_datetimefield_value(values[index])
        values[RULES] = ops.adapt_json_value(values[RULES], None)
        params += values
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} ({_columns()}) VALUES {', '.join([one] * len(rows))}", params
        )
