"""Turning untrusted JSON into a Case, with one clear message per problem.

Every message starts with the JSON path of the field it is about
(``interviews[0].end: must include a UTC offset``), so that a person can find it.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from typing import Any, get_args, get_origin

from pydantic import BaseModel, ValidationError

from afterword.rules.case import Case

MAX_INPUT_BYTES = 5 * 1024 * 1024

# Errors raised by model validators carry the field name at the start of their message.
_NAMED_IN_MESSAGE = frozenset({"end_before_start", "subdivision", "event_fields"})


@dataclass(frozen=True, slots=True)
class Problem:
    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message


class CaseError(ValueError):
    """The input is not a valid case; ``problems`` says every reason."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


def json_path(loc: Sequence[int | str]) -> str:
    path = ""
    for part in loc:
        if isinstance(part, int):
            path += f"[{part}]"
        else:
            path += f".{part}" if path else part
    return path


def problems_from(error: ValidationError) -> list[Problem]:
    problems = []
    items = error.errors(include_url=False)
    failed_paths = {json_path(item["loc"]) for item in items}
    for item in items:
        path = json_path(item["loc"])
        if item["type"] == "too_short" and any(p.startswith(f"{path}[") for p in failed_paths):
            continue  # the list is short only because its items failed; those errors say why
        message = item["msg"]
        if item["type"] == "missing":
            message = "required"
        elif item["type"] == "extra_forbidden":
            message = "unknown field"
        elif item["type"] == "too_short":
            message = "must not be empty"
        elif item["type"] == "literal_error":
            message = f"must be one of {item['ctx']['expected']} (got {item['input']!r})"
        elif message.startswith("Value error, "):
            message = message.removeprefix("Value error, ")
        if item["type"] in _NAMED_IN_MESSAGE and ": " in message:
            field, _, message = message.partition(": ")
            path = f"{path}.{field}" if path else field
        problems.append(Problem(path, message))
    return problems


def cross_checks(case: Case, now: datetime | None) -> list[Problem]:
    """Checks that span fields: unique ids, references between events and interviews, and time."""
    problems = []
    interviewer_ids: dict[str, set[str]] = {}
    seen_interviews: set[str] = set()
    seen_people: dict[str, str] = {}
    for i, interview in enumerate(case.interviews):
        if interview.id in seen_interviews:
            problems.append(Problem(f"interviews[{i}].id", f"duplicate id {interview.id!r}"))
        seen_interviews.add(interview.id)
        ids = interviewer_ids.setdefault(interview.id, set())
        for j, person in enumerate(interview.interviewers):
            if person.id in ids:
                problems.append(
                    Problem(f"interviews[{i}].interviewers[{j}].id", f"duplicate id {person.id!r}")
                )
            elif person.id in seen_people and seen_people[person.id] != person.name:
                problems.append(
                    Problem(
                        f"interviews[{i}].interviewers[{j}].id",
                        f"id {person.id!r} is already used for {seen_people[person.id]!r}",
                    )
                )
            ids.add(person.id)
            seen_people[person.id] = person.name
    for k, event in enumerate(case.events):
        if event.interview is not None and event.interview not in interviewer_ids:
            problems.append(
                Problem(f"events[{k}].interview", f"no interview has id {event.interview!r}")
            )
        elif event.interviewer is not None:
            known = interviewer_ids[event.interview] if event.interview is not None else seen_people
            if event.interviewer not in known:
                problems.append(
                    Problem(
                        f"events[{k}].interviewer",
                        f"no interviewer with id {event.interviewer!r} in that interview",
                    )
                )
        if now is not None and event.at > now:
            problems.append(
                Problem(
                    f"events[{k}].at", f"is after now ({now.isoformat()}); record only the past"
                )
            )
    if _any_out_of_range(case):
        # Rare: only then is the case dumped and walked again for the paths of the messages.
        problems.extend(_out_of_range(case.model_dump(), ""))
    if now is not None and not FIRST_YEAR <= now.year <= LAST_YEAR:
        problems.append(Problem("now", _range_message(now)))
    return problems


# The planner counts business days and months forward and back from these dates; near the
# calendar's own ends (years 1 and 9999) that arithmetic would overflow, and no interview
# happens there anyway.
FIRST_YEAR, LAST_YEAR = 1900, 9000


