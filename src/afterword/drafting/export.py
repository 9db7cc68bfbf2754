"""Drafts as JSON-ready data: the CLI prints it, and the API can serve the same shape."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from afterword.drafting.model import Draft, Letter
from afterword.rules.kinds import ACTION_FOR_DRAFT

# What each draft is called, by its kind.
KIND_LABELS = {kind: info.draft_noun for kind, info in ACTION_FOR_DRAFT.items()}


def letter_as_json(letter: Letter) -> dict[str, Any]:
    data = asdict(letter)
    for key in ("sender_lines", "recipient_lines", "paragraphs"):
        data[key] = list(data[key])
    return data


def draft_as_json(draft: Draft) -> dict[str, Any]:
    """Every field of the draft; the date as ISO text, the letter blocks as lists."""
    return {
        "kind": draft.kind,
        "tone": draft.tone,
        "interview": draft.interview,
        "interviewer": draft.interviewer,
        "to_name": draft.to_name,
        "to_email": draft.to_email,
        "subject": draft.subject,
        "body": draft.body,
        "promised_next": draft.promised_next.isoformat() if draft.promised_next else None,
        "letter": letter_as_json(draft.letter) if draft.letter else None,
    }
