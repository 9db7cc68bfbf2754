"""``afterword check FILE --case CASE.json``: check a draft before sending it.

FILE is the message as text: a first line ``Subject: ...`` (optional), one blank line, then the
body. The case says who it goes to, how names are spelled and when the plan checks in. Output is
one line per finding, ``line:col severity code: message``, positions counted in FILE, or JSON.

Exit status: 0 when nothing is an error, 1 when something is, 2 on bad input (one clear line
per problem on standard error, never a traceback). No database, no network.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer

# The checker (Jinja2, the word lists) and the planner load when the command runs, not when
# the command line starts: `afterword plan` should not pay for them (issue 14).
if TYPE_CHECKING:
    from afterword.drafting.model import Finding
    from afterword.rules import Action, Case, Plan

_SUBJECT = "subject:"


def fail(*messages: str) -> NoReturn:
    # afterword.cli registers this module's command at its end; importing it here, at call
    # time, keeps the two modules out of an import cycle however either is loaded first.
    from afterword.cli import fail as cli_fail

    cli_fail(*messages)


def read_input(source: str) -> bytes:
    from afterword.cli import read_input as cli_read_input

    return cli_read_input(source)


class CheckFormat(StrEnum):
    text = "text"
    json = "json"


@dataclass(frozen=True, slots=True)
class DraftFile:
    """A draft as read from a file, and where its subject and body start in that file."""

    text: str
    subject: str
    subject_offset: int
    body: str
    body_offset: int

    def position(self, finding: Finding) -> tuple[int, int]:
        """1-based line and column of a finding's start, counted in the file."""
        offset = finding.start + (
            self.subject_offset if finding.field == "subject" else self.body_offset
        )
        line = self.text.count("\n", 0, offset) + 1
        column = offset - (self.text.rfind("\n", 0, offset) + 1) + 1
        return line, column


def split_draft(text: str) -> DraftFile:
    """Subject from a first line ``Subject: ...``; the body after it and one blank line."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    first, newline, rest = text.partition("\n")
    if not first.lower().startswith(_SUBJECT):
        return DraftFile(text, "", 0, text, 0)
    raw = first[len(_SUBJECT) :]
    subject_offset = len(_SUBJECT) + len(raw) - len(raw.lstrip())
    body_offset = len(first) + len(newline)
    second, second_newline, _ = rest.partition("\n")
    if second_newline and not second.strip():
        body_offset += len(second) + 1
    return DraftFile(text, raw.strip(), subject_offset, text[body_offset:], body_offset)


def sibling_drafts(
    case: Case, current: Plan, chosen: Action, now: datetime
) -> list[tuple[str, str]]:
    """(name, body) of the drafts Afterword writes, in either tone, for the other people of the
    chosen thank-you's interview: the checker flags passages the user's text shares with them."""
    from afterword.drafting import TONES, compose
    from afterword.rules.kinds import THANK_YOU_KINDS

    if chosen.kind not in THANK_YOU_KINDS:
        return []
    return [
        (draft.to_name or "", draft.body)
        for action in current.actions
        if action.kind == chosen.kind
        and action.interview == chosen.interview
        and action.interviewer != chosen.interviewer
        for tone in TONES
        for draft in (compose(case, action, now, tone=tone, plan=current),)
    ]


def _default_action(actions: tuple[Action, ...]) -> int:
    return next((i for i, a in enumerate(actions) if a.kind == "thank_you_email"), 0)


def _chosen_action(actions: tuple[Action, ...], index: int | None) -> int:
    if not actions:
        fail("--case: nothing is planned for this case, so there is no draft to check against")
    if index is None:
        return _default_action(actions)
    if not 0 <= index < len(actions):
        listed = "; ".join(f"{i} {a.kind}" for i, a in enumerate(actions))
        fail(
            f"--action: {index} is out of range: the plan has {len(actions)} "
            f"action{'s' if len(actions) != 1 else ''} ({listed})"
        )
    return index


def _decoded(data: bytes, source: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        fail(f"{source}: not UTF-8 text")


def _word_list(path: Path | None) -> list[str]:
    if path is None:
        return []
    text = _decoded(read_input(str(path)), f"--words {path}")
    return [
        word
        for line in text.splitlines()
        if not line.lstrip().startswith("#")
        for word in line.split()
    ]


def _summary(found: list[Finding], what: str) -> str:
    counts = {
        severity: sum(f.severity == severity for f in found)
        for severity in ("error", "warning", "advice")
    }
    if not found:
        return f"No problems found in {what}."
    errors = f"{counts['error']} error{'s' if counts['error'] != 1 else ''}"
    warnings = f"{counts['warning']} warning{'s' if counts['warning'] != 1 else ''}"
    return f"{errors}, {warnings}, {counts['advice']} advice in {what}."


def _as_json(draft: DraftFile, finding: Finding) -> dict[str, Any]:
    line, column = draft.position(finding)
    text = draft.subject if finding.field == "subject" else draft.body
    return {
        "code": finding.code,
        "severity": finding.severity,
        "message": finding.message,
        "field": finding.field,
        "start": finding.start,
        "end": finding.end,
        "line": line,
        "column": column,
        "text": text[finding.start : finding.end],
    }


def check_command(
    source: Annotated[
        str,
        typer.Argument(
            metavar="FILE|-",
            help="The draft: optional 'Subject: ...' line, a blank line, the body; - for stdin.",
        ),
    ],
    case_source: Annotated[
        str,
        typer.Option("--case", metavar="CASE.json", help="The case the draft is for."),
    ],
    action: Annotated[
        int | None,
        typer.Option(
            "--action",
            metavar="INDEX",
            help="The plan action the draft is for (default: the first thank-you email, else 0).",
        ),
    ] = None,
    output_format: Annotated[
        CheckFormat, typer.Option("--format", help="text (one line per finding) or json.")
    ] = CheckFormat.text,
    words: Annotated[
        Path | None,
        typer.Option("--words", metavar="FILE", help="Your own words, one or more per line."),
    ] = None,
) -> None:
    """Check a draft: names, placeholders, spelling, promised dates, length, filler."""
    from afterword.drafting.checker import check, context_for
    from afterword.rules import CaseError, case_from_json, plan
    from afterword.rules.kinds import ACTIONS

    if source == "-" and case_source == "-":
        fail("FILE and --case cannot both be - (standard input)")
    case_bytes = read_input(case_source)
    try:
        case = case_from_json(case_bytes, now=datetime.now(UTC))
    except CaseError as error:
        fail(*(f"--case: {problem}" for problem in error.problems))
    draft = split_draft(_decoded(read_input(source), source))
    extra_words = _word_list(words)
    now = case.now or datetime.now(UTC)
    current = plan(case, now)
    index = _chosen_action(current.actions, action)
    chosen = current.actions[index]
    context = context_for(
        case,
        chosen,
        now,
        plan=current,
        extra_words=extra_words,
        siblings=sibling_drafts(case, current, chosen, now),
    )
    found = check(draft.subject, draft.body, context)

    if output_format is CheckFormat.json:
        print(json.dumps([_as_json(draft, f) for f in found], indent=2, ensure_ascii=False))
    else:
        for finding in found:
            line, column = draft.position(finding)
            print(f"{line}:{column} {finding.severity} {finding.code}: {finding.message}")
        to = f" to {context.addressee}" if context.addressee else ""
        what = f"the {ACTIONS[chosen.kind].draft_noun.lower()}"
        print(_summary(found, f"{what}{to} (--action {index})"))
    if any(f.severity == "error" for f in found):
        raise typer.Exit(1)
