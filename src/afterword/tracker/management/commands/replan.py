"""``manage.py replan``: re-plan every application, e.g. after the planner's rules changed."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from afterword.tracker.models import Application
from afterword.tracker.services import replan_all


class Command(BaseCommand):
    help = "Re-plan all applications (or one user's) and store the new plans."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--user", help="Only this user's applications (username).")

    def handle(self, *args: Any, **options: Any) -> None:
        applications = Application.objects.all()
        if options["user"]:
            applications = applications.filter(owner__username=options["user"])
        summary = replan_all(applications, datetime.now(UTC))
        self.stdout.write(f"Re-planned {summary.replanned} application(s).")
        for pk, message in summary.failed.items():
            self.stderr.write(f"application {pk}: {message}")
        if summary.failed:
            raise SystemExit(1)
