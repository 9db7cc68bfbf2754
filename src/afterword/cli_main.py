"""The ``afterword`` console script: ``plan`` goes straight to the planner, the rest to Typer.

Typer (with its Click) takes about 50 ms of CPU to import and another 10 to build the commands:
more than planning a case. ``afterword plan FILE`` (with ``--format json|table`` at most) is
the command scripts run over and over, so ``main`` runs it without them: it calls
``print_plan``, as cli.py's ``plan_command`` does under Typer. Any other arguments, ``--help``,
a misspelt option or a second file, go to the Typer app as before, so help texts and usage
errors are Typer's own. The error and output paths are shared: ``fail`` and ``read_input`` live
here and cli.py re-exports them. tests/test_cli_main.py runs both ways side by side.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from datetime import UTC, datetime
from enum import StrEnum
from typing import NoReturn


class OutputFormat(StrEnum):
    json = "json"
    table = "table"


def fail(*messages: str) -> NoReturn:
    """Bad input: one line per problem on stderr, nothing on stdout, exit status 2."""
    import typer  # already loaded under the Typer app; on the lean path only errors pay for it

    for message in messages:
        print(f"error: {message}", file=sys.stderr)
    raise typer.Exit(2)


def read_input(source: str) -> bytes:
    # Imported here, as the planner below: the case models are built when afterword.rules is
    # first imported, which main() lets happen only after it has switched pydantic plugins off.
    from afterword.rules.validation import MAX_INPUT_BYTES

    try:
        if source == "-":
            data = sys.stdin.buffer.read(MAX_INPUT_BYTES + 1)
        else:
            with open(source, "rb") as handle:
                data = handle.read(MAX_INPUT_BYTES + 1)
    except OSError as error:
        fail(f"{source}: cannot read ({error.strerror or error})")
    return data


def print_plan(source: str, output: OutputFormat | None) -> None:
    """``afterword plan``: read one case, plan it, print the plan (JSON, or a table)."""
    from afterword.rules import CaseError, case_from_json, plan

    try:
        case = case_from_json(read_input(source), now=datetime.now(UTC))
    except CaseError as error:
        fail(*(str(problem) for problem in error.problems))
    now = case.now or datetime.now(UTC)
    result = plan(case, now)
    chosen = output or (OutputFormat.table if sys.stdout.isatty() else OutputFormat.json)
    if chosen is OutputFormat.json:
        print(result.to_json_text())
    else:
        from rich.console import Console

        from afterword.plan_table import render_plan

        render_plan(case, result, Console())


def lean_plan_arguments(argv: Sequence[str]) -> tuple[str, OutputFormat | None] | None:
    """(source, format) when ``argv`` is a plain ``plan`` call Click would read the same way.

    Accepted: ``plan SOURCE`` with at most one ``--format json|table`` (or ``--format=...``)
    before or after it, where SOURCE is ``-`` or does not start with ``-``. Anything else is
    None and goes to Typer, which reads it (or explains what is wrong) as it always has.
    """
    if not argv or argv[0] != "plan":
        return None
    source: str | None = None
    output: OutputFormat | None = None
    tokens = list(argv[1:])
    while tokens:
        token = tokens.pop(0)
        if token == "-" or not token.startswith("-"):
            if source is not None:
                return None
            source = token
            continue
        if token == "--format" and tokens:
            value = tokens.pop(0)
        elif token.startswith("--format="):
            value = token.removeprefix("--format=")
        else:
            return None
        if output is not None or value not in OutputFormat.__members__:
            return None
        output = OutputFormat(value)
    return None if source is None else (source, output)


def _completion_requested() -> bool:
    """Click answers shell completion when ``_<PROG>_COMPLETE`` is set; leave that to it."""
    return any(name.startswith("_") and name.endswith("_COMPLETE") for name in os.environ)


def main() -> None:
    arguments = lean_plan_arguments(sys.argv[1:])
    if arguments is None or _completion_requested():
        from afterword.cli import app

        app()
        return
    # This process builds a handful of pydantic models and exits: looking for pydantic plugins
    # (a scan of every installed package's entry points) would cost more than using them.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    try:
        print_plan(*arguments)
        sys.stdout.flush()
    except KeyboardInterrupt:
        raise SystemExit(130) from None  # as Typer: quietly, the shell's code for Ctrl+C
    except BrokenPipeError:
        _closed_stdout()
    except Exception as error:
        from typer import Exit

        if isinstance(error, Exit):  # fail(): the messages are printed already
            raise SystemExit(error.exit_code) from None
        raise


def _closed_stdout() -> NoReturn:
    """The reader went away (``afterword plan case.json | head -1``): exit 1 quietly, as Click."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    raise SystemExit(1)


if __name__ == "__main__":
    main()
