"""Properties every plan must have, checked over generated valid cases (hypothesis)."""

from __future__ import annotations

import json
import os
import time as clock
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from afterword.rules import Case, case_from_data, plan
from afterword.rules.calendar import calendar_for

SCHEMA = json.loads((Path(__file__).parents[2] / "schema" / "plan.schema.json").read_text())
PLACES = [
    ("US", "NY", "America/New_York"),
    ("US", "CA", "America/Los_Angeles"),
    ("GB", None, "Europe/London"),
    ("DE", "BY", "Europe/Berlin"),
    ("AU", "NSW", "Australia/Sydney"),
    ("JP", None, "Asia/Tokyo"),
    ("BR", None, "America/Sao_Paulo"),
    ("IN", None, "Asia/Kolkata"),
]
CONTACT_KINDS = {"check_in_email", "check_in_call", "check_portal", "expedite"}
CHECK_IN_KINDS = {"check_in_email", "check_in_call", "check_portal"}
NAMES = ["Dana Reyes", "Sam Okafor", "Lee Chen", "Zoë Ødegård", "Priya Nair", "Jonas Weber"]
SIMPLE_EVENTS = ["reply", "call_no_answer", "next_round", "offer", "rejection", "withdrawn"]


def iso(moment: datetime) -> str:
    return moment.isoformat()


def later(moment: datetime, by: timedelta) -> datetime:
    return (moment.astimezone(UTC) + by).astimezone(moment.tzinfo)


@st.composite
def cases(draw: st.DrawFn) -> dict[str, Any]:
    """A valid case: 1-3 rounds, 0-3 interviewers each, 0-6 events, ``now`` after them all."""
    country, subdivision, zone_name = draw(st.sampled_from(PLACES))
    tz = ZoneInfo(zone_name)
    day = draw(st.dates(date(2024, 1, 1), date(2028, 12, 31)))
    start = datetime.combine(
        day, time(draw(st.integers(7, 18)), draw(st.sampled_from([0, 30]))), tzinfo=tz
    )
    interviews = []
    for round_number in range(1, draw(st.integers(1, 3)) + 1):
        # Durations are added in UTC: wall-clock arithmetic could land inside a DST gap.
        end = later(start, timedelta(minutes=draw(st.sampled_from([30, 60, 90, 240]))))
        people = [
            {
                "id": f"p{round_number}{k}",
                "name": draw(st.sampled_from(NAMES)),
                "email": f"p{round_number}{k}@example.com",
                "primary": draw(st.booleans()),
            }
            for k in range(draw(st.integers(0, 3)))
        ]
        offset = st.integers(-2, 30).map(lambda d, e=end: (e.date() + timedelta(d)).isoformat())
        interviews.append(
            {
                "id": f"i{round_number}",
                "round": round_number,
                "start": iso(start),
                "end": iso(end),
                "interviewers": people,
                "decision_by": draw(st.none() | offset),
                "agreed_follow_up": draw(st.none() | offset),
                "still_interviewing_others": draw(st.none() | st.booleans()),
                "preferred_channel": draw(st.sampled_from([None, "email", "phone", "portal"])),
            }
        )
        start = later(end, timedelta(days=draw(st.integers(1, 20)), hours=draw(st.integers(0, 5))))

    first = datetime.fromisoformat(interviews[0]["start"])
    events = []
    for _ in range(draw(st.integers(0, 6))):
        at = later(first, timedelta(minutes=draw(st.integers(0, 90 * 24 * 60))))
        if draw(st.booleans()):
            at = at.astimezone(UTC)
        kind = draw(
            st.sampled_from(
                ["thank_you_sent", "letter_sent", "check_in_sent", "other_offer", *SIMPLE_EVENTS]
            )
        )
        item: dict[str, Any] = {"at": iso(at), "type": kind}
        promised = st.integers(1, 40).map(lambda d, a=at: (a.date() + timedelta(d)).isoformat())
        if kind in ("thank_you_sent", "letter_sent"):
            with_people = [i for i in interviews if i["interviewers"]]
            if not with_people:
                continue
            chosen = draw(st.sampled_from(with_people))
            item |= {
                "interview": chosen["id"],
                "interviewer": draw(st.sampled_from(chosen["interviewers"]))["id"],
            }
        elif kind == "check_in_sent":
            item |= {
                "channel": draw(st.sampled_from(["email", "phone"])),
                "promised_next": draw(st.none() | promised),
            }
        elif kind == "other_offer":
            item["deadline"] = draw(promised)
        elif kind == "reply":
            item |= {"no_decision_yet": True, "new_decision_by": draw(st.none() | promised)}
        events.append(item)
    latest_event = max([datetime.fromisoformat(e["at"]) for e in events], default=first)
    now = later(max(latest_event, first), timedelta(minutes=draw(st.integers(0, 60 * 24 * 60))))
    return {
        "now": iso(now),
        "profile": draw(st.sampled_from(["prompt", "standard", "patient"])),
        "employer": {
            "name": "Acme",
            "timezone": zone_name,
            "country": country,
            "subdivision": subdivision,
            "style": draw(st.sampled_from(["formal", "casual", "unknown"])),
        },
        "user": {
            "letters": draw(st.booleans()),
            "check_in_channel": draw(st.sampled_from(["email", "phone"])),
            "contact_hour": draw(st.integers(9, 16)),
        },
        "interviews": interviews,
        "events": events,
    }


