"""The morning digest: what is overdue, due today and this week, and the keep-searching nudge.

Sorted into sections exactly as the Today page sorts them (tracker/today.py; a test holds the
two together), so the email and the page never disagree, and rendered from our own templates
as plain text and simple HTML. What a digest needs is read for a whole page of users at once
(reminders/digest_sources.py): the worker builds thousands of digests in a morning.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import cache
from typing import cast
from zoneinfo import ZoneInfo

import jinja2
from django.conf import settings
from django.contrib.auth.models import User
from django.core.exceptions import ObjectDoesNotExist
from django.urls import reverse

from afterword.drafting import keep_searching_text
from afterword.rules.kinds import action_label
from afterword.rules.plan import Status
from afterword.rules.search import ACTIVE_STATUSES, ApplicationSummary, keep_searching
from afterword.tracker.models import UserSettings
from afterword.tracker.preferences import settings_for

# As the Today page: overdue, today, and the next seven days.
WEEK_AHEAD_DAYS = 7


@dataclass(frozen=True, slots=True)
class DueAction:
    """A pending action as the digest needs it: the row and what it names, read as values."""

    kind: str
    due: datetime
    latest: datetime
    application_id: int
    employer: str
    role: str
    employer_timezone: str
    who: str


@dataclass(frozen=True, slots=True)
class ApplicationRow:
    """An application as the keep-searching rule needs it."""

    status: str
    added: datetime
    employer: str


@dataclass(frozen=True, slots=True)
class DigestLine:
    """One follow-up as the digest lists it."""

    what: str
    who: str
    employer: str
    due: str
    # The same moment on the employer's clock, when it reads differently from the user's.
    employer_due: str
    url: str


@dataclass(frozen=True, slots=True)
class Digest:
    name: str
    day: date
    zone: str
    overdue: tuple[DigestLine, ...]
    today: tuple[DigestLine, ...]
    this_week: tuple[DigestLine, ...]
    nudge: str
    site_url: str
    settings_url: str

    @property
    def quiet(self) -> bool:
        """Nothing worth an email: no follow-up in any section and no nudge."""
        return not (self.overdue or self.today or self.this_week or self.nudge)

    @property
    def subject(self) -> str:
        counts = [
            f"{len(lines)} {label}"
            for lines, label in (
                (self.overdue, "overdue"),
                (self.today, "due today"),
                (self.this_week, "this week"),
            )
            if lines
        ]
        summary = ", ".join(counts) if counts else "keep your search moving"
        return f"Your follow-ups for {_day(self.day)}: {summary}"

    def summary(self) -> dict[str, object]:
        """What the reminder row keeps about this digest (payload)."""
        return {
            "overdue": len(self.overdue),
            "today": len(self.today),
            "this_week": len(self.this_week),
            "nudge": bool(self.nudge),
            "subject": self.subject,
        }


@dataclass(frozen=True, slots=True)
class RenderedDigest:
    subject: str
    text: str
    html: str


def build_digest(user: User, now: datetime, *, nudge_allowed: Callable[[], bool]) -> Digest:
    """The digest of ``user`` at ``now`` (its data read for this one user)."""
    from afterword.reminders.digest_sources import DigestSources

    # The settings as they are now, not as an earlier read of ``user`` may have cached them.
    user = type(user)._default_manager.select_related("afterword").get(pk=user.pk)
    sources = DigestSources.read([user], now)
    return digest_of(
        user, now, sources.actions_of(user), sources.applications_of(user), nudge_allowed
    )


def digest_of(
    user: User,
    now: datetime,
    actions: Sequence[DueAction],
    applications: Sequence[ApplicationRow],
    nudge_allowed: Callable[[], bool],
) -> Digest:
    """The digest of ``user`` at ``now`` from what was read for it.

    1. The user's pending ``actions`` in Today's sections, in the user's zone: overdue, today,
       the next seven days.
    2. Each action as a line: what, for whom, where, when on the user's clock (and on the
       employer's when that reads differently).
    3. The keep-searching nudge (P1) from the user's ``applications``, when the rule asks for
       it and ``nudge_allowed()`` agrees (the sender allows it once a week; asked only when
       needed, as it may cost a query).
    """
    prefs = loaded_settings(user)
    zone = user_zone(prefs)
    day = now.astimezone(zone).date()
    overdue, today, this_week = sections(actions, now, zone)
    site = settings.SITE_URL
    return Digest(
        name=(prefs.full_name.split() or [user.get_username()])[0],
        day=day,
        zone=str(zone),
        overdue=tuple(_line(a, zone, site) for a in overdue),
        today=tuple(_line(a, zone, site) for a in today),
        this_week=tuple(_line(a, zone, site) for a in this_week),
        nudge=keep_searching_nudge(applications, now, nudge_allowed),
        site_url=site + _path("today"),
        settings_url=site + _path("notification_settings"),
    )


def loaded_settings(user: User) -> UserSettings:
    """The user's settings, without a query when the caller loaded them with the user."""
    try:
        found = user.afterword
    except ObjectDoesNotExist:
        found = None
    return found if isinstance(found, UserSettings) else settings_for(user)


def user_zone(prefs: UserSettings) -> ZoneInfo:
    return ZoneInfo(prefs.timezone)


def week_end(now: datetime, zone: ZoneInfo) -> datetime:
    """The end of the last day the digest looks at: Today's horizon, in the user's zone."""
    day = now.astimezone(zone).date()
    return _midnight(day + timedelta(days=1 + WEEK_AHEAD_DAYS), zone)


