"""Cases for the drafting tests, built with the planner tests' builders, with the dates worked out.

Calendar facts used below (checked by hand): 2 March 2026 is a Monday, 13 March a Friday and
16 March a Monday; 26 November 2026 is Thanksgiving (Thursday), so 27 November is a Friday and
30 November the next business day; 2 December 2026 is a Wednesday, 11 December a Friday.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any

from afterword.drafting import Draft, compose
from afterword.rules import Action, Case, case_from_data, plan
from tests.rules.builders import case, event, interview, person

EXAMPLES = Path(__file__).parents[2] / "examples"
ALEX = {
    "name": "Alex Morgan",
    "email": "alex.morgan@example.com",
    "phone": "+1 312 555 0199",
    "address": "48 Elm Street\nApt 3\nEvanston, IL 60201",
}
MAREN_EMPHASIS = (
    "Keeping the clinics' intake running smoothly during the switch to the new scheduling system."
)
DEV_EMPHASIS = (
    "Catching duplicate and inconsistent patient records before they reach the data warehouse."
)
PANEL_EMPHASIS = "Cleaning up intake records before the new scheduling system goes live."
FORGOT = "My audit of duplicate patient records at the clinic job."
CLARIFY = "I can start in April, not May as I said."


def larkspur(**changes: Any) -> dict[str, Any]:
    """A formal employer in Chicago; a panel of three on Mon 2 Mar 2026, written up next morning.

    Two people have their own emphasis, the third has none (the panel's applies); the candidate
    forgot one thing and must clarify another. Still meeting others: check in two weeks after
    the interview (F3), Mon 16 Mar.
    """
    people = [
        person(
            "p1",
            "Maren Holloway",
            title="Director of Clinical Operations",
            address="Larkspur Health\n200 W Madison St\nChicago, IL 60606",
            emphasised=MAREN_EMPHASIS,
        ),
        person("p2", "Dev Raman", title="Senior Data Engineer", emphasised=DEV_EMPHASIS),
        person("p3", "Sam Ortiz"),
    ]
    data = case(
        interviews=[
            interview(
                start="2026-03-02T10:00:00-06:00",
                end="2026-03-02T11:30:00-06:00",
                people=people,
                still_interviewing_others=True,
                preferred_channel="email",
                emphasised=PANEL_EMPHASIS,
                forgot=FORGOT,
                to_clarify=CLARIFY,
            )
        ],
        now="2026-03-03T08:00:00-06:00",
        employer={
            "name": "Larkspur Health",
            "timezone": "America/Chicago",
            "subdivision": "IL",
            "style": "formal",
        },
        role="Patient Data Coordinator",
        job_code="LH-2291",
        candidate=ALEX,
    )
    data.update(changes)
    return data


def northwind(events: list[dict[str, Any]] | None = None, now: str | None = None) -> dict:
    """The planner's example: Dana Reyes, decision by Fri 13 Mar, thanked; check-ins follow."""
    data = json.loads((EXAMPLES / "northwind-waiting.json").read_text())
    data["candidate"] = {"name": "Alex Morgan", "phone": "+1 312 555 0199"}
    data["events"] += events or []
    if now:
        data["now"] = now
    return data


def northwind_second() -> dict[str, Any]:
    """One check-in went out on Mon 16 Mar; the next comes 10 days later (F5), Thu 26 Mar."""
    return northwind(
        [event("2026-03-16T10:05:00-04:00", "check_in_sent", channel="email")],
        now="2026-03-20T09:00:00-04:00",
    )


def northwind_third() -> dict[str, Any]:
    """Two unanswered check-ins (16 and 26 Mar): the third and last, Mon 6 Apr."""
    return northwind(
        [
            event("2026-03-16T10:05:00-04:00", "check_in_sent", channel="email"),
            event("2026-03-26T10:05:00-04:00", "check_in_sent", channel="email"),
        ],
        now="2026-03-30T09:00:00-04:00",
    )


def northwind_after_reply() -> dict[str, Any]:
    """They answered on Wed 18 Mar that nothing is decided yet: ask again a week later (F8)."""
    return northwind(
        [
            event("2026-03-16T10:05:00-04:00", "check_in_sent", channel="email"),
            event("2026-03-18T15:00:00-04:00", "reply", no_decision_yet=True),
        ],
        now="2026-03-19T09:00:00-04:00",
    )


def contoso_calls() -> dict[str, Any]:
    """Phone check-ins; the call on Fri 27 Nov went unanswered, so call again Mon 30 Nov (H3)."""
    data = json.loads((EXAMPLES / "contoso-unanswered-calls.json").read_text())
    data["events"] = data["events"][:2]
    data["now"] = "2026-11-27T12:00:00-05:00"
    data["candidate"] = {"name": "Alex Morgan"}
    return data


def contoso_portal() -> dict[str, Any]:
    """They asked candidates to follow the portal: look on Fri 27 Nov (after Thanksgiving)."""
    data = contoso_calls()
    data["interviews"][0]["preferred_channel"] = "portal"
    data["events"] = data["events"][:1]
    return data


def fabrikam() -> dict[str, Any]:
    """A casual employer deciding by Wed 18 Nov, two days after the Mon 16 Nov interview (K3):
    the check-in is Thu 19 Nov, and the thank-yous say so (K7)."""
    data = json.loads((EXAMPLES / "fabrikam-fast-decision.json").read_text())
    data["candidate"] = {"name": "Alex Morgan"}
    return data


def berlin() -> dict[str, Any]:
    """Second round in Berlin (day-first dates), letters wanted, another offer until Fri 11 Dec."""
    data = json.loads((EXAMPLES / "berlin-formal-second-round.json").read_text())
    data["candidate"] = {
        "name": "Alex Morgan",
        "email": "alex.morgan@example.com",
        "address": "Kastanienallee 7\n10435 Berlin",
    }
    return data


def three_strangers(**interview_fields: Any) -> dict[str, Any]:
    """Three interviewers with nothing noted about any of them: variety must come from wording."""
    people = [person("a", "Dana Reyes"), person("b", "Sam Okafor"), person("c", "Lee Chen")]
    return case(interviews=[interview(people=people, **interview_fields)])


def validated(data: dict[str, Any]) -> Case:
    return case_from_data(data)


def now_of(data_case: Case) -> datetime:
    assert data_case.now is not None
    return data_case.now


def actions(data: dict[str, Any], kind: str) -> tuple[Case, list[Action]]:
    subject = validated(data)
    return subject, [a for a in plan(subject, now_of(subject)).actions if a.kind == kind]


def drafts(data: dict[str, Any], kind: str, tone: str | None = None) -> list[Draft]:
    """The drafts of every planned action of ``kind`` (an ActionKind), in plan order."""
    subject, chosen = actions(data, kind)
    return [compose(subject, a, now_of(subject), tone=tone) for a in chosen]  # type: ignore[arg-type]


def only_draft(data: dict[str, Any], kind: str, tone: str | None = None) -> Draft:
    found = drafts(data, kind, tone)
    assert len(found) == 1, f"expected one {kind}, got {len(found)}"
    return found[0]
