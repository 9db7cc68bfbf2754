"""Automatic replies: away notices and acknowledgements, told apart from people who mention an
absence.

1. RFC 3834 headers first: ``Auto-Submitted: auto-replied``, ``X-Autoreply``, ``X-Autorespond``,
   ``Precedence: auto_reply`` say a program answered. Exchange and Microsoft 365 mark their
   out-of-office answers ``Auto-Submitted: auto-generated``, which tracking systems also put on
   messages a recruiter wrote, so that one counts only when the text confirms an absence.
2. Without those headers, the marks of the common mail systems (an "Automatic reply:" or "Out
   of Office:" subject, Exchange's ``X-Auto-Response-Suppress`` and rules-loop headers, a null
   Return-Path) count only together with a text that reads as an away notice, and only when
   nothing says a person wrote it: a greeting by the recipient's name, a question, a quoted
   earlier message.

The subject alone never decides.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from afterword.reading.dates import fold
from afterword.reading.message import Mail

_AWAY = re.compile(
    r"out of (?:the )?office|out-of-office|away from (?:the |my )?(?:office|desk|e-?mail)|"
    r"\b(?:on|taking|starting) (?:annual |parental |maternity |paternity |sick )?"
    r"(?:leave|vacation|holiday)|\bi(?: am|'m) (?:currently )?(?:away|out|off|traveling|"
    r"travelling|on (?:leave|vacation|holiday))\b|out sick|limited access to|"
    r"(?:no|without) access to (?:my )?(?:e-?mail|messages)|(?:won't|will not|not) be checking|"
    r"on my return|when i(?:'m| am)? (?:back|return)|back (?:in the office )?on\b|returning|"
    r"away over|travel+ing|back (?:tomorrow|next)|"
    r"nicht im (?:buro|haus)|abwesen|im urlaub|nicht erreichbar|wieder erreichbar|"
    r"wieder im buro|keinen zugriff|"
    r"absente?\b|absence|en conges?\b|de retour|hors du bureau|a mon retour|"
    r"fuera de la oficina|de vacaciones|ausente|de viaje|estare fuera|me encuentro de|"
    r"\bregreso\b|\bvuelvo\b|volvere|de vuelta|"
    r"afwezig|met vakantie|op vakantie|niet op kantoor|weer bereikbaar|weer terug|"
    r"fuori ufficio|in ferie|assente|"
    r"de ferias|fora do escritorio|estarei ausente"
)
_ACKNOWLEDGEMENT = re.compile(
    r"(?:we|i) (?:have )?received your (?:message|e-?mail|application)|"
    r"this is an? automat(?:ed|ic) (?:message|response|reply|confirmation)|"
    r"automatic confirmation|(?:do not|don't) reply to this|"
    r"thank you for contacting|will (?:get back to you|respond|reply) within|"
    r"wir haben ihre (?:nachricht|e-mail) erhalten|nous avons bien recu|hemos recibido"
)
_SYSTEM_SUBJECT = re.compile(
    r"^\s*(?:\[?(?:automatic reply|auto(?:matic)?[- ]?(?:reply|response)|autoreply|"
    r"autoresponder|out of (?:the )?office(?: auto ?reply)?|automatische antwort|"
    r"abwesenheitsnotiz|reponse automatique|respuesta automatica|automatisch antwoord|"
    r"risposta automatica|resposta automatica|away|absence|abwesend|abwesenheit|afwezig|"
    r"ausente|ausencia|fuera de la oficina|fuori ufficio|assenza|on vacation|vacation|"
    r"on leave|op vakantie|in urlaub)\]?\s*(?::|$|\b))",
)
_REPLY_PREFIX = re.compile(r"^\s*(?:re|aw|sv|vs|antw|rif|r|res|fw|fwd|wg|tr|enc|rv)\s*:", re.I)
_GREETING = re.compile(
    r"^\s*(?:hi|hello|hey|dear|hallo|liebe[rs]?|sehr geehrte[rs]?|bonjour|salut|hola|ciao|"
    r"gentile|car[oa]|ola|oi|beste|hoi|dag)?\s*(?P<name>[a-z]+)\b"
)
_STRONG_SUBMITTED = ("auto-replied",)


@dataclass(frozen=True, slots=True)
class AwayReading:
    confident: bool
    evidence: str


def read_away(mail: Mail, own_words: str, *, quoted: bool) -> AwayReading | None:
    """An automatic reply's reading, or None when a person (or a mailing) wrote ``mail``.

    ``own_words`` is the text without quoted history; ``quoted``: there was some.
    """
    words = fold(own_words[:800])
    confirmed = _AWAY.search(words) or _ACKNOWLEDGEMENT.search(words)
    evidence = _sentence(own_words, confirmed.start()) if confirmed else ""
    submitted = mail.header("auto-submitted").split(";")[0].split("(")[0].strip().lower()
    header = _strong_header(mail, submitted)
    if header:
        return AwayReading(bool(confirmed), evidence or header)
    if submitted and submitted != "no" and confirmed:
        return AwayReading(True, evidence)
    marks = _system_marks(mail)
    if marks and confirmed and not _person_wrote(mail, own_words, quoted=quoted):
        return AwayReading(len(marks) > 1, evidence)
    return None


def _strong_header(mail: Mail, submitted: str) -> str:
    if submitted in _STRONG_SUBMITTED:
        return f"Auto-Submitted: {mail.header('auto-submitted')}"
    for name in ("X-Autoreply", "X-Autorespond"):
        if mail.header(name):
            return f"{name}: {mail.header(name)}"
    if mail.header("precedence").strip().lower() in ("auto_reply", "auto-reply"):
        return f"Precedence: {mail.header('precedence')}"
    return ""


def _system_marks(mail: Mail) -> list[str]:
    """The signs of a mail system's automatic answer that fall short of RFC 3834."""
    marks = []
    subject = fold(mail.subject)
    if _SYSTEM_SUBJECT.match(subject) and not _REPLY_PREFIX.match(subject):
        marks.append("subject")
    if mail.header("x-auto-response-suppress") or mail.header("x-ms-exchange-inbox-rules-loop"):
        marks.append("exchange")
    if mail.header("return-path").replace(" ", "") == "<>":
        marks.append("null return path")
    return marks


def _person_wrote(mail: Mail, own_words: str, *, quoted: bool) -> bool:
    """A greeting by the recipient's first name, a question, or a quoted earlier message."""
    if quoted or "?" in own_words:
        return True
    first_name = fold(mail.recipient_name).split()[0] if mail.recipient_name.strip() else ""
    if not first_name:
        return False
    opening = fold(own_words[:60])
    greeting = _GREETING.match(opening)
    return bool(greeting and greeting.group("name") == first_name) or bool(
        re.search(rf"\b{re.escape(first_name)}\b", opening)
    )


def _sentence(text: str, position: int) -> str:
    start = max(
        text.rfind(". ", 0, position) + 2 if text.rfind(". ", 0, position) >= 0 else 0,
        text.rfind("\n", 0, position) + 1,
    )
    end_candidates = [i for i in (text.find(". ", position), text.find("\n", position)) if i >= 0]
    end = min(end_candidates) + 1 if end_candidates else len(text)
    return " ".join(text[start:end].split())[:200]
