"""Read queries compiled once per shape, then run again with other parameters.

Building and compiling a ``values_list`` queryset with joins and an ordering costs Django about
half a millisecond of CPU, several times what the database takes to answer the small reads of
one re-plan or one page; recording one event makes several of them, Today a dozen. Here such a
query is compiled once per function and shape, and then only its parameters change:

- ``rows(make, ids)``: ``make(ids)`` filters by a list of ids, compiled once per function (on
  SQLite, per function and number of ids); PostgreSQL gets the ids as one array (``any_of``).
- ``fetch(make, *params, fixed=...)``: ``make(*fixed, *params)``, compiled once per ``fixed``;
  the params are ids, keys and aware times that the query only compares with (an owner, a
  session's key, "now", the start of a day).

Rows go through the converters Django itself would apply (SQLite's dates come back as dates),
and run on a Django cursor, so they are logged and counted like any other query; on
PostgreSQL ``fetch``'s are prepared, so the server plans each once per connection
(prepared.py), and ``rows``' are not (``_run`` says why).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from datetime import UTC, datetime, tzinfo
from typing import Any

from django.db import connection
from django.db.models import QuerySet

from afterword.tracker.services.prepared import prepared_cursor

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
    # On PostgreSQL the ids go as one array (see any_of).
    params = [_array(ids)] if connection.vendor == "postgresql" else list(ids)
    return _run(sql, params, converters, times, prepare=False)


# A parameter of ``fetch``: what a query compares a column with.
Param = int | str | datetime
# make(*fixed, *params) -> a values_list queryset.
MakeWith = Callable[..., QuerySet[Any, Any]]
# Where each parameter of the SQL comes from: the index of a ``fetch`` param, or a constant.
Source = tuple[int, None] | tuple[None, Any]
Fetching = tuple[str, list[Source], list[Converter], list[int]]

_fetching: dict[tuple[MakeWith, Hashable, tuple[type, ...], str], Fetching] = {}


def fetch(
    make: MakeWith, *params: Param, fixed: tuple[Hashable, ...] = ()
) -> list[tuple[Any, ...]]:
    """The rows ``make(*fixed, *params)`` would give (``values_list`` tuples), its SQL compiled
    once per ``make``, ``fixed`` and kinds of params.

    ``make`` must put each param into the query as it is (``due__lt=now``), never compute
    with it (``now - timedelta(days=1)``: compute that before and pass it): compiling checks
    this, and refuses a query whose SQL or other parameters change with the params.
    """
    kinds = tuple(type(param) for param in params)
    key = (make, fixed, kinds, connection.vendor)
    found = _fetching.get(key)
    if found is None:
        found = _compile_with(make, fixed, params)
        if len(_fetching) < MAX_COMPILED:
            _fetching[key] = found
    sql, sources, converters, times = found
    adapted = [_adapt(param) for param in params]
    values = [adapted[index] if index is not None else constant for index, constant in sources]
    return _run(sql, values, converters, times, prepare=True)


def _adapt(param: Param) -> Any:
    """The value Django would send for ``param`` compared with a column of its kind."""
    if isinstance(param, datetime):
        if param.tzinfo is None:
            raise ValueError(f"a compiled query compares with aware times only, not {param}")
        return connection.ops.adapt_datetimefield_value(param)
    return param


def _stand_ins(params: Sequence[Param], variant: int) -> list[Param]:
    """Values no real parameter takes, distinct per position and per variant."""
    made: list[Param] = []
    for position, param in enumerate(params):
        if isinstance(param, datetime):
            made.append(datetime(1001 + 100 * variant + position, 2, 3, 4, 5, 6, tzinfo=UTC))
        elif isinstance(param, int) and not isinstance(param, bool):
            made.append(-(2**40) - 1000 * variant - position)
        elif isinstance(param, str):
            made.append(f"afterword stand-in {variant} {position}")
        else:
            raise TypeError(f"a compiled query's params are ids, keys and times, not {param!r}")
    return made


def _compile_with(make: MakeWith, fixed: tuple[Hashable, ...], params: Sequence[Param]) -> Fetching:
    # Compiled twice with different stand-ins: what differs between the two is a param, and
    # must be one of them; what does not is a constant of the query (a status, a kind).
    compiled = []
    for variant in (0, 1):
        stand_ins = _stand_ins(params, variant)
        compiler = make(*fixed, *stand_ins).query.get_compiler(connection=connection)
        sql, sql_params = compiler.as_sql()
        compiled.append((sql, list(sql_params), [_adapt(value) for value in stand_ins], compiler))
    (sql, first, first_ins, compiler), (other_sql, second, second_ins, _) = compiled
    if sql != other_sql or len(first) != len(second):
        raise ValueError(f"{make.__name__}: the SQL of a compiled query changes with its params")
    sources: list[Source] = []
    for value, other in zip(first, second, strict=True):
        index = next(
            (
                n
                for n, (mine, theirs) in enumerate(zip(first_ins, second_ins, strict=True))
                if _same(value, mine) and _same(other, theirs)
            ),
            None,
        )
        if index is not None:
            sources.append((index, None))
        elif _same(value, other):
            sources.append((None, value))
        else:
            raise ValueError(
                f"{make.__name__}: a parameter is computed from the params; pass it as one"
            )
    converters, times = _converters(compiler)
    return sql, sources, converters, times


def _same(value: Any, other: Any) -> bool:
    return type(value) is type(other) and value == other


def _run(
    sql: str, params: list[Any], converters: list[Converter], times: list[int], *, prepare: bool
) -> list[tuple[Any, ...]]:
    # Only ``fetch``'s reads are prepared. After a few runs PostgreSQL may keep one generic plan
    # for a prepared statement, made without seeing the values: fine for an owner, a key or a
    # time, but for ``rows``' array of ids it chose to scan the whole action table (recording
    # an event went from 5 to 12 ms; bench/README.md, "Today and the board", fourth pass).
    with prepared_cursor() if prepare else connection.cursor() as cursor:
        if times and connection.vendor == "postgresql":
            zone = _load_times_in_c(cursor)
            if zone is not connection.timezone:
                # As Django's own loader gives them: the same instant, in the connection's
                # zone object (the usual UTC session needs nothing).
                converters = [
                    *converters,
                    *((at, [lambda value, *_: _in(value, zone)], None) for at in times),
                ]
        cursor.execute(sql, params)
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
    converters, times = _converters(compiler)
    return sql, converters, times


def _converters(compiler: Any) -> tuple[list[Converter], list[int]]:
    """Django's converters of each selected column, and which columns are times."""
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
    return converters, times
