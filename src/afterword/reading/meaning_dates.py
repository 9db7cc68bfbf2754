"""When a reply says the decision will come: the timing phrase near "decide", read as a range.

The phrase itself is read by the planner's parser (``afterword.rules.phrases.parse_phrase``), the
one reader of timing phrases in Afterword, which is English. Here we only find the phrase:

1. Timing words of German, French, Spanish, Dutch, Italian and Portuguese are put into English
   first ("bis Ende nächster Woche" -> "by end of next week", "d'ici le 15 avril" -> "by 15
   april"): month, weekday and number words by table, then the ways they combine by a small
   grammar (meaning_date_grammar.py), then the few idioms left by a table of phrases.
2. Every run of up to eight words that starts at a timing word ("by", "next", "mid", a weekday,
   a number) is tried, longest first; the parser's answer is kept, a PhraseError means "not a
   date".
3. Of the phrases found, the one nearest after a word about deciding or hearing back ("decide",
   "let you know", "an update", "Entscheidung", "réponse") wins, so "the panel meets on Thursday
   and we will write to everyone by Friday 27 March" gives the 27th.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from afterword.reading.meaning_date_grammar import grammar_to_english
from afterword.rules.phrases import DateRange, PhraseError, parse_phrase

_MAX_WORDS = 8
_FURTHEST = timedelta(days=548)  # 18 months

_MONTHS = {
    "january": "januar|janvier|enero|januari|gennaio|janeiro",
    "february": "februar|février|febrero|februari|febbraio|fevereiro",
    "march": "märz|mars|marzo|maart|março",
    "april": "avril|abril|aprile",
    "may": "mai|mayo|mei|maggio|maio",
    "june": "juni|juin|junio|giugno|junho",
    "july": "juli|juillet|julio|luglio|julho",
    "august": "août|agosto|augustus",
    "september": "septembre|septiembre|setiembre|settembre|setembro",
    "october": "oktober|octobre|octubre|ottobre|outubro",
    "november": "novembre|noviembre|novembro",
    "december": "dezember|décembre|diciembre|dicembre|dezembro",
}
_WEEKDAYS = {
    # Portuguese weekdays keep "-feira": "segunda entrevista" is a second interview.
    "monday": "montag|lundi|lunes|maandag|lunedì|lunedi|segunda-feira",
    "tuesday": "dienstag|mardi|martes|dinsdag|martedì|martedi|terça-feira|terça",
    "wednesday": "mittwoch|mercredi|miércoles|miercoles|woensdag|mercoledì|mercoledi|quarta-feira",
    "thursday": "donnerstag|jeudi|jueves|donderdag|giovedì|giovedi|quinta-feira",
    "friday": "freitag|vendredi|viernes|vrijdag|venerdì|venerdi|sexta-feira",
}
_NUMBERS = {
    "2": "zwei|deux|dos|twee|due|dois|duas",
    "3": "drei|trois|tres|drie|tre|três",
    "4": "vier|quatre|cuatro|quattro|quatro",
    "5": "fünf|cinq|cinco|vijf|cinque",
    "6": "sechs|six|seis|zes|sei",
    "7": "sieben|siete|zeven|sette|sete",
    "10": "zehn|dix|diez|tien|dieci|dez",
    "14": "vierzehn|quatorze|catorce|veertien|quattordici|catorze",
    "15": "fünfzehn|quinze|quince|vijftien|quindici",
}


# A number word counts only before a unit ("zwei Wochen"): English "due" is not Italian "2".
_UNIT = (
    r"(?= (?:\w+ )?(?:tag|tage|tagen|woche|wochen|werktag\w*|arbeitstag\w*|jours?|semaines?|"
    r"días?|semanas?|dag|dagen|weken|werkdag\w*|giorn\w*|settiman\w*|dias?))"
)


def _words_to_english(table: dict[str, str], after: str = "") -> list[tuple[re.Pattern[str], str]]:
    return [(re.compile(rf"\b(?:{words})\b{after}"), english) for english, words in table.items()]


_WORD_TABLES = (
    _words_to_english(_MONTHS)
    + _words_to_english(_WEEKDAYS)
    + _words_to_english(_NUMBERS, after=_UNIT)
)
_M = "(" + "|".join(_MONTHS) + ")"
_W = "(monday|tuesday|wednesday|thursday|friday)"

# Applied in order after month, weekday and number words are English; \1, \2 keep the groups.
_PHRASES: list[tuple[str, str]] = [
    # German
    (r"bis (?:zum )?ende (?:der )?nächste[nr]? woche", "by end of next week"),
    (r"ende (?:der )?nächste[nr]? woche", "end of next week"),
    (r"(?:bis )?ende (?:dieser|der) woche", "by end of this week"),
    (r"nächste[nr]? woche", "next week"),
    (r"bis (?:zum )?(?:monatsende|ende (?:des|dieses) monats)", "by end of month"),
    (r"(?:zum )?(?:monatsende|ende (?:des|dieses) monats)", "end of month"),
    (rf"anfang {_M}", r"early \1"),
    (rf"mitte {_M}", r"mid \1"),
    (rf"ende {_M}", r"end of \1"),
    (rf"bis (?:spätestens )?(?:zum )?(\d+)\.? {_M}", r"by \1 \2"),
    (rf"\b(\d+)\. {_M}", r"\1 \2"),
    (rf"bis (?:spätestens )?{_W}", r"by \1"),
    (
        r"innerhalb (?:von |der nächsten )?(\d+) (?:werktagen|arbeitstagen)",
        r"within \1 business days",
    ),
    (r"innerhalb (?:von |der nächsten )?(\d+) tagen", r"within \1 days"),
    (r"innerhalb (?:von |der nächsten )?(\d+) wochen", r"within \1 weeks"),
    (r"in (\d+) tagen", r"in \1 days"),
    (r"in (\d+) wochen", r"in \1 weeks"),
    (r"in ein paar tagen", "in a few days"),
    (r"(?:in der )?(?:kommenden|nächsten) woche", "next week"),
    (r"\banfang (?=next week|this week)", "early "),
    (r"\bmitte (?=next week|this week)", "mid "),
    (r"\bspätestens (?:am |bis )?(?:zum )?", "by "),
    (r"\bmorgen\b", "tomorrow"),
    # French
    (r"d'ici (?:la )?fin de la semaine prochaine", "by end of next week"),
    (r"(?:à la |en )?fin de la semaine prochaine", "end of next week"),
    (r"d'ici (?:la )?fin de (?:la|cette) semaine", "by end of this week"),
    (r"(?:la )?semaine prochaine", "next week"),
    (r"d'ici (?:la )?fin du mois", "by end of month"),
    (r"(?:à la |en )?fin du mois", "end of month"),
    (rf"(?:au )?début (?:du mois )?(?:de |d')?{_M}", r"early \1"),
    (rf"(?:à la |pour la |la )?mi-{_M}", r"mid \1"),
    (rf"(?:à la )?fin {_M}", r"end of \1"),
    (rf"d'ici (?:le )?(\d+)(?:er)? {_M}", r"by \1 \2"),
    (rf"avant le (\d+)(?:er)? {_M}", r"before \1 \2"),
    (rf"d'ici {_W}", r"by \1"),
    (r"dans (?:les |un délai de )(\d+) jours ouvr(?:ables|és)", r"within \1 business days"),
    (r"(?:dans les|sous) (\d+) jours", r"within \1 days"),
    (r"dans (\d+) (jours|semaines)", r"in \1 \2"),
    (r"\bjours\b", "days"),
    (r"\bsemaines\b", "weeks"),
    (r"quelques jours", "a few days"),
    (r"(?:dans )?une dizaine de (?:jours|days)", "in 10 days"),
    (rf"(?:dans )?les premiers (?:jours|days) (?:de |d')?{_M}", r"early \1"),
    (r"\bau plus tard (?:le )?", "by "),
    (r"\bd'ici (?:le |la )?", "by "),
    (r"\bdemain\b", "tomorrow"),
    # Spanish
    (rf"a más tardar el {_W}", r"\1 at the latest"),
    (rf"a más tardar el (\d+) de {_M}", r"\1 \2 at the latest"),
    # Portuguese "até ao final da próxima semana" first: the Spanish "próxima semana" below
    # would otherwise turn it into "until ao final da next week".
    (r"até (?:ao |o )?final da próxima semana", "by end of next week"),
    (r"(?:la )?(?:próxima semana|semana que viene)", "next week"),
    (r"antes de(?:l)? (?:final|fin) de(?:l)? mes", "by end of month"),
    (r"(?:a |para )?finales de(?:l)? mes", "end of month"),
    (rf"(?:a )?mediados de {_M}", r"mid \1"),
    (rf"(?:a )?principios de {_M}", r"early \1"),
    (rf"(?:a )?finales de {_M}", r"end of \1"),
    (rf"antes del (\d+) de {_M}", r"before \1 \2"),
    (rf"(?:durante |en )?la semana del (\d+) de {_M}", r"the week of \1 \2"),
    (rf"(?:en |durante )?(?:los )?primeros días de {_M}", r"early \1"),
    (r"(?:en )?una decena de días", "in 10 days"),
    (rf"(?:el )?(\d+) de {_M}", r"\1 \2"),
    (r"en un plazo de (\d+) (días|semanas)", r"within \1 \2"),
    (r"en unos (?:pocos )?días", "in a few days"),
    (r"en un par de semanas", "in a couple of weeks"),
    (r"en (\d+) (días|semanas)", r"in \1 \2"),
    (r"\bdías\b", "days"),
    (r"\bsemanas\b", "weeks"),
    (r"en unas (\d+) (days|weeks)", r"in about \1 \2"),
    # "como muy tarde el viernes 6": a deadline before the day it names.
    (r"(?:como muy tarde|a más tardar|a lo más tardar) (?=(?:el )?(?:\d|" + _W[1:] + ")", "by "),
    (r"(?:como muy tarde|a más tardar|a lo más tardar)", "at the latest"),
    (rf"\bel {_W}", r"\1"),
    # Dutch
    (r"(?:eind|einde) (?:van )?(?:de )?volgende week", "end of next week"),
    (rf"volgende week {_W}", r"\1 next week"),
    (r"volgende week", "next week"),
    (r"\buiterlijk (?:op )?", "by "),
    (rf"uiterlijk {_W}", r"by \1"),
    (r"(?:eind|einde) van (?:deze|de) maand", "end of month"),
    (r"binnen (\d+) werkdagen", r"within \1 business days"),
    (rf"\bbegin {_M}", r"early \1"),
    (rf"\bhalf {_M}", r"mid \1"),
    (rf"\beind {_M}", r"end of \1"),
    (r"binnen (\d+) (dagen|weken)", r"within \1 \2"),
    (r"over (\d+) (dagen|weken)", r"in \1 \2"),
    (r"\bdagen\b", "days"),
    (r"\bweken\b", "weeks"),
    # Italian
    (rf"entro il (\d+) {_M}", r"by \1 \2"),
    (rf"entro {_W}", r"by \1"),
    (r"\b(?:la )?(?:prossima settimana|settimana prossima)", "next week"),
    (rf"(?:nei |ai )?primi giorni di {_M}", r"early \1"),
    (r"(?:tra |fra )?una decina di giorni", "in 10 days"),
    (r"entro (?:la )?fine (?:del )?mese", "by end of month"),
    (r"entro (\d+) giorni lavorativi", r"within \1 business days"),
    (r"(?:tra|fra) (\d+) (giorni|settimane)", r"in \1 \2"),
    (rf"(?:a )?metà {_M}", r"mid \1"),
    (r"entro (?:la )?fine (?:della |del |di )?", "by end of "),
    (rf"(?:all')?inizio (?:di )?{_M}", r"early \1"),
    (rf"(?:a |alla )?fine (?:di )?{_M}", r"end of \1"),
    (r"\bentro (?:il |la )?", "by "),
    (r"\bgiorni\b", "days"),
    (r"\bsettimane\b", "weeks"),
    # Portuguese
    (r"(?:na )?próxima semana|semana que vem", "next week"),
    (r"até (?:ao |o )?(?:final|fim) do mês", "by end of month"),
    (r"até (?:ao |o )?dia (\d+)", r"by the \1"),
    (rf"até (?:à |a )?{_W}", r"by \1"),
    (r"dentro de (\d+) dias", r"within \1 days"),
    (r"em (\d+) (dias|semanas)", r"in \1 \2"),
    (rf"meados de {_M}", r"mid \1"),
    (rf"(?:no )?início de {_M}", r"early \1"),
    (rf"(?:nos )?primeiros dias de {_M}", r"early \1"),
    (r"\bdias\b", "days"),
    (r"\baté (?:ao |à |o |a )?", "by "),
    # English wording the parser reads in a shorter form
    (r"within the next", "within"),
    (r"the following week", "next week"),
    (r"in the next (\d+)", r"within \1"),
    (r"\bat the end of", "end of"),
    # "Before the end of the month" is a deadline at its end, not before its last ten days.
    (r"before the end of", "by the end of"),
]
_PHRASE_TABLE = [(re.compile(pattern), english) for pattern, english in _PHRASES]
# A day number with no month ("até dia 21", "el viernes 6") reads as "the 21st", "friday the 6th".
_BARE_DAY = re.compile(
    rf"\b(?:(by|until|on) the|{_W}) (\d{{1,2}})\b(?!\.\d|[:/\d]| ?(?:{'|'.join(_MONTHS)}))"
)


def _ordinal(day: str) -> str:
    number = int(day)
    suffix = (
        "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    )
    return f"{number}{suffix}"


def _bare_day(match: re.Match[str]) -> str:
    head = f"{match[1]} the" if match[1] else f"{match[2]} the"
    return f"{head} {_ordinal(match[3])}"


# A run of words is tried only from one of these, and only if it holds a word about time.
_LEAD = re.compile(
    r"(?:by|before|within|until|in|on|around|next|this|early|mid|late|end|the|over|no|"
    r"sometime|after|one|two|three|four|five|six|seven|eight|nine|ten|\d+\w*|"
    # "the decision will slip to mid-September": a hyphenated part of a month starts one too.
    r"(?:early|mid|late)-\w+|" + "|".join(_MONTHS) + "|" + _W[1:-1] + "|today|tomorrow)$"
)
_TIME_WORD = re.compile(
    r"\d|\b(?:day|days|week|weeks|month|months|year|quarter|q[1-4]|today|tomorrow|christmas|"
    r"holidays|thanksgiving|new year|" + "|".join(_MONTHS) + "|" + _W[1:-1] + r"|eod|cob)\b"
)
# Words about the decision or hearing back; the phrase after the nearest one is the date.
_CUE = re.compile(
    r"decid|decision|hear (?:from|back)|answer|news|update|outcome|back to you|in touch|"
    r"let (?:you|all|everyone|candidates|all candidates) know|contact|write to|wrap|"
    r"finali[sz]e|finish|confirm|result|notif|"
    r"entscheid|rückmeldung|melden|bescheid|informieren|décision|revien|recontact|répon|"
    r"choix|decisión|respuesta|contactar|informar|resultado|novedades|beslis|besluit|weten|"
    r"decisione|sapere|riscontro|decisão|resposta|retorno|"
    # News, in each language: "esperamos tener noticias a principios de septiembre".
    r"noticias|notícias|nouvelles|neuigkeiten|nachricht|nieuws|notizie|novità"
)
# Negation words of the seven languages; "n't" has no word boundary before it ("won't").
_NOT = (
    r"(?:\b(?:not|no|nothing|nicht|nichts|kein\w*|ne|pas|rien|niet|niets|geen|non|niente|"
    r"não|nao|nada)\b|n't\b|\bn')"
)
# "We won't have a decision until next week", "nous ne déciderons pas avant fin octobre": after
# a negation in the same clause, "until" or "before" names when the decision comes.
_NEGATED_UNTIL = re.compile(_NOT + r"[^.;]*\b(?:until|before)$")
# Before the word tables read "hasta", "jusqu'à", "até", "tot" as "by" (a deadline), a negated
# one is marked "until"; "erst" (German), "só" and "solo" ("only then") say the same.
_UNTIL_AFTER_NOT = re.compile(
    r"(" + _NOT + r"[^.;]*?)(?:\bhasta|\bjusqu'(?:à|au|aux)?|\baté(?: (?:ao|à|o|a)\b)?|\btot)\s*"
)
_ONLY_THEN = re.compile(r"\b(?:erst|só|sólo|solo)\b(?! (?:einmal|mal|recht|seit|wenn))")
# Phrases parse_phrase lacks, put in the words it has: "the close of next week" is its end;
# "over/in the next fortnight" and Spanish "en las próximas dos semanas" run from the day sent.
# "Vor dem 5. Juni wird das nichts": a negation after "before" in its clause says the same as
# one before it; the decision comes then, not before.
_BEFORE_THEN_NOT = re.compile(
    r"\b(?:vor|avant|antes d[eoa]s?|voor|prima d[ie]|before)"
    r"(?: (?:dem|der|le|la|el|del|de|il|het))?\b"
    r"(?=[^;,]*\b(?:nichts|nicht|kein\w*|rien|pas|nada|não|no|niets|niet|geen|nulla|niente|non|"
    r"nothing|not)\b|[^;,]*n't\b)"
)
_Replacement = str | Callable[[re.Match[str]], str]
_BEFORE_TABLES: list[tuple[re.Pattern[str], _Replacement]] = [
    # "Antes de que acabe la semana que viene": by the end of it.
    (re.compile(r"\bantes de que (?:acabe|termine|finalice|se acabe) (?:la |el )?"), "by end of "),
    (re.compile(r"\bantes d[oa]s?\b"), "before"),
    # "durante las dos próximas semanas", "entro le prossime due settimane", "nas próximas
    # duas semanas", "au cours des deux prochaines semaines": spans from the day sent.
    (
        re.compile(
            r"\b(?:en|durante|dentro de|nas|nos|em) (?:l[oa]s |as |os )?(?:(\w+) )?próxim[oa]s\b"
        ),
        lambda match: " ".join(("within the next", *filter(None, [match[1]]))),
    ),
    (
        re.compile(r"\b(?:entro|nelle|nei|negli|durante|in) (?:le |i |gli )?prossim[ie]\b"),
        "within the next",
    ),
    (re.compile(r"\bau cours des (\w+) prochain(?:e)?s\b"), r"within the next \1"),
    (re.compile(r"\b(?:dans|durant|pendant) les (\w+) prochain(?:e)?s\b"), r"within the next \1"),
]
_AFTER_TABLES = [
    # "Out next week, so we'll decide the week after that": the week after the week named.
    (re.compile(r"\bthis week and next\b(?! week)"), "this week and next week"),
    (re.compile(r"\b(next week\b.*)\bthe week after (?:that|then)\b"), r"\1the week after next"),
    (re.compile(r"\b(this week\b.*)\bthe week after (?:that|then)\b"), r"\1next week"),
    # Days that are no public holiday but date a promise all the same.
    # "En los próximos días", "nei prossimi giorni": the coming days, a deadline.
    (re.compile(r"\bwithin (days|weeks)\b"), r"in the coming \1"),
    (re.compile(r"\bhalloween\b"), "31 october"),
    (re.compile(r"\bvalentine'?s day\b"), "14 february"),
    (re.compile(r"\bnew year'?s eve\b"), "31 december"),
    # "Until mid-November at the earliest": the decision comes then, whatever comes before.
    (re.compile(r"\b(?:until|before|by) ((?:[\w-]+ ){1,5}?)at the earliest\b"), r"\1"),
    (re.compile(r"\bclose of (?=(?:next|this|the) (?:week|month)\b)"), "end of "),
    (re.compile(r"\b(?:over|in|within) (?:the )?(?:next|coming) fortnight\b"), "within 2 weeks"),
    (re.compile(r"\b(early|mid|late)(?:-| )to(?:-| )(mid|late|end)\b"), r"\1-to-\2"),
]
_PART_TO_PART = re.compile(r"(early|mid|late)-to-(mid|late|end)$")


@dataclass(frozen=True, slots=True)
class FoundDate:
    range: DateRange
    sentence: int  # index of the sentence it was found in


def in_english(sentence: str) -> str:
    """The sentence (lower case) with other languages' timing words put into English."""
    text = _BEFORE_THEN_NOT.sub("not until", sentence)
    text = _ONLY_THEN.sub(lambda only: "not until" if only[0] == "erst" else "not", text)
    text = _UNTIL_AFTER_NOT.sub(r"\1until ", text)
    for pattern, english in _BEFORE_TABLES:
        text = pattern.sub(english, text)
    for pattern, english in _WORD_TABLES:
        text = pattern.sub(english, text)
    text = grammar_to_english(text)
    for pattern, replacement in _PHRASE_TABLE:
        text = pattern.sub(replacement, text)
    for pattern, english in _AFTER_TABLES:
        text = pattern.sub(english, text)
    return _BARE_DAY.sub(_bare_day, text)


