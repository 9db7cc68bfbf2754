"""A plan as a readable Rich table, for the terminal."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from afterword.rules import Case, Plan
from afterword.rules.calendar import calendar_for
from afterword.rules.kinds import ACTIONS

STATUS_LABELS = {
    "thank_you_pending": "thank-you pending",
    "waiting": "waiting",
    "no_response": "no response",
    "decided": "decided",
}


def render_plan(case: Case, result: Plan, console: Console) -> None:
    names = {p.id: p.name for interview in case.interviews for p in interview.interviewers}
    employer = case.employer.name or "(employer)"
    role = f", {case.role}" if case.role else ""
    tz = calendar_for(case.employer.country, case.employer.subdivision, case.employer.timezone).tz
    table = Table(
        title=f"{employer}{role}: {STATUS_LABELS[result.status]}",
        title_justify="left",
        expand=True,
    )
    table.add_column("Due (their time)", no_wrap=True)
    table.add_column("What", ratio=1)
    table.add_column("Why", ratio=3)
    for action in result.actions:
        due = action.due.astimezone(tz).strftime("%a %d %b %H:%M")
        if action.overdue:
            due = f"[bold red]{due}\noverdue[/]"
        what = ACTIONS[action.kind].noun
        if action.interviewer in names:
            what += f"\nto {names[action.interviewer]}"
        why = f"{action.why}\n[dim]rules {' '.join(action.rules)}[/]"
        table.add_row(due, what, why, end_section=True)
    if not result.actions:
        table.add_row("-", "Nothing to do", "No follow-up is planned.")
    console.print(table)
    for note in result.notes:
        console.print(f"  [dim]{' '.join(note.rules)}[/]  {note.text}")
    console.print()
