"""Planned actions as the rows Today and the application page show, computed in Python.

Rendering dozens of actions through template filters, ``{% url %}`` tags and one include per
row was most of Today's time; a row here carries its text and URLs ready to print, and
``rows_html`` writes a list of them out through one Jinja2 template compiled once per process,
several times faster than a Django include per row (bench/README.md, "Today").
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import cache, lru_cache
from typing import Any
from zoneinfo import ZoneInfo

import jinja2
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe

from afterword.rules import kinds
from afterword.site.routes import key_route, pk_route
from afterword.site.templatetags.afterword_site import RULE_NAMES, time_on_clock
from afterword.tracker.models import Action


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    name: str  # "thank within a day"


@dataclass(frozen=True, slots=True)
class ActionRow:
    pk: int
    key: str  # the follow-up's lasting key (tracker/follow_up_keys.py), its URLs' part
    title: str  # "Send a thank-you email"
    who: str  # the interviewer's name, or ""
    employer: str
    role: str
    application_url: str
    overdue: bool
    due_iso: str  # in UTC, to the minute: "2026-03-03T16:00Z"
    day: date  # the due day on the user's own calendar
    due_text: str  # on the employer's clock: "Tue 3 Mar, 11:00 (New York time)"
    why: str
    rules: tuple[Rule, ...]
    open_label: str  # "Draft", "Letter", "Script"
    is_call: bool
    draft_url: str
    done_url: str
    snooze_url: str
    no_answer_url: str
    ics_url: str

    @property
    def rule_ids(self) -> str:
        """ "K1 K2": the ids, which link to the page's list of what each stands for."""
        return " ".join(rule.id for rule in self.rules)


def action_rows(actions: Iterable[Action], now: datetime, zone: ZoneInfo) -> list[ActionRow]:
    """Rows for ``actions``, which were read with their application and interviewer; ``zone``
    is the user's, for the day each is due on."""
    return value_rows(
        (
            {
                "pk": action.pk,
                "application_id": action.application_id,
                "kind": action.kind,
                "key": action.key,
                "due": action.due,
                "latest": action.latest,
                "why": action.why,
                "rules": action.rules,
                "application__employer": action.application.employer,
                "application__role": action.application.role,
                "application__employer_timezone": action.application.employer_timezone,
                "interviewer__name": action.interviewer.name if action.interviewer else None,
            }
            for action in actions
        ),
        now,
        zone,
    )


def value_rows(
    actions: Iterable[Mapping[str, Any]], now: datetime, zone: ZoneInfo
) -> list[ActionRow]:
    """Rows for actions read as values (``tracker.today.ROW_VALUES``): Today's lists, which
    need no model instances."""
    application_url, ics = pk_route("application"), pk_route("action_event_ics")
    # The lasting addresses (keyed by what the follow-up is for), so an old tab still works.
    draft, done = key_route("follow_up_draft"), key_route("follow_up_done")
    snooze, no_answer = key_route("follow_up_snooze"), key_route("follow_up_no_answer")
    shown_in = timezone.get_current_timezone_name()
    rows = []
    for action in actions:
        info = kinds.ACTIONS.get(action["kind"])
        pk, app, key, due = action["pk"], action["application_id"], action["key"], action["due"]
        rows.append(
            ActionRow(
                pk=pk,
                key=key,
                title=kinds.action_label(action["kind"]),
                who=action["interviewer__name"] or "",
                employer=action["application__employer"],
                role=action["application__role"],
                application_url=application_url(app),
                overdue=action["latest"] < now,
                due_iso=f"{due.astimezone(UTC):%Y-%m-%dT%H:%M}Z",
                day=due.astimezone(zone).date(),
                due_text=time_on_clock(due, action["application__employer_timezone"], shown_in),
                why=action["why"],
                rules=tuple(map(rule_named, action["rules"])),
                open_label=info.page.open_label if info else "Draft",
                is_call=bool(info and info.is_call),
                draft_url=draft(app, key),
                done_url=done(app, key),
                # The row shown goes along: a second click of the same page snoozes nothing.
                snooze_url=f"{snooze(app, key)}?row={pk}",
                no_answer_url=no_answer(app, key),
                ics_url=ics(pk),
            )
        )
    return rows


@lru_cache(maxsize=256)  # the planner cites a few dozen rules
def rule_named(rule_id: str) -> Rule:
    """The rule ``rule_id`` with its short name (one object per rule, shared by every row)."""
    return Rule(rule_id, RULE_NAMES.get(rule_id, rule_id))


def glossary(rows: Iterable[ActionRow]) -> list[Rule]:
    """Every rule the shown actions cite, once, for the chips' links."""
    return sorted({rule.id: rule for row in rows for rule in row.rules}.values(), key=_rule_order)


def _rule_order(rule: Rule) -> tuple[str, int]:
    return rule.id[:1], int(rule.id[1:]) if rule.id[1:].isdigit() else 0


def rows_html(
    rows: Iterable[ActionRow], *, show_employer: bool, level: int, in_overdue: bool = False
) -> SafeString:
    """The ``<li>`` of each row; ``level`` is its heading's (3 or 4), ``show_employer`` whether
    it names its application (not on the application's own page), ``in_overdue`` whether its
    list's heading already says "Overdue"."""
    html = _rows_template().render(
        rows=rows, show_employer=show_employer, level=level, in_overdue=in_overdue
    )
    # Every value was escaped by the template (autoescape): names and notes are user text.
    return mark_safe(html)


@cache
def _rows_template() -> jinja2.Template:
    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("afterword.web", "templates/web"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
    )
    return environment.get_template("action_rows.html.j2")
