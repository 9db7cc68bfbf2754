"""Generated valid cases (docs/PLAN_FORMAT.md) for the planner benchmark.

Plain ``random.Random(seed)`` rather than hypothesis: the same seed gives the same cases on every
machine and Python version, so runs stay comparable, and generating 100,000 cases takes seconds.
The shapes follow ``tests/rules/test_planner_properties.py``, widened to every event type, France,
optional contact details and a realistic share of decided applications.
"""

from __future__ import annotations

import json
import random
from datetime import UTC, date, datetime, time, timedelta
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

PLACES: tuple[tuple[str, str | None, str], ...] = (
    ("US", "NY", "America/New_York"),
    ("US", "CA", "America/Los_Angeles"),
    ("GB", None, "Europe/London"),
    ("DE", "BY", "Europe/Berlin"),
    ("FR", None, "Europe/Paris"),
    ("AU", "NSW", "Australia/Sydney"),
    ("JP", None, "Asia/Tokyo"),
    ("BR", None, "America/Sao_Paulo"),
    ("IN", None, "Asia/Kolkata"),
)
PROFILES = ("prompt", "standard", "patient")
STYLES = ("formal", "casual", "unknown")
NAMES = ("Dana Reyes", "Sam Okafor", "Lee Chen", "Zoë Ødegård", "Priya Nair", "Jonas Weber")
TITLES = ("Hiring Manager", "Recruiter", "Team Lead", "Director of Engineering")
ACTION_KINDS = (
    "thank_you_email",
    "thank_you_letter",
    "check_in_email",
    "check_in_call",
    "check_portal",
    "expedite",
)
# Events that leave the application open. Deciding events are drawn separately (DECIDED_SHARE)
# because drawing them uniformly would decide most cases with several events, and a decided case
# returns before nearly all of the planner runs, which would flatter the numbers.
OPEN_EVENTS = (
    "thank_you_sent",
    "letter_sent",
    "check_in_sent",
    "call_no_answer",
    "reply",
    "other_offer",
    "next_round",
    "snoozed",
)
DECIDING_EVENTS = ("offer", "rejection", "withdrawn")
DECIDED_SHARE = 0.15
FIRST_DAY = date(2024, 1, 1)
DAYS_SPANNED = (date(2028, 12, 31) - FIRST_DAY).days
T = TypeVar("T")


def generate_cases(n: int, seed: int) -> list[str]:
    """``n`` valid case JSON texts, the same ones for the same ``seed``."""
    rng = random.Random(seed)
    return [json.dumps(_case(rng), ensure_ascii=False) for _ in range(n)]


def _maybe(rng: random.Random, value: T, chance: float = 0.5) -> T | None:
    return value if rng.random() < chance else None


def _case(rng: random.Random) -> dict[str, Any]:
    country, subdivision, zone_name = rng.choice(PLACES)
    tz = ZoneInfo(zone_name)
    day = FIRST_DAY + timedelta(days=rng.randint(0, DAYS_SPANNED))
    start = datetime.combine(day, time(rng.randint(7, 18), rng.choice((0, 30))), tzinfo=tz)
    interviews = []
    for round_number in range(1, rng.randint(1, 3) + 1):
        end = start + timedelta(minutes=rng.choice((30, 60, 90, 240)))
        interviews.append(_interview(rng, round_number, start, end))
        start = end + timedelta(days=rng.randint(1, 20), hours=rng.randint(0, 5))

    first = datetime.fromisoformat(interviews[0]["start"])
    drawn = [_event(rng, interviews, first) for _ in range(rng.randint(0, 6))]
    events = [event for event in drawn if event is not None]
    if events and rng.random() < DECIDED_SHARE:
        chosen = rng.randrange(len(events))
        events[chosen] = {"at": events[chosen]["at"], "type": rng.choice(DECIDING_EVENTS)}
    rng.shuffle(events)  # input order must not matter: the planner sorts by time itself
    latest_event = max((datetime.fromisoformat(e["at"]) for e in events), default=first)
    # Events must not be after now (validation rejects them), so now comes last.
    now = max(latest_event, first) + timedelta(minutes=rng.randint(0, 60 * 24 * 60))
    case: dict[str, Any] = {
        "now": now.isoformat(),
        "profile": rng.choice(PROFILES),
        "employer": {
            "name": "Acme",
            "timezone": zone_name,
            "country": country,
            "subdivision": subdivision,
            "style": rng.choice(STYLES),
        },
        "role": _maybe(rng, "Junior Analyst"),
        "job_code": _maybe(rng, f"REQ-{rng.randint(1000, 9999)}"),
        "user": {
            "letters": rng.random() < 0.3,
            "check_in_channel": rng.choice(("email", "phone")),
            "contact_hour": rng.randint(9, 16),
        },
        "interviews": interviews,
        "events": events,
    }
    return case


def _interview(
    rng: random.Random, round_number: int, start: datetime, end: datetime
) -> dict[str, Any]:
    people = []
    for k in range(rng.randint(0, 3)):
        person_id = f"p{round_number}{k}"
        person: dict[str, Any] = {
            "id": person_id,
            "name": rng.choice(NAMES),
            "title": _maybe(rng, rng.choice(TITLES)),
            "email": _maybe(rng, f"{person_id}@example.com", 0.8),
            "phone": _maybe(rng, f"+1 212 555 01{rng.randint(10, 99)}", 0.4),
            "address": _maybe(rng, "1 Main Street, Springfield", 0.3),
        }
        if rng.random() < 0.2:
            person["primary"] = True
        people.append(person)

    def near_end() -> str | None:
        return _maybe(rng, (end.date() + timedelta(days=rng.randint(-2, 30))).isoformat())

    return {
        "id": f"i{round_number}",
        "round": round_number,
        "start": start.isoformat(),
        "end": end.isoformat(),
        "interviewers": people,
        "decision_by": near_end(),
        "agreed_follow_up": near_end(),
        "still_interviewing_others": rng.choice((None, True, False)),
        "preferred_channel": rng.choice((None, "email", "phone", "portal")),
    }


def _event(
    rng: random.Random, interviews: list[dict[str, Any]], first: datetime
) -> dict[str, Any] | None:
    at = first + timedelta(minutes=rng.randint(0, 90 * 24 * 60))
    if rng.random() < 0.5:
        at = at.astimezone(UTC)  # offsets other than the employer's are valid input too
    kind = rng.choice(OPEN_EVENTS)
    item: dict[str, Any] = {"at": at.isoformat(), "type": kind}

    def later() -> str:
        return (at.date() + timedelta(days=rng.randint(1, 40))).isoformat()

    if kind in ("thank_you_sent", "letter_sent"):
        with_people = [i for i in interviews if i["interviewers"]]
        if not with_people:
            return None  # nobody to thank; the reference would be invalid
        chosen = rng.choice(with_people)
        item["interview"] = chosen["id"]
        item["interviewer"] = rng.choice(chosen["interviewers"])["id"]
    elif kind == "check_in_sent":
        item["channel"] = rng.choice(("email", "phone"))
        item["promised_next"] = _maybe(rng, later())
    elif kind == "reply":
        item["no_decision_yet"] = True
        item["new_decision_by"] = _maybe(rng, later())
    elif kind == "other_offer":
        item["deadline"] = later()
    elif kind == "snoozed":
        chosen = rng.choice(interviews)
        item["action"] = rng.choice(ACTION_KINDS)
        item["interview"] = chosen["id"]
        if chosen["interviewers"] and rng.random() < 0.7:
            item["interviewer"] = rng.choice(chosen["interviewers"])["id"]
    return item
