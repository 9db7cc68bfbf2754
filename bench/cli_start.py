"""How long `afterword plan` on one case takes as a whole process, next to `python -c pass`.

    PYTHONPATH=src .venv/bin/python bench/cli_start.py [--runs 30]

Each run is a new process, exactly as a shell starts the `afterword` console script
(``from afterword.cli_main import main; main()``, pyproject.toml's entry point) on
examples/northwind-waiting.json with JSON output (stdout is a pipe). The two commands
alternate, so that a busy moment of the machine hits both; the medians and the ratio are
reported, with each one's user+system CPU time (from ``os.wait4``), which other work on the
machine inflates far less than wall time. The run also lists which of Django, Jinja2,
dateparser, Rich and Typer the plan process loaded (goal: none).

A third process, timed the same way, is the contract's library on its own: a pydantic model of
one field, defined and validated once from JSON, with plugins off as ``afterword plan`` runs.
No pydantic-validated command can start faster than that, so its ratio says how much of the
goal the library alone uses up.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CASE = ROOT / "examples" / "northwind-waiting.json"
SCRIPT = "import sys; from afterword.cli_main import main; sys.exit(main())"
PYDANTIC_ALONE = (
    "import os; os.environ['PYDANTIC_DISABLE_PLUGINS'] = '__all__'\n"
    "from pydantic import BaseModel\n"
    "class One(BaseModel):\n"
    "    x: int\n"
    "One.model_validate_json(b'{\"x\": 1}')"
)
WATCHED = ("django", "jinja2", "dateparser", "rich", "typer")
GOAL = 8.0


def bench_env() -> dict[str, str]:
    """The environment of every timed process.

    Without PYTHONDONTWRITEBYTECODE (which some shells and sandboxes set): the untimed first run
    then writes the bytecode caches, as installing the package does, instead of every run
    compiling afterword's modules again (about 12 ms of CPU).
    """
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def one_run(command: list[str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one process."""
    env = bench_env()
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, env=env, cwd=ROOT)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"{command} failed with {process.returncode}")
    return wall, usage.ru_utime + usage.ru_stime


def loaded_modules() -> list[str]:
    probe = (
        "import sys; from afterword.cli_main import main\n"
        f"sys.argv = ['afterword', 'plan', {str(CASE)!r}]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        f"print(sorted({{m.split('.')[0] for m in sys.modules}} & {set(WATCHED)!r}), "
        "file=sys.stderr)"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, env=bench_env(), check=True
    )
    return [line for line in done.stderr.splitlines() if line.startswith("[")]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    options = parser.parse_args()
    floor_cmd = [sys.executable, "-c", "pass"]
    plan_cmd = [sys.executable, "-c", SCRIPT, "plan", str(CASE)]
    library_cmd = [sys.executable, "-c", PYDANTIC_ALONE]
    one_run(plan_cmd)  # warm the file cache and the bytecode caches, untimed
    one_run(library_cmd)
    floors, plans, libraries = [], [], []
    load = os.getloadavg()[0]
    for _ in range(options.runs):
        floors.append(one_run(floor_cmd))
        plans.append(one_run(plan_cmd))
        libraries.append(one_run(library_cmd))
    floor_wall = statistics.median(w for w, _ in floors)
    plan_wall = statistics.median(w for w, _ in plans)
    floor_cpu = statistics.median(c for _, c in floors)
    plan_cpu = statistics.median(c for _, c in plans)
    print(
        f"{options.runs} runs each, alternating; load {load:.2f} before, "
        f"{os.getloadavg()[0]:.2f} after ({os.cpu_count()} CPUs)\n"
    )
    print("| command | median wall ms | median CPU ms | x floor (wall) | x floor (CPU) |")
    print("|---|---:|---:|---:|---:|")
    floor_row = f"{floor_wall * 1000:.0f} | {floor_cpu * 1000:.0f} | 1.0 | 1.0"
    print(f"| floor: `python -c pass` | {floor_row} |")
    ratio = plan_wall / floor_wall
    print(
        f"| `afterword plan` (one case, JSON out) | {plan_wall * 1000:.0f} | "
        f"{plan_cpu * 1000:.0f} | {ratio:.1f} | {plan_cpu / max(floor_cpu, 1e-3):.1f} |"
    )
    library_wall = statistics.median(w for w, _ in libraries)
    library_cpu = statistics.median(c for _, c in libraries)
    print(
        f"| the library alone: a one-field pydantic model validated once | "
        f"{library_wall * 1000:.0f} | {library_cpu * 1000:.0f} | "
        f"{library_wall / floor_wall:.1f} | {library_cpu / max(floor_cpu, 1e-3):.1f} |"
    )
    print(f"\nmodules of {', '.join(WATCHED)} loaded by `afterword plan`: {loaded_modules()[0]}")
    print(f"goal: within {GOAL:.0f}x the floor (wall): {'met' if ratio <= GOAL else 'NOT met'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
