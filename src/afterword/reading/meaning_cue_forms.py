"""Strong cues that are a form of words rather than one phrase; meaning_phrases.py adds them to
its offer and "no decision yet" lists.

- An invitation to *join the team*, as a member, is an offer, in seven languages ("Temos o prazer
  de o convidar a integrar a nossa equipa", "nous vous invitons à rejoindre notre équipe en tant
  que ..."), unless a meeting is named after it ("invite you to join the team for lunch"). The
  invitation word inside it is the offer's, not a next round's (meaning.py).
- A decision promised in the future perfect ("by the 20th we'll have decided", "Bis Ende April
  haben wir entschieden", "d'ici là nous aurons arrêté notre choix"), and nothing known until
  then ("no sabremos nada hasta ..."), is no decision yet; its deadline is read by
  meaning_dates.py.
"""

from __future__ import annotations

_GERMAN_INVITE = r"(?:einladen|laden (?:sie|dich|euch) (?:\w+ ){0,2}ein)"
# No meeting named later in the sentence: "invite you to join the team for a half-day onsite".
_NO_MEETING = (
    r"(?!.*\b(?:for (?:a|an|the|lunch|coffee|dinner)\b|onsite|on-site|interview|meet|call\b|"
    r"conversation|chat\b|visit|entretien|rencontr|échange|entrevista|conoc|charla|reunión|"
    r"gespräch|kennenlern|treffen|gesprek|kennismak|colloquio|conosc|incontr|conversa|reunião|"
    r"café))"
)

JOIN_THE_TEAM: list[str] = [
    rf"invit\w* you to (?:join|become (?:a )?part of|be part of) (?:(?:our|the) (?:\w+ )?"
    rf"(?:team|staff|company)\b|us as\b){_NO_MEETING}",
    rf"(?:vous |t')?invit\w* à (?:rejoindre|intégrer|faire partie de) (?:notre|nos|l'|la) ?"
    rf"(?:\w+ )?(?:équipe|entreprise|société)\b{_NO_MEETING}",
    rf"invit\w* a (?:formar parte de|unirte a|unirse a|incorporarte a|incorporarse a|"
    rf"sumarte a|sumarse a) (?:nuestro|nuestra|el|la) (?:\w+ )?(?:equipo|empresa|plantilla)"
    rf"\b{_NO_MEETING}",
    rf"convid\w* a (?:integrar|juntar-se|fazer parte) (?:\w+ ){{0,3}}(?:equipa|equipe|time|"
    rf"empresa)\b{_NO_MEETING}",
    rf"{_GERMAN_INVITE},? (?:\w+ ){{0,4}}(?:team|unternehmen) (?:\w+ ){{0,4}}(?:zu verstärken|"
    rf"zu unterstützen|beizutreten|zu ergänzen)\b{_NO_MEETING}|{_GERMAN_INVITE},? teil "
    rf"(?:unseres|des) (?:\w+ )?teams zu werden",
    rf"(?:nodigen|uitnodigen) (?:\w+ ){{0,5}}(?:ons|het) team (?:\w+ ){{0,2}}versterken\b"
    rf"{_NO_MEETING}|(?:nodigen|uitnodigen) (?:\w+ ){{0,5}}deel uit te maken van (?:ons|het) "
    rf"team\b{_NO_MEETING}",
    rf"invitar\w* a (?:entrare a far parte|far parte|unirti|unirsi|entrare) (?:\w+ ){{0,3}}"
    rf"(?:team|squadra|azienda)\b{_NO_MEETING}",
]

PENDING_FORMS: list[str] = [
    # "We won't know anything until ...", in seven languages.
    r"(?:won't|will not|don't|do not) know (?:anything|more|much)|no sabremos (?:nada|más)|"
    r"(?:wissen|erfahren) wir (?:noch )?nichts|ne saurons (?:rien|pas)|weten we (?:nog )?niets|"
    r"non sapremo (?:nulla|niente)|não saberemos nada",
    # A decision promised in the future perfect.
    r"(?:will|'ll|shall) have (?:decided|chosen|made (?:a|our|the|my) (?:final )?(?:decision|"
    r"choice|call)|reached (?:a|our|the) (?:final )?decision)",
    # Not "dass wir uns für Sie entschieden haben", which is an offer.
    r"werden (?:\w+ ){0,5}(?:entschieden|entscheidung getroffen) haben\b|"
    r"(?:bis|spätestens) (?:\S+ ){1,4}(?:haben|hat) (?:wir|man|das team) (?:uns )?entschieden",
    r"aurons (?:pris (?:notre|une|la) décision|décidé|arrêté notre choix|fait notre choix|"
    r"tranché)",
    r"habremos (?:decidido|tomado (?:una|la|nuestra) decisión|elegido)",
    r"avremo (?:deciso|preso (?:una|la) decisione|scelto)",
    r"teremos (?:decidido|tomado (?:uma|a) decisão|escolhido)",
    r"zullen (?:we|wij) (?:\w+ )?(?:besloten|beslist) hebben|(?:voor|vóór|tegen|uiterlijk) "
    r"(?:\S+ ){1,4}hebben (?:we|wij) (?:een )?(?:besluit genomen|besloten|beslist)",
]
