"""The issue's goals on the test half of the labelled corpus (never used to tune the reader):
at least 90 % right in every class and every field, and no person's message dropped."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from afterword.reading.fetched import fetched_from_bytes
from afterword.reading.reading import read

CORPUS = Path(__file__).parent / "corpus"
CLASSES = ("away", "human", "bounce", "bulk")
FIELDS = ("kind", "back_on", "bounced")


def readings(name: str) -> list[tuple[str, dict, dict]]:
    found = []
    for path in sorted((CORPUS / name / "test").glob("*.eml")):
        side = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        args = side["args"]
        result = read(
            fetched_from_bytes(path.read_bytes()),
            country=args["country"],
            language=args.get("language"),
        ).to_json()
        found.append((path.name, side["expected"], result))
    return found


@pytest.mark.parametrize("name", CLASSES)
def test_every_field_is_right_for_at_least_90_percent_of_each_class(name: str):
    """kind, back_on and bounced, each on its own, per class."""
    results = readings(name)

    wrong = {
        field: [file for file, expected, got in results if got[field] != expected[field]]
        for field in FIELDS
    }

    assert len(results) >= 6
    for field, files in wrong.items():
        assert len(files) <= 0.1 * len(results), f"{name}.{field} wrong in {files}"


def test_no_persons_message_is_dropped():
    """Every human message in the test half is read as a reply."""
    dropped = [file for file, _, got in readings("human") if got["kind"] != "reply"]

    assert dropped == []


def test_the_corpus_is_as_large_as_the_issue_asks():
    """At least 60 away notices and 40 people's messages in all."""
    counts = {name: len(list((CORPUS / name).glob("*/*.eml"))) for name in CLASSES}

    assert counts["away"] >= 60 and counts["human"] >= 40 and counts["bounce"] >= 30
