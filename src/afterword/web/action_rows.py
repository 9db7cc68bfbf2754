"""Planned actions as the rows Today and the application page show, computed in Python.

Rendering dozens of actions through template filters, ``{% url %}`` tags and one include per
row was most of Today's time; a row here carries its text and URLs ready to print, so the
template only writes them out (bench/README.md, "Today").
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from afterword.rules import kinds
from afterword.site.routes import key_route, pk_route
from afterword.site.templatetags.afterword_site import RULE_NAMES, employer_time
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
    due_iso: str
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
    application_url, ics = pk_route("application"), pk_route("action_event_ics")
    # The lasting addresses (keyed by what the follow-up is for), so an old tab still works.
    draft, done = key_route("follow_up_draft"), key_route("follow_up_done")
    snooze, no_answer = key_route("follow_up_snooze"), key_route("follow_up_no_answer")
    rows = []
    for action in actions:
        info = kinds.ACTIONS.get(action.kind)
        application = action.application
        pk, app, key = action.pk, action.application_id, action.key
        local_due = action.due.astimezone(zone)
        rows.append(
            ActionRow(
                pk=pk,
                key=key,
                title=kinds.action_label(action.kind),
                who=action.interviewer.name if action.interviewer else "",
                employer=application.employer,
                role=application.role,
                application_url=application_url(action.application_id),
                overdue=action.latest < now,
                due_iso=local_due.isoformat(),
                day=local_due.date(),
                due_text=employer_time(action.due, application),
                why=action.why,
                rules=tuple(Rule(rule, RULE_NAMES.get(rule, rule)) for rule in action.rules),
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


def glossary(rows: Iterable[ActionRow]) -> list[Rule]:
    """Every rule the shown actions cite, once, for the chips' links."""
    return sorted({rule.id: rule for row in rows for rule in row.rules}.values(), key=_rule_order)


def _rule_order(rule: Rule) -> tuple[str, int]:
    return rule.id[:1], int(rule.id[1:]) if rule.id[1:].isdigit() else 0
