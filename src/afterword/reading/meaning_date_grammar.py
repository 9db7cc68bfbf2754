"""A small grammar of timing words in six languages, put into the English ``parse_phrase`` reads.

meaning_date_words.py first turns month, weekday and number words into English ("freitag" ->
"friday", "zwei wochen" -> "2 wochen"); this module then rewrites the parts that combine them,
by kind rather than phrase by phrase, so a new combination of known parts reads too:

1. Units: "Wochen", "jours ouvrés", "días hábiles", "werkdagen", "giorni", "dias úteis" ->
   "weeks", "business days", ...; "next/this week/month" in each language -> English.
2. Day numbers: "Freitag, den 24. April", "sexta-feira, dia 11 de dezembro", "le 5 mars",
   "el 6 de mayo" -> "friday 24 april", "5 march"; with no month, "jueves 10" -> "thursday the
   10th" (meaning_date_words.py's bare-day rule).
3. Parts of a month or week: Anfang/Mitte/Ende, début/mi-/fin, principios/mediados/finales,
   begin/half/eind, inizio/metà/fine, início/começo/meados/final -> "early", "mid", "end of".
4. Spans: "innerhalb von 2 Wochen", "dans les 10 jours", "en un plazo de 15 días", "binnen 10
   werkdagen", "entro 2 settimane", "dentro de 2 semanas" -> "within ..." (a deadline from the
   day the reply was sent); "in 2 Wochen", "dans 10 jours", "tra 3 giorni" -> "in ..." (one day).
5. Deadlines: "(bis) spätestens", "au plus tard", "como muy tarde", "a más tardar", "uiterlijk",
   "al più tardi", "o mais tardar" before a date -> "by"; after a date -> "at the latest";
   "bis", "d'ici", "hasta", "entro", "até", and "para", "tegen" before a date -> "by"; "vor",
   "avant", "antes de", "voor", "prima di" -> "before".

The answers follow parse_phrase's conventions (the top of afterword/rules/phrases/__init__.py):
a span "within" is a deadline starting on the reference day, "in" names one day, "early" is
days 1-10 of a month or Monday-Tuesday of a week, "end of next week" a deadline on its Friday.
"""

from __future__ import annotations

import re
from collections.abc import Callable

_MONTH = "(january|february|march|april|may|june|july|august|september|october|november|december)"
_WEEKDAY = "(monday|tuesday|wednesday|thursday|friday)"

# 1. Units and named weeks and months. Longest forms first: "jours ouvrés" before "jours".
_UNITS: list[tuple[str, str]] = [
    (
        r"werktag(?:e|en)?|arbeitstag(?:e|en)?|jours? ouvr(?:ables|és|és)|días? (?:hábiles|"
        r"laborables)|werkdag(?:en)?|giorni lavorativi|dias? úteis",
        "business days",
    ),
    (r"tag(?:e|en)?|jours?|días?|dagen|giorni|dias", "days"),
    (r"woche(?:n)?|semaines?|semanas?|weken|settiman[ae]", "weeks"),
    (r"monat(?:e|en)?|mois|meses|maanden|mesi", "months"),
    (r"stunden?|heures?|horas?|uur|ore", "hours"),
]
_NEXT_WEEK = (
    r"(?:der |la |in der |na |nella )?(?:nächste[nr]?|kommende[nr]?) woche|"
    r"(?:la )?semaine prochaine|(?:la )?prochaine semaine|(?:la )?próxima semana|"
    r"semana que (?:viene|vem)|volgende week|komende week|(?:la )?prossima settimana|"
    r"(?:la )?settimana prossima"
)
_NEXT_MONTH = (
    r"(?:im )?(?:nächsten|kommenden) monat(?:s)?|(?:le )?mois prochain|"
    r"(?:el |o )?próximo m[eê]s|mes que viene|"
    r"volgende maand|(?:il )?prossimo mese|(?:il )?mese prossimo|(?:o )?m[eê]s que vem"
)
_THIS_WEEK = r"diese[rn]? woche|cette semaine|esta semana|deze week|questa settimana"
_THE_MONTH = (
    r"(?:des|dieses) monats|(?:du|de ce) mois|del mes|do mês|este m[eê]s|van (?:de|deze) "
    r"maand|deze maand|diesen monat|ce mois-ci|del mese|di questo mese|questo mese"
)
# 3. Parts of a month or week, each with the little words that may come before and after it.
_BEFORE_PART = r"(?:\b(?:à la|à|au|a|al|alla|all'|no|na|nos|em|en|in|zu|aan het|per) )?"
# English has "begin", "half", "final" and "fine" too: those read only before a month.
_PARTS: list[tuple[str, str, str]] = [
    (r"anfang|début|principios|primeros|comienzos|inicios|inizio|início|começo", "early", "any"),
    (r"begin", "early", "month"),
    (r"mitte|mi-|mediados|metà|meados|a meio|halverwege", "mid", "any"),
    # Dutch "half april" is mid-April; English "the second half of the month" is not.
    (
        r"(?<!first )(?<!second )(?<!latter )(?<!back )(?<!last )(?<!1st )(?<!2nd )half",
        "mid",
        "month",
    ),
    (r"ende|fin|finales|fim|eind|einde", "end of", "any"),
    (r"final|fine", "end of", "month"),
    (r"(?:final|fine|fim)(?= d)", "end of", "any"),
]
_OF = r"(?:\s?(?:de la|de|du|d'|des|del|di|della|do|da|van de|van|der|of the|of) ?)?"
_PART_OBJECT = {
    "any": rf"(?:{_MONTH}|next week|this week|the week after next|next month|the month|"
    r"this month)\b",
    "month": rf"(?:{_MONTH}|the month)\b",
}