def _any_out_of_range(model: BaseModel) -> bool:
    """Whether any date or time in ``model`` is outside FIRST_YEAR..LAST_YEAR.

    Reads only the fields that can hold one (``_date_layout``), and goes into only the nested
    models that can hold one: it runs on every case, where walking a full dump of it cost more
    than validating it.
    """
    dates, nested = _date_layout(type(model))
    for name in dates:
        value = getattr(model, name)
        if value is None:
            continue
        if isinstance(value, date):  # the common case first: one date or time
            if not FIRST_YEAR <= value.year <= LAST_YEAR:
                return True
            continue
        if isinstance(value, Mapping):
            value = tuple(value.values())
        for item in value if isinstance(value, (list, tuple)) else (value,):
            if isinstance(item, date) and not FIRST_YEAR <= item.year <= LAST_YEAR:
                return True
    for name in nested:
        value = getattr(model, name)
        for item in value if isinstance(value, (list, tuple)) else (value,):
            if isinstance(item, BaseModel) and _any_out_of_range(item):
                return True
    return False


@cache
def _date_layout(model: type[BaseModel]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(names of fields that may hold dates, names of fields that may hold models that may
    hold dates) of ``model``; a case's employer, user and interviewers hold none."""
    dates, nested = [], []
    for name, info in model.model_fields.items():
        found = _classes_in(info.annotation)
        if any(issubclass(kind, date) for kind in found):
            dates.append(name)
        if any(issubclass(kind, BaseModel) and any(_date_layout(kind)) for kind in found):
            nested.append(name)
    return tuple(dates), tuple(nested)


def _classes_in(annotation: Any) -> set[type]:
    """Every class named anywhere in a type annotation (unions, tuples, Annotated...)."""
    if isinstance(annotation, type) and get_origin(annotation) is None:
        return {annotation}
    found: set[type] = set()
    origin = get_origin(annotation)
    if isinstance(origin, type):
        found.add(origin)
    for argument in get_args(annotation):
        found |= _classes_in(argument)
    return found


def _out_of_range(value: Any, path: str) -> list[Problem]:
    """A problem for every date or time in ``value`` outside FIRST_YEAR..LAST_YEAR."""
    if isinstance(value, date):  # datetimes included
        if FIRST_YEAR <= value.year <= LAST_YEAR:
            return []
        return [Problem(path, _range_message(value))]
    if isinstance(value, Mapping):
        return [
            problem
            for key, item in value.items()
            for problem in _out_of_range(item, f"{path}.{key}" if path else str(key))
        ]
    if isinstance(value, (list, tuple)):
        return [
            problem
            for index, item in enumerate(value)
            for problem in _out_of_range(item, f"{path}[{index}]")
        ]
    return []


def _range_message(value: date) -> str:
    return (
        f"{value.isoformat()} is not a plausible date: give one between {FIRST_YEAR} and "
        f"{LAST_YEAR}"
    )


def case_from_data(data: Any, now: datetime | None = None) -> Case:
    """Validate decoded JSON. ``now`` (or the case's own ``now``) bounds event times."""
    if not isinstance(data, Mapping):
        raise CaseError([Problem("", f"the case must be a JSON object, not {_kind(data)}")])
    try:
        case = Case.model_validate(data)
    except ValidationError as error:
        raise CaseError(problems_from(error)) from None
    problems = cross_checks(case, case.now or now)
    if problems:
        raise CaseError(problems)
    return case


def case_from_json(text: str | bytes, now: datetime | None = None) -> Case:
    if len(text) > MAX_INPUT_BYTES:
        raise CaseError([Problem("", f"input is larger than {MAX_INPUT_BYTES // 1024 // 1024} MB")])
    # Fast path: pydantic parses and validates the JSON in one pass. On any error the slow path
    # below runs instead, because its messages (JSON syntax, non-object input) are ours.
    try:
        case = Case.model_validate_json(text)
    except ValidationError:
        pass
    else:
        problems = cross_checks(case, case.now or now)
        if problems:
            raise CaseError(problems)
        return case
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise CaseError(
            [
                Problem(
                    "", f"not valid JSON: {error.msg} at line {error.lineno} column {error.colno}"
                )
            ]
        ) from None
    except UnicodeDecodeError:
        raise CaseError([Problem("", "not valid JSON: the text is not UTF-8")]) from None
    except RecursionError:
        raise CaseError([Problem("", "not valid JSON: nested too deeply")]) from None
    except ValueError:
        # Python refuses to read integers of more than 4,300 digits (a guard against slow input).
        raise CaseError([Problem("", "not valid JSON: a number is far too long")]) from None
    return case_from_data(data, now)


def _kind(data: Any) -> str:
    names = {
        list: "an array",
        str: "a string",
        int: "a number",
        float: "a number",
        bool: "a boolean",
        type(None): "null",
    }
    return names.get(type(data), type(data).__name__)
