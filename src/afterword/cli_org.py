"""``afterword org create NAME --admin USERNAME``: a career centre and its first admin."""

from __future__ import annotations

from typing import Annotated

import typer

from afterword.cli import fail

org_app = typer.Typer(no_args_is_help=True, help="Career centres (organisations).")


@org_app.command("create")
def org_create_command(
    name: Annotated[str, typer.Argument(help="The organisation's name.")],
    admin: Annotated[
        str, typer.Option("--admin", help="Username of its first admin (an existing account).")
    ],
) -> None:
    """Create an organisation; its admin then invites coaches and students on its page."""
    from afterword.tracker import commands

    commands.prepare_database()
    from datetime import UTC, datetime

    from afterword.coaching.errors import CoachingProblem
    from afterword.coaching.organisations import create_organisation

    try:
        organisation = create_organisation(name, admin, datetime.now(UTC))
    except CoachingProblem as problem:
        option = "--admin" if problem.field == "admin" else "NAME"
        fail(f"{option}: {problem.message}")
    print(
        f"Created {organisation.name!r} (id {organisation.pk}) with {admin!r} as admin. "
        f"They invite coaches and students at /coaching/orgs/{organisation.pk}/."
    )
