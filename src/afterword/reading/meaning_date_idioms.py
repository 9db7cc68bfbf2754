"""Timing idioms of seven languages that name a span by a word of its own, put into English.

meaning_date_words.py calls these on the lower-cased sentence: ``idioms_first`` before anything
else is translated (the words are still in their own language), ``idioms_last`` once months and
weekdays are English.

1. The turn of the year: "im neuen Jahr", "nach dem Jahreswechsel", "el año que viene", "in het
   nieuwe jaar", "con il nuovo anno", "no início do ano que vem" -> "in the new year", "after
   the new year", "next year", "early next year" (parse_phrase's conventions: the new year runs
   from the first business day after 1 January to the Friday of the week after).
2. Fortnights and eight-day spans by their own word: "sous quinzaine", "dans la quinzaine", "en
   la próxima quincena", "dentro de uma quinzena", "entro una quindicina di giorni" -> "within 2
   weeks"; "sous huitaine" -> "within 8 days"; "dans une quinzaine de jours" -> "in 2 weeks".
3. Halves of a month: "la première quinzaine de mars", "la segunda quincena de septiembre",
   "the second half of May" -> the token "first_half"/"second_half" before the month, which
   meaning_dates.py reads as days 1-15 or 16 to the month's end.
4. A weekday counted from a day named after it: "the Monday after Thanksgiving", "le lundi après
   l'Ascension", "am Dienstag nach Ostern", "the Friday before Christmas" -> the token
   "monday-after" or "friday-before" before the day, which meaning_dates.py reads as the first
   such weekday after (or the last before) it; "the Wednesday after" with no day after it counts
   from the date named before.
5. "Hasta el lunes no sabremos nada", "Bis Freitag können wir nichts sagen": a negation after
   "until" in its clause says the decision comes then, as "not until Monday" does.
6. Weeks counted from another day: "a week on Friday" (the Friday after next Friday's), "early
   the week after" (after the week named before), "the first full week of January".
7. More time asked for: "another couple of weeks", "un paio di settimane", "noch ein paar
   Wochen" -> "in a couple of weeks", "in a few weeks"; a delay's amount ("verschiebt sich um
   zwei Wochen", "pushed back by a week") names no date and is left out.
"""

from __future__ import annotations

import re
from collections.abc import Callable

_Replacement = str | Callable[[re.Match[str]], str]
_M = "(january|february|march|april|may|june|july|august|september|october|november|december)"
_W = "(monday|tuesday|wednesday|thursday|friday)"

