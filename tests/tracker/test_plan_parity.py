"""The stored plan and a fresh plan of the same case never disagree (issue 3, Data)."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from afterword.rules import case_from_data, plan
from afterword.tracker.models import Action, Application
from afterword.tracker.services import build_case, record_event, replan, stored_plan_json
from tests.factories import InterviewerFactory, InterviewFactory
from tests.tracker.conftest import Sample, ny

pytestmark = pytest.mark.django_db

AFTERWORD = Path(sys.executable).with_name("afterword")


def fresh(sample: Sample) -> None:
    replan(sample.application, ny(2026, 3, 3, 9))


def thanked(sample: Sample) -> None:
    record_event(
        sample.application,
        "thank_you_sent",
        ny(2026, 3, 2, 18),
        interview=sample.interview,
        interviewer=sample.dana,
    )


def overdue_and_snoozed(sample: Sample) -> None:
    replan(sample.application, ny(2026, 3, 3, 9))
    Application.objects.update(employer_style="formal")
    sample.application.refresh_from_db()
    record_event(
        sample.application,
        "snoozed",
        ny(2026, 3, 6, 12),
        action="thank_you_letter",
        interview=sample.interview,
        interviewer=sample.dana,
    )


def calls_and_offer(sample: Sample) -> None:
    sample.interview.preferred_channel = "phone"
    sample.interview.decision_by = ny(2026, 3, 6).date()
    sample.interview.save()
    thanked(sample)
    record_event(sample.application, "call_no_answer", ny(2026, 3, 9, 10, 5))
    record_event(
        sample.application, "other_offer", ny(2026, 3, 9, 15), deadline=ny(2026, 3, 16).date()
    )


def two_rounds_and_a_reply(sample: Sample) -> None:
    thanked(sample)
    lee = InterviewerFactory(application=sample.application, name="Lee Park", is_primary=True)
    InterviewFactory(
        application=sample.application,
        round=2,
        start=ny(2026, 3, 10, 14),
        end=ny(2026, 3, 10, 15),
        interviewers=[lee, sample.dana],
        decision_by=ny(2026, 3, 20).date(),
        emphasised="Moving the reporting to one warehouse.",
    )
    record_event(
        sample.application,
        "reply",
        ny(2026, 3, 12, 9),
        no_decision_yet=True,
        new_decision_by=ny(2026, 3, 27).date(),
    )


def decided(sample: Sample) -> None:
    thanked(sample)
    record_event(sample.application, "rejection", ny(2026, 3, 10, 16), note="Went internal")


STATES: dict[str, Callable[[Sample], None]] = {
    "fresh": fresh,
    "thanked": thanked,
    "overdue_and_snoozed": overdue_and_snoozed,
    "calls_and_offer": calls_and_offer,
    "two_rounds_and_a_reply": two_rounds_and_a_reply,
    "decided": decided,
}


def planned_at(sample: Sample) -> Any:
    return Application.objects.get(pk=sample.application.pk).planned_at


@pytest.mark.parametrize("state", list(STATES))
def test_it_stores_exactly_what_the_planner_returns(sample: Sample, state: str) -> None:
    """Rebuilt from rows, the stored plan equals plan(case_from_data(build_case(...)))."""
    STATES[state](sample)
    application = Application.objects.get(pk=sample.application.pk)
    now = application.planned_at

    expected = plan(case_from_data(build_case(application, now), now), now).as_json()

    assert stored_plan_json(application) == expected


@pytest.mark.parametrize("state", ["thanked", "overdue_and_snoozed", "two_rounds_and_a_reply"])
def test_it_agrees_with_the_afterword_plan_command(
    sample: Sample, state: str, tmp_path: Path
) -> None:
    """`afterword plan FILE --format json` on the exported case prints the stored plan."""
    STATES[state](sample)
    application = Application.objects.get(pk=sample.application.pk)
    case_file = tmp_path / "case.json"
    case_file.write_text(json.dumps(build_case(application, application.planned_at)))

    result = subprocess.run(
        [str(AFTERWORD), "plan", str(case_file), "--format", "json"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )

    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == stored_plan_json(application)


def test_it_marks_overdue_actions_as_the_planner_does(sample: Sample) -> None:
    """A thank-you whose window has closed is stored and read back as overdue."""
    overdue_and_snoozed(sample)
    application = Application.objects.get(pk=sample.application.pk)

    actions = stored_plan_json(application)["actions"]

    assert [a["kind"] for a in actions if a["overdue"]] == ["thank_you_email"]
    assert Action.objects.filter(kind="thank_you_letter").get().due == ny(2026, 3, 9, 10)
