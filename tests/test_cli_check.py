"""`afterword check`: the installed command, run as a real process.

Exit 0 without errors, 1 with errors, 2 on bad input (stderr only, no traceback).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from afterword.drafting import compose
from afterword.rules import case_from_data, plan
from tests.rules.builders import case, interview, person

AFTERWORD = Path(sys.executable).with_name("afterword")
CLEAN = """Subject: Thank you for the Junior Analyst interview

Dear Dana Reyes,

Thank you for meeting with me to discuss the Junior Analyst position at Northwind Traders. \
Your focus on data quality in the monthly reporting stayed with me.

If I have not heard from you by then, I will follow up on Monday, March 16.

Kind regards,
Alex Morgan
"""


def run(*args: str, stdin: str | bytes | None = None) -> subprocess.CompletedProcess[str]:
    data = stdin.encode() if isinstance(stdin, str) else stdin
    completed = subprocess.run(
        [str(AFTERWORD), "check", *args], input=data, capture_output=True, check=False
    )
    return subprocess.CompletedProcess(
        completed.args,
        completed.returncode,
        completed.stdout.decode(),
        completed.stderr.decode(),
    )


@pytest.fixture
def case_file(tmp_path: Path) -> Path:
    people = [
        person("p1", "Dana Reyes", title="Hiring Manager", emphasised="data quality in reporting")
    ]
    data = case(
        interviews=[interview(people=people, decision_by="2026-03-13")],
        candidate={"name": "Alex Morgan"},
    )
    path = tmp_path / "case.json"
    path.write_text(json.dumps(data))
    return path


def draft(tmp_path: Path, text: str, name: str = "draft.txt") -> Path:
    path = tmp_path / name
    path.write_text(text)
    return path


def test_a_clean_draft_exits_0_and_says_so(tmp_path, case_file):
    """No findings: exit 0, a one-line summary naming what was checked, nothing on stderr."""
    result = run(str(draft(tmp_path, CLEAN)), "--case", str(case_file))

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == (
        "No problems found in the thank-you email to Dana Reyes (--action 0)."
    )
    assert result.stderr == ""


def test_errors_exit_1_with_line_and_column_in_the_file(tmp_path, case_file):
    """Each finding is one line "line:col severity code: message", positions in FILE."""
    text = CLEAN.replace("Dear Dana Reyes,", "Dear Dana Reyse,")

    result = run(str(draft(tmp_path, text)), "--case", str(case_file))

    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines[0].startswith("3:6 error name_misspelled: “Dana Reyse”")
    assert (
        lines[-1]
        == "1 error, 0 warnings, 0 advice in the thank-you email to Dana Reyes (--action 0)."
    )


def test_a_finding_in_the_subject_points_into_the_first_line(tmp_path, case_file):
    """Subject spans are counted after "Subject: " on line 1."""
    text = CLEAN.replace("Junior Analyst interview", "{{ role }} interview", 1)

    result = run(str(draft(tmp_path, text)), "--case", str(case_file))

    assert result.returncode == 1
    assert result.stdout.splitlines()[0].startswith("1:28 error placeholder:")


def test_warnings_alone_exit_0(tmp_path, case_file):
    """A spelling mistake is a warning: reported, but the exit status stays 0."""
    text = CLEAN.replace("stayed with me", "stayed with me as I recieve it")

    result = run(str(draft(tmp_path, text)), "--case", str(case_file))

    assert result.returncode == 0
    assert "warning spelling: “recieve” looks misspelled: did you mean “receive”?" in result.stdout


def test_json_lists_findings_with_spans_positions_and_text(tmp_path, case_file):
    """--format json prints a list of findings with field, span, line, column and text."""
    text = CLEAN.replace("Monday, March 16", "Friday, March 20")

    result = run(str(draft(tmp_path, text)), "--case", str(case_file), "--format", "json")

    assert result.returncode == 1
    (finding,) = json.loads(result.stdout)
    assert finding["code"] == "promise_mismatch"
    assert finding["severity"] == "error"
    assert finding["field"] == "body"
    assert finding["text"] == "Friday, March 20"
    assert (finding["line"], finding["column"]) == (7, 59)
    body = text.split("\n\n", 1)[1]
    assert body[finding["start"] : finding["end"]] == "Friday, March 20"
    assert "Monday, March 16" in finding["message"]


def test_json_of_a_clean_draft_is_an_empty_list(tmp_path, case_file):
    """No findings in JSON is []."""
    result = run(str(draft(tmp_path, CLEAN)), "--case", str(case_file), "--format", "json")

    assert (result.returncode, json.loads(result.stdout)) == (0, [])


def test_the_draft_can_come_from_standard_input(case_file):
    """FILE - reads the draft from stdin."""
    result = run("-", "--case", str(case_file), stdin=CLEAN.replace("Dana Reyes,", "[Name],"))

    assert result.returncode == 1
    assert "error placeholder: “[Name]”" in result.stdout


def test_without_a_subject_line_the_whole_file_is_the_body(tmp_path, case_file):
    """No "Subject:" line: the email has no subject, which is an error."""
    body = CLEAN.split("\n\n", 1)[1]

    result = run(str(draft(tmp_path, body)), "--case", str(case_file), "--format", "json")

    assert result.returncode == 1
    assert [f["code"] for f in json.loads(result.stdout)] == ["missing_subject"]


def test_action_chooses_the_message_checked_against(tmp_path, case_file):
    """--action 1 is the check-in email: no thanks needed, the greeting still checked."""
    text = "Subject: Following up\n\nDear Dana Reyes,\n\nI am writing about the role.\n\nBest\n"

    result = run(str(draft(tmp_path, text)), "--case", str(case_file), "--action", "1")

    assert result.returncode == 0, result.stdout
    assert "the check-in email to Dana Reyes (--action 1)" in result.stdout


def test_a_user_word_list_allows_its_words(tmp_path, case_file):
    """--words FILE: those words are not spelling mistakes."""
    text = CLEAN.replace("stayed with me", "stayed with me, as did the frobnitz")
    words = draft(tmp_path, "# mine\nfrobnitz\n", "words.txt")

    plain = run(str(draft(tmp_path, text)), "--case", str(case_file))
    allowed = run(str(draft(tmp_path, text)), "--case", str(case_file), "--words", str(words))

    assert "frobnitz" in plain.stdout
    assert "frobnitz" not in allowed.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--action", "9"], "error: --action: 9 is out of range: the plan has 2 actions"),
        (["--action", "-1"], "error: --action: -1 is out of range"),
        (["--words", "/nonexistent/words.txt"], "error: /nonexistent/words.txt: cannot read"),
    ],
)
def test_bad_options_exit_2_with_one_clear_line(tmp_path, case_file, args, message):
    """Out-of-range actions and unreadable word lists: exit 2, stderr only, no traceback."""
    result = run(str(draft(tmp_path, CLEAN)), "--case", str(case_file), *args)

    assert result.returncode == 2
    assert result.stderr.startswith(message)
    assert result.stdout == ""
    assert "Traceback" not in result.stderr


def test_an_invalid_case_exits_2_naming_the_field(tmp_path):
    """A case missing its employer is refused field by field."""
    bad = draft(tmp_path, json.dumps({"interviews": []}), "case.json")

    result = run(str(draft(tmp_path, CLEAN)), "--case", str(bad))

    assert result.returncode == 2
    assert "error: --case: employer: required" in result.stderr.splitlines()
    assert result.stdout == ""
    assert "Traceback" not in result.stderr


def test_a_case_that_is_not_json_exits_2(tmp_path):
    """Broken JSON in --case is a clear error, not a traceback."""
    bad = draft(tmp_path, "{not json", "case.json")

    result = run(str(draft(tmp_path, CLEAN)), "--case", str(bad))

    assert result.returncode == 2
    assert result.stderr.startswith("error: --case:")
    assert "Traceback" not in result.stderr


def test_a_missing_case_file_exits_2(tmp_path):
    """An unreadable --case names the file."""
    result = run(str(draft(tmp_path, CLEAN)), "--case", str(tmp_path / "absent.json"))

    assert result.returncode == 2
    assert "absent.json: cannot read" in result.stderr


def test_a_draft_that_is_not_utf8_exits_2(tmp_path, case_file):
    """Bytes that are not UTF-8 text are refused with the file's name."""
    path = tmp_path / "latin1.txt"
    path.write_bytes("Subject: Danke\n\nSehr geehrte Frau Müller".encode("latin-1"))

    result = run(str(path), "--case", str(case_file))

    assert result.returncode == 2
    assert result.stderr.strip() == f"error: {path}: not UTF-8 text"


