"""``manage.py worker``: the same loop as ``afterword worker`` (worker/loop.py)."""

from __future__ import annotations

from argparse import ArgumentParser, ArgumentTypeError
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from afterword.worker.loop import DEFAULT_POLL, main


def _seconds(raw: str) -> float:
    try:
        value = float(raw)
    except ValueError:
        raise ArgumentTypeError(f"not a number of seconds: {raw!r}") from None
    if value < 0.05:
        raise ArgumentTypeError(f"must be at least 0.05 seconds, not {raw}")
    return value


class Command(BaseCommand):
    help = "Send due emails and reminders until stopped (SIGTERM finishes the current one)."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "--once", action="store_true", help="Run the jobs until nothing is due, then exit."
        )
        parser.add_argument(
            "--poll", type=_seconds, default=DEFAULT_POLL, help="Seconds to wait when idle."
        )
        parser.add_argument("--name", default=None, help="Name stored on the rows it claims.")
        parser.add_argument(
            "--lease",
            type=_seconds,
            default=600.0,
            help="Seconds an email stays claimed; after that it is marked uncertain.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        status = main(
            name=options["name"],
            poll=options["poll"],
            once=options["once"],
            lease=options["lease"],
        )
        if status:
            raise CommandError("a job failed; see the log above", returncode=status)
