"""What an import did, in one sentence: the same words in the terminal and on the page."""

from __future__ import annotations

from collections.abc import Sequence

from afterword.tracker.services.known_applications import Imported

# Enough places to find them in the file; a long list would bury the sentence.
PLACES_SHOWN = 10


def import_summary(result: Imported) -> str:
    """E.g. "Imported 3 applications; 12 already in the account were skipped (applications[0],
    applications[1], ...)." When nothing was added, the sentence starts by saying so."""
    in_account = [entry.place for entry in result.skipped if entry.repeats is None]
    repeated = [entry.place for entry in result.skipped if entry.repeats is not None]
    count = len(result.added)
    if not count:
        # A repeat within the file always follows an added application, so here every
        # skipped one is in the account already.
        if not in_account:
            return "Nothing was added: the file has no applications."
        if len(in_account) == 1:
            what = "the application in the file is"
        else:
            what = f"all {len(in_account)} applications in the file are"
        return f"Nothing was added: {what} already in the account ({places(in_account)})."
    parts = [f"Imported {count} application{'s' if count != 1 else ''}"]
    if in_account:
        parts.append(f"{_skipped(in_account, 'already in the account')}")
    if repeated:
        parts.append(f"{_skipped(repeated, 'repeating an earlier one in the file')}")
    return "; ".join(parts) + "."


def _skipped(entries: Sequence[str], why: str) -> str:
    verb = "was" if len(entries) == 1 else "were"
    return f"{len(entries)} {why} {verb} skipped ({places(entries)})"


def places(entries: Sequence[str]) -> str:
    """The first few places, then how many more: "row 2, row 3 and 8 more"."""
    shown = ", ".join(entries[:PLACES_SHOWN])
    rest = len(entries) - PLACES_SHOWN
    return f"{shown} and {rest} more" if rest > 0 else shown
