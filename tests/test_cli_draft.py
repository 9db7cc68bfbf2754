"""`afterword draft` run as a real process; bad input exits 2 without a traceback."""

from __future__ import annotations

import json
import os
import pty
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).parents[1] / "examples"
AFTERWORD = str(Path(sys.executable).with_name("afterword"))
BERLIN = str(EXAMPLES / "berlin-formal-second-round.json")
FABRIKAM = str(EXAMPLES / "fabrikam-fast-decision.json")


def afterword(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [AFTERWORD, *args],
        input=stdin.encode() if stdin is not None else None,
        capture_output=True,
        check=False,
        timeout=120,
    )


def refused(run: subprocess.CompletedProcess[bytes]) -> str:
    """Bad input: exit 2, nothing on stdout, and a one-line-per-problem message, no traceback."""
    stderr = run.stderr.decode()
    assert run.returncode == 2, stderr
    assert run.stdout == b""
    assert "Traceback" not in stderr
    return stderr


def test_text_shows_every_draft_with_its_action_recipient_and_subject():
    """Default text: each planned action's draft, headed by --action N, To and Subject."""
    run = afterword("draft", FABRIKAM)

    out = run.stdout.decode()
    assert run.returncode == 0 and run.stderr == b""
    assert out.count("--action ") == 3
    assert "--action 0: Thank-you email, warm tone" in out
    assert "To: Marisol Vega <marisol.vega@fabrikam.example>" in out
    assert "Subject: " in out and "Hi Tom," in out
    assert "Announces the check-in on Thursday, November 19 (K7)" in out


def test_json_lists_every_field_including_letter_blocks_and_promised_date():
    """--format json: a list of drafts with all fields; the letter's blocks are lists."""
    run = afterword("draft", BERLIN, "--format", "json")

    drafts = json.loads(run.stdout)
    assert run.returncode == 0
    assert [d["action"] for d in drafts] == list(range(len(drafts)))
    thank_you = next(d for d in drafts if d["kind"] == "thank_you_email")
    # The check-in (21 Dec) falls after the other offer's deadline (11 Dec): nothing promised.
    assert "promised_next" in thank_you and thank_you["promised_next"] is None
    letter = next(d for d in drafts if d["kind"] == "thank_you_letter")
    assert set(letter) >= {"kind", "tone", "to_name", "to_email", "subject", "body", "letter"}
    assert letter["letter"]["date_line"] == "3 December 2026"
    assert letter["letter"]["recipient_lines"][0] == "Dr. Katrin Hoffmann"
    assert isinstance(letter["letter"]["paragraphs"], list)


def test_one_action_in_json_is_one_object_in_the_chosen_tone():
    """--action picks one draft, printed as an object; --tone overrides the employer's style."""
    run = afterword("draft", FABRIKAM, "--action", "2", "--format", "json", "--tone", "formal")

    draft = json.loads(run.stdout)
    assert run.returncode == 0
    assert draft["action"] == 2 and draft["kind"] == "check_in_email"
    assert draft["tone"] == "formal" and draft["body"].startswith("Dear Marisol Vega,")


def test_a_case_on_stdin_works_like_a_file():
    """- reads the case from standard input."""
    run = afterword("draft", "-", "--format", "json", stdin=(EXAMPLES / FABRIKAM).read_text())

    assert run.returncode == 0 and len(json.loads(run.stdout)) == 3


def test_output_writes_the_file_and_nothing_to_stdout(tmp_path):
    """--output FILE: the drafts go to the file."""
    target = tmp_path / "drafts.txt"

    run = afterword("draft", FABRIKAM, "--output", str(target))

    assert run.returncode == 0 and run.stdout == b""
    assert "Hi Marisol," in target.read_text()


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) needed")
def test_pdf_writes_the_letter_on_the_employers_paper(tmp_path):
    """--format pdf: a one-page PDF of the thank-you letter, A4 for Germany."""
    target = tmp_path / "letter.pdf"
    actions = json.loads(afterword("draft", BERLIN, "--format", "json").stdout)
    index = next(d["action"] for d in actions if d["kind"] == "thank_you_letter")

    run = afterword("draft", BERLIN, "--action", str(index), "--format", "pdf", "-o", str(target))

    assert run.returncode == 0, run.stderr.decode()
    assert target.read_bytes().startswith(b"%PDF")
    info = subprocess.run(["pdfinfo", str(target)], capture_output=True, text=True).stdout
    assert re.search(r"^Pages:\s+1$", info, re.MULTILINE) and "(A4)" in info
    text = subprocess.run(["pdftotext", str(target), "-"], capture_output=True, text=True).stdout
    assert "Dear Dr. Hoffmann," in text
    assert "Friedrichstraße 12\n10117 Berlin" in text


