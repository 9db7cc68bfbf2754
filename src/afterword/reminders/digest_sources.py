"""What the digests of a page of users need, read in a few plain queries for the whole page.

A morning brings thousands of digests, and reading each user's actions and applications with
queries of their own costs more than building the digest. So the worker reads them for a page
of users at once: every pending action due before the furthest of the page's horizons, the
applications (the keep-searching rule's status, date and employer, and what the actions name),
and the interviewers the actions name, as plain values (no model instances). Each user's rows
are then sorted out in Python, in the order the Today page uses.

Each query reads one table by an indexed column, with no join: joined, PostgreSQL planned the
action read as hashes of the whole user, application and interviewer tables whenever its
statistics were behind (right after a bulk load), several milliseconds per page.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from django.contrib.auth.models import User
from django.db.models import Q

from afterword.reminders.digest import (
    ApplicationRow,
    DueAction,
    loaded_settings,
    user_zone,
    week_end,
)
from afterword.tracker import access
from afterword.tracker.models import Action, Application, Interviewer


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
        3. Applications in their usual order (newest first): the current ones per user, for
           the keep-searching rule, and any the actions name (an archived one may still
           have actions) for the lines' employer, role and zone.
        4. The names of the interviewers the actions name.
        Only active users own anything (tracker/access.py), as on the Today page.
        """
        if not users:
            return cls()
        horizon = max(week_end(now, user_zone(loaded_settings(user))) for user in users)
        pending = list(
            access.belonging_to_loaded(users, Action)
            .filter(due__lt=horizon)
            .order_by("owner_id", "due", "application_id", "position")
            .values_list("owner_id", "kind", "due", "latest", "application_id", "interviewer_id")
        )
        named = {row[4] for row in pending}
        # Archived applications are put away: the keep-searching count leaves them out, as
        # Today's does.
        found = (
            access.belonging_to_loaded(users, Application)
            .filter(Q(archived_at__isnull=True) | Q(pk__in=named))
            .order_by("-created_at", "-pk")
            .values_list(
                "pk",
                "owner_id",
                "status",
                "created_at",
                "employer",
                "role",
                "employer_timezone",
                "archived_at",
            )
        )
        about: dict[int, tuple[str, str, str]] = {}
        applications: dict[int, list[ApplicationRow]] = defaultdict(list)
        for pk, owner_id, status, added, employer, role, zone, archived_at in found:
            about[pk] = (employer, role, zone)
            if archived_at is None:
                applications[owner_id].append(ApplicationRow(status, added, employer))
        people = {row[5] for row in pending if row[5] is not None}
        # Only the people of these applications: the actions were read for their owners.
        names = dict(
            Interviewer.objects.filter(pk__in=people, application_id__in=named).values_list(
                "pk", "name"
            )
            if people
            else []
        )
        actions: dict[int, list[DueAction]] = defaultdict(list)
        for owner_id, kind, due, latest, application_id, interviewer_id in pending:
            employer, role, zone = about[application_id]
            actions[owner_id].append(
                DueAction(
                    kind,
                    due,
                    latest,
                    application_id,
                    employer,
                    role,
                    zone,
                    names.get(interviewer_id, "") if interviewer_id is not None else "",
                )
            )
        return cls(dict(actions), dict(applications))

    def actions_of(self, user: User) -> list[DueAction]:
        return self.actions.get(int(user.pk), [])

    def applications_of(self, user: User) -> list[ApplicationRow]:
        return self.applications.get(int(user.pk), [])
