"""A malformed export is refused with its JSON path, and nothing of it is written."""

from __future__ import annotations

import copy
import json
from datetime import datetime
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from afterword.portability.bundle import BundleError
from afterword.portability.export import export_bundle
from afterword.portability.importer import import_bundle
from afterword.tracker import access
from afterword.tracker.models import Application, Event, Interviewer
from tests.factories import UserFactory


@pytest.fixture
def exported(demo_user: Any, now: datetime) -> dict[str, Any]:
    return export_bundle(demo_user, now)


def _refused(user: Any, data: Any, now: datetime) -> list[str]:
    with pytest.raises(BundleError) as caught:
        import_bundle(user, json.dumps(data).encode(), now)
    assert not access.belonging_to(user.pk, Application).exists(), "nothing half-imported"
    return caught.value.problems


def test_a_wrong_zone_in_the_third_application_is_named_by_its_path(
    exported: dict[str, Any], now: datetime
) -> None:
    """applications[2].case.employer.timezone, and the first two are not kept either."""
    exported["applications"][2]["case"]["employer"]["timezone"] = "Moon/Base"
    twin = UserFactory(username="twin")

    problems = _refused(twin, exported, now)

    assert problems[0].startswith("applications[2].case.employer.timezone: unknown time zone")


def test_a_draft_naming_a_missing_interview_is_refused(
    exported: dict[str, Any], now: datetime
) -> None:
    """A draft's interview must be one of its application's."""
    entry = next(e for e in exported["applications"] if e["drafts"])
    entry["drafts"][0]["interview"] = "i99"
    where = exported["applications"].index(entry)

    problems = _refused(UserFactory(username="twin"), exported, now)

    assert problems == [f"applications[{where}].drafts[0].interview: no interview has the id 'i99'"]


def test_broken_json_says_line_and_column(db: None, now: datetime) -> None:
    """Not JSON at all: where the parser stopped."""
    twin = UserFactory(username="twin")

    with pytest.raises(BundleError) as caught:
        import_bundle(twin, b'{"format": "afterword-export",\n "version": 1,,}', now)

    assert caught.value.problems == [
        "line 2, column 15: Expecting property name enclosed in double quotes"
    ]


def test_a_file_from_elsewhere_is_named_as_such(db: None, now: datetime) -> None:
    """A plain case (afterword plan's input) is no export: the message says what is expected."""
    twin = UserFactory(username="twin")

    problems = _refused(twin, {"employer": {"timezone": "UTC", "country": "US"}}, now)

    assert problems[0].startswith('format: expected "afterword-export"')


def test_an_event_in_the_future_of_the_import_is_refused(
    exported: dict[str, Any], now: datetime
) -> None:
    """The planner's own check (events not after now) applies, with the full path."""
    entry = next(e for e in exported["applications"] if e["case"]["events"])
    entry["case"]["events"][0]["at"] = "2099-01-01T10:00:00+00:00"
    where = exported["applications"].index(entry)

    problems = _refused(UserFactory(username="twin"), exported, now)

    assert any(p.startswith(f"applications[{where}].case.events[0].at:") for p in problems)


# Leaves of the document that hypothesis may replace with junk.
def _paths(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    if isinstance(value, dict):
        return [p for k, v in value.items() for p in _paths(v, (*path, k))] or [path]
    if isinstance(value, list):
        return [p for i, v in enumerate(value) for p in _paths(v, (*path, i))] or [path]
    return [path]


junk = st.one_of(
    st.none(),
    st.integers(-5, 10**6),
    st.text(max_size=12),
    st.booleans(),
    st.lists(st.integers(), max_size=2),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_junk_anywhere_imports_whole_or_not_at_all(
    exported: dict[str, Any], now: datetime, data: st.DataObject
) -> None:
    """One value anywhere made junk: a clean import, or a refusal with a path and no rows."""
    document = copy.deepcopy(exported)
    paths = [p for p in _paths(document) if p]
    path = data.draw(st.sampled_from(paths))
    target = document
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = data.draw(junk)
    twin = UserFactory(username="twin")
    access.belonging_to(twin.pk, Application).delete()

    try:
        import_bundle(twin, json.dumps(document).encode(), now)
    except BundleError as error:
        assert error.problems and all(p and ":" in p for p in error.problems)
        assert not access.belonging_to(twin.pk, Application).exists()
        assert not access.belonging_to(twin.pk, Interviewer).exists()
        assert not access.belonging_to(twin.pk, Event).exists()
    else:
        assert access.belonging_to(twin.pk, Application).count() == len(document["applications"])
