"""How well replies are read: per-class precision and recall on our labelled employer emails.

    PYTHONPATH=src .venv/bin/python bench/meaning.py [--half test|tune|both] [--misses]

The corpus is tests/reading/corpus/meaning/{test,tune}.jsonl: employer emails we wrote and
labelled ourselves. The rules are tuned on the tune half only; the test half is what counts.
For each half this prints precision and recall per class, the share of "no decision yet"
replies whose decision range is read exactly (and whose last day is), how often a "high"
reading is wrong, and the count of rejections read as an offer or a next round with high
confidence (the goal is 0). --misses lists every wrong reading of the halves shown.
--novel J also reports the test half without the replies whose words overlap a tune reply's by
J or more (Jaccard of their word sets): near-copies of training mail say little about new mail.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from afterword.reading.meaning import MeaningReading, read_meaning
from afterword.reading.meaning_learned import words_of

CORPUS = Path(__file__).parent.parent / "tests" / "reading" / "corpus" / "meaning"
CLASSES = ("offer", "rejection", "next_round", "no_decision", "other")
GOAL = 0.90


@dataclass
class Figures:
    """Counts for one half of the corpus."""

    records: int = 0
    right: dict[str, int] = field(default_factory=lambda: dict.fromkeys(CLASSES, 0))
    expected: dict[str, int] = field(default_factory=lambda: dict.fromkeys(CLASSES, 0))
    predicted: dict[str, int] = field(default_factory=lambda: dict.fromkeys(CLASSES, 0))
    dates_total: int = 0
    dates_exact: int = 0
    dates_last_day: int = 0
    high: int = 0
    high_wrong: int = 0
    rejection_as_positive_high: int = 0
    misses: list[str] = field(default_factory=list)


def load(half: str) -> list[dict[str, object]]:
    """The records of one half, in file order."""
    lines = (CORPUS / f"{half}.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def read(record: dict[str, object]) -> MeaningReading:
    """Our reading of one record's text."""
    return read_meaning(
        str(record["text"]),
        sent_on=date.fromisoformat(str(record["sent_on"])),
        country=str(record["country"]),
        subdivision=record["subdivision"] if isinstance(record["subdivision"], str) else None,
        language=str(record["language"]),
    )


def _day(value: object) -> date | None:
    return date.fromisoformat(value) if isinstance(value, str) else None


def measure(records: list[dict[str, object]]) -> Figures:
    """Read every record and count what was right."""
    figures = Figures(records=len(records))
    for record in records:
        reading = read(record)
        expected = str(record["meaning"])
        figures.expected[expected] += 1
        figures.predicted[reading.meaning] += 1
        right = reading.meaning == expected
        figures.right[expected] += right
        if reading.confidence == "high":
            figures.high += 1
            figures.high_wrong += not right
        if (
            expected == "rejection"
            and reading.meaning in ("offer", "next_round")
            and reading.confidence == "high"
        ):
            figures.rejection_as_positive_high += 1
        dates_ok = True
        if expected == "no_decision":
            wanted = (_day(record["decision_from"]), _day(record["decision_to"]))
            got = (reading.decision_from, reading.decision_to)
            figures.dates_total += 1
            dates_ok = right and got == wanted
            figures.dates_exact += dates_ok
            figures.dates_last_day += right and got[1] == wanted[1]
        if not right or not dates_ok:
            got_dates = f" {reading.decision_from}..{reading.decision_to}"
            figures.misses.append(
                f"{record['id']} [{record['language']}] expected {expected}"
                f" {record['decision_from']}..{record['decision_to']}, read {reading.meaning}"
                f" ({reading.confidence}){got_dates if reading.decision_to else ''}:"
                f" {reading.evidence or str(record['text'])[:100]!r}"
            )
    return figures


def _share(part: int, whole: int) -> str:
    return f"{part}/{whole} = {part / whole:6.1%}" if whole else f"{part}/0"


def report(half: str, figures: Figures, misses: bool) -> bool:
    """Print one half's figures; True when every goal is met."""
    print(f"\n== {half} half: {figures.records} replies")
    print(f"{'class':<12} {'precision':>20} {'recall':>20}")
    met = True
    for name in CLASSES:
        precision = _share(figures.right[name], figures.predicted[name])
        recall = _share(figures.right[name], figures.expected[name])
        print(f"{name:<12} {precision:>20} {recall:>20}")
        for part, whole in ((figures.right[name], figures.predicted[name]),
                            (figures.right[name], figures.expected[name])):  # fmt: skip
            met &= whole > 0 and part / whole >= GOAL
    total_right = sum(figures.right.values())
    print(f"{'all':<12} {'':>20} {_share(total_right, figures.records):>20}")
    print(f"decision range exact:  {_share(figures.dates_exact, figures.dates_total)}")
    print(f"decision last day:     {_share(figures.dates_last_day, figures.dates_total)}")
    print(f"high confidence wrong: {_share(figures.high_wrong, figures.high)}")
    print(f"rejections read as offer/next_round with high confidence: "
          f"{figures.rejection_as_positive_high} (goal 0)")  # fmt: skip
    met &= figures.dates_total > 0 and figures.dates_exact / figures.dates_total >= GOAL
    met &= figures.rejection_as_positive_high == 0
    print(f"goals (>= {GOAL:.0%} precision and recall per class and dates, 0 such rejections):"
          f" {'met' if met else 'NOT met'}")  # fmt: skip
    if misses:
        for line in figures.misses:
            print("  miss:", line)
    return met


def novel(
    records: list[dict[str, object]], known: list[dict[str, object]], limit: float
) -> list[dict[str, object]]:
    """The records whose word sets overlap every known record's by less than ``limit``."""
    known_words = [set(words_of(str(record["text"]))) for record in known]

    def overlap(record: dict[str, object]) -> float:
        words = set(words_of(str(record["text"])))
        return max(len(words & other) / len(words | other) for other in known_words)

    return [record for record in records if overlap(record) < limit]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--half", choices=("test", "tune", "both"), default="both")
    parser.add_argument("--misses", action="store_true", help="list every wrong reading")
    parser.add_argument(
        "--novel", type=float, metavar="J", help="also: test half without near-copies"
    )
    options = parser.parse_args(argv)
    halves = ("test", "tune") if options.half == "both" else (options.half,)
    for half in halves:
        report(half, measure(load(half)), options.misses)
    if options.novel is not None:
        kept = novel(load("test"), load("tune"), options.novel)
        report(f"test (overlap with tune < {options.novel})", measure(kept), misses=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
