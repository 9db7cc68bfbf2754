"""Timing words of six languages, and English forms parse_phrase lacks, put into its English.

meaning_dates.py finds the decision date in a reply; before it looks, each sentence goes through
``in_english`` here:

1. Negations around "until" and "before" are marked ("no ... hasta" -> "not until", "Vor dem
   5. Juni wird das nichts" -> "not until 5. juni"), so the finder reads them as the day the
   decision comes rather than as a deadline.
2. Spans over the coming weeks of each language become "within the next ...".
3. Month, weekday and number words become English by table, then the ways they combine by the
   small grammar of meaning_date_grammar.py, then the few idioms left by a table of phrases.
4. English forms the parser reads in other words ("the close of next week", "Halloween") are
   rewritten last.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from afterword.reading.meaning_date_grammar import grammar_to_english
from afterword.reading.meaning_date_holidays import holidays_to_english
from afterword.reading.meaning_date_idioms import idioms_first, idioms_last

_MONTHS = {
    # "Jänner" and "Feber" are Austrian.
    "january": "januar|jänner|janvier|enero|januari|gennaio|janeiro",
    "february": "februar|feber|février|febrero|februari|febbraio|fevereiro",
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


# A number word counts only before a unit ("zwei Wochen", "drei bis vier Wochen"): English "due"
# is not Italian "2".
_UNIT = (
    r"(?= (?:\w+ ){0,2}(?:tag|tage|tagen|woche|wochen|werktag\w*|arbeitstag\w*|jours?|semaines?|"
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
    # parse_phrase reads "within the next week" itself; only an article-less unit needs "the".
    (r"within the next (?=\d+ |few |couple )", "within "),
    # "Out this week and next, so the following week": the week after the weeks named.
    (r"(next week\b.*)\bthe following week", r"\1the week after next"),
    (r"the following week", "next week"),
    (r"\bin the next (\d+)", r"within \1"),
    (r"\bat the end of", "end of"),
    # "Before the end of the month" is a deadline at its end, not before its last ten days.
    (r"before the end of", "by the end of"),
]
_PHRASE_TABLE = [(re.compile(pattern), english) for pattern, english in _PHRASES]
# A day number with no month ("até dia 21", "el viernes 6") reads as "the 21st", "friday the 6th".
_BARE_DAY = re.compile(
    rf"\b(?:(by|until|on|before) the|{_W}) (\d{{1,2}})\b(?!\.\d|[:/\d]| ?(?:{'|'.join(_MONTHS)}))"
)


# "La semana del 16" comes out as "the week of 16": the day of this month or the next.
_WEEK_OF_DAY = re.compile(rf"\bweek of (\d{{1,2}})\b(?!\.\d|[:/\d]| ?(?:{'|'.join(_MONTHS)}))")


def _ordinal(day: str) -> str:
    number = int(day)
    suffix = (
        "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    )
    return f"{number}{suffix}"


def _bare_day(match: re.Match[str]) -> str:
    head = f"{match[1]} the" if match[1] else f"{match[2]} the"
    return f"{head} {_ordinal(match[3])}"


# Negation words of the seven languages; "n't" has no word boundary before it ("won't").
_NOT = (
    r"(?:\b(?:not|no|nothing|nicht|nichts|kein\w*|ne|pas|rien|niet|niets|geen|non|niente|"
    r"não|nao|nada|weder|neither|nem|né)\b|n't\b|\bn')"
)
# "We won't have a decision until next week", "nous ne déciderons pas avant fin octobre": after
# a negation in the same clause, "until" or "before" names when the decision comes.
# Before the word tables read "hasta", "jusqu'à", "até", "tot" as "by" (a deadline), a negated
# one is marked "until"; "erst" (German), "só" and "solo" ("only then") say the same.
_UNTIL_AFTER_NOT = re.compile(
    r"(" + _NOT + r"[^.;]*?)(?:\bhasta|\bjusqu'(?:à|au|aux)?|\baté(?: (?:ao|à|o|a)\b)?|\btot)\s*"
)
# Dutch "pas" ("pas in het nieuwe jaar") only before a time word: French "pas" is a negation.
_ONLY_THEN = re.compile(
    r"\b(?:erst|só|sólo|solo)\b(?! (?:einmal|mal|recht|seit|wenn))|"
    r"\bpas\b(?= (?:in|na|op|over|vanaf|begin|half|eind|volgende|volgend|morgen|\d))"
)
# Phrases parse_phrase lacks, put in the words it has: "the close of next week" is its end;
# "over/in the next fortnight" and Spanish "en las próximas dos semanas" run from the day sent.
# "Vor dem 5. Juni wird das nichts": a negation after "before" in its clause says the same as
# one before it; the decision comes then, not before.
_BEFORE_THEN_NOT = re.compile(
    r"\b(?:vor|avant|antes d[eoa]s?|voor|vóór|prima d[ie]|before)"
    r"(?: (?:dem|der|le|la|el|del|de|il|het))?\b"
    r"(?=[^;,]*\b(?:nichts|nicht|kein\w*|rien|pas|nada|não|no|niets|niet|geen|nulla|niente|non|"
    r"nothing|not|weder|neither|ni|nem|né)\b|[^;,]*n't\b)"
)
# "Out until the 16th, so nothing before then" in each language: the finder reads a negated
# "before then" as the date named before it. Put first, so a negation after it counts too.
_BEFORE_THEN = re.compile(
    r"\b(?:vorher|davor|avant (?:cela|ça|cette date)|d'ici là|antes de (?:eso|esa fecha|"
    r"entonces)|daarvoor|voor die tijd|prima di allora|prima di quella data|antes disso|"
    r"antes dessa data)\b"
)
_Replacement = str | Callable[[re.Match[str]], str]
_DUTCH_PLURAL = {"dag": "dagen", "week": "weken", "maand": "maanden"}
_BEFORE_TABLES: list[tuple[re.Pattern[str], _Replacement]] = [
    # "Antes del fin de semana", "before the weekend": by the end of this week.
    (
        re.compile(
            r"\b(?:antes del|antes do|vor dem|avant le|voor het|prima del|before the|by the) "
            r"(?:fin de semana|fim de semana|wochenende|week-end|weekend|fine settimana)\b"
        ),
        "by end of this week",
    ),
    # "In der ersten Dezemberwoche": the German month and week written as one word.
    (
        re.compile(
            r"\b(januar|februar|märz|april|mai|juni|juli|august|september|oktober|november|"
            r"dezember)woche\b"
        ),
        r"woche im \1",
    ),
    # "Over een week of drie", "binnen een dag of tien": about that many, as "over drie weken".
    (
        re.compile(r"\b(binnen|over) (?:een|1) (dag|week|maand) of (\w+)\b"),
        lambda about: f"{about[1]} {about[3]} {_DUTCH_PLURAL[about[2]]}",
    ),
    # "Esta semana y la que viene ... la semana siguiente": the week after those two.
    (
        re.compile(
            r"\b(esta semana|cette semaine|diese woche|deze week|questa settimana) "
            r"(?:y|et|und|en|e) (?:la que viene|la prochaine|la próxima|die nächste|"
            r"die kommende|de volgende|volgende week|la prossima|a próxima|a que vem)\b"
        ),
        r"\1 and next week",
    ),
    (
        re.compile(
            r"\b(?:la semana siguiente|la semaine (?:suivante|d'après)|die woche darauf|"
            r"die darauffolgende woche|de week daarna|de week erna|la settimana (?:successiva|"
            r"dopo)|a semana seguinte)\b"
        ),
        "the following week",
    ),
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
    (
        re.compile(r"\b(?:dans|durant|pendant|au cours) (?:les|des) prochain(?:e)?s\b"),
        "within the next",
    ),
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
    # "This time next week" is a week from the day sent; "w/c 2 March" the week commencing it.
    (re.compile(r"\bthis time next week\b"), "in 1 week"),
    # "Inside a fortnight", "inside of two weeks": within.
    (re.compile(r"\binside (?:of )?(?=(?:the next |a |an |\d|two|three|four|a few))"), "within "),
    # "The following Monday" counts from the date named before it (meaning_dates.py), not from
    # the day sent: one word, so the parser does not read it alone.
    (re.compile(rf"\bthe following {_W}\b"), r"following-\1"),
    # "Spätestens in drei Wochen": a deadline that many weeks away.
    (re.compile(r"\b(?:by|at the latest) in (?=\d|a |a few )"), "within "),
    (re.compile(r"\bbinnen a week or two\b"), "within a week or two"),
    (re.compile(r"\bover a week or two\b"), "in a week or two"),
    (re.compile(r"\bw/[cb]\b"), "the week commencing"),
    # "Next week, by Thursday": a deadline on that week's day, not the whole week.
    (re.compile(rf"\bnext week,? (by|on|until) {_W}\b"), r"\1 \2 next week"),
    # "Uiterlijk 12-06": a day and month joined by a dash after a deadline word is a date, not
    # a range of days ("Jan 12-16", "3-5 business days").
    (
        re.compile(
            r"\b(by|before|until|on) (\d{1,2})-(\d{1,2})\b(?![-/.]\d| ?(?:business|days|weeks|"
            r"months|hours|working))"
        ),
        r"\1 \2/\3",
    ),
    (re.compile(r"\b(?:over|in|within) (?:the )?(?:next|coming) fortnight\b"), "within 2 weeks"),
    (re.compile(r"\b(early|mid|late)(?:-| )to(?:-| )(mid|late|end)\b"), r"\1-to-\2"),
    # "Freitag, den 13.11.": the German article between a weekday and its date joins them, so
    # the weekday is not read alone (as next Friday) and a date at odds with it is refused.
    (re.compile(rf"\b{_W},? (?:den|dem) (?=\d)"), r"\1 "),
]


# For the finder in meaning_dates.py.
MONTH_NAMES = tuple(_MONTHS)
WEEKDAY_GROUP = _W
NOT = _NOT


def in_english(sentence: str) -> str:
    """The sentence (lower case) with other languages' timing words put into English."""
    text = _BEFORE_THEN.sub("before then", holidays_to_english(idioms_first(sentence)))
    text = _BEFORE_THEN_NOT.sub("not until", text)
    text = _ONLY_THEN.sub(lambda only: "not until" if only[0] in ("erst", "pas") else "not", text)
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
    text = _WEEK_OF_DAY.sub(lambda week: f"week of the {_ordinal(week[1])}", text)
    return idioms_last(_BARE_DAY.sub(_bare_day, text))