def decision_range(
    sentences: list[str], sent_on: date, country: str, subdivision: str | None
) -> FoundDate | None:
    """The decision range the reply names, from its lower-cased sentences, or None.

    Of all the phrases found, the best is in a sentence with a cue, after a cue, and nearest to
    it: "out this week ... we hope to get back to you within 5 business days" gives the 5 days.
    """
    best: FoundDate | None = None
    best_rank: tuple[bool, bool, bool, int, int, int] | None = None
    for index, sentence in enumerate(sentences):
        words = re.sub(r"[,;:!?()\"]|\.(?=\s|$)", " ", in_english(sentence)).split()
        cues = [at for at in range(len(words)) if _CUE.match(" ".join(words[at : at + 4]))]
        covered = 0  # words of a phrase already read are not read again on their own
        for start in range(len(words)):
            if start < covered:
                continue
            read = _phrase_at(words, start, sent_on, country, subdivision)
            if read is None:
                continue
            found, covered = read
            if any(start < cue < covered for cue in cues):
                # "the outcome by 10 July" is read from "by": a phrase holds no cue word.
                covered = start + 1
                continue
            before = [cue for cue in cues if cue <= start]
            distance = start - max(before) if before else len(words)
            # "Don't expect anything before early November" says when; it outranks nearness.
            negated = words[start] in ("until", "before") and bool(
                _NEGATED_UNTIL.search(" ".join(words[: start + 1]))
            )
            # Ties go to the later phrase: the promise usually ends the sentence.
            rank = (bool(cues), bool(before), negated, -distance, index, start)
            if best_rank is None or rank > best_rank:
                best, best_rank = FoundDate(found, index), rank
    return best


