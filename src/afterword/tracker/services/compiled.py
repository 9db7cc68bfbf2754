"""Read queries compiled once per shape, then run again with other ids.

Building and compiling a ``values_list`` queryset with joins and an ordering costs Django about
half a millisecond of CPU, several times what the database takes to answer the small reads of
one re-plan; recording one event makes several of them. Here such a query is compiled once per
function (on SQLite, per function and number of ids), and then only its ids change; PostgreSQL
gets them as one array (``any_of``). Rows go through the converters Django itself would apply
(SQLite's dates come back as dates), and run on ``connection.cursor()``, so they are logged and
counted like any other query.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime, tzinfo
from typing import Any

from django.db import connection
from django.db.models import QuerySet

# make(ids) -> a values_list queryset whose only parameters are ``ids``, in order.
Make = Callable[[list[int]], QuerySet[Any, Any]]
Converter = tuple[int, list[Callable[..., Any]], Any]
Compiled = tuple[str, list[Converter], list[int]]
# Bounded: on SQLite the counts of ids met are one (one re-plan) and the batch sizes of bulk
# re-plans.
MAX_COMPILED = 256

_compiled: dict[tuple[Make, int, str], Compiled] = {}
# The ids' array on PostgreSQL, typed: psycopg would type small ids as smallint[], and on a
# table not yet analysed the server then plans a scan where it would use the primary key.
ARRAY = "%s::bigint[]"


def rows(make: Make, ids: Sequence[int]) -> list[tuple[Any, ...]]:
    """The rows ``make(ids)`` would give (as ``values_list`` tuples), compiled once per shape."""
    if not ids:
        return []
    # On PostgreSQL the ids are one array parameter, whatever their number (any_of).
    count = 1 if connection.vendor == "postgresql" else len(ids)
    key = (make, count, connection.vendor)
    found = _compiled.get(key)
    if found is None:
        found = _compile(make, count)
        if len(_compiled) < MAX_COMPILED:
            _compiled[key] = found
    sql, converters, times = found
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            if times:
                zone = _load_times_in_c(cursor)
                if zone is not connection.timezone:
                    # As Django's own loader gives them: the same instant, in the
                    # connection's zone object (the usual UTC session needs nothing).
                    converters = [
                        *converters,
                        *((at, [lambda value, *_: _in(value, zone)], None) for at in times),
                    ]
            cursor.execute(sql, [_array(ids)])  # see any_of
        else:
            cursor.execute(sql, list(ids))
        fetched = cursor.fetchall()
    if not converters:
        return [tuple(row) for row in fetched]
    converted = []
    for row in fetched:
        values = list(row)
        for position, functions, expression in converters:
            value = values[position]
            for function in functions:
                value = function(value, expression, connection)
            values[position] = value
        converted.append(tuple(values))
    return converted


def any_of(column: str, ids: Sequence[int]) -> tuple[str, list[Any]]:
    """``column`` is one of ``ids``, as SQL and its parameters.

    On PostgreSQL ``= ANY(%s::bigint[])`` with the ids as one array: an ``IN`` list of a
    thousand placeholders costs psycopg about 1.5 ms of CPU to split and the server as much to
    parse, more than the rows it selects. SQLite gets the ``IN`` list.
    """
    if connection.vendor == "postgresql":
        return f"{column} = ANY({ARRAY})", [_array(ids)]
    return f"{column} IN ({', '.join(['%s'] * len(ids))})", list(ids)


def _array(ids: Sequence[int]) -> str:
    """The ids in PostgreSQL's text form of an array, ``{1,2,3}``: psycopg dumps a list item
    by item in Python (0.54 ms of CPU for a thousand ids, against 0.11 ms for this)."""
    return "{" + ",".join([str(int(pk)) for pk in ids]) + "}"


def _in(value: datetime | None, zone: tzinfo | None) -> datetime | None:
    return None if value is None else value.replace(tzinfo=zone)


def _load_times_in_c(cursor: Any) -> tzinfo:
    """psycopg's own timestamptz loader (C in psycopg-binary) for this cursor only.

    Django registers a loader in Python that parses every time from its text, about ten times
    slower; a re-plan reads some twenty times per application. Both read the time in the
    session's zone, which Django sets to its own (``connection.timezone``); this returns the
    zone object psycopg puts on them (for UTC the very object Django uses).
    """
    import psycopg  # here: SQLite needs no psycopg
    from psycopg.pq import Format

    adapters = psycopg.adapters  # the defaults, before Django's
    oid = adapters.types["timestamptz"].oid
    cursor.cursor.adapters.register_loader(oid, adapters.get_loader(oid, Format.TEXT))
    zone: tzinfo = cursor.cursor.connection.info.timezone
    return zone


def _compile(make: Make, count: int) -> Compiled:
    # Distinct stand-ins: Django drops repeated values from an IN list.
    stand_ins = list(range(-count, 0))
    compiler = make(stand_ins).query.get_compiler(connection=connection)
    sql, params = compiler.as_sql()
    if list(params) != stand_ins:
        raise ValueError(f"{make.__name__}: a compiled query's only parameters are its ids")
    if connection.vendor == "postgresql":
        # The ids as one array (any_of); the stand-ins being the only parameters, their IN
        # list is the only one there is.
        listed = f"IN ({', '.join(['%s'] * count)})"
        if sql.count(listed) != 1:
            raise ValueError(f"{make.__name__}: a compiled query selects by one list of ids")
        sql = sql.replace(listed, f"= ANY({ARRAY})")
    fields = [selected[0] for selected in compiler.select[: compiler.col_count]]
    converters = [
        (position, functions, expression)
        for position, (functions, expression) in compiler.get_converters(fields).items()
    ]
    times = [
        position
        for position, field in enumerate(fields)
        if field.output_field.get_internal_type() == "DateTimeField"
    ]
    return sql, converters, times