# 5. Deadline words.
_AT_LATEST = (
    r"spätestens|au plus tard|como muy tarde|a más tardar|a lo más tardar|como tarde|"
    r"lo más tarde|lo mas tarde|uiterlijk|"
    r"al più tardi|o mais tardar|no mais tardar|ten laatste|op zijn laatst"
)
_ARTICLE = r"(?:am|zum|den|le|la|el|op|il|lo|o|a|ao|à) "
_BY = r"\bbis|\bd'ici|\bhasta|\bentro|\baté|\btot en met"
_BEFORE = (
    r"\bvor dem|\bvor|\bavant|\bantes del|\bantes de|\bvóór|\bvoor|\bprima della|\bprima dello|"
    r"\bprima dell'|\bprima del|\bprima di"
)
# "Depois do feriado de 2 de novembro", "nach dem Feiertag am 3. Oktober": after that day.
_HOLIDAY_WORD = (
    # "Dopo il ponte del 25 aprile": a bridge day off counts as the holiday it joins.
    r"(?:(?:feriado|festivo|feiertag|jour férié|feestdag|festa|holiday|ponte|puente|pont|"
    r"brückentag) (?:de |del |du |van |di |"
    r"do |am |on |of )?)?"
)
_AFTER = r"nach dem|nach|après le|après|después del|después de|na|dopo il|dopo|depois do|depois de"
_WITHIN = (
    r"innerhalb (?:von |der nächsten |der kommenden )?|dans les |dans un délai de |sous |"
    r"en un plazo de |en el plazo de |en un lapso de |en un periodo de |en un período de |"
    r"dentro de |binnen |entro |em até |no prazo de |nos próximos |"
    r"nei prossimi |in den nächsten |dans les prochains |en los próximos |"
    r"in de komende |nel giro di |en el transcurso de |no espaço de "
)
_IN = r"\bin |\bdans |\ben |\btra |\bfra |\bem |\bdaqui a |\bover "
_SPAN = r"(\d+(?:-\d+)?|a|a few) (business days|days|weeks|months|hours)"
_ONE = r"\b(?:eine[rm]?|une|una|uma|um|een|un)\b(?= (?:business days|days|weeks|months)\b)"


def _singular(match: re.Match[str]) -> str:
    # "within a weeks" reads as nothing: the unit follows its number.
    number, unit = match[2], match[3]
    if number == "a":
        unit = unit.removesuffix("s")
    return f"{match[1]} {number} {unit}"


def _dated(match: re.Match[str]) -> str:
    weekday, day, month = match[1], match[2], match[3]
    head = f"{weekday} " if weekday else ""
    if month:
        return f"{head}{int(day)} {month}"
    return f"{head}{int(day)}"


