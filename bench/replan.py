"""Re-planning stored applications in bulk, and recording one event, on a real database.

    PGPORT_TEST=55443 bash scripts/with-postgres.sh .venv/bin/python bench/replan.py
    .venv/bin/python bench/replan.py --applications 2000      # SQLite without DATABASE_URL

A scratch database (bench/digest.py's: a new PostgreSQL database on the server DATABASE_URL
names, or a SQLite file in a temporary folder) is seeded with the planner benchmark's generated
cases (bench/cases.py, stored by bench/seed_cases.py: every application with its interviews,
interviewers and events, ``users`` owners). This process is pinned to one CPU; the database
server runs on the other. Then, timed separately:

1. floor: the planner alone, ``plan(case, now)`` on the same cases validated beforehand;
2. one by one: ``replan(application, now)`` for each of the first ``--one-by-one``
   applications, each in its own transaction, as ``manage.py replan`` did before bulk
   re-planning (their stored actions are kept for the comparisons);
3. bulk, first planning: ``replan_all`` over every application with no action stored yet;
4. bulk, re-plan of the planned database at the same ``now``: every plan comes out as stored,
   so no action row is written (only each application's ``planned_at``);
5. bulk, the next night: ``replan_all`` a day later, when some plans move;
6. the stored actions compared field by field: after 3 and 4 with those of step 2; after 5 with
   a full rewrite (the first applications' actions deleted and planned again at the same time);
7. record one event: ``record_event`` of a "no decision yet" reply on ``--events`` open
   applications, one call each, timed one by one (p50, p95, max);
8. the batches' case rows alone: ``case_rows`` (interviews, their people, events) of each
   batch of ``BATCH_SIZE`` applications in turn, the read that once grew with the database.

``--outside N`` grows the database around the measured applications: N more applications
(the next cases of the same stream, owned by ``--users`` other owners), planned before
anything is timed and never re-planned by the stages above, as a career centre's other
students are. The database is then analysed (``ANALYZE``), as autovacuum keeps a running
one, so that the server plans with the tables' real sizes.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from cases import generate_cases
from digest import scratch_database
from seed_cases import seed, shift

# A Wednesday morning; every stored case is moved so that its own "now" is just before it.
NOW = datetime(2026, 3, 4, 9, 30, tzinfo=UTC)
NEXT_NIGHT = NOW + timedelta(days=1)


def pin_to_one_core() -> str:
    if not hasattr(os, "sched_setaffinity"):
        return "not pinned"
    os.sched_setaffinity(0, {0})
    return "pinned to CPU 0"


def timed(work: Any) -> tuple[float, float, Any]:
    """(wall seconds, this process's CPU seconds, result)."""
    start, cpu = time.perf_counter(), time.process_time()
    result = work()
    return time.perf_counter() - start, time.process_time() - cpu, result


def verdict(same: bool) -> str:
    return "the same" if same else "DIFFERENT"


def stored_actions(ids: list[int]) -> list[tuple[Any, ...]]:
    from afterword.tracker.models import Action

    # Every column but the row id, read from the model, so a column added later is compared too.
    fields = [field.attname for field in Action._meta.concrete_fields if not field.primary_key]
    rows = Action.objects.filter(application_id__in=ids).order_by("application_id", "position")
    return list(rows.values_list(*fields))


def run(
    applications: int, users: int, one_by_one: int, events: int, outside: int = 0
) -> dict[str, Any]:
    # One stream of cases: the measured ones are the same whatever ``outside`` is.
    texts = generate_cases(applications + outside, 1)
    texts, others = texts[:applications], texts[applications:]
    with scratch_database() as (backend, _target):
        seconds, _, _ = timed(lambda: seed(texts, users, NOW))
        print(f"seeded {applications:,} applications for {users} users in {seconds:.1f} s")
        if outside:
            seconds, _, _ = timed(lambda: seed(others, users, NOW, first_user=users))
            print(f"seeded {outside:,} applications outside the measured ones in {seconds:.1f} s")
        from django.conf import settings
        from django.core.exceptions import ValidationError
        from django.db import connection, transaction

        from afterword.rules import case_from_data, plan
        from afterword.tracker.models import Action, Application, Event
        from afterword.tracker.services import record_event, replan, replan_all

        settings.DEBUG = False  # as in production: Django keeps no log of every query

        cases = [case_from_data(shift(json.loads(t), NOW), NOW) for t in texts]
        for case in cases:  # warm every cache (holiday tables), untimed
            plan(case, NOW)
        floor, floor_cpu, _ = timed(lambda: [plan(case, NOW) for case in cases])

        ids = list(Application.objects.order_by("pk").values_list("pk", flat=True))
        ids = ids[:applications]  # seeded first: the outside ones come after
        # Every stage below reads and writes only these; the others are planned once, untimed.
        measured = Application.objects.filter(pk__lte=ids[-1])
        if outside:
            seconds, _, _ = timed(
                lambda: replan_all(Application.objects.filter(pk__gt=ids[-1]), NOW)
            )
            print(f"planned the outside applications in {seconds:.1f} s (not measured below)")
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        first = ids[:one_by_one]

        def each() -> int:
            done = 0
            for application in Application.objects.select_related("owner").filter(pk__in=first):
                try:
                    with transaction.atomic():
                        replan(application, NOW)
                except ValidationError:
                    continue
                done += 1
            return done

        single_wall, single_cpu, single_done = timed(each)
        before = stored_actions(first)
        Action.objects.filter(application_id__in=first).delete()
        bulk = timed(lambda: replan_all(measured, NOW))
        same = stored_actions(first) == before
        rows_before = set(
            Action.objects.filter(application__in=measured).values_list("pk", flat=True)
        )
        again = timed(lambda: replan_all(measured, NOW))
        same_again = stored_actions(first) == before
        rows_again = set(
            Action.objects.filter(application__in=measured).values_list("pk", flat=True)
        )
        night = timed(lambda: replan_all(measured, NEXT_NIGHT))
        rows_night = set(
            Action.objects.filter(application__in=measured).values_list("pk", flat=True)
        )
        nightly = stored_actions(first)
        Action.objects.filter(application_id__in=first).delete()
        replan_all(Application.objects.filter(pk__in=first), NEXT_NIGHT)
        same_night = stored_actions(first) == nightly
        same = same and same_again and same_night
        print(
            f"actions of the first {len(first):,} applications: first planning vs one by one ",
            end="",
        )
        print(f"{verdict(same)}; re-plan vs one by one {verdict(same_again)}; ", end="")
        print(f"next night vs a full rewrite {verdict(same_night)}")
        print(f"action rows: {len(rows_before):,} stored; the re-plan kept ", end="")
        print(f"{len(rows_before & rows_again):,}, the next night kept ", end="")
        print(f"{len(rows_again & rows_night):,} of {len(rows_again):,} and wrote ", end="")
        print(f"{len(rows_night - rows_again):,} new")

        open_ones = list(
            measured.exclude(status="decided")
            .filter(interviews__isnull=False)
            .distinct()
            .order_by("pk")[:events]
        )
        latencies, refused = [], 0
        later = NOW + timedelta(minutes=5)
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as queries:
            record_event(open_ones[0], "reply", later, no_decision_yet=True)
        event_queries = len(queries.captured_queries)
        cpu_started = time.process_time()
        for application in open_ones[1:]:
            start = time.perf_counter()
            try:
                record_event(application, "reply", later, no_decision_yet=True)
            except ValidationError:
                refused += 1
            latencies.append(time.perf_counter() - start)
        event_cpu = (time.process_time() - cpu_started) / max(len(latencies), 1)
        recorded = Event.objects.filter(at=later).count()
        reads = case_reads(ids)
        return {
            "backend": backend,
            "applications": applications,
            "users": users,
            "floor_s": floor,
            "floor_cpu": floor_cpu,
            "single": (single_wall, single_cpu, single_done),
            "bulk": [
                (label, wall, cpu, summary.replanned, len(summary.failed))
                for label, (wall, cpu, summary) in (
                    ("**bulk, first planning: `replan_all`**, no action stored", bulk),
                    ("**bulk, re-plan: `replan_all`** over the planned database", again),
                    ("bulk, the next night (`now` + 1 day)", night),
                )
            ],
            "same": same,
            "events": sorted(latencies),
            "recorded": recorded,
            "event_queries": event_queries,
            "event_cpu_ms": 1000 * event_cpu,
            "refused": refused,
            "outside": outside,
            "case_reads": reads,
        }


def case_reads(ids: list[int], repeat: int = 3) -> tuple[int, float, float]:
    """(batches, wall seconds, our CPU seconds) of ``case_rows`` over every batch of ``ids``,
    in a transaction as re-planning reads them: for each batch the fastest of ``repeat``
    reads, which leaves out most of what other work on the machine adds."""
    from django.db import transaction

    from afterword.tracker.services.case import case_rows
    from afterword.tracker.services.replan import BATCH_SIZE

    batches = [ids[start : start + BATCH_SIZE] for start in range(0, len(ids), BATCH_SIZE)]
    wall = cpu = 0.0
    with transaction.atomic():
        case_rows(batches[0])  # compiles the queries, untimed
        for batch in batches:
            runs = []
            for _ in range(repeat):
                start, started = time.perf_counter(), time.process_time()
                case_rows(batch)
                runs.append((time.perf_counter() - start, time.process_time() - started))
            best = min(runs)
            wall, cpu = wall + best[0], cpu + best[1]
    return len(batches), wall, cpu


def report(result: dict[str, Any]) -> str:
    n = result["applications"]
    floor_rate = n / result["floor_s"]
    single_wall, single_cpu, single_done = result["single"]
    rows = [
        ("floor: the planner alone (`plan`)", n, result["floor_s"], result["floor_cpu"]),
        ("one by one: `replan` per application", single_done, single_wall, single_cpu),
    ]
    rows += [(label, count, wall, cpu) for label, wall, cpu, count, _ in result["bulk"]]
    replanned, failed = result["bulk"][0][3], result["bulk"][0][4]
    lines = [
        f"{n:,} applications, {result['users']} users, on {result['backend']}; "
        f"bulk re-planned {replanned:,}, failed {failed}"
        + (f"; {result['outside']:,} more applications outside them" if result["outside"] else ""),
        "",
        "| stage | plans | seconds | plans/s | our CPU ms per plan | planner alone / this |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for label, count, wall, cpu in rows:
        rate = count / wall
        cpu_text = f"{1000 * cpu / count:.2f}" if cpu is not None else "-"
        lines.append(
            f"| {label} | {count:,} | {wall:.2f} | {rate:,.0f} | {cpu_text} | "
            f"{floor_rate / rate:.1f} |"
        )
    times = result["events"]
    if times:
        p50 = statistics.median(times) * 1000
        p95 = times[int(0.95 * (len(times) - 1))] * 1000
        lines += [
            "",
            f"record one event (`record_event`, a reply): {len(times)} calls, "
            f"p50 {p50:.1f} ms, p95 {p95:.1f} ms, max {times[-1] * 1000:.1f} ms; "
            f"{result['recorded']} recorded, {result['refused']} refused; "
            f"{result['event_cpu_ms']:.1f} ms of our CPU and {result['event_queries']} queries "
            "(savepoints included) each",
        ]
    batches, wall, cpu = result["case_reads"]
    lines.append(
        f"the batches' case rows alone (`case_rows`, each batch the fastest of 3 reads): "
        f"{1000 * wall / batches:.1f} ms a batch, of which our CPU {1000 * cpu / batches:.1f} ms "
        f"and waiting for the database {1000 * (wall - cpu) / batches:.1f} ms ({batches} batches)"
    )
    lines.append(
        "stored actions, one by one vs bulk, and a re-plan vs a full rewrite: "
        + verdict(result["same"])
    )
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--applications", type=int, default=10_000)
    parser.add_argument("--users", type=int, default=100)
    parser.add_argument("--one-by-one", type=int, default=1_000)
    parser.add_argument("--events", type=int, default=300)
    parser.add_argument(
        "--outside", type=int, default=0, help="applications stored but never measured"
    )
    options = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "afterword.settings")
    pinned = pin_to_one_core()
    print(
        f"Python {platform.python_version()}, {os.cpu_count()} CPUs, {pinned}; "
        f"load {os.getloadavg()[0]:.2f}"
    )
    result = run(
        options.applications, options.users, options.one_by_one, options.events, options.outside
    )
    print(report(result))
    print(f"load {os.getloadavg()[0]:.2f} after")
    return 0 if result["same"] else 1


if __name__ == "__main__":
    raise SystemExit(main())
