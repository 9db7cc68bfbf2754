"""Terminal commands and demo data: the Today rows, the Rich table, and the demo account."""

from __future__ import annotations

import io
from datetime import UTC, datetime
from typing import Any

import pytest
from django.contrib.auth import authenticate, get_user_model
from django.core.management import call_command
from django.test import RequestFactory
from rich.console import Console

from afterword.rules import case_from_data, plan
from afterword.tracker import commands
from afterword.tracker.demo import DEMO_PASSWORD, DEMO_USERNAME
from afterword.tracker.models import Action, Application
from afterword.tracker.services import build_case, replan, stored_plan_json
from tests.tracker.conftest import Sample, ny

pytestmark = pytest.mark.django_db

# A Wednesday afternoon, so that the demo's "last business days" are plain weekdays.
DEMO_NOW = datetime(2026, 3, 11, 20, 0, tzinfo=UTC)


def test_it_lists_today_as_rows_for_the_only_user(sample: Sample) -> None:
    """Without a username the only user's list is given, with reasons and rule ids."""
    replan(sample.application, ny(2026, 3, 3, 9))

    rows = commands.today(None, ny(2026, 3, 3, 9))

    assert [(row["section"], row["kind"], row["person"]) for row in rows] == [
        ("today", "thank_you_email", "Dana Reyes"),
        ("this_week", "check_in_email", "Dana Reyes"),
    ]
    assert rows[0]["employer"] == "Northwind Traders"
    assert rows[0]["rules"] == ["K2", "K1", "K4"]
    assert rows[0]["due_local"] == "Tue 03 Mar 16:00"  # the user's zone is UTC by default
    assert rows[0]["why"].startswith("Thank Dana Reyes")


def test_it_asks_which_user_when_there_are_several(sample: Sample, outsider: Any) -> None:
    """With several users, a missing or unknown username is a clear problem."""
    with pytest.raises(commands.CommandProblem, match="--user"):
        commands.today(None, ny(2026, 3, 3, 9))
    with pytest.raises(commands.CommandProblem, match="nobody"):
        commands.today("nobody", ny(2026, 3, 3, 9))


def test_it_prints_today_as_a_table(sample: Sample) -> None:
    """The Rich table has a block per section and the reasons in full."""
    replan(sample.application, ny(2026, 3, 3, 9))
    output = io.StringIO()

    commands.print_today(commands.today("sam", ny(2026, 3, 3, 9)), Console(file=output, width=200))

    text = output.getvalue()
    assert "Due today" in text and "Coming up this week" in text
    assert "Send a thank-you email" in text and "Northwind Traders" in text
    assert "Overdue" not in text


def test_it_says_so_when_nothing_is_due() -> None:
    """An empty list prints one friendly line instead of an empty table."""
    output = io.StringIO()

    commands.print_today([], Console(file=output, width=100))

    assert output.getvalue().startswith("Nothing is due this week.")


def test_it_creates_the_demo_account_in_an_empty_database() -> None:
    """The demo user can log in and has applications in every state."""
    created = commands.ensure_demo(DEMO_NOW)

    assert created == (DEMO_USERNAME, DEMO_PASSWORD)
    # A log-in comes with its request: django-axes counts failures per address.
    login = RequestFactory().post("/accounts/login/")
    user = authenticate(login, username=DEMO_USERNAME, password=DEMO_PASSWORD)
    assert user is not None
    statuses = sorted(Application.objects.filter(owner=user).values_list("status", flat=True))
    assert statuses == [
        "decided",
        "no_response",
        "thank_you_pending",
        "thank_you_pending",
        "waiting",
        "waiting",
    ]


def test_it_fills_the_demo_with_the_promised_situations() -> None:
    """Two thank-yous for one panel, a due check-in, a repeat call, a letter to Berlin."""
    commands.ensure_demo(DEMO_NOW)

    def kinds(employer: str) -> list[str]:
        return list(
            Action.objects.filter(application__employer=employer).values_list("kind", flat=True)
        )

    assert kinds("Larkspur Health").count("thank_you_email") == 2
    assert kinds("Tidewater Analytics") == ["check_in_email"]
    assert kinds("Copperfield Mobility") == ["check_in_call"]
    assert "thank_you_letter" in kinds("Kranich Feinmechanik GmbH")
    berlin = Application.objects.get(employer="Kranich Feinmechanik GmbH")
    assert (berlin.employer_timezone, berlin.employer_subdivision) == ("Europe/Berlin", "BE")
    rows = commands.today(DEMO_USERNAME, DEMO_NOW)
    assert {"Tidewater Analytics", "Copperfield Mobility"} <= {row["employer"] for row in rows}


def test_it_stores_demo_plans_that_match_a_fresh_plan() -> None:
    """Every demo application's stored plan equals a fresh plan of its case."""
    commands.ensure_demo(DEMO_NOW)

    for application in Application.objects.all():
        expected = plan(case_from_data(build_case(application, DEMO_NOW)), DEMO_NOW).as_json()
        assert stored_plan_json(application) == expected, application.employer


def test_it_leaves_a_database_with_users_alone(user: Any) -> None:
    """No demo data once anybody has an account."""
    created = commands.ensure_demo(DEMO_NOW)

    assert created is None
    assert get_user_model().objects.count() == 1
    assert Application.objects.count() == 0


def test_it_prepares_the_database_quietly(capsys: pytest.CaptureFixture[str]) -> None:
    """Migrating an up-to-date database prints nothing."""
    commands.prepare_database()

    assert capsys.readouterr() == ("", "")


@pytest.mark.parametrize("weekday", range(7))
def test_it_builds_a_valid_demo_on_any_day_of_the_week(weekday: int) -> None:
    """Dates are relative to now: weekends and Mondays must work as well."""
    now = datetime(2026, 3, 9 + weekday, 14, 0, tzinfo=UTC)

    commands.ensure_demo(now)

    assert Application.objects.count() == 6
    assert not [a for a in Application.objects.all() if a.planned_at != now]
    assert get_user_model().objects.get().username == DEMO_USERNAME


def test_it_replans_everything_from_the_management_command(sample: Sample, now: datetime) -> None:
    """`manage.py replan` plans every application at the current time and says how many."""
    output = io.StringIO()

    call_command("replan", stdout=output)

    assert output.getvalue().strip() == "Re-planned 1 application(s)."
    assert Application.objects.get().planned_at == now
    assert Action.objects.filter(application=sample.application).count() == 2
