"""`afterword plan`: JSON in, plan out; bad input gets exit 2, stderr only, no traceback."""

from __future__ import annotations

import copy
import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from afterword.cli import app
from tests.rules.builders import case, event, interview, person, thanked

EXAMPLES = Path(__file__).parents[1] / "examples"
runner = CliRunner()


def run_plan(text: str, *args: str):
    return runner.invoke(app, ["plan", "-", *args], input=text)


def test_it_prints_the_plan_as_json_when_output_is_not_a_terminal():
    """A valid case plans with exit 0, and the JSON is the plan."""
    result = run_plan(json.dumps(case(events=[thanked()], now="2026-03-03T09:00:00-05:00")))

    assert result.exit_code == 0, result.stderr
    plan = json.loads(result.stdout)
    assert plan["status"] == "waiting"
    assert [a["kind"] for a in plan["actions"]] == ["check_in_email"]
    assert result.stderr == ""


def test_it_prints_a_readable_table_on_request():
    """--format table shows the employer, the action and its reason."""
    result = runner.invoke(
        app, ["plan", "-", "--format", "table"], input=json.dumps(case()), env={"COLUMNS": "160"}
    )

    assert result.exit_code == 0
    assert "Northwind Traders" in result.stdout
    assert "Thank-you email" in result.stdout
    assert "Dana Reyes" in result.stdout


def test_it_reads_a_file_and_matches_the_example_plan():
    """A real process reading a file prints the same plan as the planner in-process."""
    completed = subprocess.run(
        [sys.executable, "-m", "afterword.cli", "plan", str(EXAMPLES / "northwind-waiting.json")],
        capture_output=True,
        text=True,
        check=False,
    )

    assert completed.returncode == 0, completed.stderr
    assert json.loads(completed.stdout)["actions"][-1]["due"] == "2026-03-16T10:00:00-04:00"


def mutated(change) -> str:
    data = copy.deepcopy(case(events=[thanked()], now="2026-03-03T09:00:00-05:00"))
    change(data)
    return json.dumps(data)


def _set(path: list, value):
    def change(data):
        target = data
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value

    return change


def _delete(path: list):
    def change(data):
        target = data
        for key in path[:-1]:
            target = target[key]
        del target[path[-1]]

    return change


def _append_event(item):
    return lambda data: data["events"].append(item)


BAD_INPUTS = {
    "malformed JSON": ('{"employer": ', "not valid JSON"),
    "non-object JSON": ("[1, 2]", "the case must be a JSON object, not an array"),
    "missing employer": (mutated(_delete(["employer"])), "employer: required"),
    "missing time zone": (
        mutated(_delete(["employer", "timezone"])),
        "employer.timezone: required",
    ),
    "missing interviews": (mutated(_delete(["interviews"])), "interviews: required"),
    "empty interviews": (mutated(_set(["interviews"], [])), "interviews: must not be empty"),
    "missing start": (
        mutated(_delete(["interviews", 0, "start"])),
        "interviews[0].start: required",
    ),
    "naive timestamp": (
        mutated(_set(["interviews", 0, "end"], "2026-03-02T11:00:00")),
        "interviews[0].end: must include a UTC offset",
    ),
    "unparseable timestamp": (
        mutated(_set(["interviews", 0, "start"], "next Monday")),
        "interviews[0].start: not an ISO 8601 date and time",
    ),
    "unparseable date": (
        mutated(_set(["interviews", 0, "decision_by"], "2026-02-30")),
        "interviews[0].decision_by: not an ISO 8601 date",
    ),
    "end before start": (
        mutated(_set(["interviews", 0, "end"], "2026-03-02T09:00:00-05:00")),
        "interviews[0].end: must be after start",
    ),
    "unknown time zone": (
        mutated(_set(["employer", "timezone"], "America/Gotham")),
        "employer.timezone: unknown time zone 'America/Gotham'",
    ),
    "unknown country": (
        mutated(_set(["employer", "country"], "XQ")),
        "employer.country: unknown country code 'XQ'",
    ),
    "unknown subdivision": (
        mutated(_set(["employer", "subdivision"], "ZZ")),
        "employer.subdivision: unknown code 'ZZ' for country US",
    ),
    "duplicate interview ids": (
        mutated(
            lambda d: d["interviews"].append(
                interview(start="2026-03-04T10:00:00-05:00", end="2026-03-04T11:00:00-05:00")
            )
        ),
        "interviews[1].id: duplicate id 'i1'",
    ),
    "duplicate interviewer ids": (
        mutated(_set(["interviews", 0, "interviewers"], [person("p1"), person("p1", "Sam Ng")])),
        "interviews[0].interviewers[1].id: duplicate id 'p1'",
    ),
    "event names an unknown interview": (
        mutated(_append_event(thanked(iid="i9"))),
        "events[1].interview: no interview has id 'i9'",
    ),
    "event names an unknown interviewer": (
        mutated(_append_event(thanked(pid="p7"))),
        "events[1].interviewer: no interviewer with id 'p7' in that interview",
    ),
    "event after now": (
        mutated(_append_event(event("2026-03-04T09:00:00-05:00", "reply"))),
        "events[1].at: is after now",
    ),
    "unknown event type": (
        mutated(_append_event(event("2026-03-02T19:00:00-05:00", "lunch"))),
        "events[1].type: must be one of",
    ),
    "event missing its fields": (
        mutated(_append_event(event("2026-03-02T19:00:00-05:00", "other_offer"))),
        "events[1].deadline: required for a other_offer event",
    ),
    "invalid profile": (
        mutated(_set(["profile"], "eager")),
        "profile: must be one of 'prompt', 'standard' or 'patient'",
    ),
    "contact hour outside 9-16": (
        mutated(_set(["user"], {"contact_hour": 20})),
        "user.contact_hour: Input should be less than or equal to 16",
    ),
    "unknown field": (mutated(_set(["colour"], "blue")), "colour: unknown field"),
    "input over 5 MB": ('{"pad": "' + "x" * (5 * 1024 * 1024) + '"}', "input is larger than 5 MB"),
}


