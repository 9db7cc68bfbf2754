"""A rough guess at the language of a short text, from its most common small words."""

from __future__ import annotations

import re

from afterword.reading.dates import fold

_COMMON = {
    "en": "the and you your for with will until back office this that have from are am i'm",
    "de": "ich bin und die der das nicht ihre ihnen mit wieder sie bis ab vom zum dem den",
    "fr": "je suis le la les et vous votre pour mon de du au jusqu'au des avec retour",
    "es": "el la los las y que de del estoy estare su hasta por con para mi gracias",
    "nl": "ik ben de het een en niet van tot met je u weer op vanaf bedankt",
    "it": "il la sono di del dal al fino e per con non sara ufficio mi grazie",
    "pt": "o a os de do da em estou ate e para com nao obrigado retorno na ferias",
}
_WORDS = {language: frozenset(words.split()) for language, words in _COMMON.items()}
_WORD = re.compile(r"[a-z']+")
DAY_FIRST_LANGUAGES = frozenset({"de", "fr", "es", "nl", "it", "pt"})


def guess_language(text: str) -> str | None:
    """ "en", "de", "fr", "es", "nl", "it" or "pt", or None when the text says too little."""
    words = _WORD.findall(fold(text[:2000]))
    scores = {lang: sum(w in common for w in words) for lang, common in _WORDS.items()}
    best = max(scores, key=lambda lang: scores[lang])
    return best if scores[best] >= 2 else None