_RULES: list[tuple[re.Pattern[str], str | Callable[[re.Match[str]], str]]] = []


def _rule(pattern: str, replacement: str) -> None:
    _RULES.append((re.compile(pattern), replacement))


_COUNT = r"\d+|eine[rm]?|une|una|uma|um|een|un|paar|quelques|unos|uns|pocos|alcuni|paio di"
for _words, _english in _UNITS:
    _rule(rf"\b({_COUNT}) (?:{_words})\b", rf"\1 {_english}")
_rule(_ONE, "a")
# "In drei bis vier Wochen", "en dos a tres semanas", "in twee tot drie weken": a span of units.
_rule(
    r"\b(\d+) (?:bis|à|a|al|tot|até|to|o|or|ou|oder|of) (\d+) (business days|days|weeks|months)\b",
    r"\1-\2 \3",
)
_rule(
    r"\b(?:una|uno|un|une|eine?|een|um|uma|one) (?:o|or|ou|oder|of) (\d+) (business days|days|"
    r"weeks|months)\b",
    r"1-\1 \2",
)
_rule(r"\b(?:en |dans |in |em |tra |fra )?(?:unos|quelques|ein paar|alcuni|uns|un paio di|"
      r"een paar) (?:pocos |poucos )?days", "in a few days")  # fmt: skip
# "la semana del 20 de julio", "la semaine du 9 novembre", "die Woche vom 9. November".
_rule(r"\b(?:durante |en |na |in der |nella )?(?:la |a |die |de )?(?:semana|semaine|woche|week|"
      r"settimana) (?:del?|du|vom|van|dal) (?=\d)", "the week of ")  # fmt: skip
_rule(r"\bbegin (?:van )?(?:de )?volgende week", "early next week")
# "La primera semana de marzo", "die letzte Woche im Juli": the first or last week of a month.
_rule(rf"\b(?:la |die |de |a |in der )?(?:primera|première|erste[n]?|eerste|prima|primeira) "
      rf"(?:semana|semaine|woche|week|settimana) (?:de |d'|du mois de |des |im |van |di |do )?"
      rf"{_MONTH}\b", r"the first week of \1")  # fmt: skip
_rule(rf"\b(?:la |die |de |a |in der |l')?(?:última|dernière|letzte[n]?|laatste|ultima) "
      rf"(?:semana|semaine|woche|week|settimana) (?:de |d'|du mois de |des |im |van |di |do )?"
      rf"{_MONTH}\b", r"the last week of \1")  # fmt: skip
# "Vendredi prochain", "el próximo viernes", "nächsten Freitag": the weekday of next week, as
# parse_phrase reads "next friday".
_rule(rf"\b(?:(?:el |il |la |na |o )?(?:próxim[oa]|prossim[oa]|nächste[nr]?|kommende[nr]?|"
      rf"volgende|komende) ){_WEEKDAY}\b", r"next \1")  # fmt: skip
_rule(rf"\b{_WEEKDAY} (?:prochain|que viene|que vem|prossimo)\b", r"next \1")
# "D'ici la fin de la semaine", "antes del final de esta semana": the end of this week.
_rule(r"\b(?:fin|final|finales) de (?:la|cette|esta) (?:semaine|semana)\b"
      r"(?! (?:prochaine|que viene))|\bfine (?:della|di questa) settimana\b(?! prossima)|"
      r"\b(?:final|fim) (?:da|desta) semana\b(?! que vem)|\beind van (?:de|deze) week\b",
      "end of this week")  # fmt: skip
_rule(r"\b(?:in der |die )?übernächste[nr]? woche\b", "the week after next")
# "Mardi en huit" is Tuesday week, "lundi en quinze" two weeks on Monday.
_rule(rf"\b{_WEEKDAY} en huit\b", r"\1 week")
_rule(rf"\b{_WEEKDAY} en quinze\b", r"2 weeks on \1")
# "Übermorgen", "après-demain", "pasado mañana": the day after tomorrow.
_rule(r"\b(?:übermorgen|après-demain|pasado mañana|overmorgen|dopodomani|depois de amanhã)\b",
      "the day after tomorrow")  # fmt: skip
