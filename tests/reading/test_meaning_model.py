"""The generated weights module: it matches a fresh training run on the tune half only."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

from afterword.reading import meaning_model
from afterword.reading.meaning_learned import CLASSES

SCRIPT = Path(__file__).parent.parent.parent / "scripts" / "train_meaning.py"


def _training_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("train_meaning", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("train_meaning", module)
    spec.loader.exec_module(module)
    return module


def test_the_generated_module_matches_a_fresh_training_run() -> None:
    """meaning_model.py is exactly what scripts/train_meaning.py writes now: it cannot drift."""
    script = _training_script()

    fresh = script.fresh_module()

    assert Path(meaning_model.__file__).read_text(encoding="utf-8") == fresh


def test_training_reads_the_tune_half_and_never_the_test_half() -> None:
    """The classifier learns from tune.jsonl (and extra sentences), not from what is scored."""
    script = _training_script()

    sources = script.SOURCES

    assert "tune.jsonl" in sources and not any("test" in name for name in sources)


def test_the_weights_cover_every_class_and_stay_a_reviewable_size() -> None:
    """One weight per class for each kept feature, and few enough features to read through."""

    rows = meaning_model.WEIGHTS.values()

    assert len(meaning_model.PRIORS) == len(CLASSES)
    assert all(len(row) == len(CLASSES) for row in rows)
    # The kept features grow with the tune half (2,008 replies: about 7,700).
    assert 500 < len(meaning_model.WEIGHTS) < 8500