# A half of a month only: not "the first half of next year", nor the "of" skipped.
_MONTH_NEXT = r"(?!next|this|year|month|the\b|\d|(?:of|de|du|do|di|des|van|im|von|del)\b|d')(?=\w)"
_FIRST: list[tuple[str, _Replacement]] = [
    # 1. The turn of the year. A negated "until the new year" is read as "in the new year" by
    # idioms_last: nobody decides on New Year's Day itself.
    (r"\b(?:im|ins) neue(?:n)? jahr\b", "in the new year"),
    (r"\bnach (?:dem )?jahreswechsel\b|\bnach der jahreswende\b", "after the new year"),
    # "Nach den Feiertagen", "na de feestdagen": after the holidays. Not French "après les
    # fêtes", which tends to come as "qu'après les fêtes, début janvier" and is read there.
    (
        r"\b(?:nach den (?:feier|fest)tagen|na de feestdagen|depois das festas|dopo le feste|"
        r"después de las fiestas)\b",
        "after the holidays",
    ),
    (r"\bantes de que (?:acabe|termine|finalice) el mes\b", "before the end of the month"),
    (r"\bin settimana\b", "within the week"),
    (r"\bmetà mese\b", "mid month"),
    (r"\banfang (?:des )?(?:neuen|nächsten|kommenden) jahres\b", "early next year"),
    (r"\b(?:im )?(?:nächsten|kommenden) jahr\b|\bnächstes jahr\b", "next year"),
    (r"\b(?:dans|en|avec) la nouvelle année\b", "in the new year"),
    (
        r"\b(?:en |au )?début (?:de l'année prochaine|d'année prochaine|de la nouvelle année)\b",
        "early next year",
    ),
    (r"\bl'année prochaine\b", "next year"),
    (r"\b(?:con|en|tras|a la vuelta de)(?: el)? (?:año nuevo|nuevo año)\b", "in the new year"),
    (r"\bdespués de(?:l)? (?:año nuevo|nuevo año)\b", "after the new year"),
    (r"\bhasta (?:el )?(?:año nuevo|nuevo año)\b", "hasta the new year"),
    (r"\b(?:a )?(?:principios|comienzos) del? (?:año que viene|próximo año)\b", "early next year"),
    (r"\b(?:el )?(?:año que viene|próximo año)\b", "next year"),
    (r"\bin het nieuwe jaar\b", "in the new year"),
    (r"\bna (?:de )?jaarwisseling\b|\bna nieuwjaar\b", "after the new year"),
    (r"\bbegin (?:van )?volgend jaar\b", "early next year"),
    (r"\bvolgend jaar\b", "next year"),
    (
        r"\b(?:con|nel) (?:il )?nuovo anno\b|\bcon l'anno nuovo\b|\bnell'anno nuovo\b",
        "in the new year",
    ),
    (r"\bdopo (?:il )?(?:nuovo anno|capodanno)\b", "after the new year"),
    (r"\b(?:all')?inizio (?:del(?:l'anno)? )?(?:prossimo anno|anno prossimo)\b", "early next year"),
    (r"\b(?:l'anno prossimo|il prossimo anno)\b", "next year"),
    (r"\b(?:no|com o|em) (?:ano novo|novo ano)\b", "in the new year"),
    (r"\b(?:no )?(?:início|começo) do (?:ano que vem|próximo ano)\b", "early next year"),
    (r"\b(?:o )?(?:ano que vem|próximo ano)\b", "next year"),
    (r"\binto the new year\b", "in the new year"),
    (r"\bafter the turn of the year\b", "after the new year"),
    # "Nous ne répondrons qu'après Noël": "only after" loses its "qu'" to read on.
    (r"\bqu'(?=(?:à|au|aux|après|en|début|fin|mi)\b)", ""),
    (r"\b(?:à |après )?la rentrée de janvier\b", "in the new year"),
    # 2. Fortnights and eight-day spans.
    (
        r"\b(?:sous|dans la|d'ici (?:une|la)|en (?:una|la próxima|la siguiente)|dentro de "
        r"(?:una|uma)|numa|em uma|na próxima|entro (?:una|la prossima)|nella prossima|"
        r"within a|over the next) (?:quinzaine|quincena|quinzena|quindicina)"
        r"(?: de jours| de días| de dias| di giorni)?\b",
        "within 2 weeks",
    ),
    (r"\b(?:sous|dans la|d'ici (?:une|la)) huitaine\b", "within 8 days"),
    (
        r"\b(?:dans|en|tra|fra|em|daqui a) (?:une|una|uma|un) "
        r"(?:quinzaine|quincena|quinzena|quindicina)(?: de jours| de días| de dias| di giorni)?\b",
        "in 2 weeks",
    ),
    # 3. Halves of a month, in their own words; the month is made English later.
    (
        r"\b(?:(?:in|during|over) )?(?:the |la |a |die |de |il |l'|in der )?(?:first|première|"
        r"premiere|primera|primeira|prima|ersten?|eerste) (?:half|quinzaine|quincena|quinzena|"
        r"quindicina|hälfte|helft|metà|mitad|metade|moitié)(?: (?:of|de|d'|du mois de|do mês de|"
        rf"do|di|des|van|im|von|del mes de))?(?: the)? ?{_MONTH_NEXT}",
        "first_half ",
    ),
    (
        r"\b(?:(?:in|during|over) )?(?:the |la |a |die |de |il |l'|in der )?(?:second|latter|"
        r"seconde|deuxième|segunda|seconda|zweiten?|tweede) (?:half|quinzaine|quincena|quinzena|"
        r"quindicina|hälfte|helft|metà|mitad|metade|moitié)(?: (?:of|de|d'|du mois de|do mês de|"
        rf"do|di|des|van|im|von|del mes de))?(?: the)? ?{_MONTH_NEXT}",
        "second_half ",
    ),
    # "The first days of March" are its early part, "the last days" its end.
    (r"\b(?:in |during )?the first (?:few )?days of ", "early "),
    (r"\b(?:in |during )?the (?:last|final) (?:few )?days of ", "end of "),
    # "In der zweiten Julihälfte": the German month and half written as one word.
    (
        r"\b(?:in der )?(erste|zweite)n? (januar|jänner|februar|märz|april|mai|juni|juli|august|"
        r"september|oktober|november|dezember)hälfte\b",
        lambda found: f"{'first' if found[1] == 'erste' else 'second'}_half {found[2]}",
    ),
    # "After our board meeting on 10 December": after that day.
    (
        r"\b(after|nach|après|después|na|dopo|depois) (?:the |our |their |der |dem |la |le |el |"
        r"de |il |a |o )?(?:\w+ ){0,2}(?:meeting|review|committee|board|offsite|conference|"
        r"sitzung|besprechung|réunion|comité|reunión|vergadering|riunione|reunião)s? "
        r"(?:on|of|am|vom|du|del|de|van|do|da) (?=\d|[a-z]+ \d)",
        r"\1 ",
    ),
    # 6. "The first full week of January": its first Monday to Friday.
    (r"\b(?:in |during )?the first full week (?:of|in) ", "first_full_week "),
    # 7. More time asked for, and the amount of a delay; "in two weeks, give or take a few
    # days": the tolerance names no date of its own.
    (
        r"\b(?:give or take|plus or minus|more or less|or thereabouts)(?: (?:a|an|one|a few|"
        r"a couple of|\d+|two|three) (?:days?|weeks?|months?))?",
        "",
    ),
    (r"\b(?:another|a further) (couple of|few) weeks\b", r"in a \1 weeks"),
    (r"\ba few more weeks\b", "in a few weeks"),
    (r"\ba couple (?:of )?more (weeks|days)\b", r"in a couple of \1"),
    (r"\b(?:another|a further) (two|three|four|\d+) (weeks|days)\b", r"in \1 \2"),
    (r"\b(?:another|a further) week or two\b", "in a week or two"),
    (r"\b(?:ancora |altre )?un paio di settimane\b", "in a couple of weeks"),
    (r"\b(?:ancora |altre )?un paio di giorni\b", "in a couple of days"),
    (r"\bnoch (?:ein paar|einige) wochen\b", "in a few weeks"),
    (r"\b(?:un par de|unas) semanas más\b", "in a few weeks"),
    (r"\bnog (?:een paar|enkele) weken\b", "in a few weeks"),
    (r"\bmais (?:umas|algumas) semanas\b", "in a few weeks"),
    (
        r"\b(verschiebt sich|verschoben|verzögert sich|verzögert) um (?:\w+ )?(?:tag|tage|woche|"
        r"wochen|monat|monate)\b",
        r"\1",
    ),
    (
        r"\b(pushed back|delayed|postponed|put back|moved back|slipped|slip|slipping) by "
        r"(?:a|an|one|two|three|four|\d+|a couple of|a few) (?:days?|weeks?|months?)\b",
        r"\1",
    ),
    # 5. "Hasta el lunes no ...": a negation after "until" in its clause.
    (
        r"\b(?:hasta|fino a|bis)\b(?=[^;,.]*\b(?:no|non|não|nicht|nichts|kein\w*|nada|niente|"
        r"nulla)\b)",
        "not until",
    ),
]
_LAST: list[tuple[str, _Replacement]] = [
    # 6. "In der Woche nach Pfingsten", "la semaine avant Noël": the week after or before it.
    (
        r"\b(?:in der |die |la |de |a |nella |na |en la |dans la )?(?:woche|semaine|semana|week|"
        r"settimana) (after|before) ",
        r"the week \1 ",
    ),
    (
        r"((?:\b(?:not|no|never|nothing|nicht|kein\w*|pas|niet|geen|non|não|ni|weder|neither)\b|"
        r"n't\b)[^.;]*?\b(?:until|till|before)) (?:the )?new year\b(?!'s)",
        r"\1 in the new year",
    ),
    # 6. "A week on Friday", "a week today"; "early the week after" with no day after it.
    (rf"\ba week (?:on|from) {_W}\b", r"\1-week-on"),
    (r"\ba week (?:today|from today)\b", "in 1 week"),
    (r"\ba week tomorrow\b", "in 8 days"),
    # "Late this week or early next": the week named again.
    (r"\b(this week,? or (?:early |mid |late )?next)\b(?! (?:week|month|year|\w+day))", r"\1 week"),
    (
        r"\b(?:(early|mid|late) )?the week after(?=\s*(?:[.,;!?¦]|$| so\b| and\b))",
        lambda found: f"{found[1]}-week-after" if found[1] else "week-after",
    ),
    # 4. "The Monday after, the 30th": a comma ends the count, which runs from the day named
    # before; what follows only restates it.
    (rf"\b(?:(?:on )?the |on )?{_W} (after|before),", r"\1-\2 ¦"),
    # 4. "The Monday after Thanksgiving", "the Friday before Christmas", not "Monday after next".
    (
        rf"\b(?:(?:on )?the |on |am |le |el |de |il |na |no |o |a )?{_W} (after|before)\b"
        r"(?! next\b| \d{1,2}(?::\d\d)? ?(?:am|pm|h|uhr)\b)",
        r"\1-\2",
    ),
]
_FIRST_TABLE = [(re.compile(pattern), english) for pattern, english in _FIRST]
_LAST_TABLE = [(re.compile(pattern), english) for pattern, english in _LAST]
# For meaning_dates.py: the tokens made here.
HALF = re.compile(r"(first|second)_half$")
WEEKDAY_FROM = re.compile(rf"{_W}-(after|before)$")
WEEK_ON = re.compile(rf"{_W}-week-on$")
WEEK_AFTER = re.compile(r"(?:(early|mid|late)-)?week-after$")
FULL_WEEK = re.compile(r"first_full_week$")
MONTH = re.compile(rf"{_M}$")


def idioms_first(text: str) -> str:
    """Steps 1, 2, 3 and 5 of the module, on words still in their own language."""
    for pattern, english in _FIRST_TABLE:
        text = pattern.sub(english, text)
    return text


def idioms_last(text: str) -> str:
    """Step 4 and the negated new year, once weekdays and months are English."""
    for pattern, english in _LAST_TABLE:
        text = pattern.sub(english, text)
    return text