def _phrase_at(
    words: list[str], start: int, sent_on: date, country: str, subdivision: str | None
) -> tuple[DateRange, int] | None:
    """The range read from the longest run of words from ``start``, and where the run ends."""
    parts = _PART_TO_PART.match(words[start])
    if parts and start + 1 < len(words):
        found = _part_to_part(parts[1], parts[2], words[start + 1], sent_on, country, subdivision)
        return None if found is None else (found, start + 2)
    if not _LEAD.match(words[start]):
        return None
    # "May" starts a date only before a day number: "we may have news" is not the month.
    if words[start] == "may" and not "".join(words[start + 1 : start + 2])[:1].isdigit():
        return None
    lead = start
    if words[start] in ("until", "before") and _NEGATED_UNTIL.search(" ".join(words[: start + 1])):
        lead = start + 1  # "not ... until next week": the decision comes next week
    for end in range(min(len(words), start + _MAX_WORDS), lead, -1):
        phrase = " ".join(words[lead:end])
        if not _TIME_WORD.search(phrase):
            continue
        try:
            found = parse_phrase(phrase, sent_on, country, subdivision)
        except (PhraseError, ValueError):
            continue
        # No employer names a decision date further ahead; a longer answer is a misreading.
        return (found, end) if found.end <= sent_on + _FURTHEST else None
    return None


def _part_to_part(
    first: str, last: str, month: str, sent_on: date, country: str, subdivision: str | None
) -> DateRange | None:
    """ "mid-to-late September": from the start of its mid part to the end of its late part."""
    try:
        start = parse_phrase(f"{first} {month}", sent_on, country, subdivision)
        end = parse_phrase(f"{last} {month}", sent_on, country, subdivision)
    except (PhraseError, ValueError):
        return None
    if end.end < start.start or end.end > sent_on + _FURTHEST:
        return None
    return DateRange(start.start, end.end)
