"""Drafting: every message Afterword writes for the user, the printed letter, and the checker."""

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
]
