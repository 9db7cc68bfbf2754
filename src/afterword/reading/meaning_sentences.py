"""A reply cut into sentences, and the words of one quoted as evidence.

Hard-wrapped lines are joined back into sentences first, so a negation on one line still reaches
the cue on the next; typographic quotes and dashes become plain ones the cue lists expect.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["EVIDENCE_LIMIT", "quote", "split_sentences"]

EVIDENCE_LIMIT = 200

_ABBREVIATIONS = re.compile(
    # ... and a German ordinal: "bis zum 20. Juni" is one sentence.
    r"(?:\b(?:mr|mrs|ms|dr|prof|sr|sra|st|jr|dipl|ing|mme|mlle|m|nr|no|vs|etc|e\.g|i\.e|approx)"
    r"|\b\d{1,2})\.$",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
_SHORT_LINE = 50


def split_sentences(text: str) -> list[str]:
    """The text's sentences, whitespace tidied; hard-wrapped lines are joined first."""
    text = unicodedata.normalize("NFC", text)
    text = text.translate(_TYPOGRAPHY)
    sentences: list[str] = []
    for paragraph in _paragraphs(text):
        pieces = _SENTENCE_END.split(paragraph)
        merged: list[str] = []
        for piece in pieces:
            if merged and _ABBREVIATIONS.search(merged[-1]):
                merged[-1] = f"{merged[-1]} {piece}"
            else:
                merged.append(piece)
        sentences.extend(piece for piece in merged if piece.strip())
    return sentences


_TYPOGRAPHY = str.maketrans(
    {
        "\u2019": "'",
        "\u2018": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2013": "-",
        "\u2014": "-",
        "\u00a0": " ",
        "\u202f": " ",
    }
)


def _paragraphs(text: str) -> list[str]:
    """Lines joined into paragraphs: a line ends one only when it is short or ends a sentence.

    A greeting ("Hi Sam,") or a sign-off is its own line; a line wrapped at 72 characters in
    the middle of a sentence is joined to the next.
    """
    paragraphs: list[str] = []
    current: list[str] = []
    for raw in text.splitlines():
        line = " ".join(raw.split())
        if not line:
            if current:
                paragraphs.append(" ".join(current))
                current = []
            continue
        current.append(line)
        if len(line) < _SHORT_LINE or line[-1] in ".!?:;,":
            paragraphs.append(" ".join(current))
            current = []
    if current:
        paragraphs.append(" ".join(current))
    return paragraphs


def quote(sentence: str, start: int, end: int) -> str:
    """The sentence, or a window of it around [start, end) if it is longer than the limit."""
    if len(sentence) <= EVIDENCE_LIMIT:
        return sentence
    middle = (start + end) // 2
    left = max(0, min(middle - EVIDENCE_LIMIT // 2, len(sentence) - EVIDENCE_LIMIT))
    return sentence[left : left + EVIDENCE_LIMIT].strip()
