"""Small builders for planner cases in the docs/PLAN_FORMAT.md shape, with readable defaults.

The default case: a standard-profile candidate interviewed on Monday 2 March 2026, 10:00-11:00
in New York, by Dana Reyes, nothing said about timing or channel.
"""

from __future__ import annotations

from typing import Any

from afterword.rules import case_from_data, plan


def person(pid: str = "p1", name: str = "Dana Reyes", **fields: Any) -> dict[str, Any]:
    return {"id": pid, "name": name, "email": f"{pid}@northwind.example", **fields}


def interview(
    iid: str = "i1",
    start: str = "2026-03-02T10:00:00-05:00",
    end: str = "2026-03-02T11:00:00-05:00",
    people: list[dict[str, Any]] | None = None,
    **fields: Any,
) -> dict[str, Any]:
    return {
        "id": iid,
        "round": fields.pop("round", 1),
        "start": start,
        "end": end,
        "interviewers": [person()] if people is None else people,
        **fields,
    }


def event(at: str, kind: str, **fields: Any) -> dict[str, Any]:
    return {"at": at, "type": kind, **fields}


def thanked(at: str = "2026-03-02T18:00:00-05:00", iid: str = "i1", pid: str = "p1") -> dict:
    return event(at, "thank_you_sent", interview=iid, interviewer=pid)


def case(
    interviews: list[dict[str, Any]] | None = None,
    events: list[dict[str, Any]] | None = None,
    now: str = "2026-03-02T12:00:00-05:00",
    **fields: Any,
) -> dict[str, Any]:
    employer = {
        "name": "Northwind Traders",
        "timezone": "America/New_York",
        "country": "US",
        "subdivision": "NY",
        **fields.pop("employer", {}),
    }
    return {
        "now": now,
        "employer": employer,
        "role": "Junior Analyst",
        "job_code": "REQ-1182",
        "interviews": [interview()] if interviews is None else interviews,
        "events": events or [],
        **fields,
    }


def planned(data: dict[str, Any]) -> dict[str, Any]:
    """Validate a case the way the CLI does and return its plan as JSON data."""
    validated = case_from_data(data)
    assert validated.now is not None
    return plan(validated, validated.now).as_json()


def only(result: dict[str, Any], kind: str) -> dict[str, Any]:
    matching = [a for a in result["actions"] if a["kind"] == kind]
    assert len(matching) == 1, f"expected one {kind}, got {result['actions']}"
    return matching[0]


def kinds(result: dict[str, Any]) -> list[str]:
    return [a["kind"] for a in result["actions"]]


def note_rules(result: dict[str, Any]) -> list[tuple[str, ...]]:
    return [tuple(n["rules"]) for n in result["notes"]]
