"""The morning digest: what is overdue, due today and this week, and the keep-searching nudge.

Built from the same query as the Today page (tracker/today.py), so the email and the page never
disagree, and rendered from our own templates as plain text and simple HTML.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import cast
from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib.auth.models import User
from django.core.exceptions import ObjectDoesNotExist
from django.template.loader import render_to_string
from django.urls import reverse

from afterword.drafting import keep_searching_text
from afterword.rules.kinds import action_label
from afterword.rules.plan import Status
from afterword.rules.search import ACTIVE_STATUSES, ApplicationSummary, keep_searching
from afterword.tracker.access import current_applications
from afterword.tracker.models import Action, UserSettings
from afterword.tracker.preferences import settings_for
from afterword.tracker.today import today_sections


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
    """The digest of ``user`` at ``now``.

    1. The Today sections in the user's zone: overdue, today, the next seven days.
    2. Each action as a line: what, for whom, where, when on the user's clock (and on the
       employer's when that reads differently).
    3. The keep-searching nudge (P1), when the rule asks for it and ``nudge_allowed()`` agrees
       (the sender allows it once a week; asked only when needed, as it costs a query).
    """
    prefs = loaded_settings(user)
    sections = today_sections(user, now)
    site = settings.SITE_URL
    nudge = keep_searching_nudge(user, now, nudge_allowed)
    return Digest(
        name=(prefs.full_name.split() or [user.get_username()])[0],
        day=sections.day,
        zone=str(sections.zone),
        overdue=tuple(_line(a, sections.zone, site) for a in sections.overdue),
        today=tuple(_line(a, sections.zone, site) for a in sections.today),
        this_week=tuple(_line(a, sections.zone, site) for a in sections.this_week),
        nudge=nudge,
        site_url=site + reverse("today"),
        settings_url=site + reverse("notification_settings"),
    )


def loaded_settings(user: User) -> UserSettings:
    """The user's settings, without a query when the caller loaded them with the user."""
    try:
        found = user.afterword
    except ObjectDoesNotExist:
        found = None
    return found if isinstance(found, UserSettings) else settings_for(user)


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
    return RenderedDigest(
        subject=digest.subject,
        text=render_to_string("reminders/digest.txt", context),
        html=render_to_string("reminders/digest.html", context),
    )


def keep_searching_nudge(user: User, now: datetime, nudge_allowed: Callable[[], bool]) -> str:
    """The P1 paragraph, or "" when the rule is satisfied or it went out this week.

    One query gives both what the rule needs (status, when added) and the employers the
    paragraph names; the wording is drafting's (``keep_searching_text``), our own words.
    """
    rows = list(current_applications(user).values_list("status", "created_at", "employer"))
    # The column's choices are exactly the planner's statuses.
    summaries = [ApplicationSummary(cast(Status, status), added) for status, added, _ in rows]
    note = keep_searching(summaries, now)
    if note is None or not nudge_allowed():
        return ""
    waiting = [employer for status, _, employer in rows if status in ACTIVE_STATUSES]
    return keep_searching_text(note, waiting)


def clock(moment: datetime, zone: ZoneInfo) -> str:
    """ "Tue 3 Mar, 09:00" on the clock of ``zone``."""
    local = moment.astimezone(zone)
    return f"{_day(local.date())}, {local:%H:%M}"


def employer_clock(moment: datetime, user_zone: ZoneInfo, employer_zone: ZoneInfo) -> str:
    """The employer's reading of ``moment`` when it differs from the user's, else "".

    Same day: "10:00 New York time"; another day: "Wed 4 Mar, 01:00 Tokyo time".
    """
    mine, theirs = moment.astimezone(user_zone), moment.astimezone(employer_zone)
    if mine.replace(tzinfo=None) == theirs.replace(tzinfo=None):
        return ""
    place = str(employer_zone).rsplit("/", 1)[-1].replace("_", " ")
    if mine.date() == theirs.date():
        return f"{theirs:%H:%M} {place} time"
    return f"{clock(moment, employer_zone)} {place} time"


def _line(action: Action, zone: ZoneInfo, site: str) -> DigestLine:
    application = action.application
    employer = (
        f"{application.employer}, {application.role}" if application.role else application.employer
    )
    return DigestLine(
        what=action_label(action.kind),
        who=action.interviewer.name if action.interviewer else "",
        employer=employer,
        due=clock(action.due, zone),
        employer_due=employer_clock(action.due, zone, ZoneInfo(application.employer_timezone)),
        url=site + reverse("application", args=[application.pk]),
    )


def _day(day: date) -> str:
    return f"{day:%a} {day.day} {day:%b}"
