"""The command line: ``afterword plan``, ``when``, ``examples``, ``today``, ``serve``, ``demo``,
``worker``.

Django is imported only by the commands that need the database, so the planner commands start
fast and work without one. The console script's entry is ``cli_main.main``, which runs a plain
``afterword plan FILE`` without Typer and hands everything else to ``app`` here.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

# fail and read_input are shared with the lean entry and the command modules (cli_draft...).
from afterword.cli_main import OutputFormat, print_plan
from afterword.cli_main import fail as fail
from afterword.cli_main import read_input as read_input
from afterword.rules import CaseError, case_from_json, plan

if TYPE_CHECKING:
    from rich.console import Console

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Afterword: who to thank, when to check in, and when to stop, after a job interview.",
)
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def console() -> Console:
    """Rich's console, imported only by the commands that print tables (Rich is slow to load)."""
    from rich.console import Console

    return Console()


@app.command("plan")
def plan_command(
    source: Annotated[str, typer.Argument(metavar="FILE|-", help="A case as JSON; - for stdin.")],
    output: Annotated[
        OutputFormat | None,
        typer.Option("--format", help="json or table (default: table on a terminal, else json)."),
    ] = None,
) -> None:
    """Plan one case (docs/PLAN_FORMAT.md) and print the plan."""
    # The console script runs plain `plan` calls without Typer (cli_main.main), with the same
    # print_plan.
    print_plan(source, output)


@app.command("when")
def when_command(
    phrase: Annotated[str, typer.Argument(help='What they said, e.g. "end of next week".')],
    start: Annotated[
        str | None, typer.Option("--from", metavar="YYYY-MM-DD", help="Day it was said.")
    ] = None,
    country: Annotated[str, typer.Option(help="ISO 3166 country for holidays.")] = "US",
    subdivision: Annotated[str | None, typer.Option(help="State or region code.")] = None,
) -> None:
    """Turn a decision-timing phrase into a date range: {"from": ..., "to": ...}."""
    from afterword.rules.case import supported_countries
    from afterword.rules.phrases import PhraseError, parse_phrase

    try:
        reference = date.fromisoformat(start) if start else date.today()
    except ValueError:
        fail(f"--from: not a date YYYY-MM-DD ({start!r})")
    code = country.upper()
    if code not in supported_countries():
        fail(f"--country: unknown country code {country!r}")
    if subdivision and subdivision.upper() not in {s.upper() for s in supported_countries()[code]}:
        fail(f"--subdivision: unknown code {subdivision!r} for country {code}")
    try:
        found = parse_phrase(phrase, reference, code, subdivision)
    except PhraseError as error:
        fail(str(error))
    print(json.dumps(found.as_json()))


@app.command("examples")
def examples_command(
    folder: Annotated[Path, typer.Option(help="Folder of example cases.")] = EXAMPLES,
) -> None:
    """Plan every example case and print each plan as a table."""
    from afterword.plan_table import render_plan

    output = console()
    files = sorted(folder.glob("*.json"))
    if not files:
        fail(f"{folder}: no example cases (*.json) found")
    for path in files:
        try:
            case = case_from_json(path.read_bytes())
        except CaseError as error:
            fail(*(f"{path.name}: {problem}" for problem in error.problems))
        output.rule(f"[bold]{path.name}")
        render_plan(case, plan(case, case.now or datetime.now(UTC)), output)


@app.command("today")
def today_command(
    user: Annotated[
        str | None, typer.Option("--user", help="Whose list (needed when there are several).")
    ] = None,
    output: Annotated[OutputFormat, typer.Option("--format", help="table or json.")] = (
        OutputFormat.table
    ),
) -> None:
    """Overdue, due today and coming up this week, from the same database as the web app."""
    from afterword.tracker import commands

    commands.prepare_database()
    try:
        rows = commands.today(user)
    except commands.CommandProblem as problem:
        fail(str(problem))
    if output is OutputFormat.json:
        print(json.dumps(rows, indent=2, ensure_ascii=False))
    else:
        terminal = console()
        commands.print_today(rows, terminal)
        reminder = commands.search_reminder(user)
        if reminder:
            terminal.print(f"\n[bold]Keep the search moving[/] [dim](P1)[/]: {reminder}")