_rule(r"\b(?:domani|amanhã)\b|(?<!la )(?<!esta )\bmañana\b", "tomorrow")
# Quarters by their ordinal: "im dritten Quartal", "au deuxième trimestre", "en el primer
# trimestre", "in het derde kwartaal", "nel secondo trimestre", "no quarto trimestre".
for _number, _ordinals in (
    ("1", r"erste[nrsm]?|premier|1er|primer|primero|primo|eerste|primeiro"),
    ("2", r"zweite[nrsm]?|deuxième|second|segundo|secondo|tweede"),
    ("3", r"dritte[nrsm]?|troisième|tercer|tercero|terzo|derde|terceiro"),
    ("4", r"vierte[nrsm]?|quatrième|cuarto|quarto|vierde"),
):
    _rule(rf"\b(?:(?:im|au|en el|el|nel|il|in het|het|no|o|le) )?(?:{_ordinals}) "
          r"(?:quartal|trimestre|kwartaal)\b", f"in q{_number}")  # fmt: skip
# "Courant mai", "dans le courant de la semaine prochaine", "im Laufe der nächsten Woche", "nel
# corso della prossima settimana": during it (not "au courant", which is "informed").
_rule(rf"\bcourant (?={_MONTH})", "in ")
_rule(r"\b(?:dans le courant (?:de la |du |de |d')?|im laufe (?:der |des |von )?|"
      r"nel corso (?:della |del |dello |di )?|in de loop van (?:de |het )?|"
      r"no decorrer d[aoe]s? |a lo largo de (?:la |el )?)", "during ")  # fmt: skip
_rule(rf"\b(?:{_NEXT_WEEK})\b", "next week")
_rule(rf"\b(?:{_NEXT_MONTH})\b", "next month")
_rule(rf"\b(?:{_THIS_WEEK})\b", "this week")
_rule(rf"\b(?:{_THE_MONTH})\b", "the month")
_rule(r"\bmonatsende\b|\bfin de mois\b|\bfine mese\b|\b(?:fin|final) de mes\b", "end of the month")
# "Para finales de mes", "tegen eind maart": by then, not only its last days.
# Not Portuguese "lá para meados de maio", which is "around".
_PARA = r"(?<!lá )\b(?:para|tegen)"
_rule(rf"{_PARA} (?:el |la |het )?(?=(?:finales|principios|mediados|eind|einde|begin|half|"
      r"midden) )", "by ")  # fmt: skip
# "Mitte bis Ende März", "de début à mi-avril", "entre finales de enero y principios de
# febrero": one part of a month to another, as parse_phrase reads "mid to end march".
_PART_NAMES = {
    "early": r"anfang|début|principios|primeros|inizio|início|begin",
    "mid": r"mitte|mi|mediados|metà|meados|half|halverwege",
    "end": r"ende|fin|finales|eind|fine|final|fim",
}
_ANY_PART = "|".join(_PART_NAMES.values())


def _part_word(word: str) -> str:
    return next(english for english, words in _PART_NAMES.items() if re.fullmatch(words, word))


def _part_to_part(match: re.Match[str]) -> str:
    return f"{_part_word(match[1])} to {_part_word(match[2])} "


_RULES.append(
    (
        re.compile(
            rf"\b(?:de |du |von )?({_ANY_PART})-? (?:bis|à|a|al|tot|até|to) (?:(?:zu|la|el|a) )?"
            rf"({_ANY_PART})-?(?: (?:de|d'|di|van|do|del))? ?(?={_MONTH})"
        ),
        _part_to_part,
    )
)
# "Entre le 12 et le 16 octobre", "tussen 18 en 22 januari": a range of days.
_rule(
    r"\b(?:entre|zwischen|tussen|tra|fra) (?:le |el |il |dem |den |o |dia )?(\d{1,2})\.? "
    r"(?:et|y|en|e|und) (?:le |el |il |dem |den |o |dia )?(\d{1,2})\.?(?= (?:de |di )?"
    rf"{_MONTH})",
    r"between \1-\2",
)
# "Tra fine gennaio e inizio febbraio": between one part of a month and another.
_rule(r"\b(?:entre|zwischen|tussen|tra|fra) (?=(?:" + _ANY_PART + r") )", "between ")
_rule(r"\bentro e non oltre\b", "entro")
for _words, _english, _object in _PARTS:
    _rule(rf"{_BEFORE_PART}\b(?:{_words}){_OF}\s?(?={_PART_OBJECT[_object]})", f"{_english} ")


