"""A spreadsheet of applications: guessing columns, naming row and column, all or nothing."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from afterword.portability.spreadsheet import (
    SheetError,
    check_rows,
    column_letter,
    guess_mapping,
    import_sheet,
    mark_known,
    read_sheet,
)
from afterword.tracker import access
from afterword.tracker.models import Application
from afterword.tracker.services.known_applications import Skipped

GOOD = (
    b"Company,Position,Req #,Time zone,Country,State,Formality\r\n"
    b"Northwind Traders,Junior Analyst,REQ-1182,America/New_York,US,NY,formal\r\n"
    b"Fabrikam,Data Engineer,,Europe/Berlin,de,BE,Casual\r\n"
)


def test_columns_are_guessed_from_everyday_headers() -> None:
    """Company, Position, Req #, Time zone... each lands on its field."""
    sheet = read_sheet(GOOD)

    mapping = guess_mapping(sheet.headers)

    assert mapping == {
        "employer": 0,
        "role": 1,
        "job_code": 2,
        "employer_timezone": 3,
        "employer_country": 4,
        "employer_subdivision": 5,
        "employer_style": 6,
    }


def test_our_own_csv_export_headers_are_guessed_too() -> None:
    """applications.csv of the CSV export imports as it is."""
    sheet = read_sheet(
        b"application,employer,role,job_code,timezone,country,subdivision,style,status\r\n"
    )

    mapping = guess_mapping(sheet.headers)

    assert mapping["employer"] == 1 and mapping["employer_timezone"] == 4
    assert mapping["employer_style"] == 7


def test_a_good_sheet_becomes_planned_applications(user: Any, now: datetime) -> None:
    """Two rows, two applications, with the zone, country and style of their row."""
    created = import_sheet(user, GOOD, now).applications

    assert [(a.employer, a.employer_country, a.employer_style) for a in created] == [
        ("Northwind Traders", "US", "formal"),
        ("Fabrikam", "DE", "casual"),
    ]
    assert all(a.planned_at == now for a in created)


def test_the_same_sheet_twice_adds_nothing_the_second_time(user: Any, now: datetime) -> None:
    """Second import: both rows skipped by their row number, still two applications."""
    import_sheet(user, GOOD, now)

    again = import_sheet(user, GOOD, now)

    assert again.added == [] and again.skipped == [Skipped("row 2"), Skipped("row 3")]
    assert access.belonging_to(user.pk, Application).count() == 2


def test_a_row_repeated_further_down_is_added_once(user: Any, now: datetime) -> None:
    """Row 4 is row 2 in other capitals: skipped as its repeat."""
    raw = GOOD + b"NORTHWIND TRADERS,Junior Analyst,REQ-1182,America/New_York,US,NY,formal\r\n"

    result = import_sheet(user, raw, now)

    assert [entry.place for entry in result.added] == ["row 2", "row 3"]
    assert result.skipped == [Skipped("row 4", repeats="row 2")]


def test_the_preview_marks_the_rows_the_account_has(user: Any, now: datetime) -> None:
    """Before anything is written, each row says whether the import would skip it."""
    import_sheet(user, b"".join(GOOD.splitlines(keepends=True)[:2]), now)
    sheet = read_sheet(GOOD)
    mapping = guess_mapping(sheet.headers)
    checks = check_rows(user, sheet, mapping)

    mark_known(user, sheet, checks, mapping, now)

    assert [check.skipped for check in checks] == [Skipped("row 2"), None]
    assert access.belonging_to(user.pk, Application).count() == 1


def test_a_bad_cell_names_its_row_and_column_and_nothing_is_added(user: Any, now: datetime) -> None:
    """Row 3's time zone is wrong: the message says row 3, column D, and row 2 is not added."""
    raw = GOOD.replace(b"Europe/Berlin", b"Mars/Olympus")

    with pytest.raises(SheetError) as caught:
        import_sheet(user, raw, now)

    assert any(p.startswith("row 3, column D (Time zone):") for p in caught.value.problems)
    assert not access.belonging_to(user.pk, Application).exists()


def test_a_missing_employer_column_is_asked_for(user: Any) -> None:
    """Without an employer column the mapping itself is refused, plainly."""
    sheet = read_sheet(b"Position,Country\r\nAnalyst,US\r\n")

    with pytest.raises(SheetError, match="the column that holds the employer"):
        check_rows(user, sheet, guess_mapping(sheet.headers))


def test_semicolons_and_a_latin1_file_are_read(user: Any) -> None:
    """Spreadsheets saved in Europe: semicolons, and Windows-1252 accents."""
    raw = "Employer;Role\r\nSociété Générale;Analyste\r\n".encode("cp1252")

    sheet = read_sheet(raw)

    assert sheet.rows == [["Société Générale", "Analyste"]]


def test_column_letters_run_like_a_spreadsheets() -> None:
    """A, Z, AA, AZ, BA."""
    assert [column_letter(i) for i in (0, 25, 26, 51, 52)] == ["A", "Z", "AA", "AZ", "BA"]


cells = st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=30)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(rows=st.lists(st.tuples(cells, cells, cells), min_size=1, max_size=6))
def test_any_sheet_imports_whole_or_not_at_all(
    user: Any, now: datetime, rows: list[tuple[str, str, str]]
) -> None:
    """Random rows: either every row is added or none, and each refusal names a row."""
    import csv
    import io

    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["Employer", "Role", "Time zone"])
    writer.writerows(rows)
    before = access.belonging_to(user.pk, Application).count()

    try:
        imported = import_sheet(user, out.getvalue().encode(), now)
    except SheetError as error:
        assert error.problems and all(
            p.startswith(("row ", "the file", "choose")) for p in error.problems
        )
        assert access.belonging_to(user.pk, Application).count() == before
    else:
        assert access.belonging_to(user.pk, Application).count() == before + len(imported.added)


def test_applications_csv_of_the_export_imports_as_it_is(demo_user: Any, now: datetime) -> None:
    """The CSV export's applications.csv, imported into another account, gives the same rows."""
    import zipfile
    from io import BytesIO

    from afterword.portability.csv_export import account_csv_zip
    from tests.factories import UserFactory

    archive = zipfile.ZipFile(BytesIO(account_csv_zip(demo_user, now)))
    twin = UserFactory(username="twin")

    created = import_sheet(twin, archive.read("applications.csv"), now).applications

    fields = ("employer", "role", "employer_timezone", "employer_country", "employer_style")
    mine = access.belonging_to(demo_user.pk, Application).order_by("created_at", "pk")
    assert [tuple(getattr(a, f) for f in fields) for a in created] == [
        tuple(getattr(a, f) for f in fields) for a in mine
    ]
