"""The planner pipeline's output for all benchmark cases, as one SHA-256: a change that makes
the pipeline faster must leave this hash as it was (byte-identical plans).

    PYTHONPATH=src .venv/bin/python bench/planner_output.py            # 100,000 cases, seed 1
    PYTHONPATH=src .venv/bin/python bench/planner_output.py --expect -  # compare with EXPECTED

Each case of bench/cases.py (the planner benchmark's cases) goes through the full pipeline,
``case_from_json(text)`` then ``plan(case, case.now).to_json_text()``, and the plan texts, one per
line, are hashed in order. EXPECTED is the hash of the planner after issue 15 changed what a snooze
means (bench/README.md, "Planner output"): the issue 14 work reproduces it byte for byte.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from cases import generate_cases

from afterword.rules import case_from_json, plan

EXPECTED = "c034cc0fb6f60c027dda0e3d4f024c53f27a0d1456646acca790342aff97ecfe"


def output_hash(texts: list[str]) -> str:
    digest = hashlib.sha256()
    for text in texts:
        case = case_from_json(text)
        digest.update(plan(case, case.now).to_json_text(None).encode())  # type: ignore[arg-type]
        digest.update(b"\n")
    return digest.hexdigest()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--expect", help="the hash to compare with; - for EXPECTED")
    options = parser.parse_args()
    started = time.perf_counter()
    found = output_hash(generate_cases(options.cases, options.seed))
    print(
        f"{options.cases:,} plans (seed {options.seed}): sha256 {found} "
        f"({time.perf_counter() - started:.0f} s)"
    )
    if options.expect:
        expected = EXPECTED if options.expect == "-" else options.expect
        same = found == expected
        print("the same as expected" if same else f"DIFFERENT from the expected {expected}")
        return 0 if same else 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
