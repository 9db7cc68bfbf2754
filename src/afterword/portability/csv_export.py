"""The export as spreadsheets: a zip of five CSV files that refer to each other by id.

``applications.csv`` (one row per application, ``application`` = a1, a2...), ``interviews.csv``,
``people.csv``, ``events.csv`` and ``drafts.csv`` (each row names its application and the
interview and person ids of the JSON export). ``applications.csv`` has the column names the
spreadsheet import guesses, so it can be imported again as it is.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

from django.contrib.auth.models import AbstractBaseUser

from afterword.portability.export import export_bundle, user_applications

# The columns of applications.csv; the spreadsheet import reads the same names.
APPLICATION_COLUMNS = (
    "application",
    "employer",
    "role",
    "job_code",
    "timezone",
    "country",
    "subdivision",
    "style",
    "status",
    "created_at",
)
INTERVIEW_COLUMNS = (
    "application",
    "interview",
    "round",
    "start",
    "end",
    "interviewers",
    "decision_by",
    "decision_phrase",
    "agreed_follow_up",
    "still_interviewing_others",
    "preferred_channel",
    "emphasised",
    "forgot",
    "to_clarify",
    "next_steps",
)
PEOPLE_COLUMNS = (
    "application",
    "person",
    "name",
    "title",
    "email",
    "phone",
    "address",
    "primary",
    "salutation",
    "emphasised",
    "bounced_at",
)
EVENT_COLUMNS = (
    "application",
    "at",
    "type",
    "interview",
    "interviewer",
    "channel",
    "promised_next",
    "new_decision_by",
    "no_decision_yet",
    "deadline",
    "until",
    "action",
    "note",
)
DRAFT_COLUMNS = (
    "application",
    "kind",
    "interview",
    "interviewer",
    "tone",
    "subject",
    "body",
    "sent_at",
    "promised_next",
    "created_at",
    "updated_at",
)


def account_csv_zip(user: AbstractBaseUser, now: datetime) -> bytes:
    """Everything the user entered, as the zip of CSV files."""
    statuses = [application.status for application in user_applications(user)]
    return csv_zip(export_bundle(user, now), statuses)


def csv_zip(bundle: dict[str, Any], statuses: Sequence[str]) -> bytes:
    """The bundle (``export_bundle``) as a zip of CSV files; ``statuses`` in the same order."""
    applications, interviews, people, events, drafts = [], [], [], [], []
    for n, (entry, status) in enumerate(zip(bundle["applications"], statuses, strict=True), 1):
        key = f"a{n}"
        case = entry["case"]
        employer = case["employer"]
        applications.append(
            {
                "application": key,
                "employer": employer["name"],
                "role": case.get("role"),
                "job_code": case.get("job_code"),
                "timezone": employer["timezone"],
                "country": employer["country"],
                "subdivision": employer.get("subdivision"),
                "style": employer["style"],
                "status": status,
                "created_at": entry["created_at"],
            }
        )
        seen: set[str] = set()
        for interview in case["interviews"]:
            notes = entry["interview_notes"].get(interview["id"], {})
            interviews.append(
                {
                    **interview,
                    **notes,
                    "application": key,
                    "interview": interview["id"],
                    "interviewers": " ".join(p["id"] for p in interview["interviewers"]),
                }
            )
            for person in interview["interviewers"]:
                if person["id"] not in seen:
                    seen.add(person["id"])
                    people.append(_person(key, person, entry["bounced"]))
        people += [_person(key, person, entry["bounced"]) for person in entry["other_people"]]
        events += [{**event, "application": key} for event in case["events"]]
        drafts += [{**draft, "application": key} for draft in entry["drafts"]]
    files = {
        "applications.csv": _csv(APPLICATION_COLUMNS, applications),
        "interviews.csv": _csv(INTERVIEW_COLUMNS, interviews),
        "people.csv": _csv(PEOPLE_COLUMNS, people),
        "events.csv": _csv(EVENT_COLUMNS, events),
        "drafts.csv": _csv(DRAFT_COLUMNS, drafts),
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in files.items():
            archive.writestr(name, text)
    return buffer.getvalue()


def _person(key: str, person: dict[str, Any], bounced: dict[str, str]) -> dict[str, Any]:
    return {
        **person,
        "application": key,
        "person": person["id"],
        "primary": person.get("primary", False),
        "bounced_at": bounced.get(person["id"]),
    }


def _csv(columns: Sequence[str], rows: Iterable[dict[str, Any]]) -> str:
    """UTF-8 CSV with a byte-order mark, so spreadsheet programs read accents right."""
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore", lineterminator="\r\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({name: _cell(row.get(name)) for name in columns})
    return out.getvalue()


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    text = str(value)
    # A cell starting with = + - @ is a formula to a spreadsheet: quote it as text.
    return f"'{text}" if text[:1] in ("=", "+", "-", "@") else text
