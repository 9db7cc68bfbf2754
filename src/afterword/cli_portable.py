"""``afterword export`` and ``afterword import``: a user's data out and back in, in the terminal.

Django is imported inside the commands only, so the rest of the command line starts fast.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from afterword.cli import fail


class ExportFormat(StrEnum):
    json = "json"
    csv = "csv"


@contextmanager
def progress_bar(label: str) -> Iterator[Callable[[int, int], None]]:
    """A Rich progress bar on standard error (standard output may carry the export itself)."""
    # Imported here: `afterword plan` must not pay for Rich at start-up (bench/README.md, "CLI").
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    console = Console(stderr=True)
    with Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        console=console,
        transient=not console.is_terminal,
    ) as bar:
        task = bar.add_task(label, total=None)

        def advance(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        yield advance


def _member(username: str) -> Any:
    from django.contrib.auth import get_user_model

    try:
        return get_user_model().objects.get(username=username, is_active=True)
    except get_user_model().DoesNotExist:
        fail(f"no active user named {username!r}")


def export_command(
    username: Annotated[str, typer.Argument(help="Whose data.")],
    output_format: Annotated[
        ExportFormat, typer.Option("--format", help="json (everything) or csv (a zip of CSVs).")
    ] = ExportFormat.json,
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="File to write (default: stdout).")
    ] = None,
) -> None:
    """Write everything USERNAME entered, as JSON (importable) or as a zip of CSV files."""
    from afterword.tracker import commands

    # Django is set up first: the modules below import models, which need it.
    commands.prepare_database()
    from django.utils import timezone

    from afterword.portability.csv_export import account_csv_zip
    from afterword.portability.export import export_json

    user = _member(username)
    now = timezone.now()
    if output_format is ExportFormat.csv:
        if output is None and sys.stdout.isatty():
            fail("a zip file is not for the terminal: name a file with -o FILE.zip")
        data = account_csv_zip(user, now)
    else:
        with progress_bar("Exporting applications") as advance:
            data = export_json(user, now, advance)
    if output is None:
        sys.stdout.buffer.write(data)
        return
    try:
        output.write_bytes(data)
    except OSError as error:
        fail(f"{output}: cannot write ({error.strerror or error})")
    print(f"Wrote {output} ({len(data):,} bytes).", file=sys.stderr)


def import_command(
    username: Annotated[str, typer.Argument(help="Whose account receives the data.")],
    source: Annotated[
        Path, typer.Argument(metavar="FILE", help="An Afterword export (.json) or a .csv sheet.")
    ],
) -> None:
    """Add the applications of FILE to USERNAME: all of them, or none when a line is wrong.

    A JSON export brings back everything (settings, interviews, people, events, drafts); a CSV
    spreadsheet adds one application per row, its columns matched by their headers. Applications
    the account already has (same employer, role, job code and interviews) are skipped and
    named, so importing a file twice adds nothing the second time.
    """
    from afterword.tracker import commands

    try:
        raw = source.read_bytes()
    except OSError as error:
        fail(f"{source}: cannot read ({error.strerror or error})")
    # Django is set up first: the modules below import models, which need it.
    commands.prepare_database()
    from django.utils import timezone

    from afterword.portability.bundle import BundleError
    from afterword.portability.importer import import_bundle
    from afterword.portability.outcome import import_summary
    from afterword.portability.spreadsheet import SheetError, import_sheet

    user = _member(username)
    now = timezone.now()
    try:
        with progress_bar("Importing applications") as advance:
            if _looks_like_json(raw):
                result = import_bundle(user, raw, now, advance)
            else:
                result = import_sheet(user, raw, now, progress=advance)
    except BundleError as error:
        fail(*(f"{source}: {problem}" for problem in error.problems))
    except SheetError as error:
        fail(*(f"{source}: {problem}" for problem in error.problems))
    print(import_summary(result))


def _looks_like_json(raw: bytes) -> bool:
    return raw.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] in (b"{", b"[")
