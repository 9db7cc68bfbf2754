"""The data page: downloads, importing an export, and the spreadsheet's mapping preview."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from afterword.tracker import access
from afterword.tracker.models import Application
from tests.factories import UserFactory

SHEET = (
    b"Company,Job title,Zone\r\n"
    b"Northwind Traders,Analyst,America/Chicago\r\n"
    b"Fabrikam,,Europe/Berlin\r\n"
)


def test_the_page_offers_both_downloads_and_both_imports(member: Client) -> None:
    """Export JSON, export CSV, import an export, import a spreadsheet."""
    page = member.get("/settings/data/").content.decode()

    for words in (
        "Download JSON",
        "Download CSV",
        "Import an Afterword export",
        "from a spreadsheet",
    ):
        assert words in page


def test_the_json_download_is_the_users_own_data(
    member: Client, application: Application, outsider: Any
) -> None:
    """An attachment with the user's application and no one else's."""
    from tests.factories import ApplicationFactory

    ApplicationFactory(owner=outsider, employer="Olive's Secret Employer")

    response = member.get("/settings/data/export.json")

    assert response["Content-Disposition"].startswith('attachment; filename="afterword-sam-')
    data = json.loads(response.content)
    assert [e["case"]["employer"]["name"] for e in data["applications"]] == ["Harbour Logistics"]


def test_uploading_an_export_adds_its_applications(
    member: Client, application: Application, user: Any, now: datetime
) -> None:
    """The file from one account, uploaded to another, adds the same applications."""
    exported = member.get("/settings/data/export.json").content
    other = Client()
    twin = UserFactory(username="twin")
    other.force_login(twin)

    response = other.post(
        "/settings/data/import/", {"file": SimpleUploadedFile("a.json", exported)}
    )

    assert response.status_code == 302 and response["Location"] == "/board/"
    assert access.belonging_to(twin.pk, Application).get().employer == "Harbour Logistics"


def test_uploading_ones_own_export_says_nothing_was_added(
    member: Client, application: Application, user: Any
) -> None:
    """The board shows the message: the one application is already in the account."""
    exported = member.get("/settings/data/export.json").content

    response = member.post(
        "/settings/data/import/", {"file": SimpleUploadedFile("a.json", exported)}, follow=True
    )

    assert response.redirect_chain == [("/board/", 302)]
    assert (
        "Nothing was added: the application in the file is already in the account "
        "(applications[0])." in response.content.decode()
    )
    assert access.belonging_to(user.pk, Application).count() == 1


def test_a_broken_export_is_refused_with_its_path_on_the_page(member: Client, user: Any) -> None:
    """400 with the problem listed; nothing added."""
    document = {"format": "afterword-export", "version": 1, "applications": [{"case": {}}]}
    upload = SimpleUploadedFile("a.json", json.dumps(document).encode())

    response = member.post("/settings/data/import/", {"file": upload})

    assert response.status_code == 400
    assert "applications[0].case.employer" in response.content.decode()
    assert not access.belonging_to(user.pk, Application).exists()


def test_a_spreadsheet_shows_its_guessed_mapping_and_rows_before_importing(
    member: Client, user: Any
) -> None:
    """Upload: the preview page with the columns chosen and each row; nothing written yet."""
    response = member.post(
        "/settings/data/spreadsheet/", {"file": SimpleUploadedFile("s.csv", SHEET)}
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert '<option value="0" selected>A: Company</option>' in page
    assert "Northwind Traders" in page and "Import 2 applications" in page
    assert not access.belonging_to(user.pk, Application).exists()


def test_confirming_the_mapping_imports_the_rows(member: Client, user: Any) -> None:
    """The second step posts the signed sheet and the mapping back: two applications."""
    preview = member.post(
        "/settings/data/spreadsheet/", {"file": SimpleUploadedFile("s.csv", SHEET)}
    )
    sheet = preview.context["sheet"]
    mapping = {name: "" for name in preview.context["mapping_form"].fields}
    mapping.update(employer="0", role="1", employer_timezone="2")

    response = member.post(
        "/settings/data/spreadsheet/", {"sheet": sheet, "do": "import", **mapping}
    )

    assert response.status_code == 302
    rows = access.belonging_to(user.pk, Application).order_by("employer")
    assert [(a.employer, a.employer_timezone) for a in rows] == [
        ("Fabrikam", "Europe/Berlin"),
        ("Northwind Traders", "America/Chicago"),
    ]


def _preview(member: Client, sheet: bytes) -> Any:
    return member.post("/settings/data/spreadsheet/", {"file": SimpleUploadedFile("s.csv", sheet)})


def _confirm(member: Client, preview: Any) -> Any:
    mapping = {name: "" for name in preview.context["mapping_form"].fields}
    mapping.update(employer="0", role="1", employer_timezone="2")
    return member.post(
        "/settings/data/spreadsheet/",
        {"sheet": preview.context["sheet"], "do": "import", **mapping},
        follow=True,
    )


def test_a_sheet_imported_twice_says_its_rows_were_skipped(member: Client, user: Any) -> None:
    """The second import of the same rows adds nothing and says so on the board."""
    preview = _preview(member, SHEET)
    _confirm(member, preview)

    response = _confirm(member, preview)

    assert (
        "Nothing was added: all 2 applications in the file are already in the account "
        "(row 2, row 3)." in response.content.decode()
    )
    assert access.belonging_to(user.pk, Application).count() == 2


def test_the_preview_shows_which_rows_will_be_skipped(member: Client, user: Any) -> None:
    """Row 2 imported before: marked skipped, and the button counts only row 3."""
    _confirm(member, _preview(member, SHEET.rsplit(b"Fabrikam", 1)[0]))

    page = _preview(member, SHEET).content.decode()

    assert "Skipped: already in the account" in page
    assert "1 of them is already in the account or repeats an earlier row" in page
    assert "Import 1 application<" in page


def test_a_preview_of_rows_all_in_the_account_offers_nothing_to_import(
    member: Client, user: Any
) -> None:
    """Every row known: the page says importing would add nothing; the button is disabled."""
    _confirm(member, _preview(member, SHEET))

    page = _preview(member, SHEET).content.decode()

    assert "Every row is already in the account: importing would add nothing." in page
    assert 'value="import" class="button button--primary" disabled>Nothing to import<' in page


def test_a_wrong_mapping_lists_row_and_column_and_keeps_import_disabled(
    member: Client, user: Any
) -> None:
    """The role column chosen as the time zone: each row refused by name, nothing imported."""
    preview = member.post(
        "/settings/data/spreadsheet/", {"file": SimpleUploadedFile("s.csv", SHEET)}
    )
    mapping = {name: "" for name in preview.context["mapping_form"].fields}
    mapping.update(employer="0", employer_timezone="1")

    response = member.post(
        "/settings/data/spreadsheet/",
        {"sheet": preview.context["sheet"], "do": "import", **mapping},
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert "row 2, column B (Job title)" in page
    assert not access.belonging_to(user.pk, Application).exists()


def test_a_tampered_sheet_is_refused(member: Client, user: Any) -> None:
    """The hidden sheet is signed: an edited one sends the user back to upload again."""
    response = member.post(
        "/settings/data/spreadsheet/", {"sheet": "forged", "do": "import", "employer": "0"}
    )

    assert response.status_code == 302 and response["Location"] == "/settings/data/"
    assert not access.belonging_to(user.pk, Application).exists()
