"""Holidays named in six languages, with the word before them, put into parse_phrase's English.

"Erst nach Pfingsten", "pas avant Pâques", "después de Semana Santa", "na Pinksteren", "dopo
Ferragosto", "antes do Natal": parse_phrase reads the English names of a country's public
holidays and of the feasts around Easter ("after pentecost", "before christmas"), so only the
name and the word before it are translated, together and in the same language: a holiday word
alone ("Natal" is also a city, "pasen" a Spanish verb) is left as it is.
"""

from __future__ import annotations

import re

# Per language: the words for after, before, by and until after, then the holiday names.
_LANGUAGES: list[tuple[dict[str, str], dict[str, str]]] = [
    (  # German
        {"until after": "bis nach", "after": "nach", "before": "vor", "by": "bis"},
        {
            "easter": r"ostern|osterfeiertagen?|osterferien",
            "holy week": r"karwoche",
            "pentecost": r"pfingsten|pfingstferien",
            "ascension": r"christi himmelfahrt|himmelfahrt",
            "christmas": r"weihnachten|weihnachtsfeiertagen?",
            "new year's day": r"neujahr",
            "all saints": r"allerheiligen",
            "assumption": r"mariä himmelfahrt",
            "german unity day": r"tag der deutschen einheit",
        },
    ),
    (  # French
        {"until after": "jusqu'après", "after": "après", "before": "avant", "by": "jusqu'à"},
        {
            "easter": r"pâques",
            "holy week": r"semaine sainte",
            "pentecost": r"pentecôte",
            "ascension": r"ascension",
            "christmas": r"noël",
            "new year's day": r"jour de l'an|nouvel an",
            "all saints": r"toussaint",
            "assumption": r"assomption",
        },
    ),
    (  # Spanish
        {
            "until after": r"hasta después de(?:l)?",
            "after": r"después de(?:l)?|tras",
            "before": r"antes de(?:l)?",
            "by": "hasta",
        },
        {
            # "Antes de Semana Santa" is before Palm Sunday: "before" is put into English first,
            # below; after, by or until after it, Semana Santa ends on the Monday the Easter
            # break ends on.
            "easter": r"semana santa|pascua",
            "pentecost": r"pentecostés",
            "ascension": r"ascensión",
            "christmas": r"navidad(?:es)?",
            "new year's day": r"año nuevo",
            "all saints": r"todos los santos",
            "assumption": r"asunción",
        },
    ),
    (  # Dutch
        {"until after": "tot na", "after": "na", "before": "voor", "by": "tot"},
        {
            "easter": r"pasen|paasvakantie",
            "holy week": r"goede week|stille week",
            "pentecost": r"pinksteren",
            "ascension": r"hemelvaart(?:sdag)?",
            "christmas": r"kerst(?:mis|dagen|vakantie)?",
            "new year's day": r"nieuwjaar",
            "king's day": r"koningsdag",
        },
    ),
    (  # Italian
        {
            "until after": "fino a dopo",
            "after": "dopo",
            "before": r"prima (?:di|del|della)",
            "by": "entro|fino a",
        },
        {
            "easter": r"pasqua",
            "holy week": r"settimana santa",
            "pentecost": r"pentecoste",
            "ascension": r"ascensione",
            "christmas": r"natale",
            "new year's day": r"capodanno",
            "all saints": r"ognissanti",
            "assumption": r"ferragosto|assunzione",
        },
    ),
    (  # Portuguese
        {
            "until after": r"até depois d[eoa]s?",
            "after": r"depois d[eoa]s?",
            "before": r"antes d[eoa]s?",
            "by": "até",
        },
        {
            "easter": r"páscoa",
            "holy week": r"semana santa",
            "pentecost": r"pentecostes",
            "ascension": r"ascensão",
            "christmas": r"natal",
            "new year's day": r"ano novo",
            "all saints": r"todos os santos",
            "assumption": r"assunção",
        },
    ),
]
_ARTICLE = r"(?:(?:den|dem|der|die|le|la|les|l'|el|los|las|het|de|il|lo|o|a|os|as) ?)?"
_NAMED = [
    (re.compile(r"\bantes de(?:l)? (?:la )?semana santa\b"), "before holy week"),
] + [
    (re.compile(rf"\b(?:{words}) {_ARTICLE}(?:{names})\b"), f"{lead} {english}")
    for leads, holidays in _LANGUAGES
    for lead, words in leads.items()
    for english, names in holidays.items()
]


def holidays_to_english(text: str) -> str:
    """The sentence with "<before/after/by> <holiday>" of six languages put into English."""
    for pattern, english in _NAMED:
        text = pattern.sub(english, text)
    return text
