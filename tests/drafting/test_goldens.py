"""Golden drafts: every kind in both tones, compared exactly with files a person has read.

Regenerate with ``AFTERWORD_UPDATE_GOLDENS=1`` and read every changed file before committing:
the files are the product's wording.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from afterword.drafting import Draft, keep_searching_text
from afterword.rules.search import ApplicationSummary, keep_searching
from tests.drafting import scenarios

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("AFTERWORD_UPDATE_GOLDENS") == "1"

# name -> (scenario, action kind, tone, which of the matching actions)
CASES: dict[str, tuple[Callable[[], dict[str, Any]], str, str, int]] = {
    "thank_you_email.formal": (scenarios.larkspur, "thank_you_email", "formal", 0),
    "thank_you_email.formal.no_notes": (scenarios.three_strangers, "thank_you_email", "formal", 1),
    "thank_you_email.warm": (scenarios.larkspur, "thank_you_email", "warm", 1),
    "thank_you_email.warm.fast_decision": (scenarios.fabrikam, "thank_you_email", "warm", 1),
    "thank_you_letter.formal": (scenarios.larkspur, "thank_you_letter", "formal", 0),
    "thank_you_letter.warm": (scenarios.berlin, "thank_you_letter", "warm", 1),
    "check_in_email.formal": (scenarios.northwind, "check_in_email", "formal", 0),
    "check_in_email.formal.second": (scenarios.northwind_second, "check_in_email", "formal", 0),
    "check_in_email.formal.third": (scenarios.northwind_third, "check_in_email", "formal", 0),
    "check_in_email.warm": (scenarios.northwind, "check_in_email", "warm", 0),
    "check_in_email.warm.after_reply": (
        scenarios.northwind_after_reply,
        "check_in_email",
        "warm",
        0,
    ),
    "call_script.formal": (scenarios.contoso_calls, "check_in_call", "formal", 0),
    "call_script.warm": (scenarios.contoso_calls, "check_in_call", "warm", 0),
    "portal_check.formal": (scenarios.contoso_portal, "check_portal", "formal", 0),
    "expedite.formal": (scenarios.berlin, "expedite", "formal", 0),
    "expedite.warm": (scenarios.berlin, "expedite", "warm", 0),
}


def as_golden_text(draft: Draft) -> str:
    """What a reader checks: who it goes to, the subject, the promise, then the text itself."""
    head = [f"kind: {draft.kind}", f"tone: {draft.tone}"]
    if draft.to_name:
        head.append(f"to: {draft.to_name}")
    if draft.to_email:
        head.append(f"email: {draft.to_email}")
    if draft.subject:
        head.append(f"subject: {draft.subject}")
    if draft.promised_next:
        head.append(f"promised_next: {draft.promised_next.isoformat()}")
    return "\n".join(head) + "\n\n" + draft.body + "\n"


def check_golden(name: str, text: str) -> None:
    path = GOLDEN / f"{name}.txt"
    if UPDATE:
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"{path.name} is missing: run with AFTERWORD_UPDATE_GOLDENS=1"
    assert text == path.read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted(CASES))
def test_the_draft_reads_exactly_as_its_golden_file(name):
    """Each kind and tone matches the wording a person has read and approved."""
    scenario, kind, tone, index = CASES[name]

    draft = scenarios.drafts(scenario(), kind, tone)[index]

    check_golden(name, as_golden_text(draft))


def test_the_keep_searching_paragraph_reads_exactly_as_its_golden_file():
    """P1: the digest paragraph names whom you wait on and gives one concrete step."""
    from datetime import UTC, datetime

    now = datetime(2026, 3, 10, 8, tzinfo=UTC)
    note = keep_searching([ApplicationSummary("waiting", datetime(2026, 2, 1, tzinfo=UTC))], now)
    assert note is not None

    text = keep_searching_text(note, ["Northwind Traders", "Contoso Logistics"])

    check_golden("keep_searching", text + "\n")
