"""Drafts Afterword writes pass Afterword's own checker: no error or warning before any edit."""

from __future__ import annotations

import pytest

from afterword.drafting import TONES, compose
from afterword.drafting.checker import check, context_for
from afterword.rules import case_from_data, plan
from tests.drafting import scenarios

SCENARIOS = [
    scenarios.larkspur,
    scenarios.northwind,
    scenarios.northwind_second,
    scenarios.northwind_third,
    scenarios.northwind_after_reply,
    scenarios.contoso_calls,
    scenarios.contoso_portal,
    scenarios.berlin,
    scenarios.fabrikam,
    scenarios.three_strangers,
]


@pytest.mark.parametrize("tone", TONES)
@pytest.mark.parametrize("scenario", SCENARIOS, ids=lambda s: s.__name__)
def test_a_fresh_draft_has_nothing_for_the_checker_to_flag(scenario, tone):
    """Names, spelling, placeholders, promises, sameness: a composed draft is already clean."""
    case = case_from_data(scenario())
    assert case.now is not None
    current = plan(case, case.now)
    drafts = [(a, compose(case, a, case.now, tone=tone, plan=current)) for a in current.actions]

    problems = []
    for action, draft in drafts:
        siblings = [
            (other.to_name or "", other.body)
            for _, other in drafts
            if other is not draft
            and other.kind == draft.kind
            and other.interview == draft.interview
            and draft.kind in ("thank_you_email", "thank_you_letter")
        ]
        context = context_for(case, action, case.now, plan=current, siblings=siblings)
        for finding in check(draft.subject, draft.body, context):
            if finding.severity in ("error", "warning"):
                text = draft.subject if finding.field == "subject" else draft.body
                problems.append((draft.kind, finding.code, text[finding.start : finding.end]))

    assert problems == []
