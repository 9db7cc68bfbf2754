"""Mutation check of the check-in rules: does tests/rules notice a one-line bug?

Each mutant changes one line of ``src/afterword/rules/check_ins.py`` in a temporary copy of the
repository's files (the files in the repository itself are never written), runs ``tests/rules``
against that copy and reports the mutant *caught* (a test failed) or *survived* (every test
still passed). An unchanged copy runs first: if it does not pass, the table would mean nothing.

Run from anywhere, with the project's interpreter:

    .venv/bin/python scripts/mutants.py
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = Path("src/afterword/rules/check_ins.py")
TESTS = "tests/rules"


@dataclass(frozen=True)
class Mutant:
    name: str
    original: str
    mutated: str


MUTANTS = (
    Mutant(
        "F1: a check-in on the decision date itself is allowed (<= becomes <)",
        "if decision is not None and nxt.day <= decision:",
        "if decision is not None and nxt.day < decision:",
    ),
    Mutant(
        "F7: a check-in exactly 60 days on is dropped (> becomes >=)",
        "if nxt.day > horizon:",
        "if nxt.day >= horizon:",
    ),
    Mutant(
        "F7: the horizon is 61 days (60 becomes 61)",
        "GIVE_UP_AFTER = timedelta(days=60)",
        "GIVE_UP_AFTER = timedelta(days=61)",
    ),
    Mutant(
        "F7: four unanswered check-ins before stopping (3 becomes 4)",
        "MAX_UNANSWERED_CHECK_INS = 3",
        "MAX_UNANSWERED_CHECK_INS = 4",
    ),
    Mutant(
        "F7: the horizon counts from the earliest named date (max becomes min)",
        "horizon = max(named_dates) + GIVE_UP_AFTER",
        "horizon = min(named_dates) + GIVE_UP_AFTER",
    ),
)


def mutate(source: str, mutant: Mutant) -> str:
    """The source with the mutant's one line changed; refuses a line that is not there once."""
    count = source.count(mutant.original)
    if count != 1:
        raise SystemExit(f"{mutant.name}: expected the line once in {TARGET}, found it {count}x")
    return source.replace(mutant.original, mutant.mutated)


def run_tests(copy: Path) -> int:
    """Run tests/rules against the copy; pytest's exit status (0 passed, 1 a test failed)."""
    env = {**os.environ, "PYTHONPATH": str(copy / "src")}
    command = [sys.executable, "-m", "pytest", "-q", "-x", "-p", "no:cacheprovider", TESTS]
    done = subprocess.run(command, cwd=copy, env=env, capture_output=True, text=True)
    return done.returncode


def imported_from(copy: Path) -> Path:
    """Where the child process finds check_ins.py: it must be the copy, not the repository."""
    env = {**os.environ, "PYTHONPATH": str(copy / "src")}
    code = "import afterword.rules.check_ins as m; print(m.__file__)"
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=copy, env=env, capture_output=True, text=True, check=True
    )
    return Path(done.stdout.strip()).resolve()


def make_copy(destination: Path) -> None:
    """Copy the files git tracks or would track (tests read schema/ and examples/ too)."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        check=True,
    )
    for name in filter(None, listed.stdout.decode().split("\0")):
        source = ROOT / name
        if source.is_file():
            (destination / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, destination / name)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def main() -> int:
    before = digest(ROOT / TARGET)
    with tempfile.TemporaryDirectory(prefix="afterword-mutants-") as tmp:
        copy = Path(tmp)
        make_copy(copy)
        target = copy / TARGET
        if imported_from(copy) != target.resolve():
            raise SystemExit(f"the tests would not import the copy at {target}")
        original = target.read_text()
        if run_tests(copy) != 0:
            raise SystemExit(f"{TESTS} fails without any mutant: fix that first")

        rows = []
        for mutant in MUTANTS:
            mutated = mutate(original, mutant)
            try:
                target.write_text(mutated)
                status = run_tests(copy)
            finally:
                target.write_text(original)
            verdict = {0: "survived", 1: "caught"}.get(status, f"error (pytest exit {status})")
            rows.append((mutant.name, verdict))
            print(f"{verdict:<9} {mutant.name}", flush=True)

    if digest(ROOT / TARGET) != before:
        raise SystemExit(f"{TARGET} changed during the run")
    caught = sum(verdict == "caught" for _, verdict in rows)
    print(f"\n{caught} of {len(rows)} mutants caught by {TESTS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
