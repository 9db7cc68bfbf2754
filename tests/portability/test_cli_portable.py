"""``afterword export`` and ``afterword import`` on the database the web app uses."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from afterword.cli import app
from afterword.tracker import access
from afterword.tracker.models import Application
from tests.factories import UserFactory

runner = CliRunner()


def test_export_writes_the_json_a_new_account_can_import(
    demo_user: Any, now: datetime, tmp_path: Path
) -> None:
    """export -o FILE, then import FILE into another user: same applications, same document."""
    target = tmp_path / "demo.json"
    UserFactory(username="twin", email=demo_user.email)

    exported = runner.invoke(app, ["export", "demo", "-o", str(target)])
    imported = runner.invoke(app, ["import", "twin", str(target)])
    again = runner.invoke(app, ["export", "twin"])

    assert exported.exit_code == 0, exported.output
    assert imported.exit_code == 0, imported.output
    count = access.belonging_to(demo_user.pk, Application).count()
    assert f"Imported {count} applications." in imported.stdout
    first = json.loads(target.read_text())
    second = json.loads(again.stdout)
    first.pop("exported_at"), second.pop("exported_at")
    assert second == first


def test_importing_the_same_export_again_says_nothing_was_added(
    demo_user: Any, now: datetime, tmp_path: Path
) -> None:
    """Exit 0; the second run names every application as already in the account."""
    target = tmp_path / "demo.json"
    twin = UserFactory(username="twin")
    runner.invoke(app, ["export", "demo", "-o", str(target)])
    count = access.belonging_to(demo_user.pk, Application).count()

    first = runner.invoke(app, ["import", "twin", str(target)])
    second = runner.invoke(app, ["import", "twin", str(target)])

    assert first.exit_code == 0 and second.exit_code == 0, second.output
    places = ", ".join(f"applications[{n}]" for n in range(count))
    assert second.stdout.strip() == (
        f"Nothing was added: all {count} applications in the file are already in the account "
        f"({places})."
    )
    assert access.belonging_to(twin.pk, Application).count() == count


def test_a_sheet_with_new_and_known_rows_names_the_skipped_ones(
    user: Any, now: datetime, tmp_path: Path
) -> None:
    """Row 2 was imported before; the second run adds row 3 and says row 2 was skipped."""
    sheet = tmp_path / "jobs.csv"
    sheet.write_text("Company,Position\nNorthwind,Analyst\n")
    runner.invoke(app, ["import", "sam", str(sheet)])
    sheet.write_text("Company,Position\nNorthwind,Analyst\nFabrikam,Engineer\n")

    result = runner.invoke(app, ["import", "sam", str(sheet)])

    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == (
        "Imported 1 application; 1 already in the account was skipped (row 2)."
    )
    assert access.belonging_to(user.pk, Application).count() == 2


def test_export_as_csv_writes_a_zip_of_five_sheets(
    demo_user: Any, now: datetime, tmp_path: Path
) -> None:
    """--format csv: applications, interviews, people, events and drafts."""
    target = tmp_path / "demo.zip"

    result = runner.invoke(app, ["export", "demo", "--format", "csv", "-o", str(target)])

    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(target) as archive:
        assert sorted(archive.namelist()) == [
            "applications.csv",
            "drafts.csv",
            "events.csv",
            "interviews.csv",
            "people.csv",
        ]
        lines = archive.read("applications.csv").decode("utf-8-sig").splitlines()
    assert len(lines) == 1 + access.belonging_to(demo_user.pk, Application).count()


def test_import_of_a_bad_sheet_names_row_and_column_and_adds_nothing(
    user: Any, now: datetime, tmp_path: Path
) -> None:
    """Exit 2, one line per problem with row and column, no application created."""
    sheet = tmp_path / "jobs.csv"
    sheet.write_text("Company,Country\nNorthwind,US\nFabrikam,Atlantis\n")

    result = runner.invoke(app, ["import", "sam", str(sheet)])

    assert result.exit_code == 2
    assert "row 3, column B (Country)" in result.stderr
    assert not access.belonging_to(user.pk, Application).exists()


def test_import_for_an_unknown_user_says_so(db: None, tmp_path: Path) -> None:
    """A misspelt user name is named, not a traceback."""
    sheet = tmp_path / "jobs.csv"
    sheet.write_text("Company\nNorthwind\n")

    result = runner.invoke(app, ["import", "nobody", str(sheet)])

    assert result.exit_code == 2
    assert "no active user named 'nobody'" in result.stderr


def _afterword(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """The command in a fresh process, on its own SQLite database in ``data_dir``."""
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env["AFTERWORD_DATA_DIR"] = str(data_dir)
    return subprocess.run(
        [sys.executable, *args], capture_output=True, text=True, check=False, env=env
    )


@pytest.mark.slow
def test_the_installed_command_imports_twice_in_a_fresh_process(tmp_path: Path) -> None:
    """No test harness setting Django up: the second run says its rows were skipped."""
    made = _afterword(
        tmp_path,
        "-c",
        "from afterword.tracker import commands; commands.prepare_database();"
        "from django.contrib.auth import get_user_model;"
        "get_user_model().objects.create_user('sam', password='a-long-test-password')",
    )
    sheet = tmp_path / "jobs.csv"
    sheet.write_text("Company,Position\nNorthwind,Analyst\nFabrikam,Engineer\n")

    first = _afterword(tmp_path, "-m", "afterword.cli", "import", "sam", str(sheet))
    second = _afterword(tmp_path, "-m", "afterword.cli", "import", "sam", str(sheet))

    assert made.returncode == 0, made.stderr
    assert (first.returncode, first.stdout) == (0, "Imported 2 applications.\n"), first.stderr
    assert second.returncode == 0, second.stderr
    assert second.stdout == (
        "Nothing was added: all 2 applications in the file are already in the account "
        "(row 2, row 3).\n"
    )
