"""``afterword draft CASE.json``: the drafts for a case's planned actions, as text, JSON or PDF.

Like ``afterword plan`` it touches no database and no network, and bad input ends with exit
status 2 and one clear line per problem on standard error, never a traceback.
"""

from __future__ import annotations

import json
import sys
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

# The drafting package (Jinja2) and the planner load when the command runs, not when the
# command line starts: `afterword plan` should not pay for them (issue 14).
if TYPE_CHECKING:
    from afterword.drafting import Draft
    from afterword.rules import Action, Case

RULE = "=" * 72


def fail(*messages: str) -> NoReturn:
    """``afterword.cli.fail``, imported when needed: cli.py imports this module to register the
    command, so importing cli here at load time would be circular under ``python -m``."""
    from afterword.cli import fail as cli_fail

    cli_fail(*messages)


def read_input(source: str) -> bytes:
    from afterword.cli import read_input as cli_read_input

    return cli_read_input(source)


class DraftFormat(StrEnum):
    text = "text"
    json = "json"
    pdf = "pdf"


class ToneChoice(StrEnum):
    formal = "formal"
    warm = "warm"


class PaperChoice(StrEnum):
    a4 = "a4"
    letter = "letter"


def draft_command(
    source: Annotated[
        str, typer.Argument(metavar="CASE.json|-", help="A case as JSON; - for stdin.")
    ],
    action: Annotated[
        int | None,
        typer.Option(
            "--action",
            metavar="INDEX",
            help="Only the draft for plan action INDEX (0 is the first).",
        ),
    ] = None,
    tone: Annotated[
        ToneChoice | None,
        typer.Option(
            "--tone", help="formal or warm (default: warm for a casual employer, else formal)."
        ),
    ] = None,
    output_format: Annotated[
        DraftFormat, typer.Option("--format", help="text, json, or pdf (a thank-you letter).")
    ] = DraftFormat.text,
    paper: Annotated[
        PaperChoice | None,
        typer.Option(
            "--paper", help="a4 or letter for --format pdf (default: the employer's country's)."
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", metavar="FILE", help="Write to FILE instead of stdout."),
    ] = None,
) -> None:
    """Write the draft of every planned action of one case (or of one, with --action)."""
    from afterword.drafting import compose
    from afterword.drafting.export import draft_as_json
    from afterword.rules import CaseError, case_from_json, plan

    try:
        case = case_from_json(read_input(source), now=datetime.now(UTC))
    except CaseError as error:
        fail(*(str(problem) for problem in error.problems))
    now = case.now or datetime.now(UTC)
    current = plan(case, now)
    actions = current.actions
    chosen = _chosen_actions(actions, action, output_format)
    if output_format is DraftFormat.pdf and output is None and sys.stdout.isatty():
        fail("--format pdf: give --output FILE (a PDF is not for the terminal)")
    drafts = [
        (index, compose(case, actions[index], now, tone=tone.value if tone else None, plan=current))
        for index in chosen
    ]
    if output_format is DraftFormat.pdf:
        _write(output, _pdf(case, drafts[0][1], paper))
    elif output_format is DraftFormat.json:
        data = [{"action": index, **draft_as_json(draft)} for index, draft in drafts]
        text = json.dumps(data[0] if action is not None else data, indent=2, ensure_ascii=False)
        _write(output, f"{text}\n".encode())
    else:
        _write(output, _as_text(drafts, case.employer.country).encode())


def _chosen_actions(
    actions: tuple[Action, ...], index: int | None, output_format: DraftFormat
) -> list[int]:
    from afterword.rules.kinds import ACTIONS

    letters = [i for i, a in enumerate(actions) if ACTIONS[a.kind].medium == "letter"]
    if index is not None and not 0 <= index < len(actions):
        if not actions:
            fail(f"--action: {index} is out of range: this plan has no actions")
        count = (
            "1 action (index 0)"
            if len(actions) == 1
            else f"{len(actions)} actions (0-{len(actions) - 1})"
        )
        fail(f"--action: {index} is out of range: this plan has {count}")
    if output_format is DraftFormat.pdf:
        hint = (
            f" (letters here: {', '.join(map(str, letters))})"
            if letters
            else " (this plan has no letters)"
        )
        if index is None:
            fail(f"--format pdf: give --action INDEX of a thank-you letter{hint}")
        if index not in letters:
            what = _with_article(ACTIONS[actions[index].kind].noun)
            fail(f"--format pdf: action {index} is {what}, not a thank-you letter{hint}")
    return list(range(len(actions))) if index is None else [index]


def _with_article(noun: str) -> str:
    """``Expedite email`` -> ``an expedite email``."""
    return ("an " if noun[0].lower() in "aeiou" else "a ") + noun.lower()


def _pdf(case: Case, draft: Draft, paper: PaperChoice | None) -> bytes:
    from afterword.drafting.letters import LetterTooLong, letter_pdf, paper_for_country

    assert draft.letter is not None  # a thank_you_letter action always composes a letter
    size = paper.value if paper else paper_for_country(case.employer.country)
    try:
        return letter_pdf(draft.letter, size)
    except LetterTooLong as error:
        fail(str(error))


def _as_text(drafts: list[tuple[int, Draft]], country: str) -> str:
    from afterword.drafting import format_day
    from afterword.drafting.export import KIND_LABELS

    if not drafts:
        return "Nothing is planned for this case, so there is nothing to draft.\n"
    parts = []
    for index, draft in drafts:
        head = [RULE, f"--action {index}: {KIND_LABELS[draft.kind]}, {draft.tone} tone"]
        if draft.to_name or draft.to_email:
            to = draft.to_name or ""
            if draft.to_email:
                to = f"{to} <{draft.to_email}>" if to else draft.to_email
            head.append(f"To: {to}")
        if draft.subject:
            head.append(f"Subject: {draft.subject}")
        if draft.promised_next:
            day = format_day(draft.promised_next, country)
            head.append(f"Announces the check-in on {day} (K7)")
        head.append(RULE)
        parts.append("\n".join(head) + "\n\n" + draft.body + "\n")
    return "\n".join(parts)


def _write(output: Path | None, data: bytes) -> None:
    if output is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    try:
        output.write_bytes(data)
    except OSError as error:
        fail(f"--output: cannot write {output} ({error.strerror or error})")