def planned(data: dict[str, Any]) -> tuple[Case, dict[str, Any]]:
    case = case_from_data(data)
    assert case.now is not None
    return case, plan(case, case.now).as_json()


def latest_interview(case: Case):
    return max(case.interviews, key=lambda i: (i.end, i.round))


PROPERTY_SETTINGS = settings(
    max_examples=int(os.environ.get("AFTERWORD_PROPERTY_EXAMPLES", "300")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)


@PROPERTY_SETTINGS
@given(cases())
def test_every_plan_validates_against_the_contract_schema(data):
    """Output always validates against schema/plan.schema.json."""
    _, result = planned(data)

    jsonschema.validate(result, SCHEMA)


@PROPERTY_SETTINGS
@given(cases())
def test_every_action_window_is_ordered(data):
    """earliest <= due <= latest, and overdue exactly when latest is before now."""
    case, result = planned(data)

    for action in result["actions"]:
        earliest, due, latest = (
            datetime.fromisoformat(action[k]) for k in ("earliest", "due", "latest")
        )
        assert earliest <= due <= latest
        assert action["overdue"] is (latest < case.now)


@PROPERTY_SETTINGS
@given(cases())
def test_each_thank_you_is_due_within_a_day_of_its_interview(data):
    """K2, K3: 0 < due - end <= 24 h."""
    case, result = planned(data)

    ends = {i.id: i.end for i in case.interviews}
    for action in result["actions"]:
        if action["kind"] == "thank_you_email":
            waited = datetime.fromisoformat(action["due"]) - ends[action["interview"]]
            assert timedelta(0) < waited <= timedelta(hours=24)


@PROPERTY_SETTINGS
@given(cases())
def test_contacts_fall_on_business_days_inside_contact_hours(data):
    """T1, T2: no check-in, call or expedite on a weekend, a holiday, or outside 09:00-17:00."""
    case, result = planned(data)

    employer = case.employer
    calendar = calendar_for(employer.country, employer.subdivision, employer.timezone)
    for action in result["actions"]:
        if action["kind"] not in CONTACT_KINDS:
            continue
        for key in ("earliest", "due", "latest"):
            local = datetime.fromisoformat(action[key]).astimezone(calendar.tz)
            assert calendar.is_business_day(local.date()), (key, action)
            assert time(9) <= local.timetz().replace(tzinfo=None) <= time(17), (key, action)
            assert local.utcoffset() == datetime.fromisoformat(action[key]).utcoffset()


@PROPERTY_SETTINGS
@given(cases())
def test_nothing_is_planned_after_a_decision(data):
    """F8: an offer, rejection or withdrawal leaves no action."""
    case, result = planned(data)

    if any(e.type in ("offer", "rejection", "withdrawn") for e in case.events):
        assert result["actions"] == []
        assert result["status"] == "decided"


@PROPERTY_SETTINGS
@given(cases())
def test_never_more_than_three_unanswered_check_ins(data):
    """F7: unanswered check-ins since the last reply, plus the planned one, stay within 3, and
    none is planned once three went unanswered."""
    case, result = planned(data)

    latest = latest_interview(case)
    unanswered = 0
    for e in sorted(case.events, key=lambda e: e.at):
        if e.at < latest.start:
            continue
        if e.type == "reply":
            unanswered = 0
        elif e.type == "check_in_sent":
            unanswered += 1
    planned_check_ins = sum(a["kind"] in CHECK_IN_KINDS for a in result["actions"])
    assert planned_check_ins <= 1
    # The history may already hold more than three (the user kept writing): then none is planned.
    assert unanswered + planned_check_ins <= max(3, unanswered)
    if unanswered >= 3:
        assert planned_check_ins == 0


@PROPERTY_SETTINGS
@given(cases())
def test_no_check_in_before_a_stated_decision_or_agreed_date(data):
    """F1, F2: check-ins come after the decision date in force and on or after the agreed date."""
    case, result = planned(data)

    latest = latest_interview(case)
    decision, agreed = latest.decision_by, latest.agreed_follow_up
    for e in sorted(case.events, key=lambda e: e.at):
        if e.at >= latest.start and e.type == "reply" and e.new_decision_by:
            decision = e.new_decision_by
    tz = ZoneInfo(case.employer.timezone)
    for action in result["actions"]:
        if action["kind"] in CHECK_IN_KINDS:
            day = datetime.fromisoformat(action["due"]).astimezone(tz).date()
            assert decision is None or day > decision
            assert agreed is None or day >= agreed


@PROPERTY_SETTINGS
@given(cases())
def test_identical_input_gives_identical_output_in_any_process_time_zone(data):
    """The planner is a pure function: same case, same plan, whatever TZ the machine uses."""
    first = planned(data)[1]
    previous = os.environ.get("TZ")
    try:
        os.environ["TZ"] = "Pacific/Kiritimati"
        clock.tzset()
        second = planned(json.loads(json.dumps(data)))[1]
    finally:
        if previous is None:
            os.environ.pop("TZ", None)
        else:
            os.environ["TZ"] = previous
        clock.tzset()

    assert first == second


@pytest.mark.parametrize("profile", ["prompt", "standard", "patient"])
def test_the_status_follows_the_contracts_precedence(profile):
    """Status: thank-you pending beats waiting; three silences and nothing left is no_response."""
    data = {
        "now": "2026-05-01T09:00:00+00:00",
        "profile": profile,
        "employer": {"timezone": "Europe/London", "country": "GB"},
        "interviews": [
            {
                "id": "i1",
                "start": "2026-03-02T10:00:00+00:00",
                "end": "2026-03-02T11:00:00+00:00",
                "interviewers": [{"id": "p1", "name": "Ann Lee"}],
            }
        ],
        "events": [
            {"at": f"2026-03-{d}T10:00:00+00:00", "type": "check_in_sent", "channel": "email"}
            for d in (10, 20, 30)
        ],
    }

    assert planned(data)[1]["status"] == "thank_you_pending"
    data["events"].append(
        {
            "at": "2026-03-02T12:00:00+00:00",
            "type": "thank_you_sent",
            "interview": "i1",
            "interviewer": "p1",
        }
    )
    assert planned(data)[1]["status"] == "no_response"


@PROPERTY_SETTINGS
@given(cases())
def test_json_text_and_decoded_data_validate_to_the_same_case(data):
    """case_from_json's fast path (pydantic on the text) agrees with case_from_data."""
    from afterword.rules import case_from_json

    assert case_from_json(json.dumps(data)) == case_from_data(data)
