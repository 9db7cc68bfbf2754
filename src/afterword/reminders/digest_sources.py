"""What the digests of a page of users need, read in two queries for the whole page.

A morning brings thousands of digests, and reading each user's actions and applications with
queries of their own costs more than building the digest. So the worker reads them for a page
of users at once: every pending action due before the furthest of the page's horizons, with
the application and the interviewer it names, as plain values (no model instances), and every
application's status, date and employer for the keep-searching rule. Each user's rows are
then sorted out in Python, in the order the Today page uses.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from django.contrib.auth.models import User

from afterword.reminders.digest import (
    ApplicationRow,
    DueAction,
    loaded_settings,
    user_zone,
    week_end,
)
from afterword.tracker import access
from afterword.tracker.models import Action, Application


@dataclass
class DigestSources:
    """Each user's pending actions (in Today's order) and applications, by user id."""

    actions: dict[int, list[DueAction]] = field(default_factory=dict)
    applications: dict[int, list[ApplicationRow]] = field(default_factory=dict)

    @classmethod
    def read(cls, users: Sequence[User], now: datetime) -> DigestSources:
        """Read for ``users`` at ``now``; their settings should come loaded with them.

        1. The horizon is the latest of the users' own: the end of their seventh day ahead
           in their zones. Actions beyond a user's own horizon are dropped when the digest
           sorts them (``digest.sections``).
        2. Actions in the Today page's order (due, application, position), per user.
        3. Applications in their usual order, per user.
        Only active users own anything (tracker/access.py), as on the Today page.
        """
        ids = [int(user.pk) for user in users]
        if not ids:
            return cls()
        horizon = max(week_end(now, user_zone(loaded_settings(user))) for user in users)
        actions: dict[int, list[DueAction]] = defaultdict(list)
        rows = (
            access.belonging_to_any(ids, Action)
            .filter(due__lt=horizon)
            .order_by("owner_id", "due", "application_id", "position")
            .values_list(
                "owner_id",
                "kind",
                "due",
                "latest",
                "application_id",
                "application__employer",
                "application__role",
                "application__employer_timezone",
                "interviewer__name",
            )
        )
        for owner_id, kind, due, latest, application_id, employer, role, zone, who in rows:
            actions[owner_id].append(
                DueAction(kind, due, latest, application_id, employer, role, zone, who or "")
            )
        applications: dict[int, list[ApplicationRow]] = defaultdict(list)
        # Archived applications are put away: the keep-searching count leaves them out, as Today's.
        current = access.belonging_to_any(ids, Application).filter(archived_at__isnull=True)
        for owner_id, status, added, employer in current.values_list(
            "owner_id", "status", "created_at", "employer"
        ):
            applications[owner_id].append(ApplicationRow(status, added, employer))
        return cls(dict(actions), dict(applications))

    def actions_of(self, user: User) -> list[DueAction]:
        return self.actions.get(int(user.pk), [])

    def applications_of(self, user: User) -> list[ApplicationRow]:
        return self.applications.get(int(user.pk), [])
