"""How well the reply reader finds a timing phrase's range inside a reply, in seven languages.

Run from the repository root:

    PYTHONPATH=src .venv/bin/python bench/phrases_in_replies.py --half test3 [--misses]

Each phrase of a half (tests/rules/corpus/phrases_<half>.jsonl, every language) is put in a
one-sentence "no decision yet" reply: the row's own ``reply`` when the phrase does not fit the
template of its language, else the template below. ``read_meaning`` reads it with the row's
reference date as the day sent and its country. It prints:

- right: the hand-worked range read exactly (``reply_from``/``reply_to`` when the reply words
  the phrase as a deadline), or no range where the phrase must be refused;
- refused: no range although the phrase has one;
- wrong: any other range (a wrong date is worse than a refusal);
- no decision: replies read as "no decision yet" at all (the class, not the date).
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field

from phrases import Labelled, half_names, load, show

from afterword.reading.meaning import read_meaning
from afterword.rules.phrases import DateRange

# One sentence per language: still deciding, then the phrase where a date would go.
TEMPLATES = {
    "en": "Thank you for your patience: we are still weighing up the candidates and will let "
    "you know our decision {phrase}.",
    "de": "Danke für Ihre Geduld: Wir sprechen noch mit weiteren Kandidaten und teilen Ihnen "
    "unsere Entscheidung {phrase} mit.",
    "fr": "Merci de votre patience : nous comparons encore les candidatures et vous "
    "communiquerons notre décision {phrase}.",
    "es": "Gracias por tu paciencia: seguimos valorando las candidaturas y te comunicaremos "
    "nuestra decisión {phrase}.",
    "nl": "Bedankt voor je geduld: we zijn de kandidaten nog aan het vergelijken en laten je "
    "ons besluit {phrase} weten.",
    "it": "Grazie per la pazienza: stiamo ancora valutando le candidature e ti comunicheremo "
    "la nostra decisione {phrase}.",
    "pt": "Obrigado pela paciência: ainda estamos a avaliar as candidaturas e vamos "
    "comunicar-lhe a nossa decisão {phrase}.",
}


def reply_of(row: Labelled) -> str:
    return row.reply or TEMPLATES[row.language].format(phrase=row.phrase)


@dataclass(slots=True)
class Score:
    total: int = 0
    right: int = 0
    refused: int = 0
    wrong: int = 0
    no_decision: int = 0
    misses: list[str] = field(default_factory=list)


def score(rows: list[Labelled]) -> Score:
    result = Score()
    for row in rows:
        text = reply_of(row)
        reading = read_meaning(
            text,
            sent_on=row.reference,
            country=row.country,
            subdivision=row.subdivision,
            language=row.language,
        )
        got = (
            DateRange(reading.decision_from, reading.decision_to)
            if reading.decision_from and reading.decision_to
            else None
        )
        expected = row.reply_expected or row.expected
        result.total += 1
        result.no_decision += reading.meaning == "no_decision"
        if got == expected:
            result.right += 1
            continue
        outcome = "refused" if got is None else "wrong"
        setattr(result, outcome, getattr(result, outcome) + 1)
        result.misses.append(
            f"  {outcome:<8} [{row.language}] {row.phrase!r} {row.reference} {row.country}: got "
            f"{show(got)} ({reading.meaning}), expected {show(expected)}"
        )
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--half", choices=half_names(), default="test3")
    parser.add_argument("--misses", action="store_true", help="list every phrase not right")
    args = parser.parse_args()
    rows = load(args.half)
    print(f"{'language':<10}{'phrases':>8}{'right':>7}{'refused':>9}{'wrong':>7}"
          f"{'no decision':>13}")  # fmt: skip
    for language in ("all", "en", "de", "fr", "es", "nl", "it", "pt"):
        chosen = [row for row in rows if language in ("all", row.language)]
        if not chosen:
            continue
        result = score(chosen)
        print(
            f"{language:<10}{result.total:>8}{result.right:>7}{result.refused:>9}"
            f"{result.wrong:>7}{result.no_decision:>13}"
        )
        if args.misses and language == "all":
            print("\n".join(result.misses), file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