_BETWEEN_PARTS = re.compile(
    rf"\bbetween ((?:early|mid|end of) {_MONTH}) (?:e|y|et|und|en) (?=(?:early|mid|end of) )"
)
_DAY = re.compile(
    rf"(?:\b{_WEEKDAY},? )?(?:\b(?:den|dia|le|el|il|op) )?\b(\d{{1,2}})(?!\d|\.\d|[:/h])"
    r"(?:\.(?= )|er|º|°)?(?!\w)"
    rf"(?: (?:de |di )?{_MONTH}\b)?"
)
_SPAN_AFTER_WITHIN = re.compile(rf"(within) {_SPAN}")
_SPAN_AFTER_IN = re.compile(rf"(in) {_SPAN}")


def grammar_to_english(text: str) -> str:
    """Put the combining parts of a sentence into English (see the module's steps)."""
    for pattern, replacement in _RULES:
        text = pattern.sub(replacement, text)
    text = _BETWEEN_PARTS.sub(r"between \1 and ", text)
    text = _DAY.sub(_day_or_keep, text)
    # Spans before deadlines: "entro 2 settimane" is a span, "entro venerdì" a deadline.
    text = re.sub(rf"(?:{_WITHIN})(?={_SPAN})", "within ", text)
    text = re.sub(rf"(?:{_IN})(?={_SPAN})", "in ", text)
    text = re.sub(rf"(?:{_BY}) (?:(?:{_AT_LATEST}) )?(?:{_ARTICLE})?", "by ", text)
    # "Para el 23 de octubre habremos decidido", "para sexta", "tegen vrijdag": by then.
    text = re.sub(rf"{_PARA} (?:(?:el|la|o|a|het) )?(?=\d|{_WEEKDAY[1:-1]}|{_MONTH[1:-1]}|"
                  r"(?:next|end of|early|mid) )", "by ", text)  # fmt: skip
    text = re.sub(rf"(?:{_AT_LATEST}) (?:{_ARTICLE})?(?=\d|{_WEEKDAY[1:-1]}|{_MONTH[1:-1]}"
                  r"|next|this|end|early|mid|the|tomorrow)", "by ", text)  # fmt: skip
    text = re.sub(rf"(?:{_AT_LATEST})", "at the latest", text)
    text = re.sub(rf"(?:{_BEFORE}) (?:{_ARTICLE})?(?=\d|{_WEEKDAY[1:-1]}|{_MONTH[1:-1]}"
                  r"|next|end|early|mid|the|d[ií]a \d)", "before ", text)  # fmt: skip
    # "Después del 16 de septiembre", "nach dem 3. Mai": after a date.
    text = re.sub(
        rf"\b(?:{_AFTER}) (?:{_ARTICLE})?{_HOLIDAY_WORD}(?=\d|{_MONTH[1:-1]})", "after ", text
    )
    # "Antes do feriado de 2 de novembro": before that day; the holiday's own word goes.
    text = re.sub(rf"\b(before|by|until) {_HOLIDAY_WORD}(?=\d|{_MONTH[1:-1]})", r"\1 ", text)
    # "até dia 21", "antes del día 20", "hasta el día 15": by, before or until the 21st, ...
    text = re.sub(
        r"\b(by|before|until) (?:(?:el |o )?d[ií]a|le|el|il|den) (?=\d)", r"\1 the ", text
    )
    # "Volta dia 17", "el día 17": the 17th, read as "on the 17th".
    text = re.sub(r"\b(?:no |o |el )?d[ií]a (\d{1,2})\b(?![.:/]\d| de )", r"on the \1", text)
    text = _SPAN_AFTER_WITHIN.sub(_singular, text)
    return _SPAN_AFTER_IN.sub(_singular, text)


def _day_or_keep(match: re.Match[str]) -> str:
    # A number with neither a weekday nor a month before or after it is not a date here.
    if not match[1] and not match[3]:
        return match[0]
    return _dated(match)
