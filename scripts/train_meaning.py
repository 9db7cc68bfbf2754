"""Train the learned reading of replies and write its weights as a Python module.

    PYTHONPATH=src /work/main/.venv/bin/python scripts/train_meaning.py [--check]

Trains a multinomial naive Bayes classifier (afterword/reading/meaning_learned.py) on the TUNE
half of tests/reading/corpus/meaning only, plus the extra sentences in train_extra.jsonl; the
test half is never read here. Writes src/afterword/reading/meaning_model.py. The run is
deterministic, so tests/reading/test_meaning_model.py can check the module matches a fresh run;
--check does the same here and exits 1 on a difference.

1. Every record's text is cut into features (words, pairs of words, four-letter pieces).
2. A feature seen in fewer than MIN_RECORDS records is dropped: one email's quirk is not a sign.
3. Each class gets log P(feature | class) with add-ALPHA smoothing, and log P(class).
4. Weights are centred per feature (the mean over classes taken off), which changes no
   comparison between classes, so a feature whose centred weights are all near zero can be
   dropped without changing the answers much; the rest are rounded to two decimals to keep the
   module small enough to review.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections import Counter
from pathlib import Path

from afterword.reading.meaning_learned import CLASSES, features

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "reading" / "corpus" / "meaning"
MODULE = ROOT / "src" / "afterword" / "reading" / "meaning_model.py"
SOURCES = ("tune.jsonl", "train_extra.jsonl")

ALPHA = 0.5
MIN_RECORDS = 5
MIN_SPREAD = 1.5  # a feature whose weights differ by less than this between classes is dropped
DECIMALS = 2

Model = tuple[tuple[float, ...], dict[str, tuple[float, ...]]]


def load_training() -> list[tuple[str, str]]:
    """(text, meaning) of every training record: the tune half and the extra sentences."""
    records: list[tuple[str, str]] = []
    for name in SOURCES:
        path = CORPUS / name
        if not path.exists():
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                records.append((str(row["text"]), str(row["meaning"])))
    return records


def train(records: list[tuple[str, str]]) -> Model:
    """Priors and centred, pruned, rounded weights per feature (see the module's steps)."""
    counts = {name: Counter[str]() for name in CLASSES}
    seen_in = Counter[str]()
    per_class = Counter(meaning for _, meaning in records)
    for text, meaning in records:
        found = features(text)
        counts[meaning].update(found)
        seen_in.update(set(found))
    vocabulary = sorted(feature for feature, records_with in seen_in.items()
                        if records_with >= MIN_RECORDS)  # fmt: skip
    totals = {name: sum(counts[name][feature] for feature in vocabulary) for name in CLASSES}
    size = len(vocabulary)
    weights: dict[str, tuple[float, ...]] = {}
    for feature in vocabulary:
        row = [
            math.log((counts[name][feature] + ALPHA) / (totals[name] + ALPHA * size))
            for name in CLASSES
        ]
        mean = sum(row) / len(row)
        centred = tuple(round(value - mean, DECIMALS) + 0.0 for value in row)
        if max(centred) - min(centred) >= MIN_SPREAD:
            weights[feature] = centred
    priors = [math.log(per_class[name] / len(records)) for name in CLASSES]
    mean = sum(priors) / len(priors)
    return tuple(round(value - mean, DECIMALS) + 0.0 for value in priors), weights


def render(model: Model, records: int) -> str:
    """The source of meaning_model.py for a trained model."""
    priors, weights = model
    lines = [
        '"""Weights of the learned reading of replies (meaning_learned.py).',
        "",
        f"GENERATED, do not edit: scripts/train_meaning.py wrote it from {records} records of",
        "the tune half and train_extra.jsonl; tests/reading/test_meaning_model.py checks it",
        "matches a fresh run.",
        f"Classes in order: {', '.join(CLASSES)}.",
        '"""',
        "",
        "from __future__ import annotations",
        "",
        f"PRIORS: tuple[float, ...] = {priors!r}",
        "",
        "WEIGHTS: dict[str, tuple[float, ...]] = {",
    ]
    # Double quotes and plain UTF-8, as ruff format writes them, so the module stays as written.
    for feature, row in weights.items():
        lines.append(f"    {json.dumps(feature, ensure_ascii=False)}: {row!r},")
    lines += ["}", ""]
    return "\n".join(lines)


def fresh_module() -> str:
    """The module a training run writes now."""
    records = load_training()
    return render(train(records), len(records))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare, do not write")
    options = parser.parse_args(argv)
    source = fresh_module()
    if options.check:
        same = MODULE.read_text(encoding="utf-8") == source
        print("meaning_model.py matches a fresh run" if same else "meaning_model.py is stale")
        return 0 if same else 1
    MODULE.write_text(source, encoding="utf-8")
    print(f"wrote {MODULE.relative_to(ROOT)}: {source.count(chr(10))} lines")
    return 0


if __name__ == "__main__":
    sys.exit(main())