def test_a_case_with_nothing_planned_exits_2(tmp_path):
    """A decided application has no action to check a draft against."""
    data = case(events=[{"at": "2026-03-02T11:30:00-05:00", "type": "offer"}])
    decided = draft(tmp_path, json.dumps(data), "case.json")

    result = run(str(draft(tmp_path, CLEAN)), "--case", str(decided))

    assert result.returncode == 2
    assert "nothing is planned for this case" in result.stderr


def test_file_and_case_cannot_both_be_stdin():
    """Only one input can come from standard input."""
    result = run("-", "--case", "-", stdin="{}")

    assert result.returncode == 2
    assert result.stderr.strip() == "error: FILE and --case cannot both be - (standard input)"


def test_a_passage_copied_from_a_siblings_draft_is_flagged(tmp_path):
    """The CLI composes the case's other thank-you drafts and compares: copying Sam's draft
    into Dana's gives a shared passage (and, nearly all of it the same, an error)."""
    people = [
        person("p1", "Dana Reyes", title="Hiring Manager", emphasised="data quality in reporting"),
        person("p2", "Sam Okafor", title="Team Lead", emphasised="stakeholder updates"),
    ]
    data = case(interviews=[interview(people=people)], candidate={"name": "Alex Morgan"})
    case_path = tmp_path / "case.json"
    case_path.write_text(json.dumps(data))
    the = case_from_data(data)
    assert the.now is not None
    sam = compose(the, plan(the, the.now).actions[1], the.now)
    copied = sam.body.replace("Sam", "Dana").replace("Okafor", "Reyes")

    result = run(
        str(draft(tmp_path, f"Subject: {sam.subject}\n\n{copied}")),
        "--case", str(case_path), "--action", "0", "--format", "json",
    )  # fmt: skip

    codes = {finding["code"] for finding in json.loads(result.stdout)}
    assert "shared_passage" in codes
