"""The console script's entry (cli_main.py): plain `plan` calls skip Typer, with the same result."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from afterword.cli_main import OutputFormat, lean_plan_arguments
from tests.rules.builders import case

NORTHWIND = str(Path(__file__).parents[1] / "examples" / "northwind-waiting.json")
LEAN = "import sys; from afterword.cli_main import main; sys.exit(main())"
TYPER = "import sys; from afterword.cli import main; sys.exit(main())"

PLAIN_CALLS = {
    "file": (["plan", "case.json"], ("case.json", None)),
    "stdin": (["plan", "-"], ("-", None)),
    "format after": (["plan", "case.json", "--format", "table"], ("case.json", OutputFormat.table)),
    "format before": (["plan", "--format", "json", "-"], ("-", OutputFormat.json)),
    "format with =": (["plan", "--format=json", "case.json"], ("case.json", OutputFormat.json)),
}
OTHER_CALLS = {
    "no arguments": [],
    "another command": ["when", "next week"],
    "no file": ["plan"],
    "help": ["plan", "--help"],
    "two files": ["plan", "a.json", "b.json"],
    "format without value": ["plan", "a.json", "--format"],
    "unknown format": ["plan", "a.json", "--format", "xml"],
    "format in capitals": ["plan", "a.json", "--format", "JSON"],
    "format twice": ["plan", "a.json", "--format", "json", "--format", "table"],
    "unknown option": ["plan", "-x", "a.json"],
    "abbreviated option": ["plan", "a.json", "--form", "json"],
    "double dash": ["plan", "--", "a.json"],
}


@pytest.mark.parametrize("argv,expected", PLAIN_CALLS.values(), ids=PLAIN_CALLS.keys())
def test_plain_plan_calls_are_read_without_typer(argv, expected):
    """`plan FILE` with at most one --format json|table gives (source, format)."""
    assert lean_plan_arguments(argv) == expected


@pytest.mark.parametrize("argv", OTHER_CALLS.values(), ids=OTHER_CALLS.keys())
def test_every_other_call_is_left_to_typer(argv):
    """Help, usage mistakes and other commands are not read by hand: None sends them to Typer."""
    assert lean_plan_arguments(argv) is None


def run(script: str, args: list[str], stdin: str = "") -> tuple[int, str, str]:
    done = subprocess.run(
        [sys.executable, "-c", script, *args],
        input=stdin,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "COLUMNS": "100"},
    )
    return done.returncode, done.stdout, done.stderr


def several_problems() -> str:
    data = case()
    data["profile"] = "eager"
    data["employer"]["timezone"] = "Nowhere/City"
    return json.dumps(data)


SAME_BOTH_WAYS = {
    "a plan": (["plan", NORTHWIND], ""),
    "a plan, --format json first": (["plan", "--format", "json", NORTHWIND], ""),
    "a plan from stdin": (["plan", "-", "--format=json"], json.dumps(case())),
    "a table": (["plan", NORTHWIND, "--format", "table"], ""),
    "bad JSON": (["plan", "-"], "{oops"),
    "several problems": (["plan", "-"], several_problems()),
    "a missing file": (["plan", "/nonexistent/case.json"], ""),
    "an unknown format": (["plan", NORTHWIND, "--format", "xml"], ""),
    "help": (["plan", "--help"], ""),
}


@pytest.mark.parametrize("args,stdin", SAME_BOTH_WAYS.values(), ids=SAME_BOTH_WAYS.keys())
def test_the_console_script_answers_as_the_typer_app_does(args, stdin):
    """Exit status, stdout and stderr are the same with and without Typer in the way."""
    lean = run(LEAN, args, stdin)

    assert lean == run(TYPER, args, stdin)
    assert lean[0] in (0, 2)


def test_a_plain_plan_loads_no_typer():
    """The point of the lean entry: neither Typer nor Click is imported to plan a case."""
    probe = (
        "import sys\n"
        "from afterword.cli_main import main\n"
        f"sys.argv = ['afterword', 'plan', {NORTHWIND!r}]\n"
        "main()\n"
        "print(sorted(m for m in sys.modules if m.startswith(('typer', 'click'))), file=sys.stderr)"
    )

    code, stdout, stderr = run(probe, [])

    assert code == 0, stderr
    assert json.loads(stdout)["status"]
    assert stderr.strip() == "[]"


def test_a_reader_that_goes_away_ends_the_plan_quietly():
    """Output into a closed pipe: exit 1 and no traceback, with or without Typer."""
    for script in (LEAN, TYPER):
        process = subprocess.Popen(
            [sys.executable, "-c", script, "plan", NORTHWIND],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        assert process.stdout is not None and process.stderr is not None
        process.stdout.close()

        assert process.wait() == 1
        assert process.stderr.read() == b""
        process.stderr.close()