def test_pdf_goes_to_stdout_when_it_is_not_a_terminal():
    """Piped output may take the PDF bytes; --paper letter is honoured."""
    actions = json.loads(afterword("draft", BERLIN, "--format", "json").stdout)
    index = next(d["action"] for d in actions if d["kind"] == "thank_you_letter")

    run = afterword("draft", BERLIN, "--action", str(index), "--format", "pdf", "--paper", "letter")

    assert run.returncode == 0 and run.stdout.startswith(b"%PDF")


def test_pdf_to_a_terminal_is_refused():
    """A PDF is not printed onto a terminal: exit 2, asking for --output."""
    actions = json.loads(afterword("draft", BERLIN, "--format", "json").stdout)
    index = next(d["action"] for d in actions if d["kind"] == "thank_you_letter")
    leader, follower = pty.openpty()
    try:
        run = subprocess.run(
            [AFTERWORD, "draft", BERLIN, "--action", str(index), "--format", "pdf"],
            stdout=follower,
            stderr=subprocess.PIPE,
            check=False,
            timeout=120,
        )
    finally:
        os.close(follower)
        os.close(leader)

    assert run.returncode == 2
    assert "--output FILE" in run.stderr.decode() and b"Traceback" not in run.stderr


def test_a_bad_case_is_refused_naming_the_field():
    """The same validation as afterword plan: the JSON path and the reason."""
    data = json.loads(Path(FABRIKAM).read_text())
    data["interviews"][0]["end"] = "2026-11-16T11:00:00"

    stderr = refused(afterword("draft", "-", stdin=json.dumps(data)))

    assert "error: interviews[0].end: must include a UTC offset" in stderr


def test_text_that_is_not_json_is_refused():
    """Not JSON at all: one clear line."""
    stderr = refused(afterword("draft", "-", stdin="{not json"))

    assert stderr.startswith("error: not valid JSON")


def test_a_missing_file_is_refused():
    """A path that does not exist: cannot read, exit 2."""
    stderr = refused(afterword("draft", "/nonexistent/case.json"))

    assert "cannot read" in stderr


def test_an_action_out_of_range_says_how_many_there_are():
    """--action 9 of a three-action plan names the valid range."""
    stderr = refused(afterword("draft", FABRIKAM, "--action", "9"))

    assert "--action: 9 is out of range: this plan has 3 actions (0-2)" in stderr


def test_an_action_of_a_plan_with_nothing_left_is_refused():
    """A decided case has no actions at all."""
    stderr = refused(afterword("draft", str(EXAMPLES / "tailspin-offer.json"), "--action", "0"))

    assert "this plan has no actions" in stderr


def test_pdf_for_an_email_is_refused_naming_the_letters():
    """Only a thank-you letter prints: the message says which actions are letters."""
    stderr = refused(afterword("draft", BERLIN, "--action", "0", "--format", "pdf", "-o", "x.pdf"))

    assert "action 0 is an expedite email, not a thank-you letter (letters here: 2, 3)" in stderr


def test_pdf_without_an_action_is_refused():
    """Which letter? --format pdf needs --action."""
    stderr = refused(afterword("draft", FABRIKAM, "--format", "pdf", "-o", "x.pdf"))

    assert "give --action INDEX of a thank-you letter (this plan has no letters)" in stderr


def test_a_decided_case_prints_that_there_is_nothing_to_draft():
    """No actions: a sentence in text, an empty list in JSON."""
    tailspin = str(EXAMPLES / "tailspin-offer.json")

    text = afterword("draft", tailspin)
    data = afterword("draft", tailspin, "--format", "json")

    assert text.returncode == 0 and b"nothing to draft" in text.stdout
    assert json.loads(data.stdout) == []


def test_it_also_runs_as_python_dash_m():
    """`python -m afterword.cli draft` works too (no circular import when cli is __main__)."""
    run = subprocess.run(
        [sys.executable, "-m", "afterword.cli", "draft", FABRIKAM, "--action", "7"],
        capture_output=True,
        check=False,
        timeout=120,
    )

    assert "this plan has 3 actions (0-2)" in refused(run)
