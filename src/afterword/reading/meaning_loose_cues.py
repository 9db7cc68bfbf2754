"""The loose cues of each class: ambiguous ones and weak ones (meaning_phrases.py says how each
counts). Kept apart from the strong cues, which settle a class by themselves.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from afterword.reading.meaning_phrases import CueClass

# Strong enough to decide the class, too loose to be sure alone: a reading that rests on one of
# these and on nothing firmer of its class is "low" ("invite you" to a webinar, "no news").
AMBIGUOUS: dict[CueClass, list[str]] = {
    "next_round": [
        r"\binvite you\b",
        r"in front of (?:the|our)",
        r"come in (?:for|to)\b|\bround with\b",
        r"have you back\b",
        r"einladen|einzuladen",
        r"assessment|fallstudie|fachgespräch|probearbeit|probetag|probeschicht",
        # A paid try-out at work: "a trial shift", "ein Probetag", "une journée d'essai".
        r"\btrial (?:shift|day|lesson|session)s?\b|journée d'essai|(?:jornada|día) de prueba|"
        r"proefdag|meeloopdag|giornata di prova|dia de (?:experiência|teste)|journée d'immersion",
        r"(?:vous|te) rencontrer",
        r"test technique|exercice|cas pratique|créneau",
        r"conocerte|conocerle",
        r"prueba técnica|agendar|reserva un horario",
    ],
    "rejection": [
        r"(?:it's|it is) a no\b",
        # "The manager has picked a finalist, and it isn't you this time."
        r"\b(?:it|that) (?:isn't|is not|wasn't|was not|won't be|will not be) you\b",
        r"(?:not|n't) (?:good|better|the news)",
        r"\bbedauer",
        r"ne (?:correspond|répond) pas",
        r"no se ajusta|no encaja|no continuar\w*",
        r"niet verder",
        r"no longer (?:available|open|hiring)",
        r"disappointing news",
    ],
    "offer": [
        r"bring you (?:on|onto|into|aboard)\b",
        # "The kitchen's got a spot for you": an informal offer of a place.
        r"(?:got|have|found|there's|there is) a (?:spot|place|job|role|position|opening) for you\b",
        r"\bzusage\b",
        r"dabeihaben",
        r"für (?:dich|sie) entschieden",
        r"avoir avec nous|rejoign\w* l'équipe|nous rejoindre",
        r"te unieras al equipo|te incorpores|incorporarte al equipo|contar contigo",
        r"c'est oui\b",
        # "Du bist ab September unsere neue Kollegin": a new colleague, also in newsletters.
        r"(?:our|unsere?|notre|nuestr[oa]|onze|il nostro|la nostra|nosso|nossa) (?:new|neue[rn]?|"
        r"nouveau|nouvelle|nuev[oa]|nieuwe|nuov[oa]|nov[oa]) (?:colleague|kollegin|kollege|"
        r"collègue|compañer[oa]|collega|colega|team member)",
        r"(?:it's|it is) a (?:big )?yes\b(?! or)",
        r"\b(?:it's|it is) (?:all )?yours\b",
        r"contar (?:consigo|contigo|com você|com vocês)\b",
        # A wish that the candidate start with us, or on a day: "queremos que empieces con
        # nosotros el 1 de junio"; not "start the assessment".
        r"(?:want|like|love) (?:you )?to start (?:with us|on (?:the |monday|tuesday|wednesday|"
        r"thursday|friday|\d)|in (?:january|february|march|april|may|june|july|august|"
        r"september|october|november|december)|work)",
        r"queremos que (?:empieces|empiece|comiences|comience|comeces|comece|você comece)"
        r"(?! (?:la|el|con la|con el|a|o) (?:prueba|entrevista|proceso|teste))",
        r"(?:voulons|aimerions|souhaitons) que (?:tu commences|vous commenciez) (?:chez nous|"
        r"(?:le |dès le |à partir du )?\d|lundi|en (?:janvier|février|mars|avril|mai|juin|"
        r"juillet|août|septembre|octobre|novembre|décembre))",
        r"(?:möchten|wollen),? dass (?:du|sie) (?:\w+ ){0,4}bei uns (?:anfängst|anfangen|beginnst|"
        r"beginnen)",
        r"willen (?:graag )?dat (?:je|jij|u) (?:\w+ ){0,4}bij ons (?:begint|start|komt werken)",
        r"vogliamo che (?:tu )?(?:inizi|cominci) (?:con noi|da (?:lunedì|\d))",
    ],
    "no_decision": [
        r"no (?:news|update|updates)\b",
        r"\bon the shortlist\b",
        r"verzögert",
        r"as soon as (?:i|we) (?:hear|have|know|get)",
    ],
}

WEAK: dict[CueClass, list[str]] = {
    "rejection": [
        r"\bunfortunately\b|\bsadly\b|i'm afraid|i am afraid|sorry to (?:say|let you know|tell)",
        r"keep (?:your|you) (?:cv|resume|résumé|details|profile|information|application)? ?"
        r"(?:on file|in mind)",
        r"(?:retain|keep) your (?:cv|resume|details|profile)",
        r"future (?:roles|openings|opportunities|positions|vacancies)",
        r"apply again|best of luck|good luck|every success|success in your",
        r"\bleider\b|talent-pool|zukünftige vakanzen",
        r"\bmalheureusement\b|vivier|garderons votre dossier|conservons votre cv",
        r"\blamentablemente\b|\bdesafortunadamente\b|guardaremos su|conservaremos su|"
        r"futuros procesos",
        r"\bhelaas\b|\bpurtroppo\b|\binfelizmente\b",
    ],
    "offer": [
        # "Congrats on finishing your certification" is small talk, not an offer.
        r"\b(?:congratulations|congrats)\b"
        r"(?! on (?!(?:the|your|this) (?:offer|role|position|job)))|"
        r"glückwunsch|félicitations|enhorabuena|felicidades|"
        r"gefeliciteerd|congratulazioni|parabéns",
        r"(?:when|can|could) you start|start date|available to start",
        r"(?:arbeits)?vertrag(?:sentwurf)?\b|contract (?:is|are|will)",
        r"paperwork|onboarding",
        r"wann (?:\w+ ){0,2}anfangen|commencer quand|podrías empezar|cuándo podrías empezar",
    ],
    "next_round": [],
    "no_decision": [
        r"(?:will|'ll|shall) (?:let you know|be in touch|get back to you|come back to you|"
        r"update you|keep you posted|ping you|chase|contact you|reach out)",
        r"hear (?:from us|back)",
        r"when things move|can't give you a firm date",
        r"on hold(?! indefinitely)",
        r"melde (?:mich|uns)|melden uns|bescheid|rückmeldung",
        r"reviendrons vers vous|revenir vers vous|recontacterons|vous répondre",
        r"te daremos una respuesta|le contactaremos|te escribo",
        r"laten (?:het )?(?:je|u) (?:\w+ ){0,3}weten|ti faremo sapere|riscontro|dar retorno|"
        r"dar-lhe uma resposta",
        r"(?:vous|te) (?:informer|tenir informée?s?) de la suite",
    ],
    "withdrawn": [],
}
