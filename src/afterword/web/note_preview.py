"""What the interview form shows under a note while the user types it, and whom a point goes to.

Each note field ("What did they care about?", "What did you forget to mention?", "What do you
still need to clarify?") gets a live preview: per item, the sentence the thank-you will make of
it or why it makes none (drafting/preview.py), and for a forgotten or to-clarify point the one
person whose thank-you carries it (drafting/routing.py). The people are read from the form as it
stands, typed names included, so the preview and the picker agree before anything is saved.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import cast

from django.http import QueryDict
from pydantic import ValidationError as SchemaError

from afterword.drafting.model import Tone
from afterword.drafting.notes import Source, classify
from afterword.drafting.preview import ItemPreview, preview_note
from afterword.drafting.routing import Choice, default_choice, logistics_choice
from afterword.drafting.salutations import salutation
from afterword.rules import case as schema
from afterword.tracker import access
from afterword.tracker.models import Application
from afterword.tracker.preferences import settings_for

NOTE_FIELDS: dict[str, Source] = {
    "emphasised": "emphasised",
    "forgot": "forgot",
    "to_clarify": "to_clarify",
}
# The picker next to each field of points: the field it sets.
PICKERS = {"forgot": "forgot_for", "to_clarify": "to_clarify_for"}
ROWS = "people"
_ANY_TIME = datetime(2000, 1, 1, tzinfo=UTC)
GREETING_EXAMPLE = "e.g. Dr Brandt, Ms Okafor or a first name"
# How the preview labels what happens to an item.
OUTCOMES = {
    "sentence": "In your thank-you",
    "slot": "You write this one",
    "question": "Kept to yourself",
    "private": "Kept to yourself",
    "logistics": "No sentence",
}


@dataclass(frozen=True, slots=True)
class ShownItem:
    """One item of a note as the preview shows it."""

    item: ItemPreview
    outcome: str
    goes_to: str | None = None


def application_tone(application: Application) -> Tone:
    """The tone the drafts will use: the user's choice, else warm only for a casual employer."""
    chosen = settings_for(application.owner).tone
    if chosen in ("formal", "warm"):
        return cast(Tone, chosen)
    return "warm" if application.employer_style == "casual" else "formal"


def person_from(key: str, name: str, title: str = "", primary: bool = False) -> schema.Interviewer:
    """A person as the drafting rules see one, from what the form holds (not validated)."""
    return schema.Interviewer.model_construct(
        id=key, name=name.strip(), title=title.strip() or None, primary=primary, salutation=None
    )


def people_in_form(data: QueryDict, application: Application) -> list[schema.Interviewer]:
    """Everyone the form says was there: each named row (``row-N``), each ticked earlier person."""
    people: list[schema.Interviewer] = []
    try:
        rows = int(data.get(f"{ROWS}-TOTAL_FORMS", "0"))
    except ValueError:
        rows = 0
    for index in range(min(rows, 50)):
        prefix = f"{ROWS}-{index}-"
        name = data.get(f"{prefix}name", "").strip()
        if name and not data.get(f"{prefix}DELETE"):
            primary = bool(data.get(f"{prefix}is_primary"))
            people.append(
                person_from(f"row-{index}", name, data.get(f"{prefix}title", ""), primary)
            )
    pks = [pk for pk in map(access.row_id, data.getlist("existing")) if pk is not None]
    for known in application.interviewers.filter(pk__in=pks).order_by("name"):
        people.append(person_from(f"p{known.pk}", known.name, known.title, known.is_primary))
    return people


def automatic(people: list[schema.Interviewer], logistics: bool) -> Choice | None:
    """The person a point goes to when the user leaves the picker on automatic."""
    # Routing reads only the people; the times are there to make a whole interview.
    interview = schema.Interview.model_construct(
        id="preview", start=_ANY_TIME, end=_ANY_TIME, interviewers=tuple(people)
    )
    return logistics_choice(interview) if logistics else default_choice(interview)


def named(choice: Choice | None) -> str | None:
    return f"{choice.person.name} ({choice.why})" if choice is not None else None


def shown_items(
    text: str | None,
    field: str,
    tone: Tone,
    people: list[schema.Interviewer],
    chosen: str = "",
) -> list[ShownItem]:
    """Every item of ``text`` with its outcome, and, for a point, who receives it.

    ``chosen`` is the picker's value (a person's key, or empty for automatic).
    """
    source = NOTE_FIELDS[field]
    picked = next((person for person in people if person.id == chosen), None)
    shown = []
    for item in preview_note(text, source, tone):
        outcome = OUTCOMES["slot" if item.slot else "sentence" if item.sentence else item.kind]
        goes_to = None
        if item.kind == "point" and people:
            if picked is not None:
                goes_to = f"{picked.name} (your choice)"
            else:
                goes_to = named(automatic(people, _is_logistics(item, source)))
        shown.append(ShownItem(item, outcome, goes_to))
    return shown


def automatic_label(text: str | None, field: str, people: list[schema.Interviewer]) -> str:
    """The picker's first option: whom the points go to when the user does not choose."""
    source = NOTE_FIELDS[field]
    points = [item for item in preview_note(text, source) if item.kind == "point"]
    kinds = {_is_logistics(item, source) for item in points} or {False}
    chosen = {named(automatic(people, logistics)) for logistics in kinds}
    if len(chosen) == 1 and None not in chosen:
        return f"Automatic: {chosen.pop()}"
    return "Automatic: the person each point concerns"


def greeting_placeholder(name: str, title: str, tone: Tone, country: str) -> str:
    """The greeting the drafts use when the field is left empty, or an example without a name."""
    if not name.strip():
        return GREETING_EXAMPLE
    try:
        person = schema.Interviewer(id="x", name=name.strip(), title=title.strip() or None)
    except SchemaError:
        return GREETING_EXAMPLE
    return salutation(person, tone, country)


def _is_logistics(item: ItemPreview, source: Source) -> bool:
    # The preview keeps the item's words; classifying them again gives the same reading.
    return classify(item.text, source).logistics
