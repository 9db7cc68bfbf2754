"""Plain functions behind the terminal commands (``afterword today``, ``serve``, ``demo``).

The CLI stays free of Django: each function here sets Django up itself on first use, so
``afterword plan`` (which needs no database) never pays for it.
"""

from __future__ import annotations

import os
import sys
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.console import Console

SECTION_TITLES = {"overdue": "Overdue", "today": "Due today", "this_week": "Coming up this week"}


class CommandProblem(Exception):
    """A mistake the person at the terminal can fix; the message says how."""


def setup() -> None:
    """Configure Django once (settings from the environment, as for the web app)."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "afterword.settings")
    import django
    from django.apps import apps

    if not apps.ready:
        django.setup()


def prepare_database() -> None:
    """Create or upgrade the database tables, quietly."""
    setup()
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)


def ensure_demo(now: datetime | None = None) -> tuple[str, str] | None:
    """Create the demo account when the database has no users; its (username, password), or None."""
    setup()
    from django.contrib.auth import get_user_model

    from afterword.tracker.demo import create_demo

    if get_user_model().objects.exists():
        return None
    return create_demo(now or datetime.now(UTC))


def check_site() -> None:
    """Django's checks (ours included); CommandProblem naming every error, warnings printed."""
    setup()
    from django.core.checks import ERROR, run_checks

    messages = [message for message in run_checks() if not message.is_silenced()]
    for message in messages:
        print(f"{'error' if message.level >= ERROR else 'warning'}: {message}", file=sys.stderr)
    errors = [message for message in messages if message.level >= ERROR]
    if errors:
        raise CommandProblem(f"{len(errors)} configuration error(s); fix them and start again")


def collect_static() -> None:
    """Copy and compress the static files into STATIC_ROOT for WhiteNoise to serve."""
    setup()
    from django.core.management import call_command

    call_command("collectstatic", interactive=False, verbosity=0)


def serve(addrport: str = "127.0.0.1:8000") -> None:
    """Run Django's development server in this process (no autoreloader) until interrupted."""
    setup()
    from django.core.management import call_command

    call_command("runserver", addrport, use_reloader=False)


def today(username: str | None = None, now: datetime | None = None) -> list[dict[str, Any]]:
    """The Today list of one user as plain rows, in the order the web page shows them.

    Without ``username`` the only user of the database is meant; with several, the caller must
    say which (CommandProblem otherwise).
    """
    setup()
    from afterword.tracker.today import today_sections

    user = _user(username)
    sections = today_sections(user, now or datetime.now(UTC))
    rows = []
    for section in ("overdue", "today", "this_week"):
        for action in getattr(sections, section):
            due = action.due.astimezone(sections.zone)
            rows.append(
                {
                    "section": section,
                    "due": due.isoformat(),
                    "due_local": f"{due:%a %d %b %H:%M}",
                    "employer": action.application.employer,
                    "role": action.application.role,
                    "application": action.application_id,
                    "action": action.pk,
                    "kind": action.kind,
                    "what": action.get_kind_display(),
                    "person": action.interviewer.name if action.interviewer else "",
                    "why": action.why,
                    "rules": list(action.rules),
                }
            )
    return rows


def search_reminder(username: str | None = None, now: datetime | None = None) -> str | None:
    """The keep-searching reminder (P1) across the user's applications, if one is due."""
    setup()
    from afterword.tracker.today import search_reminder as reminder

    note = reminder(_user(username), now or datetime.now(UTC))
    return note.text if note is not None else None


def print_today(rows: list[dict[str, Any]], console: Console) -> None:
    """Render ``today()`` rows as a Rich table, one titled block per section."""
    from rich.table import Table

    if not rows:
        console.print("Nothing is due this week. Keep applying: no single application is sure.")
        return
    table = Table(expand=True)
    table.add_column("When", no_wrap=True)
    table.add_column("What", ratio=1)
    table.add_column("Why", ratio=3)
    current = None
    for row in rows:
        if row["section"] != current:
            if current is not None:
                table.add_section()
            current = row["section"]
            style = "bold red" if current == "overdue" else "bold"
            table.add_row(f"[{style}]{SECTION_TITLES[current]}[/]", "", "")
        who = f"\nto {row['person']}" if row["person"] else ""
        table.add_row(
            row["due_local"],
            f"{row['what']}{who}\n[dim]{row['employer']}[/]",
            f"{row['why']}\n[dim]rules {' '.join(row['rules'])}[/]",
        )
    console.print(table)


def _user(username: str | None) -> Any:
    from django.contrib.auth import get_user_model

    users = get_user_model().objects.filter(is_active=True)
    if username is not None:
        found = users.filter(username=username).first()
        if found is None:
            raise CommandProblem(f"no active user named {username!r}")
        return found
    candidates = list(users.order_by("pk")[:2])
    if not candidates:
        raise CommandProblem("there are no users yet: sign up in the web app or run the demo")
    if len(candidates) > 1:
        raise CommandProblem("there are several users: name one with --user USERNAME")
    return candidates[0]
