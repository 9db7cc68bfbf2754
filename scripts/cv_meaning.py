"""Cross-validate the reply reader: each batch of the tune half read by a model that never saw it.

    PYTHONPATH=src /work/main/.venv/bin/python scripts/cv_meaning.py [--batch test7] [--misses]

The tune half is the union of batches written at different times (ids "tune-", "test-",
"test2-" ...). For each batch, the classifier is retrained on the other batches only, and the
batch is read by the rules with that classifier: an estimate of how the hybrid reads mail its
classifier has not learned (the rules were still tuned on every batch, so it flatters them).
The test half is never read here.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import meaning as bench
import train_meaning

from afterword.reading import meaning as reader


def batch_of(record: dict[str, object]) -> str:
    """The batch a tune record came from: the part of its id before the number."""
    return str(record["id"]).rsplit("-", 1)[0]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--batch", action="append", help="only these batches (repeatable)")
    parser.add_argument("--misses", action="store_true", help="list every wrong reading")
    options = parser.parse_args(argv)
    records = bench.load("tune")
    batches = sorted({batch_of(record) for record in records})
    saved = (reader.PRIORS, reader.WEIGHTS)
    everything: list[dict[str, object]] = []
    combined = bench.Figures()
    for batch in options.batch or batches:
        held = [record for record in records if batch_of(record) == batch]
        rest = [(str(r["text"]), str(r["meaning"])) for r in records if batch_of(r) != batch]
        reader.PRIORS, reader.WEIGHTS = train_meaning.train(rest)
        figures = bench.measure(held)
        bench.report(f"{batch} (classifier without it)", figures, options.misses)
        everything += held
        combined.records += figures.records
        for name in bench.CLASSES:
            combined.right[name] += figures.right[name]
            combined.expected[name] += figures.expected[name]
            combined.predicted[name] += figures.predicted[name]
        combined.dates_total += figures.dates_total
        combined.dates_exact += figures.dates_exact
        combined.dates_last_day += figures.dates_last_day
        combined.high += figures.high
        combined.high_wrong += figures.high_wrong
        combined.rejection_as_positive_high += figures.rejection_as_positive_high
    reader.PRIORS, reader.WEIGHTS = saved
    bench.report("all batches, each read without itself", combined, misses=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