def sections(
    actions: Sequence[DueAction], now: datetime, zone: ZoneInfo
) -> tuple[list[DueAction], list[DueAction], list[DueAction]]:
    """(overdue, today, this week) as the Today page sorts them; ``actions`` in due order.

    Overdue: the window has closed (``latest`` passed) or it was due on an earlier day.
    Today: due on the user's current local day. This week: due in the following seven days.
    """
    day = now.astimezone(zone).date()
    today_start = _midnight(day, zone)
    tomorrow = _midnight(day + timedelta(days=1), zone)
    horizon = week_end(now, zone)
    overdue: list[DueAction] = []
    today: list[DueAction] = []
    this_week: list[DueAction] = []
    for action in actions:
        if action.due >= horizon:
            continue
        if action.latest < now or action.due < today_start:
            overdue.append(action)
        elif action.due < tomorrow:
            today.append(action)
        else:
            this_week.append(action)
    return overdue, today, this_week


def render_digest(digest: Digest) -> RenderedDigest:
    context = {
        "digest": digest,
        "sections": [
            ("Overdue", digest.overdue),
            ("Due today", digest.today),
            ("Coming up this week", digest.this_week),
        ],
        "day": _day(digest.day),
    }
    text, html = _templates()
    return RenderedDigest(
        subject=digest.subject, text=text.render(context), html=html.render(context)
    )


def keep_searching_nudge(
    applications: Sequence[ApplicationRow], now: datetime, nudge_allowed: Callable[[], bool]
) -> str:
    """The P1 paragraph, or "" when the rule is satisfied or it went out this week.

    ``applications`` give both what the rule needs (status, when added) and the employers the
    paragraph names; the wording is drafting's (``keep_searching_text``), our own words.
    """
    # The column's choices are exactly the planner's statuses.
    summaries = [ApplicationSummary(cast(Status, row.status), row.added) for row in applications]
    note = keep_searching(summaries, now)
    if note is None or not nudge_allowed():
        return ""
    waiting = [row.employer for row in applications if row.status in ACTIVE_STATUSES]
    return keep_searching_text(note, waiting)


def clock(moment: datetime, zone: ZoneInfo) -> str:
    """ "Tue 3 Mar, 09:00" on the clock of ``zone``."""
    return _clock(moment.astimezone(zone))


def _clock(local: datetime) -> str:
    return f"{_day(local)}, {local.hour:02d}:{local.minute:02d}"


def employer_clock(moment: datetime, user_zone: ZoneInfo, employer_zone: ZoneInfo) -> str:
    """The employer's reading of ``moment`` when it differs from the user's, else "".

    Same day: "10:00 New York time"; another day: "Wed 4 Mar, 01:00 Tokyo time".
    """
    return _employer_clock(moment.astimezone(user_zone), moment.astimezone(employer_zone))


def _employer_clock(mine: datetime, theirs: datetime) -> str:
    """``employer_clock`` of one moment read on the user's clock and on the employer's."""
    if mine.replace(tzinfo=None) == theirs.replace(tzinfo=None):
        return ""
    place = _place(str(theirs.tzinfo))
    if mine.date() == theirs.date():
        return f"{theirs.hour:02d}:{theirs.minute:02d} {place} time"
    return f"{_clock(theirs)} {place} time"


@cache
def _place(zone: str) -> str:
    """ "America/New_York" -> "New York"."""
    return zone.rsplit("/", 1)[-1].replace("_", " ")


def _line(action: DueAction, zone: ZoneInfo, site: str) -> DigestLine:
    employer = f"{action.employer}, {action.role}" if action.role else action.employer
    mine = action.due.astimezone(zone)
    return DigestLine(
        what=action_label(action.kind),
        who=action.who,
        employer=employer,
        due=_clock(mine),
        employer_due=_employer_clock(mine, action.due.astimezone(_zone(action.employer_timezone))),
        url=site + _application_path(action.application_id),
    )


# An id no application has, to reverse the URL once and fill in each id by hand: reversing
# costs more than the rest of a digest line.
_SENTINEL = 987654321


def _application_path(pk: int) -> str:
    head, tail = _application_path_parts()
    return f"{head}{pk}{tail}"


@cache
def _application_path_parts() -> tuple[str, str]:
    head, found, tail = reverse("application", args=[_SENTINEL]).partition(str(_SENTINEL))
    assert found, "the application URL does not show its id"
    return head, tail


@cache
def _zone(name: str) -> ZoneInfo:
    return ZoneInfo(name)


@cache
def _path(name: str) -> str:
    return reverse(name)


@cache
def _templates() -> tuple[jinja2.Template, jinja2.Template]:
    """Both templates, compiled once per process: Jinja2 compiles a template to Python, which
    renders the thousands of digests of a morning several times faster than Django's
    template language. The HTML part is escaped (names are user text), the text part not."""
    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("afterword.reminders", "templates/reminders"),
        autoescape=lambda name: bool(name and name.endswith(".html.j2")),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )
    return environment.get_template("digest.txt.j2"), environment.get_template("digest.html.j2")


def _midnight(day: date, zone: ZoneInfo) -> datetime:
    return datetime.combine(day, time(0), tzinfo=zone)


# What strftime's %a and %b give in the C locale, which the worker keeps (nothing here calls
# setlocale): strftime took a sixth of the time of building a digest's lines.
_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _day(day: date) -> str:
    """ "Tue 3 Mar"."""
    return f"{_WEEKDAYS[day.weekday()]} {day.day} {_MONTHS[day.month - 1]}"
