"""A small learned reading of a reply, for when the listed cues find nothing firm.

A multinomial naive Bayes classifier over words, word pairs and four-letter pieces of words,
trained by ``scripts/train_meaning.py`` on the tune half of our corpus only; its weights live in
the generated module ``meaning_model.py``. Pure: no file is read at call time.

The rules keep every "high" reading. This classifier only decides where they found no firm cue,
and its answer is always "low": it is a guess the user confirms, never a reading to act on.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from itertools import pairwise

__all__ = ["CLASSES", "best_class", "features", "scores"]

CLASSES = ("offer", "rejection", "next_round", "no_decision", "other")

_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")
_PIECE = 4  # letters per word piece: "entscheid", "décid", "decid" share pieces
_TYPOGRAPHY = str.maketrans({"\u2019": "'", "\u2018": "'"})


def words_of(text: str) -> list[str]:
    """The text's words, lower case, apostrophes kept inside a word ("won't")."""
    text = unicodedata.normalize("NFC", text).translate(_TYPOGRAPHY).lower()
    return _WORD.findall(text)


def features(text: str) -> list[str]:
    """The features the classifier counts: words, pairs of words and pieces of words.

    A pair keeps a negation with what it negates ("not selected"); a piece lets one stem match
    its other forms and languages ("entscheid" in "Entscheidung", "entschieden").
    """
    words = words_of(text)
    found = [f"w {word}" for word in words]
    found += [f"p {first} {second}" for first, second in pairwise(words)]
    for word in words:
        padded = f"<{word}>"
        if len(padded) > _PIECE:
            found += [f"c {padded[at : at + _PIECE]}" for at in range(len(padded) - _PIECE + 1)]
    return found


def scores(
    text: str,
    priors: Sequence[float],
    weights: Mapping[str, Sequence[float]],
) -> list[float]:
    """The log score of each class (in CLASSES order); features without a weight are skipped."""
    totals = list(priors)
    for feature in features(text):
        row = weights.get(feature)
        if row is None:
            continue
        for index, weight in enumerate(row):
            totals[index] += weight
    return totals


def best_class(
    text: str, priors: Sequence[float], weights: Mapping[str, Sequence[float]]
) -> tuple[str, float]:
    """The class with the highest score, and its lead over the runner-up."""
    totals = scores(text, priors, weights)
    ranked = sorted(range(len(CLASSES)), key=lambda index: (-totals[index], index))
    return CLASSES[ranked[0]], totals[ranked[0]] - totals[ranked[1]]
