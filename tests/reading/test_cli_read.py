"""`afterword read`: good and bad input, run as a separate process as a user would."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[2] / "src"
CORPUS = Path(__file__).parent / "corpus"
AWAY = CORPUS / "away" / "tune" / "u04_zimbra_de_bis_zum_ab_dem.eml"
BOUNCE = CORPUS / "bounce" / "tune" / "c01_postfix_user_unknown.eml"


def run_read(*args: str, stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    # This worktree's code, whatever the virtualenv has installed.
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    return subprocess.run(
        [sys.executable, "-m", "afterword.cli", "read", *args],
        input=stdin,
        capture_output=True,
        timeout=120,
        env=env,
        check=False,
    )


def test_one_file_prints_one_json_object_in_the_contracts_shape():
    """file first, then the MAIL_FORMAT fields; exit 0."""
    done = run_read(str(AWAY), "--country", "DE")

    result = json.loads(done.stdout)

    assert done.returncode == 0 and done.stderr == b""
    assert list(result) == [
        "file",
        "kind",
        "meaning",
        "decision_by",
        "back_on",
        "bounced",
        "confidence",
        "evidence",
        "notes",
    ]
    assert (result["file"], result["kind"], result["back_on"]) == (
        str(AWAY),
        "auto_reply",
        "2026-12-10",
    )


def test_several_files_print_json_lines_each_with_its_file():
    """One object a line, in the order given."""
    done = run_read(str(AWAY), str(BOUNCE))

    lines = [json.loads(line) for line in done.stdout.decode().splitlines()]

    assert done.returncode == 0
    assert [(r["file"], r["kind"]) for r in lines] == [
        (str(AWAY), "auto_reply"),
        (str(BOUNCE), "bounce"),
    ]


def test_standard_input_is_read_with_a_dash():
    """'-' reads the message from stdin and names it '-'."""
    done = run_read("-", stdin=BOUNCE.read_bytes())

    assert done.returncode == 0
    assert json.loads(done.stdout)["file"] == "-"


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda tmp: tmp / "missing.eml", "no such file"),
        (lambda tmp: tmp, "is a directory"),
        (lambda tmp: _write(tmp / "empty.eml", b""), "is empty"),
        (lambda tmp: _write(tmp / "junk.eml", bytes(range(256)) * 8), "not an email message"),
        (lambda tmp: _write(tmp / "notes.txt", b"Remember to call Dana.\n"), "not an email"),
        (lambda tmp: _write(tmp / "case.json", b'{"from": "x"}'), "not an email message"),
    ],
)
def test_bad_input_is_one_line_on_stderr_nothing_on_stdout_and_exit_2(tmp_path, make, message):
    """Missing, a directory, empty, binary junk, or not a message."""
    path = make(tmp_path)

    done = run_read(str(path))

    assert done.returncode == 2
    assert done.stdout == b""
    errors = done.stderr.decode().splitlines()
    assert len(errors) == 1 and str(path) in errors[0] and message in errors[0]
    assert "Traceback" not in done.stderr.decode()


def test_one_bad_file_among_several_reads_the_rest_and_exits_2(tmp_path):
    """The good files are printed; the bad one is named on stderr."""
    bad = tmp_path / "nope.eml"

    done = run_read(str(AWAY), str(bad), str(BOUNCE))

    lines = [json.loads(line) for line in done.stdout.decode().splitlines()]
    assert done.returncode == 2
    assert [r["file"] for r in lines] == [str(AWAY), str(BOUNCE)]
    assert done.stderr.decode().strip() == f"error: {bad}: no such file"


def test_an_unknown_country_is_refused():
    """--country must be an ISO 3166 code the holiday tables know."""
    done = run_read(str(AWAY), "--country", "XX")

    assert done.returncode == 2 and done.stdout == b""
    assert "unknown country" in done.stderr.decode()


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_a_message_with_an_invitation_adds_the_invitation_field_and_nothing_else(tmp_path):
    """The calendar part past the first 8 KB is found; other messages keep their shape."""
    from tests.inbox.invitation_mail import google_invitation

    path = tmp_path / "invitation.eml"
    path.write_bytes(google_invitation(method="CANCEL").as_bytes())

    done = run_read(str(path))

    result = json.loads(done.stdout)
    assert done.returncode == 0 and list(result)[-2:] == ["notes", "invitation"]
    assert result["invitation"]["method"] == "cancel"
    assert result["invitation"]["start"] == "2026-03-12T14:00:00-04:00"
    assert result["invitation"]["organiser"]["email"] == "talent@harbour.example"
    assert "invitation" not in json.loads(run_read(str(AWAY)).stdout)


def test_a_single_part_invitation_gets_the_invitation_field_as_a_multipart_one_does(tmp_path):
    """Top-level text/calendar, application/ics, base64 and a cancellation, no multipart around
    them: each has its invitation, and reads as the same invitation wrapped in parts."""
    from tests.inbox.invitation_mail import google_invitation, single_part_invitation

    singles = {
        "calendar.eml": single_part_invitation(),
        "ics.eml": single_part_invitation(content_type="application/ics"),
        "base64.eml": single_part_invitation(encoding="base64"),
        "cancel.eml": single_part_invitation(method="CANCEL", encoding="base64"),
    }
    paths = [str(_write(tmp_path / name, m.as_bytes())) for name, m in singles.items()]
    wrapped = _write(tmp_path / "wrapped.eml", google_invitation().as_bytes())

    done = run_read(*paths, str(wrapped))

    results = [json.loads(line) for line in done.stdout.splitlines()]
    assert done.returncode == 0 and len(results) == 5
    *found, multipart = [r["invitation"] for r in results]
    assert [r["method"] for r in found] == ["request", "request", "request", "cancel"]
    assert all({**r, "method": "request"} == multipart for r in found)
    assert {(r["kind"], r["meaning"], r["confidence"]) for r in results[:4]} == {
        ("reply", "other", "low")
    }


def test_a_forwarded_wrapped_or_plain_text_invitation_gets_the_invitation_field(tmp_path):
    """Attached to a forward, wrapped whole in message/rfc822, a bare VCALENDAR body with no
    Content-Type, and a long base64 text/plain one: each has the multipart one's invitation (the
    original organiser's, not the forwarder), and no calendar is read as anyone's words."""
    from tests.inbox.invitation_mail import (
        forwarded,
        google_invitation,
        plain_text_invitation,
        single_part_invitation,
        wrapped,
    )

    assistant = "Alex Moreau <alex.moreau@harbour.example>"
    layouts = {
        "attached.eml": forwarded(assistant, single_part_invitation()),
        "wrapped.eml": wrapped(assistant, google_invitation()),
        "bare.eml": plain_text_invitation(),
        "long.eml": plain_text_invitation(
            content_type="text/plain", encoding="base64", description="Bring a laptop. " * 1000
        ),
    }
    paths = [str(_write(tmp_path / name, m.as_bytes())) for name, m in layouts.items()]
    multipart = _write(tmp_path / "multipart.eml", google_invitation().as_bytes())

    done = run_read(*paths, str(multipart))

    results = [json.loads(line) for line in done.stdout.splitlines()]
    assert done.returncode == 0 and len(results) == 5
    assert all(r.get("invitation") == results[-1]["invitation"] for r in results)
    assert results[0]["invitation"]["organiser"]["email"] == "talent@harbour.example"
    assert {(r["kind"], r["meaning"], r["confidence"]) for r in results[:4]} == {
        ("reply", "other", "low")
    }


def test_a_text_plain_part_that_is_a_calendar_gets_the_invitation_field(tmp_path):
    """After a note, or an untyped part beside an HTML version: the multipart one's invitation,
    and the evidence is the note's or the HTML's words, never the calendar's."""
    from tests.inbox.invitation_mail import google_invitation, plain_part_invitation

    layouts = {
        "note.eml": plain_part_invitation(),
        "untyped.eml": plain_part_invitation("alternative", part_type=None),
    }
    paths = [str(_write(tmp_path / name, m.as_bytes())) for name, m in layouts.items()]
    multipart = _write(tmp_path / "multipart.eml", google_invitation().as_bytes())

    done = run_read(*paths, str(multipart))

    results = [json.loads(line) for line in done.stdout.splitlines()]
    assert done.returncode == 0 and len(results) == 3
    assert all(r.get("invitation") == results[-1]["invitation"] for r in results)
    assert [r["evidence"] for r in results[:2]] == [
        "Sam, the invitation for round 2 follows.",
        "You have been invited to an interview.",
    ]
