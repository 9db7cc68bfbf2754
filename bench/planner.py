"""Planner throughput on one core: plans per second, and the ratio to only parsing the JSON.

    .venv/bin/python bench/planner.py [--cases 100000] [--seed 1] [--profile]

Cases are generated first (not timed; bench/cases.py), then each stage runs over all of them,
three times, and the best run counts: the best is the run least disturbed by the rest of the
machine, which is what a comparison between commits needs. See bench/README.md for results.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from cases import generate_cases

from afterword.rules import Case, Plan, case_from_json, plan

RESULTS = Path(__file__).parent / "results"
TARGET_PER_SECOND = 20_000


@dataclass(frozen=True, slots=True)
class Inputs:
    """What the stages read: the JSON texts, and the cases and plans made from them untimed."""

    texts: Sequence[str]
    cases: Sequence[Case]
    plans: Sequence[Plan]


def cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as cpuinfo:
            for line in cpuinfo:
                if line.startswith("model name"):
                    return line.partition(":")[2].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def pin_to_one_core() -> str:
    """Keep the process on CPU 0 so that the scheduler never moves it mid-run (cold caches)."""
    if not hasattr(os, "sched_setaffinity"):
        return "not pinned (os.sched_setaffinity is unavailable here)"
    os.sched_setaffinity(0, {0})
    return f"pinned to CPU {sorted(os.sched_getaffinity(0))}"


# Each stage is one function over the whole list, so that the timed loop is the stage itself and
# not a per-case call into a closure; names are bound to locals for the same reason.


def stage_floor(inputs: Inputs) -> None:
    loads = json.loads
    for text in inputs.texts:
        loads(text)


def stage_full(inputs: Inputs) -> None:
    validate, plan_ = case_from_json, plan
    for text in inputs.texts:
        case = validate(text)
        plan_(case, case.now).to_json_text(None)  # type: ignore[arg-type]


def stage_planner(inputs: Inputs) -> None:
    plan_ = plan
    for case in inputs.cases:
        plan_(case, case.now)  # type: ignore[arg-type]


def stage_validation(inputs: Inputs) -> None:
    validate = case_from_json
    for text in inputs.texts:
        validate(text)


def stage_library(inputs: Inputs) -> None:
    validate = Case.model_validate_json
    for text in inputs.texts:
        validate(text)


def stage_output(inputs: Inputs) -> None:
    for result in inputs.plans:
        result.to_json_text(None)


Stage = Callable[[Inputs], None]
# The full pipeline is the headline; the other rows say how its time divides.
STAGES: tuple[tuple[str, Stage], ...] = (
    ("floor: `json.loads`", stage_floor),
    ("**full: `case_from_json` + `plan` + `to_json_text()`**", stage_full),
    ("planner only: `plan`", stage_planner),
    ("validation only: `case_from_json`", stage_validation),
    ("output only: `plan.to_json_text()`", stage_output),
    ("the contract's models alone: `Case.model_validate_json` (pydantic)", stage_library),
)
PLANNER_ROW, LIBRARY_ROW = 2, 5


def best_of(stage: Stage, inputs: Inputs, repeat: int) -> tuple[float, float]:
    """The best wall time of ``repeat`` runs, and the CPU time of that run."""
    best = (float("inf"), 0.0)
    for _ in range(repeat):
        gc.collect()  # start every run from the same heap, not with the last run's garbage
        cpu_started = time.process_time()
        started = time.perf_counter()
        stage(inputs)
        elapsed = time.perf_counter() - started
        best = min(best, (elapsed, time.process_time() - cpu_started))
    return best


def table(timings: Sequence[tuple[str, float, float]], n: int) -> str:
    """Markdown. ``CPU %`` is CPU time over wall time of the kept run: well under 100 means that
    another process took the core for part of it, so its wall-clock figures are pessimistic; the
    CPU columns (the process's own time, ``time.process_time``) are then the steadier figures."""
    floor, floor_cpu = timings[0][1], timings[0][2]
    lines = [
        "| stage | total s | per second | µs per case | × floor | CPU % | CPU µs per case "
        "| × floor (CPU) |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name, seconds, cpu in timings:
        lines.append(
            f"| {name} | {seconds:.2f} | {n / seconds:,.0f} | {seconds / n * 1e6:.1f} "
            f"| {seconds / floor:.1f} | {cpu / seconds * 100:.0f} | {cpu / n * 1e6:.1f} "
            f"| {cpu / floor_cpu:.1f} |"
        )
    return "\n".join(lines)


def profile(inputs: Inputs, lines: int) -> None:
    """pyinstrument over the full pipeline, as a call tree.

    Its flat view is not printed: it merges the self time of every file called ``planner.py``,
    and this one shares that name with ``afterword/rules/planner.py``.
    """
    from pyinstrument import Profiler

    profiler = Profiler(interval=0.0002)
    profiler.start()
    stage_full(inputs)
    profiler.stop()
    RESULTS.mkdir(exist_ok=True)
    saved = RESULTS / "full_pipeline.prof"  # *.prof is git-ignored; `pyinstrument --load` reads it
    profiler.last_session.save(str(saved))  # type: ignore[union-attr]
    print(f"\n## Profile: full pipeline over {len(inputs.texts):,} cases (saved to {saved})\n")
    print("```")
    tree = profiler.output_text(unicode=True, show_all=False)
    print("\n".join(tree.splitlines()[:lines]))
    print("```")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=3, help="runs per stage; the best counts")
    parser.add_argument("--profile", action="store_true", help="pyinstrument the full pipeline")
    parser.add_argument("--profile-cases", type=int, default=10_000)
    parser.add_argument("--profile-lines", type=int, default=60)
    args = parser.parse_args(argv)

    pinned = pin_to_one_core()
    print(f"Python {platform.python_version()} ({sys.executable})")
    print(f"CPU: {cpu_model()}; {os.cpu_count()} logical CPUs, {pinned}; single process")

    started = time.perf_counter()
    texts = generate_cases(args.cases, args.seed)
    generated = time.perf_counter() - started
    size = sum(len(text.encode()) for text in texts) / len(texts)
    print(
        f"Generated {len(texts):,} cases (seed {args.seed}, {size:,.0f} bytes each on average) "
        f"in {generated:.1f} s, not timed below"
    )

    # Validating every case up front proves they are all valid (case_from_json raises otherwise)
    # and gives the planner-only stage its input; planning them all, untimed, fills the holiday
    # table cache (calendar.holiday_dates, one entry per country, subdivision and year) and every
    # other lazy cache, so that each stage measures the warm steady state of a long-running
    # server, not the one-off cost of building holiday tables.
    cases = [case_from_json(text) for text in texts]
    plans = [plan(case, case.now) for case in cases]  # type: ignore[arg-type]
    decided = sum(result.status == "decided" for result in plans)
    print(
        f"Warm-up: all {len(cases):,} cases validated and planned once, untimed; holiday tables "
        f"cached ({decided / len(plans):.0%} of cases are decided)"
    )
    inputs = Inputs(texts, cases, plans)
    # The inputs live for the whole run; freezing them keeps them out of the garbage collector's
    # full passes, which would otherwise bill every stage for scanning them.
    gc.collect()
    gc.freeze()

    load_before = os.getloadavg()
    timings = []
    for name, stage in STAGES:
        seconds, cpu = best_of(stage, inputs, args.repeat)
        timings.append((name, seconds, cpu))
        print(f"  {name}: {seconds:.2f} s", file=sys.stderr, flush=True)
    load_after = os.getloadavg()

    print(
        f"\nBest of {args.repeat} runs per stage, {args.cases:,} cases; 1-minute load average "
        f"{load_before[0]:.2f} before, {load_after[0]:.2f} after ({os.cpu_count()} CPUs):\n"
    )
    print(table(timings, args.cases))
    full_per_second = args.cases / timings[1][1]
    verdict = "meets" if full_per_second >= TARGET_PER_SECOND else "is below"
    print(
        f"\nFull pipeline: {full_per_second:,.0f} plans per second, "
        f"{verdict} the target of {TARGET_PER_SECOND:,}."
    )
    # What no faster output or validation of ours could remove: pydantic reading the contract's
    # models, and the planner itself.
    floor_cpu = timings[0][2]
    library, planner = timings[LIBRARY_ROW][2] / floor_cpu, timings[PLANNER_ROW][2] / floor_cpu
    print(
        f"pydantic reading the contract's models ({library:.1f}x) plus the planner alone "
        f"({planner:.1f}x) come to {library + planner:.1f}x the floor (CPU) before any output; "
        "goal for the whole pipeline: 5x."
    )

    if args.profile:
        gc.unfreeze()
        count = args.profile_cases
        profile(Inputs(texts[:count], cases[:count], plans[:count]), args.profile_lines)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
