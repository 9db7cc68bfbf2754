"""A spreadsheet (CSV) of applications: read it, guess which column is which, check, import.

The page shows the guessed mapping and every row it will create, skip (the account has it
already) or refuse before anything is written; the import writes all rows in one transaction, or
none when a row is wrong. Problems name the row as the spreadsheet numbers it (the header is
row 1) and the column by letter and header.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError

from afterword.tracker.models import Application, EmployerStyle
from afterword.tracker.preferences import settings_for
from afterword.tracker.services.applications import add_applications, rows_to_skip
from afterword.tracker.services.known_applications import Imported, Skipped

MAX_BYTES = 2 * 1024 * 1024
MAX_ROWS = 2000

# Application fields a column can fill, with the words a header may use for each.
FIELDS: dict[str, tuple[str, tuple[str, ...]]] = {
    "employer": ("Employer", ("employer", "company", "organisation", "organization", "firm")),
    "role": ("Role", ("role", "position", "job title", "title", "job")),
    "job_code": ("Job code", ("job code", "job_code", "requisition", "req", "reference", "ref")),
    "employer_timezone": ("Time zone", ("timezone", "time zone", "zone", "tz")),
    "employer_country": ("Country", ("country",)),
    "employer_subdivision": ("State or region", ("subdivision", "state", "region", "province")),
    "employer_style": ("How formal", ("style", "formality", "formal")),
}
REQUIRED = ("employer",)
_STYLES = {choice.value: choice.value for choice in EmployerStyle} | {
    str(choice.label).lower(): choice.value for choice in EmployerStyle
}


class SheetError(ValueError):
    """The sheet cannot be imported; ``problems`` names each row and column."""

    def __init__(self, problems: Sequence[str]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(self.problems))


@dataclass(frozen=True)
class Sheet:
    headers: list[str]
    rows: list[list[str]]

    def column_name(self, index: int) -> str:
        return f"column {column_letter(index)} ({self.headers[index] or 'no header'})"


@dataclass
class RowCheck:
    """One data row: its number in the spreadsheet, the values it gives, what is wrong."""

    number: int
    values: dict[str, str]
    problems: list[str] = field(default_factory=list)
    skipped: Skipped | None = None

    @property
    def place(self) -> str:
        return f"row {self.number}"


def column_letter(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA: how spreadsheet programs name columns."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def read_sheet(raw: bytes) -> Sheet:
    """The header row and the data rows; SheetError for a file that is not readable CSV."""
    if len(raw) > MAX_BYTES:
        raise SheetError([f"the file is larger than {MAX_BYTES // (1024 * 1024)} MB"])
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        # Spreadsheet programs on Windows may still save Latin-1; say where, then try it.
        try:
            text = raw.decode("cp1252")
        except UnicodeDecodeError:
            raise SheetError([f"byte {error.start}: the file is not UTF-8 text"]) from None
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(text[:4096], ",;\t")
    except csv.Error:
        dialect = csv.excel
    try:
        rows = [row for row in csv.reader(io.StringIO(text, newline=""), dialect) if any(row)]
    except csv.Error as error:
        raise SheetError([f"the file is not readable CSV ({error})"]) from None
    if not rows:
        raise SheetError(["the file is empty: the first row should name the columns"])
    if len(rows) - 1 > MAX_ROWS:
        raise SheetError([f"the file has {len(rows) - 1} rows; import at most {MAX_ROWS} at once"])
    headers = [cell.strip() for cell in rows[0]]
    return Sheet(headers, [row for row in rows[1:]])


def guess_mapping(headers: Sequence[str]) -> dict[str, int | None]:
    """For each field, the column whose header names it (exact words first), or None."""
    cleaned = [_words(header) for header in headers]
    mapping: dict[str, int | None] = {}
    taken: set[int] = set()
    for exact in (True, False):
        for name, (_label, words) in FIELDS.items():
            if mapping.get(name) is not None:
                continue
            mapping[name] = None
            for index, header in enumerate(cleaned):
                if index in taken or not header:
                    continue
                hit = header in words or header == _words(name)
                if not exact:
                    hit = any(re.search(rf"\b{re.escape(word)}\b", header) for word in words)
                if hit:
                    mapping[name] = index
                    taken.add(index)
                    break
    return mapping


def _words(header: str) -> str:
    return " ".join(re.sub(r"[^a-z0-9]+", " ", header.lower()).split())


def check_rows(user: User, sheet: Sheet, mapping: Mapping[str, int | None]) -> list[RowCheck]:
    """Every data row as the import would take it, with its problems; nothing is written."""
    problems = mapping_problems(sheet, mapping)
    if problems:
        raise SheetError(problems)
    prefs = settings_for(user)
    checks = []
    for offset, row in enumerate(sheet.rows):
        values = {
            name: (row[index].strip() if index < len(row) else "")
            for name, index in mapping.items()
            if index is not None
        }
        check = RowCheck(number=offset + 2, values=values)
        fields = _fields(values, check, sheet, mapping)
        fields.setdefault("employer_timezone", prefs.timezone)
        fields.setdefault("employer_country", prefs.country)
        if "employer_country" in values and "employer_subdivision" not in values:
            fields["employer_subdivision"] = ""
        fields.setdefault("employer_subdivision", prefs.subdivision)
        candidate = Application(owner_id=user.pk, **fields)
        try:
            candidate.full_clean(exclude=["owner", "status", "plan_notes", "planned_at"])
        except ValidationError as error:
            for name, messages in error.message_dict.items():
                where = _where(check.number, sheet, mapping, name)
                check.problems += [f"{where}: {message}" for message in messages]
        checks.append(check)
    return checks


def mapping_problems(sheet: Sheet, mapping: Mapping[str, int | None]) -> list[str]:
    problems = []
    for name in REQUIRED:
        if mapping.get(name) is None:
            problems.append(f"choose the column that holds the {FIELDS[name][0].lower()}")
    used = [index for index in mapping.values() if index is not None]
    if any(index < 0 or index >= len(sheet.headers) for index in used):
        problems.append("a chosen column is not in the file")
    elif len(used) != len(set(used)):
        problems.append("each column can fill one field only")
    return problems


def _fields(
    values: Mapping[str, str], check: RowCheck, sheet: Sheet, mapping: Mapping[str, int | None]
) -> dict[str, str]:
    fields = {name: value for name, value in values.items() if value}
    if "employer_country" in fields:
        fields["employer_country"] = fields["employer_country"].upper()
    if "employer_subdivision" in fields:
        fields["employer_subdivision"] = fields["employer_subdivision"].upper()
    style = fields.pop("employer_style", None)
    if style is not None:
        known = _STYLES.get(style.lower())
        if known is None:
            where = _where(check.number, sheet, mapping, "employer_style")
            check.problems.append(f"{where}: write formal, casual or unknown, not {style!r}")
        else:
            fields["employer_style"] = known
    return fields


def _where(number: int, sheet: Sheet, mapping: Mapping[str, int | None], name: str) -> str:
    index = mapping.get(name)
    if index is None:
        return f"row {number}"
    return f"row {number}, {sheet.column_name(index)}"


def mark_known(
    user: User,
    sheet: Sheet,
    checks: Sequence[RowCheck],
    mapping: Mapping[str, int | None],
    now: datetime,
) -> None:
    """Note on each good row whether the import would skip it (the account has it already, or
    an earlier row is the same), for the preview; nothing is written."""
    good = [check for check in checks if not check.problems]
    rows = _rows(good, sheet, mapping)
    for check, skipped in zip(good, rows_to_skip(user, rows, now), strict=True):
        check.skipped = skipped


def _rows(
    checks: Sequence[RowCheck], sheet: Sheet, mapping: Mapping[str, int | None]
) -> list[tuple[str, dict[str, str]]]:
    rows = []
    for check in checks:
        fields = _fields(check.values, check, sheet, mapping)
        if "employer_country" in fields and "employer_subdivision" not in fields:
            fields["employer_subdivision"] = ""
        rows.append((check.place, fields))
    return rows


def import_sheet(
    user: User,
    raw: bytes,
    now: datetime,
    mapping: Mapping[str, int | None] | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Imported:
    """One application per row (the guessed mapping unless one is given), all or nothing; rows
    the account already has, or that repeat an earlier row, are skipped and named."""
    sheet = read_sheet(raw)
    chosen = mapping if mapping is not None else guess_mapping(sheet.headers)
    checks = check_rows(user, sheet, chosen)
    problems = [problem for check in checks for problem in check.problems]
    if problems:
        raise SheetError(problems)
    return add_applications(user, _rows(checks, sheet, chosen), now, progress)
