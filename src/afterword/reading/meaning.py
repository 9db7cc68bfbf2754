"""What a person's reply to a job application says: offer, rejection, next round, no decision yet.

Pure: the sender's own words (quoted history and signature already removed), the day the reply
was sent and the country whose public holidays count come in; a reading with the deciding words
comes out. Nothing here reads the clock, the database or the network.

1. The text is cut into sentences and every cue of meaning_phrases.py is looked for.
2. A cue for an offer, a next round or a withdrawal counts only if no negation comes before it
   in its clause ("you were *not* selected for the next round"); a cue for an offer, a next
   round or a rejection after a hedge ("we *may* want to invite you back") is weak. "Neither a
   yes nor a no" ("weder Zusage noch Absage") is a decision to come, and the offer and
   rejection words inside it do not count; an invitation word inside an offer to join the team
   ("convidar a integrar a nossa equipa") is the offer's.
3. The class with a strong listed cue wins in this order: rejection, withdrawal (read as
   "other"), offer, next round, no decision. A rejection comes first because it borrows the
   others' words ("unable to offer you the role"). Without one, a class inferred from families
   of words meeting in a sentence (meaning_families.py: "queremos que te sumes") wins in the
   same order; a negated offer or invitation of that kind is a rejection. Without either, a
   weak cue gives its class; without any cue the reply is "other", with low confidence: not
   recognising the words says nothing about what they mean.
   A regret word ("leider", "I'm afraid") in a sentence that names a delay ("still waiting",
   "verzögert sich") is not read as a rejection, and a next-round word there only leans.
   Routine mail (meaning_routine.py: receipts, paperwork, answers, bulk mail) is "other" when
   no firm cue of a class and no sign of an offer or a rejection is there; its firm words
   outrank the loose next-round and pending words such mail borrows.
4. Confidence is low whenever the reading rests on weak or inferred cues or on a single
   ambiguous one, or another class has a strong cue too; an offer or next round is never
   "high" next to any sign of a rejection, nor a rejection next to any sign of an offer. A
   wrong "high" costs more than an honest "low".
5. For "no decision yet", the decision range the reply names is read (meaning_dates.py).
6. A "high" reading stands. Otherwise a small learned classifier (meaning_learned.py, trained
   on the tune half only) reads the whole reply, and where it leads the runner-up by at least
   _MODEL_LEAD its class replaces the rules' guess, still "low": listed cues cannot foresee
   every idiom ("wir nehmen dich"), and a guess the user confirms costs little. A guess that
   rests on a firm listed cue, low only because another class leans too, needs the larger
   _FIRM_MODEL_LEAD.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from afterword.reading.meaning_clauses import (
    CLAUSE_BREAK,
    HEDGE,
    NEGATION,
    NEITHER_NOR,
    NOT_A_NEGATION,
)
from afterword.reading.meaning_dates import decision_range
from afterword.reading.meaning_families import family_cues
from afterword.reading.meaning_learned import CLASSES, best_class, scores
from afterword.reading.meaning_model import PRIORS, WEIGHTS
from afterword.reading.meaning_phrases import CUES, CueClass, Meaning
from afterword.reading.meaning_routine import ROUTINE_CUES
from afterword.reading.meaning_sentences import quote, split_sentences

__all__ = ["MeaningReading", "read_meaning"]

# Read in this order; the first class with a strong cue wins.
_ORDER: tuple[CueClass, ...] = (
    "rejection",
    "withdrawn",
    "offer",
    "next_round",
    "no_decision",
    "routine",
)
_NEGATABLE = {"offer", "next_round", "withdrawn"}
_HEDGEABLE = {"offer", "next_round", "rejection"}
# Chosen by five-fold cross-validation on the tune half: a smaller lead lets the classifier
# turn too many true "other" replies into a class.
_MODEL_LEAD = 13.0
# A reading on a firm listed cue gives way only to a surer classifier: 20 lost nothing in
# cross-validation over the tune batches (scripts/cv_meaning.py) where 26 and more did.
_FIRM_MODEL_LEAD = 20.0
# "Thanks for the technical interview", "following the final round": a meeting that was.
_PAST_MEETING = re.compile(
    r"\b(?:for|following|after|since|during|from) (?:the|your|our)(?: \w+)?$"
)


@dataclass(frozen=True, slots=True)
class MeaningReading:
    """What a reply says about the application, how sure we are, and the words that decided."""

    meaning: str  # "offer" | "rejection" | "next_round" | "no_decision" | "other"
    confidence: str  # "high" | "low"
    evidence: str  # the deciding words quoted from the text, at most 200 characters
    decision_from: date | None  # for no_decision: the new decision date range, if named
    decision_to: date | None


@dataclass(frozen=True, slots=True)
class _Found:
    meaning: CueClass
    strong: bool
    ambiguous: bool
    inferred: bool  # read from families of words (meaning_families.py), not a listed cue
    sentence: int
    start: int  # where the cue starts in its sentence
    end: int


def read_meaning(
    text: str, *, sent_on: date, country: str, subdivision: str | None, language: str | None
) -> MeaningReading:
    """Read what the sender's own words say about the application (see the module's steps).

    ``country``/``subdivision`` choose the public holidays for business-day phrases;
    ``language`` is a hint only: the words of every language we know are always looked for.
    """
    sentences = split_sentences(text)
    lowered = [sentence.lower() for sentence in sentences]
    ruled, firm = _read_by_rules(sentences, lowered, sent_on, country, subdivision)
    if ruled.confidence == "high":
        return ruled
    # A reading that rests on the sender's own listed words, made "low" only by a sign of
    # another class, needs a far surer classifier to be overturned than a guess does.
    lead = _FIRM_MODEL_LEAD if firm else _MODEL_LEAD
    return _read_by_model(ruled, sentences, lowered, sent_on, country, subdivision, lead)


def _read_by_model(
    ruled: MeaningReading,
    sentences: list[str],
    lowered: list[str],
    sent_on: date,
    country: str,
    subdivision: str | None,
    needed: float,
) -> MeaningReading:
    """Step 6: where the rules found nothing firm, the learned classifier decides, with "low"."""
    guess, lead = best_class(" ".join(sentences), PRIORS, WEIGHTS)
    if guess == ruled.meaning or not sentences or lead < needed:
        return ruled
    if guess == "no_decision":
        dated = decision_range(lowered, sent_on, country, subdivision)
        if dated is not None:
            evidence = quote(sentences[dated.sentence], 0, len(sentences[dated.sentence]))
            return MeaningReading(guess, "low", evidence, dated.range.start, dated.range.end)
    # The sentence that leans most towards the guess is the evidence shown to the user.
    column = CLASSES.index(guess)

    def lean(sentence: str) -> float:
        totals = scores(sentence, [0.0] * len(CLASSES), WEIGHTS)
        return totals[column] - max(totals)

    deciding = max(sentences, key=lean)
    return MeaningReading(guess, "low", quote(deciding, 0, len(deciding)), None, None)


def _read_by_rules(
    sentences: list[str],
    lowered: list[str],
    sent_on: date,
    country: str,
    subdivision: str | None,
) -> tuple[MeaningReading, bool]:
    """Steps 1-5: the reading the listed cues, word families and dates give, and whether it
    rests on a firm listed cue of its class."""
    found = [cue for index, sentence in enumerate(lowered) for cue in _cues_in(sentence, index)]
    listed = {cue.meaning for cue in found if cue.strong and not cue.inferred}
    strong = _routine_or_not(found, listed)
    inferred = {cue.meaning for cue in found if cue.inferred}
    weak = {cue.meaning for cue in found if not cue.strong}

    winner = next((meaning for meaning in _ORDER if meaning in strong), None)
    sure = winner is not None
    if winner is None:
        winner = next((meaning for meaning in _ORDER if meaning in inferred), None)
        sure = winner is not None
    if winner is None:
        winner = next((meaning for meaning in _ORDER if meaning in weak), None)

    dated = None
    if winner in (None, "no_decision"):
        dated = decision_range(lowered, sent_on, country, subdivision)
        if dated is not None and winner is None:
            # A date near "we'll get back to you" says the decision is pending; a date alone
            # (an office closure, a webinar) says nothing about it.
            if _has_cue_words(lowered[dated.sentence]):
                winner, sure = "no_decision", True
            else:
                dated = None
        elif dated is not None:
            sure = sure or "no_decision" in weak
    if winner is None:
        # Finding no cue says only that we did not recognise the words, in any language.
        return MeaningReading("other", "low", "", None, None), False

    meaning: Meaning = "other" if winner == "withdrawn" or winner == "routine" else winner
    firm = any(
        cue.meaning == winner and cue.strong and not cue.inferred and not cue.ambiguous
        for cue in found
    )
    confident = (
        sure
        and _settled(winner, found)
        and not _pulled_elsewhere(winner, strong - {winner}, weak | inferred)
    )
    if dated is not None and meaning == "no_decision":
        evidence = quote(sentences[dated.sentence], 0, len(sentences[dated.sentence]))
        reading = MeaningReading(
            meaning,
            "high" if confident else "low",
            evidence,
            dated.range.start,
            dated.range.end,
        )
        return reading, firm
    # The words that decided: a listed strong cue if any, else an inferred one, else a weak one.
    deciding = min(
        (cue for cue in found if cue.meaning == winner),
        key=lambda cue: (cue.inferred or not cue.strong, not cue.strong),
    )
    evidence = quote(sentences[deciding.sentence], deciding.start, deciding.end)
    return MeaningReading(meaning, "high" if confident else "low", evidence, None, None), firm


def _routine_or_not(found: list[_Found], strong: set[CueClass]) -> set[CueClass]:
    """The strong classes, with routine mail either alone (it wins) or gone (it loses).

    Routine words (meaning_routine.py) lose to any listed cue of an offer or a rejection, to a
    firm cue of any class and to an inferred offer. A firm routine cue wins over the loose cues
    of a next round or a pending decision that receipts and paperwork borrow ("if you are
    shortlisted", "your availability"), unless an inferred cue of the same class backs them; a
    loose routine cue (logistics, pay, a handover) wins only over weak cues and inferred
    rejections or pending decisions.
    """
    if "routine" not in strong:
        return strong
    listed = [cue for cue in found if cue.strong and not cue.inferred]
    others = [cue for cue in listed if cue.meaning not in ("routine", "withdrawn")]
    inferred = {cue.meaning for cue in found if cue.inferred}
    firm = any(cue.meaning == "routine" and not cue.ambiguous for cue in listed)
    if (
        any(not cue.ambiguous or cue.meaning in ("offer", "rejection") for cue in others)
        or "offer" in inferred
        or (others and not firm)
        or ({cue.meaning for cue in others} & inferred)
        or ("next_round" in inferred and not firm)
    ):
        return strong - {"routine"}
    return strong & {"routine", "withdrawn"}


def _settled(winner: CueClass, found: list[_Found]) -> bool:
    """Whether the winner rests on a firm listed cue, or on at least two ambiguous ones.

    A class inferred from families of words is never settled: it is our guess, not their words.
    """
    deciding = [cue for cue in found if cue.meaning == winner and cue.strong and not cue.inferred]
    return any(not cue.ambiguous for cue in deciding) or len(deciding) >= 2


def _pulled_elsewhere(winner: CueClass, others: set[CueClass], weak: set[CueClass]) -> bool:
    """Whether another class's strong cues, or leaning ones, make the winner doubtful."""
    if others:
        return True
    if winner in ("offer", "next_round"):
        # Never a confident offer or invitation next to any sign of a rejection.
        return "rejection" in weak
    if winner == "rejection":
        return "offer" in weak
    if winner == "routine":
        return bool(weak & {"offer", "rejection", "next_round"})
    return False


# A delay named in a sentence: "still waiting", "the decision will slip", "noch nicht",
# "prend plus de temps", "todavía no", "nog geen", "ancora", "ainda não".
_PENDING = re.compile(
    r"\bstill (?:waiting|deliberating|deciding|in the middle|reviewing|collecting|working)|"
    r"\bnot (?:yet|there yet)\b|\bno (?:decision|verdict|news) yet|\byet to\b|"
    r"\b(?:slip|slipped|slipping|delay|delayed|pushed back|taking longer|held up|behind)\b|"
    r"noch nicht|noch keine|verzög|dauert (?:\w+ )?länger|pas encore|plus de temps|"
    r"retard|todavía no|aún no|retras|tardando|nog geen|nog niet|langer dan|non ancora|"
    r"ancora in corso|ainda não|atras"
)


def _cues_in(sentence: str, index: int) -> list[_Found]:
    found = []
    pending = _PENDING.search(sentence) is not None
    for cue in (*CUES, *ROUTINE_CUES):
        if pending and cue.meaning == "rejection" and not cue.strong:
            # A delay outranks a regret word: "leider verzögert sich ..." is not a rejection.
            continue
        for match in cue.pattern.finditer(sentence):
            before = _clause_before(sentence, match.start())
            if cue.meaning in _NEGATABLE and NEGATION.search(NOT_A_NEGATION.sub(" ", before)):
                continue
            hedged = cue.meaning in _HEDGEABLE and HEDGE.search(before) is not None
            # "waiting on references for all shortlisted candidates": a next-round word in a
            # sentence about a delay only leans.
            delayed = pending and cue.meaning == "next_round"
            if cue.meaning == "next_round" and _PAST_MEETING.search(before):
                continue
            found.append(
                _Found(
                    cue.meaning,
                    cue.strong and not hedged and not delayed,
                    cue.ambiguous,
                    False,
                    index,
                    match.start(),
                    match.end(),
                )
            )
    # "The requisition has been withdrawn": the role is gone, not the candidate; a withdrawal
    # word inside a listed rejection is that rejection's, and does not pull it towards "other".
    gone = [cue for cue in found if cue.meaning == "rejection" and cue.strong]
    found = [
        cue
        for cue in found
        if cue.meaning != "withdrawn"
        or not any(role.start <= cue.start and cue.end <= role.end for role in gone)
    ]
    # "Temos o prazer de o convidar a integrar a nossa equipa": an invitation word inside an
    # offer to join the team is that offer's.
    offers = [cue for cue in found if cue.meaning == "offer" and cue.strong and not cue.ambiguous]
    found = [
        cue
        for cue in found
        if cue.meaning != "next_round"
        or not any(offer.start < cue.end and cue.start < offer.end for offer in offers)
    ]
    # "Weder eine Zusage noch eine Absage": neither class has come; the decision is to come.
    neither = [(match.start(), match.end()) for match in NEITHER_NOR.finditer(sentence)]
    found = [
        cue
        for cue in found
        if cue.meaning not in ("offer", "rejection")
        or not any(start < cue.end and cue.start < end for start, end in neither)
    ]
    found += [_Found("no_decision", True, False, False, index, *span) for span in neither]
    # "Ce fut un plaisir de vous rencontrer": a meeting word inside routine words is past.
    routine = [cue for cue in found if cue.meaning == "routine" and not cue.ambiguous]
    found = [
        cue
        for cue in found
        if not (cue.meaning == "next_round" and cue.ambiguous)
        or not any(r.start < cue.end and cue.start < r.end for r in routine)
    ]
    for family in family_cues(sentence):
        if any(start < family.end and family.start < end for start, end in neither):
            continue
        before = _clause_before(sentence, family.start)
        meaning: CueClass = family.meaning
        if family.negatable and NEGATION.search(NOT_A_NEGATION.sub(" ", before)):
            # "We won't be offering you the role": a negated offer or invitation rejects.
            meaning = "rejection"
        hedged = meaning in _HEDGEABLE and HEDGE.search(before) is not None
        found.append(_Found(meaning, not hedged, True, True, index, family.start, family.end))
    return found


def _clause_before(sentence: str, start: int) -> str:
    """The words of the clause before ``start``, at most the last eight."""
    head = sentence[:start]
    breaks = list(CLAUSE_BREAK.finditer(head))
    clause = head[breaks[-1].end() :] if breaks else head
    return " ".join(clause.split()[-8:])


_DECISION_WORDS = re.compile(
    r"decid|decision|hear (?:from|back)|answer|back to you|let you know|in touch|outcome|update|"
    r"notif|"
    r"entscheid|rückmeldung|décision|réponse|decisión|respuesta|beslis|decisione|decisão|"
    # Hearing back and news, in each language: "tendremos noticias", "je hoort van ons".
    r"hören|\bhör|bescheid|antwort|nouvelles|retour|revien|noticias|"
    r"\bhoor|\bhoren|nieuws|bericht|uitsluitsel|notizie|aggiorn|sapere|esito|notícias|retorno|"
    r"resposta|"
    # The verbs and the choice itself: "bis Ende April haben wir entschieden", "nous aurons
    # arrêté notre choix", "hebben we besloten".
    r"entschied|décid|besloten|\bchoix\b|\bchoice\b|elección|keuze|scelta|escolha|"
    r"knoop (?:\w+ ){0,3}doorge?ha?kt|knoop doorhakken|"
    # News promised, not a newsletter's "read our news".
    r"(?:have|get|give|share|hear) (?:\w+ ){0,2}news\b|novità|novedades|neuigkeiten|novidades"
)


def _has_cue_words(sentence: str) -> bool:
    return _DECISION_WORDS.search(sentence) is not None
