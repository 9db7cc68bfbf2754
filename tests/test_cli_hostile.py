"""Malformed input to every CLI command: exit 2 and a one-line message, never a traceback.

The cases start from the shipped examples; Hypothesis puts hostile values (very deep JSON, huge
integers, year 1 and 9999, NUL bytes, wrong types) at any place in them, and throws in
arguments of the same kind. Any exit but 0 or 2, or an uncaught exception, is a failure.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from afterword.cli import app

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
CASES = [json.loads(path.read_text()) for path in sorted(EXAMPLES.glob("*.json"))]
runner = CliRunner()
CLI = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)

HOSTILE_JSON: list[Any] = [
    None,
    True,
    -1,
    10**400,
    -(10**30),
    1e308,
    "",
    "\x00",
    "٣",
    "x" * 10_000,
    "0001-01-01",
    "9999-12-31",
    "0001-01-01T00:00:00+00:00",
    "9999-12-31T23:59:59+00:00",
    "9999-12-31T23:59:59-12:00",
    "Mars/Olympus_Mons",
    [],
    {},
    [[[[[]]]]],
]
HOSTILE_TEXT = [
    "[" * 100_000,
    '{"a":' * 50_000,
    "1" * 5_000,
    "9" * 50_000,
    '{"employer": "\x00"}',
    "\x00\x00",
    "\ufeff{}",
    '{"now": "9999-12-31T23:59:59+00:00"}',
    "[]",
    "null",
    '"text"',
]


def mutated(case: Any, data: st.DataObject) -> Any:
    """``case`` with one value somewhere inside replaced by a hostile one."""
    if isinstance(case, dict) and case:
        key = data.draw(st.sampled_from(sorted(case)))
        if data.draw(st.booleans()):
            return {**case, key: data.draw(st.sampled_from(HOSTILE_JSON))}
        return {**case, key: mutated(case[key], data)}
    if isinstance(case, list) and case:
        index = data.draw(st.integers(0, len(case) - 1))
        copy = list(case)
        copy[index] = mutated(case[index], data)
        return copy
    return data.draw(st.sampled_from(HOSTILE_JSON))


def hostile_case(data: st.DataObject) -> str:
    if data.draw(st.integers(0, 4)) == 0:
        return data.draw(st.sampled_from(HOSTILE_TEXT))
    return json.dumps(mutated(data.draw(st.sampled_from(CASES)), data))


def assert_clear(result: Any, fine: tuple[int, ...] = (0,)) -> None:
    """Exit ``fine`` (it was fine after all) or 2 with one-line messages, and no traceback."""
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    assert result.exit_code in (*fine, 2), result.output
    if result.exit_code == 2:
        assert result.stderr.startswith("error: ") or result.stderr.startswith("Usage: ")
        assert "Traceback" not in result.stderr


@CLI
@given(st.data())
def test_plan_answers_any_case_without_a_traceback(data: st.DataObject) -> None:
    """``afterword plan -`` with a hostile case: a plan, or exit 2 and a message."""
    result = runner.invoke(app, ["plan", "-", "--format", "json"], input=hostile_case(data))

    assert_clear(result)


@CLI
@given(st.data())
def test_draft_answers_any_case_without_a_traceback(data: st.DataObject) -> None:
    """``afterword draft -`` with a hostile case or action index: drafts, or exit 2."""
    action = data.draw(st.sampled_from(["0", "-1", "99999999999999999999", "٣"]))

    result = runner.invoke(
        app, ["draft", "-", "--format", "json", "--action", action], input=hostile_case(data)
    )

    assert_clear(result)


@CLI
@given(data=st.data())
def test_check_answers_any_case_without_a_traceback(data: st.DataObject, tmp_path: Path) -> None:
    """``afterword check`` with a hostile case and draft: findings (exit 0 or 1), or exit 2."""
    case_file = tmp_path / "case.json"
    case_file.write_text(hostile_case(data))
    draft = data.draw(st.sampled_from(["Subject: Hi\n\nThanks.", "\x00", "٣" * 10, "x" * 50_000]))

    result = runner.invoke(app, ["check", "-", "--case", str(case_file)], input=draft)

    # Exit 1 is the checker's own answer: the draft has errors to fix.
    assert_clear(result, fine=(0, 1))


WHEN_TEXT = st.one_of(
    st.sampled_from(["٣", "३ days", "\x00", "\u202eend of week", "x" * 100_000, "9999", "-1"]),
    st.text(max_size=30),
)


@CLI
@given(
    phrase=WHEN_TEXT,
    start=st.sampled_from(["0001-01-01", "9999-12-31", "٢٠٢٦-٠٣-٠٣", "2026-02-30", "\x00", ""]),
    country=st.sampled_from(["US", "ZZ", "\x00", "٣", "de"]),
)
def test_when_answers_any_phrase_without_a_traceback(phrase: str, start: str, country: str) -> None:
    """``afterword when`` with hostile phrases, dates and countries: a range, or exit 2."""
    args = ["when", phrase, "--country", country] + (["--from", start] if start else [])

    result = runner.invoke(app, args)

    assert_clear(result)


@CLI
@given(
    message=st.one_of(
        st.binary(max_size=200),
        st.sampled_from([b"\x00" * 100, b"From: a\n\n" + b"x" * 100_000, b"Date: 9999\n\nhi"]),
    ),
    country=st.sampled_from(["US", "US-NY", "ZZ-99", "\x00", "٣"]),
)
def test_read_answers_any_message_without_a_traceback(message: bytes, country: str) -> None:
    """``afterword read -`` with hostile bytes: a reading, or exit 2."""
    result = runner.invoke(app, ["read", "-", "--country", country], input=message)

    assert_clear(result)


@pytest.mark.parametrize("text", HOSTILE_TEXT, ids=lambda text: repr(text[:12]))
def test_plan_answers_each_malformed_document_with_exit_2(text: str) -> None:
    """Deep JSON, huge numbers, NUL bytes and wrong types each get exit 2 and a message."""
    result = runner.invoke(app, ["plan", "-"], input=text)

    assert_clear(result)
    assert result.exit_code == 2
