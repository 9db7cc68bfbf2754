"""`afterword when PHRASE --from YYYY-MM-DD`: the installed console script, run as a user would."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest


def afterword_script() -> str:
    # The script installed next to the interpreter running the tests, i.e. the project's venv.
    beside = Path(sys.executable).with_name("afterword")
    found = str(beside) if beside.exists() else shutil.which("afterword")
    if found is None:
        pytest.fail("the afterword console script is not installed (pip install -e .)")
    return found


def run_when(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [afterword_script(), "when", *args],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, **(env or {})},
        check=False,
    )


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["by Friday", "--from", "2026-11-18"], {"from": "2026-11-18", "to": "2026-11-20"}),
        (["end of next week", "--from", "2026-12-28"], {"from": "2026-12-28", "to": "2027-01-08"}),
        (["in two weeks", "--from", "2026-12-30"], {"from": "2027-01-13", "to": "2027-01-13"}),
        (["early January", "--from", "2026-12-15"], {"from": "2027-01-01", "to": "2027-01-10"}),
        (
            ["before Thanksgiving", "--from", "2026-11-18", "--country", "US"],
            {"from": "2026-11-18", "to": "2026-11-25"},
        ),
        (
            [
                "in 2 business days",
                "--from",
                "2026-12-24",
                "--country",
                "de",
                "--subdivision",
                "by",
            ],
            {"from": "2026-12-29", "to": "2026-12-29"},
        ),
        (["Jan 12-16", "--from", "2026-11-18"], {"from": "2027-01-12", "to": "2027-01-16"}),
        (
            ["12/1", "--from", "2026-11-18", "--country", "GB"],
            {"from": "2027-01-12", "to": "2027-01-12"},
        ),
    ],
)
def test_it_prints_the_range_as_one_json_line(args, expected):
    """A phrase it understands gives {"from", "to"} on one line and exit status 0."""
    result = run_when(*args)

    assert result.returncode == 0, result.stderr
    assert result.stdout.count("\n") == 1
    assert json.loads(result.stdout) == expected


def test_it_finds_holidays_by_english_name_whatever_the_locale():
    """A German LANG does not turn "Christmas" into a name it cannot find."""
    result = run_when(
        "before Christmas", "--from", "2026-11-18", "--country", "DE", env={"LANG": "de_DE.UTF-8"}
    )

    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {"from": "2026-11-18", "to": "2026-12-24"}


@pytest.mark.parametrize(
    ("args", "in_message"),
    [
        (["when pigs fly", "--from", "2026-11-18"], "when pigs fly"),
        (["", "--from", "2026-11-18"], "by Friday"),
        (["by Friday", "--from", "2026-13-01"], "2026-13-01"),
        (["by Friday", "--from", "next Monday"], "next Monday"),
        (["by Friday", "--from", "2026-11-18", "--country", "XX"], "XX"),
        (["by Friday", "--from", "2026-11-18", "--country", "DE", "--subdivision", "ZZ"], "ZZ"),
        (["before Thanksgiving", "--from", "2026-11-18", "--country", "DE"], "Thanksgiving"),
        (["2026-11-01", "--from", "2026-11-18"], "2026-11-01"),
        (["03/04", "--from", "2026-11-18", "--country", "CA"], "write the month as a word"),
        (["in 3 years", "--from", "2026-11-18"], "more than 18 months"),
        (["12-16", "--from", "2026-11-18"], "12-16"),
        (["after Labour Day", "--from", "2026-11-18", "--country", "AU"], "subdivision"),
    ],
)
def test_it_refuses_bad_input_with_one_line_and_exit_status_2(args, in_message):
    """Bad phrase, date or place: one clear line on stderr, nothing on stdout, no traceback."""
    result = run_when(*args)

    assert result.returncode == 2
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert in_message in result.stderr
