"""Drafting: every message Afterword writes for the user, the printed letter, and the checker."""

from afterword.drafting.compose import compose, compose_all, keep_searching_text, tone_for
from afterword.drafting.dates import format_day
from afterword.drafting.model import (
    DRAFT_KIND_FOR_ACTION,
    EMAIL_KINDS,
    TONES,
    Draft,
    DraftKind,
    Finding,
    Letter,
    Tone,
)

__all__ = [
    "DRAFT_KIND_FOR_ACTION",
    "EMAIL_KINDS",
    "TONES",
    "Draft",
    "DraftKind",
    "Finding",
    "Letter",
    "Tone",
    "compose",
    "compose_all",
    "format_day",
    "keep_searching_text",
    "tone_for",
]
