"""The case schema's optional drafting fields: rules/case.py."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, tzinfo

import pytest

from afterword.rules import CaseError, case_from_data, plan
from afterword.rules.case import is_known_timezone, known_timezones
from tests.rules.builders import case, interview, person


def test_drafting_fields_are_optional_and_the_planner_ignores_them():
    """salutation, forgot_for and to_clarify_for change no action of the plan."""
    people = [person("p1", "Dr. Anke Brandt"), person("p2", "Sam Okafor")]
    plain = case_from_data(case(interviews=[interview(people=people, forgot="my audit")]))
    people_with = [person("p1", "Dr. Anke Brandt", salutation="Dr Brandt"), people[1]]
    detailed = case_from_data(
        case(
            interviews=[
                interview(
                    people=people_with, forgot="my audit", forgot_for="p2", to_clarify_for="p1"
                )
            ]
        )
    )
    assert plain.now is not None

    assert plan(detailed, plain.now) == plan(plain, plain.now)
    assert detailed.interviews[0].interviewers[0].salutation == "Dr Brandt"


def test_a_point_must_go_to_someone_who_was_there():
    """forgot_for names an interviewer of the same interview, else a clear error."""
    data = case(interviews=[interview(people=[person("p1")], forgot_for="p9")])

    with pytest.raises(CaseError) as error:
        case_from_data(data)

    assert any("forgot_for" in str(p) and "p9" in str(p) for p in error.value.problems)


@pytest.mark.parametrize(
    ("where", "path"),
    [
        ("decision_by", "interviews[0].decision_by"),
        ("event", "events[0].promised_next"),
    ],
)
def test_a_date_outside_the_calendar_is_refused_with_its_path(where: str, path: str) -> None:
    """A date in year 9500, nested anywhere in the case, is named by its path (dates 1900-9000)."""
    data = case()
    if where == "decision_by":
        data["interviews"][0]["decision_by"] = "9500-01-01"
    else:
        data["events"] = [
            {
                "at": "2026-03-02T11:30:00-05:00",
                "type": "check_in_sent",
                "channel": "email",
                "promised_next": "9500-01-01",
            }
        ]

    with pytest.raises(CaseError) as caught:
        case_from_data(data)

    assert [(p.path, "not a plausible date" in p.message) for p in caught.value.problems] == [
        (path, True)
    ]


ODD_ZONE_NAMES = [
    "posixrules",
    "right/UTC",
    "posix/Europe/Berlin",
    "America",
    "America/Gotham",
    "",
    "UTC/",
    "America//New_York",
    "America/../UTC",
    "../etc/passwd",
    "/etc/localtime",
    "zone.tab",
    "tzdata.zi",
    "utc",
    "a\x00b",
]


@pytest.mark.parametrize("name", ODD_ZONE_NAMES)
def test_the_quick_zone_check_agrees_with_the_full_zone_list_on_odd_names(name: str) -> None:
    """is_known_timezone refuses exactly what known_timezones() leaves out."""
    assert is_known_timezone(name) == (name in known_timezones())


def test_the_quick_zone_check_knows_every_listed_zone() -> None:
    """Every name of available_timezones() passes the check that loads one zone."""
    refused = [name for name in sorted(known_timezones()) if not is_known_timezone(name)]

    assert refused == []


class _NoOffset(tzinfo):
    """A zone that knows no offset: a datetime in it is as naive as one without a zone."""

    def utcoffset(self, moment: datetime | None) -> timedelta | None:
        return None


@pytest.mark.parametrize(
    ("end", "message"),
    [
        ("2026-03-02T11:00:00", "must include a UTC offset"),
        (" 2026-03-02 11:00 ", "must include a UTC offset"),
        (datetime(2026, 3, 2, 16, 0), "must include a UTC offset"),
        (datetime(2026, 3, 2, 16, 0, tzinfo=_NoOffset()), "must include a UTC offset"),
        ("soon", "not an ISO 8601 date and time ('soon')"),
        (1772467200, "must be an ISO 8601 date and time text"),
    ],
    ids=["text", "text with a space", "datetime", "zone without offset", "garbled", "number"],
)
def test_a_time_without_an_offset_is_refused_the_same_way_as_text_or_datetime(end, message):
    """Naive text and a naive datetime (no zone, or a zone with no offset) get the one message;
    garbled text and another type keep their own."""
    data = case(interviews=[interview(end=end)])

    with pytest.raises(CaseError) as caught:
        case_from_data(data)

    assert [(p.path, p.message) for p in caught.value.problems] == [("interviews[0].end", message)]


@pytest.mark.parametrize(
    "end",
    ["2026-03-02T16:00:00Z", "2026-03-02T11:00:00-05:00", datetime(2026, 3, 2, 16, 0, tzinfo=UTC)],
    ids=["Z", "offset", "aware datetime"],
)
def test_a_time_with_an_offset_is_taken_as_it_is(end):
    """Z, a written offset or an aware datetime: the same moment."""
    checked = case_from_data(case(interviews=[interview(end=end)]))

    assert checked.interviews[0].end == datetime(2026, 3, 2, 16, 0, tzinfo=UTC)
