"""The live preview under a notes field: what each item of the note will become.

The interview form calls ``preview_note(text, field, tone)`` as the user types. Each item of the
note comes back with the sentence a thank-you will make of it, or the reason it makes none (a
question or a private remark is kept for the user; pay and hours get no sentence) or needs the
user's own sentence (a slot in the draft). The sentences come from the thank-you templates
themselves, so the preview and the draft never disagree about wording.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from afterword.drafting.model import Tone
from afterword.drafting.notes import ItemKind, Source, note_items
from afterword.drafting.render import render_paragraphs
from afterword.drafting.rewrite import point_clause, slot, topic_phrase
from afterword.drafting.variants import Chooser

_REASONS: dict[ItemKind, str] = {
    "question": "A question you still have: kept for you, never sent. Ask it when you check in.",
    "private": "A private remark: kept for you, never sent.",
    "logistics": (
        "About pay, hours, place or contract: no sentence, since a thank-you is about the work."
    ),
}
_NOT_ENGLISH = "This cannot be made into a good sentence: the draft will ask you to write one."
_SENTENCE = re.compile(r"(?<=[.!?])\s+")


@dataclass(frozen=True, slots=True)
class ItemPreview:
    """One item of a note as typed, what it is, and the sentence it makes or why it makes none.

    ``slot`` is the gap the draft shows when the item needs the user's own sentence.
    """

    text: str
    kind: ItemKind
    sentence: str | None
    reason: str | None
    slot: str | None = None


def _sentence_with(tone: Tone, words: str, field: Source) -> str:
    """The template's sentence around ``words``, rendered for a neutral person and role."""
    context: dict[str, Any] = {
        "one_of": Chooser(f"preview|{field}|{tone}").one_of,
        "topic": "interview",
        "code_suffix": "",
        "the_role": "the position" if tone == "formal" else "the role",
        "at_company": "",
        "company_or_team": "your team",
        "greeting": "Dear Hiring Team,",
        "person_title": None,
        "emphasis": words if field == "emphasised" else None,
        "asked": None,
        "topic_slot": None,
        "forgot": words if field == "forgot" else None,
        "clarify": words if field == "to_clarify" else None,
        "point_slot": None,
        "promise": None,
        "promise_rule": None,
        "promise_decision": None,
        "late": False,
    }
    for paragraph in render_paragraphs(f"thank_you_email_{tone}.j2", context):
        for sentence in _SENTENCE.split(paragraph):
            if words in sentence:
                return sentence
    raise ValueError(f"no sentence of the {tone} thank-you holds {words!r}")


def preview_note(
    text: str | None, field: Source = "emphasised", tone: Tone = "formal"
) -> tuple[ItemPreview, ...]:
    """Every item of ``text`` (a note typed into ``field``) and what the thank-you makes of it.

    1. The note is split and classified as the drafts do it (notes.py).
    2. A topic or a point is rewritten (rewrite.py); the sentence is the template's own.
    3. What gives no sentence says why; what cannot be written well shows its slot.
    """
    found: list[ItemPreview] = []
    for item in note_items(text, field):
        if item.kind in _REASONS:
            found.append(ItemPreview(item.text, item.kind, None, _REASONS[item.kind]))
            continue
        words = topic_phrase(item.text) if item.kind == "topic" else point_clause(item.text)
        if words is None:
            found.append(ItemPreview(item.text, item.kind, None, _NOT_ENGLISH, slot(item.text)))
        else:
            sentence = _sentence_with(tone, words, field)
            found.append(ItemPreview(item.text, item.kind, sentence, None))
    return tuple(found)