@pytest.mark.parametrize("text,expected", BAD_INPUTS.values(), ids=BAD_INPUTS.keys())
def test_bad_input_exits_2_with_a_message_naming_the_field(text, expected):
    """Exit 2, nothing on stdout, the problem named on stderr, never a traceback."""
    result = run_plan(text)

    assert result.exit_code == 2
    assert result.stdout == ""
    assert expected in result.stderr
    assert "Traceback" not in result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_every_problem_gets_its_own_line():
    """Three independent mistakes give three lines, each naming its field."""
    data = case()
    data["profile"] = "eager"
    data["employer"]["timezone"] = "Nowhere/City"
    data["interviews"][0]["start"] = "2026-03-02 10:00"

    result = run_plan(json.dumps(data))

    lines = result.stderr.strip().splitlines()
    assert [line.split(":")[1].strip() for line in lines] == [
        "profile",
        "employer.timezone",
        "interviews[0].start",
    ]


def test_a_missing_file_is_a_clear_error():
    """A path that does not exist: exit 2 and a message naming it."""
    result = runner.invoke(app, ["plan", "/nonexistent/case.json"])

    assert result.exit_code == 2
    assert "/nonexistent/case.json: cannot read" in result.stderr


def test_the_real_process_shows_no_traceback_for_bad_json():
    """The console script itself exits 2 with a one-line message."""
    completed = subprocess.run(
        [sys.executable, "-m", "afterword.cli", "plan", "-"],
        input="{oops",
        capture_output=True,
        text=True,
        check=False,
    )

    assert completed.returncode == 2
    assert completed.stdout == ""
    assert completed.stderr.startswith("error: not valid JSON")
    assert "Traceback" not in completed.stderr


def test_every_example_case_plans_cleanly():
    """The examples shipped in examples/ are valid cases."""
    result = runner.invoke(app, ["examples"])

    assert result.exit_code == 0, result.stderr
    for path in EXAMPLES.glob("*.json"):
        assert path.name in result.stdout


def test_planning_one_case_loads_no_django_jinja_dateparser_or_rich():
    """`afterword plan` starts light: only the commands that need them load the heavy parts."""
    probe = (
        "import sys\n"
        "from afterword.cli_main import main\n"
        f"sys.argv = ['afterword', 'plan', {str(EXAMPLES / 'northwind-waiting.json')!r}]\n"
        "try:\n"
        "    main()\n"
        "except SystemExit as stop:\n"
        "    assert not stop.code, stop.code\n"
        "heavy = ('django', 'jinja2', 'dateparser', 'rich', 'afterword.rules.phrases',"
        " 'afterword.drafting', 'afterword.reading')\n"
        "print(sorted(m for m in sys.modules if m.startswith(heavy)), file=sys.stderr)\n"
    )
    completed = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=False
    )

    assert completed.returncode == 0, completed.stderr
    assert json.loads(completed.stdout)["status"]
    assert completed.stderr.strip() == "[]"
