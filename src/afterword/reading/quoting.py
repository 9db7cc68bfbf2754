"""The sender's own words: quoted history, forwarded messages and the signature removed.

``mail-parser-reply`` knows the reply headers of many mail programs and languages ("On ...
wrote:", "-----Original Message-----", "Von: ... Gesendet:", "Le ... a écrit :") and the usual
sign-offs. It has no Portuguese, so "Em ... escreveu:" is added here, and lines quoted with
">" but left without a header are dropped.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from mailparser_reply.parser import EmailMessage

LANGUAGES = ("en", "de", "fr", "es", "it", "nl")

_PORTUGUESE_HEADER = re.compile(r"^\s*Em .{4,200}\bescreveu:\s*$", re.MULTILINE)
_FORWARDED = re.compile(
    r"^\s*-{5,}\s*(?:forwarded message|mensaje reenviado|message transf[ée]r[ée]|"
    r"weitergeleitete nachricht|doorgestuurd bericht|messaggio inoltrato|"
    r"mensagem encaminhada)\s*-*\s*$",
    re.IGNORECASE | re.MULTILINE,
)


def own_words(text: str) -> tuple[str, bool]:
    """The newest reply in ``text``, without what it quotes or forwards or its signature, and
    whether there was anything quoted or forwarded."""
    quoted = False
    for cut in (_PORTUGUESE_HEADER, _FORWARDED):
        found = cut.search(text)
        if found is not None:
            text, quoted = text[: found.start()], True
    reply = EmailMessage(
        text=text, languages=list(LANGUAGES), keep_hyphen_lists=True, **_compiled()
    )
    reply.read()
    quoted = quoted or len(reply.replies) > 1
    body = reply.replies[0].body if reply.replies else text
    lines = body.splitlines()
    kept = [line for line in lines if not line.lstrip().startswith(">")]
    return "\n".join(kept).strip(), quoted or len(kept) < len(lines)


@cache
def _compiled() -> dict[str, Any]:
    """The library's patterns, compiled once: it would build them again for every message."""
    sample = EmailMessage(text="", languages=list(LANGUAGES), keep_hyphen_lists=True)
    return {
        "_header_regex": sample.HEADER_REGEX,
        "_disclaimers_regex": sample.DISCLAIMERS_REGEX,
        "_signature_regex": sample.SIGNATURE_REGEX,
    }
