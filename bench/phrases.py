"""How well `afterword when` reads timing phrases, measured on our hand-labelled corpus.

Run from the repository root:

    PYTHONPATH=src .venv/bin/python bench/phrases.py
    PYTHONPATH=src .venv/bin/python bench/phrases.py --misses tune   # the tune half's misses
    PYTHONPATH=src .venv/bin/python bench/phrases.py --half test3     # another half by name

For each half (tests/rules/corpus/phrases_{tune,test}.jsonl unless --half names others) it
prints, over its English phrases (`afterword when` reads English; the rows of other languages,
marked "language", are read inside replies by bench/phrases_in_replies.py):

- understood: phrases given a date range;
- right: the range worked out by hand, or a refusal where the corpus says "refused";
- wrong: a range that differs from the hand-worked one, or any range for a phrase that must be
  refused (a wrong date is worse than a refusal);
- refused: phrases that have an answer but were refused (not understood);
- phrases per second, the best of a few timed passes over the half after one untimed pass.

The rules are tuned on the tune half only; list the test half's misses only to report them.
"""

from __future__ import annotations

import argparse
import gc
import json
import sys
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from afterword.rules.phrases import DateRange, PhraseError, parse_phrase

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "rules" / "corpus"
HALVES = ("tune", "test")


def half_names() -> list[str]:
    """Every half in the corpus directory: phrases_<half>.jsonl."""
    return sorted(path.stem.removeprefix("phrases_") for path in CORPUS.glob("phrases_*.jsonl"))


@dataclass(frozen=True, slots=True)
class Labelled:
    phrase: str
    reference: date
    country: str
    subdivision: str | None
    expected: DateRange | None  # None: the phrase must be refused
    language: str = "en"
    reply: str | None = None  # the phrase inside a reply, when it does not fit the template
    reply_expected: DateRange | None = None  # when the reply words it as a deadline


def load(half: str) -> list[Labelled]:
    rows = []
    for line in (CORPUS / f"phrases_{half}.jsonl").read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        expected = None
        if not row.get("refused"):
            expected = DateRange(date.fromisoformat(row["from"]), date.fromisoformat(row["to"]))
        rows.append(
            Labelled(
                row["phrase"],
                date.fromisoformat(row["reference"]),
                row["country"],
                row.get("subdivision"),
                expected,
                row.get("language", "en"),
                row.get("reply"),
                _range(row.get("reply_from"), row.get("reply_to")),
            )
        )
    return rows


def _range(start: str | None, end: str | None) -> DateRange | None:
    if start is None or end is None:
        return None
    return DateRange(date.fromisoformat(start), date.fromisoformat(end))


def answer(row: Labelled) -> DateRange | None:
    try:
        return parse_phrase(row.phrase, row.reference, row.country, row.subdivision)
    except PhraseError:
        return None


@dataclass(slots=True)
class Score:
    total: int = 0
    understood: int = 0
    right: int = 0
    wrong: int = 0
    refused: int = 0  # refused although the phrase has an answer


def verdict(row: Labelled, got: DateRange | None) -> str:
    if got is None:
        return "right" if row.expected is None else "refused"
    return "right" if got == row.expected else "wrong"


def score(rows: list[Labelled]) -> tuple[Score, list[tuple[Labelled, DateRange | None, str]]]:
    result, misses = Score(), []
    for row in rows:
        got = answer(row)
        result.total += 1
        result.understood += got is not None
        outcome = verdict(row, got)
        setattr(result, outcome, getattr(result, outcome) + 1)
        if outcome != "right":
            misses.append((row, got, outcome))
    return result, misses


def phrases_per_second(rows: list[Labelled], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        gc.collect()
        started = time.perf_counter()
        for row in rows:
            answer(row)
        best = min(best, time.perf_counter() - started)
    return len(rows) / best


def show(value: DateRange | None) -> str:
    return "refused" if value is None else f"{value.start} .. {value.end}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="timed passes; the best counts")
    parser.add_argument("--misses", choices=half_names(), help="list this half's misses")
    parser.add_argument(
        "--half", action="append", choices=half_names(), help="halves to read (default: both)"
    )
    args = parser.parse_args()

    print(f"{'half':<6}{'phrases':>8}{'understood':>12}{'right':>8}{'wrong':>8}{'refused':>9}"
          f"{'wrong %':>9}{'phrases/s':>11}")  # fmt: skip
    for half in args.half or HALVES:
        every = load(half)
        rows = [row for row in every if row.language == "en"]
        if len(rows) < len(every):
            print(f"({half}: {len(every) - len(rows)} phrases of other languages left out)")
        result, misses = score(rows)  # also the untimed warm-up: holiday tables, imports
        speed = phrases_per_second(rows, args.repeat)
        print(
            f"{half:<6}{result.total:>8}{result.understood:>12}{result.right:>8}{result.wrong:>8}"
            f"{result.refused:>9}{100 * result.wrong / result.total:>8.1f}%{speed:>11,.0f}"
        )
        if args.misses == half:
            for row, got, outcome in misses:
                print(
                    f"  {outcome:<8} {row.phrase!r} {row.reference} {row.country}: "
                    f"got {show(got)}, expected {show(row.expected)}",
                    file=sys.stderr,
                )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
