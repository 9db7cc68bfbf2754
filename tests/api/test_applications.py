"""/api/applications: list, add, read, plan; the quick-add form's checks; outsiders get 404."""

from __future__ import annotations

from typing import Any

import pytest

from afterword.tracker.models import Application
from tests.factories import ApplicationFactory

pytestmark = pytest.mark.django_db


def test_the_list_is_paginated_newest_first(api: Any, user: Any, now: Any) -> None:
    """limit and offset page through the user's applications; count is the whole."""
    for name in ("First", "Second", "Third"):
        ApplicationFactory(owner=user, employer=name)

    page = api.get("/applications", limit=2, offset=0).json()
    rest = api.get("/applications", limit=2, offset=2).json()

    assert page["count"] == 3
    assert [row["employer"] for row in page["items"] + rest["items"]] == [
        "Third",
        "Second",
        "First",
    ]


def test_the_list_shows_only_the_callers_applications(
    api: Any, user: Any, outsider: Any, now: Any
) -> None:
    """Someone else's application is not listed."""
    ApplicationFactory(owner=outsider, employer="Not Yours Ltd")
    ApplicationFactory(owner=user, employer="Yours Ltd")

    rows = api.get("/applications").json()["items"]

    assert [row["employer"] for row in rows] == ["Yours Ltd"]


def test_a_page_size_beyond_the_limit_is_refused_naming_it(api: Any) -> None:
    """limit=1000 answers 422 with the parameter named."""
    response = api.get("/applications", limit=1000)

    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"][-1] == "limit"


def test_adding_an_application_plans_it_with_the_users_defaults(api: Any, user: Any) -> None:
    """Zone and country left out come from the user's settings; the plan is made at once."""
    response = api.post("/applications", {"employer": "Acme", "role": "Analyst"})

    assert response.status_code == 201
    body = response.json()
    row = Application.objects.get(pk=body["id"])
    assert (row.owner, row.employer_timezone, row.employer_country) == (user, "UTC", "US")
    assert body["planned_at"] is not None


def test_a_bad_zone_is_refused_naming_the_field_and_nothing_is_saved(api: Any) -> None:
    """The form's check answers 422 at body.payload.employer_timezone; no row is written."""
    response = api.post(
        "/applications",
        {"employer": "Acme", "role": "Analyst", "employer_timezone": "Mars/Olympus"},
    )

    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "payload", "employer_timezone"]
    assert not Application.objects.exists()


def test_an_unknown_state_is_refused_as_the_form_refuses_it(api: Any) -> None:
    """A US state code that does not exist is an error on employer_subdivision."""
    response = api.post(
        "/applications",
        {
            "employer": "Acme",
            "role": "Analyst",
            "employer_country": "US",
            "employer_subdivision": "ZZ",
        },
    )

    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"][-1] == "employer_subdivision"


def test_the_plan_is_the_planners_own_format(api: Any, application: Any) -> None:
    """GET .../plan gives status and actions as docs/PLAN_FORMAT.md describes."""
    plan = api.get(f"/applications/{application.pk}/plan").json()

    assert plan["status"] == "thank_you_pending"
    assert {action["kind"] for action in plan["actions"]} >= {"thank_you_email"}
    assert all(action["rules"] for action in plan["actions"])


def test_someone_elses_application_is_404_like_a_missing_one(
    intruder: Any, application: Any
) -> None:
    """Another user's token gets 404 for the application and its plan, as for a junk id."""
    answers = [
        intruder.get(f"/applications/{application.pk}").status_code,
        intruder.get(f"/applications/{application.pk}/plan").status_code,
        intruder.get("/applications/987654").status_code,
    ]

    assert answers == [404, 404, 404]
