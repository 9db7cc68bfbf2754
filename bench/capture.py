"""Capturing: creating an application and noting its first interview, through the services.

    PYTHONPATH=src .venv/bin/python bench/capture.py                 # SQLite
    PGPORT_TEST=55442 bash scripts/with-postgres.sh env PYTHONPATH=src \
        .venv/bin/python bench/capture.py

A scratch database (bench/pages.py's) gets a seeker with ``--existing`` planned applications,
so that each write lands among others as it would for a busy user. Then ``--count`` times, one
call after another, each timed on its own:

1. ``create_application`` (the board's quick-add and ``POST /api/applications`` call it): the
   row checked with ``full_clean``, saved and planned, in one transaction;
2. ``save_interview`` of a first interview with one new interviewer and a decision phrase on
   that application (the Note an interview form and the API call it): checked, saved, re-planned.

Reported: p50, p95 and max wall milliseconds, the median CPU milliseconds of this process and
the queries of one call. Issue 14's table had "creating an application through the services:
200-550 ms"; there was no script for it until this one.
"""

from __future__ import annotations

import argparse
import statistics
import time
from datetime import timedelta
from typing import Any

from pages import machine, now_utc, percentile, recorded_sql, scratch_database, seed_user


def timed_calls(count: int, call: Any) -> tuple[list[float], list[float]]:
    walls, cpus = [], []
    for n in range(count):
        start, cpu = time.perf_counter(), time.process_time()
        call(n)
        walls.append(1000 * (time.perf_counter() - start))
        cpus.append(1000 * (time.process_time() - cpu))
    return walls, cpus


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--existing", type=int, default=100, help="applications already there")
    parser.add_argument("--count", type=int, default=200, help="applications created")
    options = parser.parse_args()
    with scratch_database("capture") as backend:
        from afterword.tracker.models import Application, Interview, Interviewer
        from afterword.tracker.services.applications import create_application
        from afterword.tracker.services.interviews import save_interview

        now = now_utc()
        user = seed_user("capture", options.existing, now)
        made: list[Application] = []

        def create(n: int) -> None:
            made.append(create_application(user, f"Harbour Freight {n}", now, role="Data Analyst"))

        def note(n: int) -> None:
            start = now - timedelta(days=1, hours=n % 5)
            interview = Interview(
                round=1,
                start=start,
                end=start + timedelta(hours=1),
                decision_phrase="end of next week",
                emphasised="SQL and reporting",
            )
            person = Interviewer(name=f"Dana Reyes {n}", email=f"dana{n}@harbour.example")
            save_interview(made[n], interview, [person], [], now)

        # Warm: the first calls load the planner's tables and the phrase reader.
        create(0)
        note(0)
        made.clear()
        creating = timed_calls(options.count, create)
        noting = timed_calls(options.count, note)
        made.clear()
        create_queries = len(recorded_sql(lambda: create(0)))
        note_queries = len(recorded_sql(lambda: note(0)))

    print(f"capture on {backend}; {machine()}; {options.existing} applications already there")
    print()
    print("| call | calls | p50 ms | p95 ms | max ms | CPU ms (median) | queries |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for label, (walls, cpus), queries in (
        ("`create_application`", creating, create_queries),
        ("`save_interview` (first round, one new person, a decision phrase)", noting, note_queries),
    ):
        print(
            f"| {label} | {len(walls)} | {statistics.median(walls):.1f} "
            f"| {percentile(walls, 95):.1f} | {max(walls):.1f} "
            f"| {statistics.median(cpus):.1f} | {queries} |"
        )


if __name__ == "__main__":
    main()
