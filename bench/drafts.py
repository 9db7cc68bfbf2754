"""Drafts benchmark: how Afterword's own drafts read on notes typed the way people type.

Every case of one corpus half (``tests/drafting/corpus/test`` by default) is planned, every
planned message drafted in both tones, and each draft checked by Afterword's own checker beside
its sibling drafts (the same kind, tone and interview, to the other interviewers). Reported:

- defects per draft by kind: every finding of the checker on our own drafts (goal: 0), the
  user slots counted apart (they are meant to block sending until the user writes);
- sibling similarity of thank-you drafts: the longest run of words two siblings share (names
  blanked) and the Jaccard index of their sets of word 5-grams;
- how many drafts need a user slot.

Run from the repository root: ``PYTHONPATH=src python bench/drafts.py [--half tune|test|test2]``.
"""

from __future__ import annotations

import argparse
import re
import statistics
from collections import Counter
from itertools import combinations
from pathlib import Path

from afterword.drafting import TONES, Draft, compose
from afterword.drafting.checker import check, context_for
from afterword.drafting.prose import longest_shared_run
from afterword.rules import Action, Case, case_from_json, plan

CORPUS = Path(__file__).parents[1] / "tests" / "drafting" / "corpus"
THANK_YOU = frozenset({"thank_you_email", "thank_you_letter"})


def five_grams(text: str) -> set[tuple[str, ...]]:
    words = re.findall(r"[^\W_]+(?:['’][^\W_]+)*", text.lower())
    return {tuple(words[i : i + 5]) for i in range(len(words) - 4)}


def jaccard(a: str, b: str) -> float:
    x, y = five_grams(a), five_grams(b)
    return len(x & y) / len(x | y) if x | y else 0.0


def siblings_of(
    action: Action, draft: Draft, drafted: list[tuple[Action, Draft]]
) -> list[tuple[str, str]]:
    return [
        (other.to_name or "", other.body)
        for other_action, other in drafted
        if draft.kind in THANK_YOU
        and other.kind == draft.kind
        and other_action.interview == action.interview
        and other_action.interviewer != action.interviewer
    ]


def run(half: str) -> None:
    paths = sorted((CORPUS / half).glob("*.json"))
    defects: Counter[str] = Counter()
    drafts_by_kind: Counter[str] = Counter()
    defect_drafts: Counter[str] = Counter()
    slots: Counter[str] = Counter()
    runs: list[int] = []
    jaccards: list[float] = []
    for path in paths:
        case: Case = case_from_json(path.read_bytes())
        assert case.now is not None
        current = plan(case, case.now)
        names = tuple(p.name for i in case.interviews for p in i.interviewers)
        names += tuple(
            text for text in (case.employer.name, case.role, case.candidate.name) if text
        )
        for tone in TONES:
            drafted = [
                (a, compose(case, a, case.now, tone=tone, plan=current)) for a in current.actions
            ]
            for action, draft in drafted:
                drafts_by_kind[draft.kind] += 1
                context = context_for(
                    case, action, case.now, plan=current,
                    siblings=siblings_of(action, draft, drafted),
                )  # fmt: skip
                found = check(draft.subject, draft.body, context)
                if any(f.code == "user_slot" for f in found):
                    slots[draft.kind] += 1
                real = [f for f in found if f.code != "user_slot"]
                for finding in real:
                    defects[f"{finding.code} ({finding.severity})"] += 1
                if real:
                    defect_drafts[draft.kind] += 1
            for (_, a), (_, b) in combinations(drafted, 2):
                if a.kind in THANK_YOU and a.kind == b.kind and a.interview == b.interview:
                    runs.append(longest_shared_run(a.body, b.body, names)[0])
                    jaccards.append(jaccard(a.body, b.body))
    total = sum(drafts_by_kind.values())
    print(f"Drafts benchmark, {half} half: {len(paths)} cases, {total} drafts (both tones)\n")
    print("| draft kind | drafts | with a defect | with a user slot |")
    print("|---|---:|---:|---:|")
    for kind, count in sorted(drafts_by_kind.items()):
        print(f"| {kind} | {count} | {defect_drafts[kind]} | {slots[kind]} |")
    print(f"| **all** | {total} | {sum(defect_drafts.values())} | {sum(slots.values())} |\n")
    print(f"Defects per draft: {sum(defects.values()) / max(total, 1):.3f} (goal 0)\n")
    print("| checker finding on our own drafts | count |")
    print("|---|---:|")
    for code, count in sorted(defects.items()):
        print(f"| {code} | {count} |")
    if not defects:
        print("| (none) | 0 |")
    if runs:
        print(f"\nSibling thank-you pairs: {len(runs)}")
        print(
            f"Longest shared word run: max {max(runs)}, mean {statistics.mean(runs):.1f}, "
            f"median {statistics.median(runs):.0f} words"
        )
        print(
            f"Jaccard of word 5-grams: max {max(jaccards):.3f}, "
            f"mean {statistics.mean(jaccards):.3f}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--half", choices=["test", "tune", "test2"], default="test")
    run(parser.parse_args().half)


if __name__ == "__main__":
    main()
