"""Which applications of an imported file the account already has, so importing twice adds nothing.

Two applications are the same when their employer (trimmed, any case), role and job code (absent
is empty) and the start instants of their interviews are the same; when neither has an interview,
the moment the application was created is compared too, if the file gives it. A spreadsheet row
names an application without its interviews, so for a row employer, role and job code decide
alone: interviews recorded since the first import do not make the row new. Archived
applications count: they are the user's as much as the others.

The account is read with one query when the import starts; each application the import adds
joins the known ones, so a file that lists an application twice adds it once.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.models import User

from afterword.tracker import access
from afterword.tracker.models import Application


@dataclass(frozen=True)
class Likeness:
    """What two applications must share to be the same one."""

    employer: str
    role: str
    job_code: str
    starts: frozenset[datetime]

    @property
    def name(self) -> tuple[str, str, str]:
        """The application as a spreadsheet row names it: no interviews."""
        return (self.employer, self.role, self.job_code)


def likeness_of(
    employer: str, role: str | None, job_code: str | None, starts: Iterable[datetime]
) -> Likeness:
    return Likeness(
        employer=employer.strip().casefold(),
        role=(role or "").strip(),
        job_code=(job_code or "").strip(),
        starts=frozenset(start.astimezone(UTC) for start in starts),
    )


@dataclass(frozen=True)
class Added:
    """An application the import wrote, and where it sits in the file."""

    place: str
    application: Application


@dataclass(frozen=True)
class Skipped:
    """An application of the file that was not written: the account has it already, or the
    file itself listed it before (``repeats`` names that earlier place)."""

    place: str
    repeats: str | None = None


@dataclass
class Imported:
    """What an import did, in the file's order."""

    added: list[Added] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)

    @property
    def applications(self) -> list[Application]:
        return [entry.application for entry in self.added]


class KnownApplications:
    """The account's applications as likenesses, plus those the current import has added."""

    def __init__(self, owner_id: int) -> None:
        # One query: the LEFT JOIN gives a row per interview, or one row with no start.
        rows = (
            access.belonging_to(owner_id, Application)
            .order_by()
            .values_list("pk", "employer", "role", "job_code", "created_at", "interviews__start")
        )
        found: dict[int, tuple[str, str, str, datetime, list[datetime]]] = {}
        for pk, employer, role, job_code, created_at, start in rows:
            entry = found.setdefault(pk, (employer, role, job_code, created_at, []))
            if start is not None:
                entry[4].append(start)
        self._account: dict[Likeness, set[datetime]] = {}
        for employer, role, job_code, created_at, starts in found.values():
            key = likeness_of(employer, role, job_code, starts)
            self._account.setdefault(key, set()).add(created_at)
        self._file: dict[Likeness, list[tuple[datetime, str]]] = {}
        self._account_names = {key.name for key in self._account}
        self._file_names: dict[tuple[str, str, str], str] = {}

    def match(self, place: str, key: Likeness, created_at: datetime | None) -> Skipped | None:
        """Skipped when the account or an earlier part of the file has this application."""
        if _same(key, created_at, self._account.get(key, ())):
            return Skipped(place)
        for earlier_created_at, earlier_place in self._file.get(key, ()):
            if _same(key, created_at, [earlier_created_at]):
                return Skipped(place, repeats=earlier_place)
        return None

    def match_row(self, place: str, key: Likeness) -> Skipped | None:
        """Skipped when the account or an earlier row has an application of this name (a
        spreadsheet row: employer, role and job code), whatever its interviews."""
        if key.name in self._account_names:
            return Skipped(place)
        earlier = self._file_names.get(key.name)
        return Skipped(place, repeats=earlier) if earlier is not None else None

    def add(self, place: str, key: Likeness, created_at: datetime) -> None:
        """The import wrote this application (created at ``created_at``, as stored): a later
        repeat of it in the file is skipped."""
        self._file.setdefault(key, []).append((created_at, place))
        self._file_names.setdefault(key.name, place)


def _same(key: Likeness, created_at: datetime | None, known: Iterable[datetime]) -> bool:
    """Interviews decide when there are any; without, the creation moment when the file has it."""
    moments = list(known)
    if not moments:
        return False
    if key.starts or created_at is None:
        return True
    return created_at in moments


def lock_account(owner: User) -> None:
    """Hold the owner's row until the import commits: a second import of the same file (a
    double click) waits, then finds the first one's applications instead of adding them again.

    SQLite takes its write lock when the transaction starts (IMMEDIATE), so this matters on
    PostgreSQL, where two transactions could otherwise each read the account before either wrote.
    """
    users = get_user_model().objects.select_for_update()
    list(users.filter(pk=owner.pk).values_list("pk"))
