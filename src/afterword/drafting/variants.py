"""Deterministic sentence choice: the same person always gets the same draft, and the people of
one interview never get the same sentences.

Python's ``hash()`` is salted per process, so it would give a different draft on every run;
SHA-256 over stable text does not.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence


def stable_number(*parts: str) -> int:
    """A number that depends only on ``parts``, the same on every machine and every run."""
    digest = hashlib.sha256("\x1f".join(parts).encode()).digest()
    return int.from_bytes(digest[:8], "big")


class Chooser:
    """Picks one wording per slot for one person of a group (the interviewers of an interview).

    1. The group's ``seed`` and the slot name give a starting option, shared by the whole group,
       so that the choice does not depend on anything but stable text.
    2. The person's ``position`` in the group rotates it: people at positions ``p`` and ``q``
       get different options in every slot whenever ``p - q`` is not a multiple of the slot's
       option count. Slots have different option counts, so even larger groups differ somewhere.
    """

    def __init__(self, seed: str, position: int = 0) -> None:
        self.seed = seed
        self.position = position

    def index(self, slot: str, count: int) -> int:
        if count < 1:
            raise ValueError(f"slot {slot!r} has no options")
        return (stable_number(self.seed, slot) + self.position) % count

    def one_of(self, slot: str, options: Sequence[str]) -> str:
        """The option for this person in ``slot``; templates call it as ``one_of``."""
        return options[self.index(slot, len(options))]