@app.command("token")
def token_command(
    username: Annotated[str, typer.Argument(help="Whose token (their user name).")],
    name: Annotated[str, typer.Option("--name", help="What will use it.")] = "command line",
    write: Annotated[
        bool, typer.Option("--write", help="Allow changes too (default: read only).")
    ] = False,
) -> None:
    """Make a personal access token for the JSON API; the token is the last line printed."""
    from afterword.tracker import commands

    commands.prepare_database()
    from django.contrib.auth import get_user_model
    from django.core.exceptions import ValidationError

    from afterword.api.tokens import create_token

    owner = get_user_model().objects.filter(username=username, is_active=True).first()
    if owner is None:
        fail(f"No active user is called {username!r}.", "Check the name with the admin pages.")
    try:
        made = create_token(owner, name, can_write=write)
    except ValidationError as error:
        fail(*error.messages)
    print(f"Made {made.row.scope} token {made.row.name!r} for {username}. It is shown only once:")
    print(made.secret)


BindOption = Annotated[str, typer.Option("--bind", "--address", help="host:port to listen on.")]
WorkersOption = Annotated[
    int, typer.Option("--workers", min=1, help="Web processes (gunicorn workers).")
]
DevOption = Annotated[
    bool,
    typer.Option("--dev", help="Django's development server instead of gunicorn (one process)."),
]


def start_server(bind: str, workers: int, dev: bool) -> None:
    """Migrate, check, collect static files, then serve until SIGTERM or Ctrl+C."""
    from afterword.server import prepare_environment, run_gunicorn
    from afterword.tracker import commands

    prepare_environment(bind, collected=not dev)
    commands.prepare_database()
    try:
        commands.check_site()
    except commands.CommandProblem as problem:
        fail(str(problem))
    if dev:
        print(f"Afterword (development server) is running at http://{bind}/ (Ctrl+C stops it)")
        commands.serve(bind)
        return
    commands.collect_static()
    print(f"Afterword is running at http://{bind}/ with {workers} web processes (Ctrl+C stops it)")
    run_gunicorn(bind, workers)


@app.command("serve")
def serve_command(
    bind: BindOption = "127.0.0.1:8000", workers: WorkersOption = 2, dev: DevOption = False
) -> None:
    """Prepare the database and serve the web app with gunicorn (no demo data)."""
    start_server(bind, workers, dev)


@app.command("demo")
def demo_command(
    bind: BindOption = "127.0.0.1:8000", workers: WorkersOption = 2, dev: DevOption = False
) -> None:
    """Like serve, but first add a demo account with sample applications to an empty database."""
    from afterword.server import prepare_environment
    from afterword.tracker import commands

    prepare_environment(bind, collected=not dev)
    commands.prepare_database()
    created = commands.ensure_demo()
    if created is not None:
        username, password = created
        print(f"Demo account created: log in as {username!r} with password {password!r}")
    else:
        print("The database already has accounts; no demo data added.")
    from afterword.worker.loop import worker_beside

    # One worker beside the server sends the outbox and the reminders (stopped with it).
    with worker_beside():
        start_server(bind, workers, dev)


@app.command("worker")
def worker_command(
    once: Annotated[
        bool, typer.Option("--once", help="Run the jobs until nothing is due, then exit.")
    ] = False,
    poll: Annotated[
        float, typer.Option(min=0.05, help="Seconds to wait when nothing is due.")
    ] = 2.0,
    name: Annotated[
        str | None, typer.Option(help="Name stored on the rows it claims (default host:pid).")
    ] = None,
    lease: Annotated[
        float,
        typer.Option(
            min=1, help="Seconds an email stays claimed; after that it is marked uncertain."
        ),
    ] = 600.0,
    no_idle: Annotated[
        bool,
        typer.Option("--no-idle", help="Do not hold IMAP IDLE connections; poll mailboxes only."),
    ] = False,
) -> None:
    """Send due emails and reminders until stopped (SIGTERM or Ctrl+C finish the current one)."""
    from afterword.worker.loop import main as run_worker

    raise typer.Exit(run_worker(name=name, poll=poll, once=once, lease=lease, idle=not no_idle))


if __name__ == "__main__":
    # `python -m afterword.cli` runs this file as __main__, a second copy of the module; the
    # command modules below import afterword.cli, which would then import them back half-built.
    # Running the importable module instead keeps one copy and no import cycle.
    from afterword.cli import main as main_of_module

    main_of_module()
    raise SystemExit(0)

# Registered here, defined in its own module; it imports fail and read_input from above.
from afterword.cli_draft import draft_command  # noqa: E402

app.command("draft")(draft_command)

from afterword.cli_check import check_command  # noqa: E402

app.command("check")(check_command)

from afterword.cli_read import read_command  # noqa: E402

app.command("read")(read_command)

from afterword.cli_portable import export_command, import_command  # noqa: E402

app.command("export")(export_command)
app.command("import")(import_command)

from afterword.cli_org import org_app  # noqa: E402

app.add_typer(org_app, name="org")


def main() -> None:
    app()


if __name__ == "__main__":
    main()
