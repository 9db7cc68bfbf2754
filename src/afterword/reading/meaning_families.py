"""Families of words that, together in one sentence, say what a reply means in any of our languages.

The cue lists of meaning_phrases.py quote whole phrases and do not stretch to new wording
("queremos que te sumes", "we willen je graag aannemen"). Here each *family* is a set of word
stems in English, German, French, Spanish, Dutch, Italian and Portuguese (offer words, role
words, invitation words, meeting words, decision words, "not yet" words ...), and a class is
read when two families that belong together meet in one sentence:

- offer: an offer word and a role word ("bieten Ihnen die Stelle an", "propor a posição"); a
  hiring word and a wish or "you" ("queremos contratarte"); a joining word and a wish, with no
  meeting word ("on aimerait que tu rejoignes l'équipe"); a choosing word and "you", with no
  stage word ("abbiamo scelto te").
- next round: an invitation word and a meeting word ("vous convier à un entretien"); a meeting
  verb, a person of the employer's and a wish ("queremos que conozcas al director"); an
  "onward" word and a meeting word ("laatste ronde", "segunda conversa").
- no decision: a decision or process word with a "not yet / still" word ("non abbiamo ancora
  una decisione", "de selectieprocedure loopt nog").
- rejection: a choice of someone else ("optado por otro perfil"), a role that is gone ("le
  poste a été supprimé"), or a regret word with a stop ("mi dispiace ... non andare avanti").

These readings are inferences, not quotations: they decide a class only when no listed cue
does, and they never make a reading "high" (meaning.py). A negation before an offer or an
invitation turns it into a rejection there.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from afterword.reading.meaning_clauses import NOT_A_NEGATION
from afterword.reading.meaning_phrases import CueClass

__all__ = ["FamilyCue", "family_cues"]


def _stems(*stems: str) -> re.Pattern[str]:
    """Words that start with one of ``stems`` (a stem may hold a space or a regex piece)."""
    return re.compile(r"(?<!\w)(?:" + "|".join(stems) + r")")


def _words(*words: str) -> re.Pattern[str]:
    """Exactly one of ``words`` as whole words."""
    return re.compile(r"(?<!\w)(?:" + "|".join(words) + r")(?!\w)")


_OFFER = _stems(
    r"offer(?!ing)", "anbiet", "angebot", "vertragsangebot", "unterbreit", r"biete\w* .*\ban\b",
    "offre", "offrir", "offert", "proposer", "proposition", r"propos(?:ta|tas)\b", "propuesta",
    "ofrec", "oferta", "oferec", "propor", r"proposta", "aanbod", "aanbied", "bied", "offrirt",
    "offrirl", "offerta",
)  # fmt: skip
_ROLE = _stems(
    "position", "role", "job", r"post\b", "contract", "employment", "package", "salary",
    "compensation", "stelle", "posten", "vertrag", "arbeitsvertrag", "poste", "contrat",
    "embauche", "emploi", "puesto", "plaza", "cargo", "contrato", "empleo", "vaga", "função",
    "posição", "emprego", "functie", "baan", "positie", "arbeidsovereenkomst", "ruolo",
    "posizione", "contratt", "impiego", "lavoro", "vacanc", "requisition", "vacature",
    "vacante", "vacatur", "stellenausschreibung", "offre d'emploi",
)  # fmt: skip
_HIRE = _stems(
    "hire", "hiring you", "appoint", "einstell", "engager", "embaucher", "recruter",
    "contratart", "contratarl", "contratación", "contratação", "contratar", "aannemen",
    "neem(?:t|en)? (?:je|jou|u) aan", "assumert", "assumerl", "assunzione",
)  # fmt: skip
_JOIN = _stems(
    "join", "on board", "onboard", "aboard", "welcome", "come on", "ins team", "an bord",
    "willkommen", "dabei", "team (?:holen|verstärken)", "einsteig", "rejoindre", "rejoign",
    "accueillir", "bienvenue", "unas", "unirte", "unieras", "sumes", "sumarte", "incorpor",
    "formar parte", "formes parte", "bienvenid", "versterken", "aan boord",
    "welkom", "unirti", "far parte", "entrare", "benvenut", "juntar", "integrar", "fazer parte",
    "faças parte", "bem-vind", "no time", "na equipa", "na equipe", "take (?:on )?(?:the|this)",
)  # fmt: skip
# Joining a pool of candidates or a mailing list is no job: "join our talent community".
_POOL = _stems(
    "talent (?:community|network|pool)", "candidate pool", "mailing list", "newsletter",
    "talentpool", "talent-pool", "talentnetzwerk", "vivier", "bolsa de talent", "banco de talent",
    "bolsa de empleo", "banca dati", "comunidad de talento", "comunidade de talento",
)  # fmt: skip
_WISH = _stems(
    "want", "like", "love", "would", "pleased", "happy", "delighted", "thrilled", "glad",
    "excited", "keen", "approv", "freu", "gern", "möchten", "wollen", "würden", "souhait",
    "aimer", "aimeri", "ravi", "heureu", "plaisir", "quer", "encant", "gust", "complace",
    "alegr", "willen", "graag", "blij", "vogliamo", "vorremm", "felic", "liet", "piacere",
    "prazer", "gostar", "aprob", "aprov", "siamo",
)  # fmt: skip
_CHOSEN = _stems(
    "chosen", "choose", "chose", "selected", "picked", "ausgewählt", "choisi",
    "retenu", "elegid", "escogid", "seleccionad", "scelt", "selezionat", "gekozen", "escolhid",
    "selecionad", r"aprovad[oa]", r"aprobad[oa]",
)  # fmt: skip
_YOU = _words(
    "you", "dich", "dir", "sie", "ihnen", "vous", "te", "tu", "toi", "ti", "lei", "jij", "je",
    "jou", "u", "você", "voce", "te", "lhe", "usted", "auf sie", "auf dich",
)  # fmt: skip
_INVITE = _stems(
    "invit", "convi[ea]", "convoc", "einlad", "einzulad", "uitnodig", "nodigen", "convid",
    "have you (?:back|in)",
)  # fmt: skip
_MEETING = _stems(
    "interview", "round", "stage", "conversation", "meeting", "chat", "call", "session",
    "onsite", "on-site", "panel", "presentation", "assessment", "exercise", "gespräch",
    "vorstellungsgespräch", "folgegespräch", "runde", "kennenlernen", "entretien", "rendez-vous",
    "rencontre", "tour", "étape", "échange",
    "entrevista", "reunión", "ronda", "fase", "etapa", "charla", "prueba",
    "gesprek", "ronde", "kennismaking", "colloqui", "incontro", "conversa", "reunião",
    "discussion", "discussione", "discusión", "termin",
    "case study", "fallstudie", "presentatie", "presentazione", "apresentação",
)  # fmt: skip
_MEET = _stems(
    r"meet\b", "speak", "talk", "chat with", "sprechen", "kennenlern", "treffen", "rencontrer",
    "échanger", "conocer", "hablar", "spreken", "ontmoeten", "kennismaken",
    "conoscer", "incontrar", "parlare", "conhecer", "conversar", "falar", "reunir",
)  # fmt: skip
_PERSON = _stems(
    "team", "director", "manager", "ceo", "cto", "cfo", "coo", "vp", "head", "lead",
    "founder", "partner", "engineer", "colleague", "panel", "committee", r"md\b", "chief",
    "geschäftsführ", "leiter", "leitung", "kolleg", "vorstand", "équipe", "directeur",
    "directrice", "responsable", "fondat", "associé", "equipo", "directora", "socios", "jefe",
    "jefa", "teamlead", "leidinggevende", "collega", "responsabile", "direttor", "squadra",
    "diretor", "equipa", "equipe", "gestor", "sócio",
)  # fmt: skip
_ONWARD = _stems(
    "next", "second", "final", "last", "further", "another", "one more", "zweit", "nächst",
    "weiter", "letzt", "finale", "deuxième", "prochain", "dernier", "suivant", "segund",
    "siguiente", "próxim", "última", "tweede", "volgende", "laatste", "vervolg", "secondo",
    "prossim", "successiv", "ultim", "seguinte", "nouvel", "nuev", "nuov", "nova",
)  # fmt: skip
# "The next round", "un second rendez-vous", "la siguiente ronda": at most two words between.
_ONWARD_MEETING = re.compile(rf"(?:{_ONWARD.pattern})\w*(?: [\w'-]+){{0,2}} (?:{_MEETING.pattern})")
# ... or after it: "la etapa final", "il colloquio finale".
_MEETING_ONWARD = re.compile(
    rf"(?:{_MEETING.pattern})\w*(?: [\w'-]+)? (?:final|finale|last|letzte|dernier|dernière|"
    r"última|laatste|ultimo|última)\b"
)
# The steps of a process, not any meeting: "chosen you for the next stage" invites.
_STAGE = _stems(
    "round", "stage", r"step\b", "interview", "ronda", "fase", "etapa", "runde", "tour",
    "étape", "ronde", "colloquio", "entretien", "entrevista", "gespräch",
)  # fmt: skip
_CARRY_ON = _stems(
    "continu", "carry on", "pick up", "poursuiv", "fortführ", "fortsetz", "weiterführ",
    "seguir", "proseguir", "voortzet", "verder praten", "prosegu", "continuar",
)  # fmt: skip
_DECISION = _stems(
    "decision", "decid", "verdict", "outcome", "entscheid", "ergebnis", "décision", "décid",
    "tranch", "choix", "decisión", "resolución", "beslis", "besluit",
    "knoop", "decision", "decis", "scelta", "esito", "decisão", "escolha",
    "resultado", "conclus", "wahl", "settled", "er (?:nog )?niet uit", "eruit",
)  # fmt: skip
_PROCESS = _stems(
    "process", "selection", "review", "search", "verfahren", "prozess", "auswahl", "processus",
    "procédure", "recrutement", "sélection", "selección", "proceso", "procedimiento",
    "procedure", "selectie", "sollicitatie", "procedura", "selezione", "processo", "seleção",
    "abstimmung", "evaluat", "assess", "deliberat", "weighing", "considering", "avalia",
    "valuta", "bewert", "prüf", "évalu", "evaluand", "revisand", "beoordel", "im gange",
    "in gang",
)  # fmt: skip
_PENDING = _stems(
    "not yet", "n't yet", r"yet to\b", "still", "pending", "ongoing", "in progress",
    "noch nicht", "noch kein", r"noch\b", "offen", "pas encore", "toujours", r"encore\b",
    "en cours", "todavía", "aún", "sigue", "seguimos", "en curso",
    "nog niet", "nog geen", r"nog\b", r"loopt\b", "ancora", "in corso", "ainda", "em curso",
    "a decorrer",
)  # fmt: skip
_OTHER_PERSON = _stems(
    "another", "other", "someone else", "somebody else", "a different", "internal",
    "andere", "jemand", "autre", r"otr[oa]s?\b", "otra persona", "iemand anders", r"altr[oiae]\b",
    r"outr[oa]s?\b", r"(?:un |el |een |uno |um )?(?:\w+ )?(?:profil|perfil|profilo|profiel)\w*",
)  # fmt: skip
_CHOSE = _stems(
    "chose", "chosen", "went with", "gone with", "go with", "going with", "selected", "picked",
    "pursue", "préféré", "privilégi", "opté", "optado", "optamos", "elegido", "gekozen",
    "scelto", "optato", "preferito", "escolhemos", "escolhido", "optámos", "optamos",
    "seguir con", "seguir com", "proseguire con", "poursuivre avec", "continuer avec",
    "fortsetzen", "entschieden", "given to", "offered (?:it|the role|the job) to",
    "hired", "went to", "gone to", "goes to",
)  # fmt: skip
_GONE = _stems(
    "filled", "cancel", "closed", "withdrawn", "supprimé", "annulé", "besetzt", "vergeben",
    "gestrichen", "cubiert", "cancelad", "eliminad", "vervuld", "ingevuld", "vervallen",
    "coperta", "annullat", "soppress", "preenchid", "cancelad", "extint",
    "zurückgezogen", "retiré", "retirad", "ingetrokken", "ritirat",
)  # fmt: skip
_STOP = _stems(
    "proceed", "continu", "further", "forward", "ahead", "progress", "move on", "moving on",
    "fortsetz", "weiter", "poursuiv", "suite", "plus loin", "seguir", "avanzar", "adelante",
    "verder", "voort", "prosegu", "avanti", "avançar", "prosseguir", "work out",
    "worked out", "correspond", "passend",
)  # fmt: skip
_NEGATION = re.compile(
    r"(?<![\w'])(?:not|no|never|cannot|unable|nicht|kein\w*|nie|pas|ne|non|niet|geen|não|"
    r"nunca|jamais|plus)(?![\w'])|n't(?![\w'])"
)


@dataclass(frozen=True, slots=True)
class FamilyCue:
    """A class inferred from two families of words meeting in one sentence."""

    meaning: CueClass
    start: int  # where the first of its words starts in the sentence
    end: int  # where the last ends
    negatable: bool  # an offer or invitation: a negation before it makes it a rejection


def _at(pattern: re.Pattern[str], sentence: str) -> tuple[int, int] | None:
    found = pattern.search(sentence)
    return found.span() if found else None


def _both(sentence: str, first: re.Pattern[str], second: re.Pattern[str]) -> tuple[int, int] | None:
    """The span from the earlier to the later of the two families' words, if both are there."""
    one, two = _at(first, sentence), _at(second, sentence)
    if one is None or two is None:
        return None
    return min(one[0], two[0]), max(one[1], two[1])


def family_cues(sentence: str) -> list[FamilyCue]:
    """The classes the lower-cased ``sentence`` suggests through its families of words."""
    found: list[FamilyCue] = []

    def add(meaning: CueClass, span: tuple[int, int] | None, negatable: bool = False) -> None:
        if span is not None:
            found.append(FamilyCue(meaning, span[0], span[1], negatable))

    meeting = _MEETING.search(sentence) is not None
    # Offers.
    add("offer", _both(sentence, _OFFER, _ROLE), negatable=True)
    hire = _at(_HIRE, sentence)
    if hire is not None and (_WISH.search(sentence) or _YOU.search(sentence)):
        add("offer", hire, negatable=True)
    if not meeting and not _POOL.search(sentence):
        add("offer", _both(sentence, _JOIN, _WISH), negatable=True)
    if not _STAGE.search(sentence):
        add("offer", _both(sentence, _CHOSEN, _YOU), negatable=True)
        if not _OTHER_PERSON.search(sentence):
            add("offer", _both(sentence, _CHOSEN, _ROLE), negatable=True)
    # Next rounds.
    add("next_round", _both(sentence, _INVITE, _MEETING), negatable=True)
    meet = _both(sentence, _MEET, _PERSON)
    if meet is not None and _WISH.search(sentence):
        add("next_round", meet, negatable=True)
    add("next_round", _at(_ONWARD_MEETING, sentence), negatable=True)
    add("next_round", _at(_MEETING_ONWARD, sentence), negatable=True)
    if _WISH.search(sentence):
        add("next_round", _both(sentence, _CARRY_ON, _MEETING), negatable=True)
    if _STAGE.search(sentence):
        add("next_round", _both(sentence, _CHOSEN, _YOU), negatable=True)
    # No decision yet.
    add("no_decision", _both(sentence, _DECISION, _PENDING))
    add("no_decision", _both(sentence, _PROCESS, _PENDING))
    # Rejections.
    add("rejection", _both(sentence, _CHOSE, _OTHER_PERSON))
    add("rejection", _both(sentence, _ROLE, _GONE))
    stop = _at(_STOP, sentence)
    if stop is not None and _NEGATION.search(NOT_A_NEGATION.sub(" ", sentence[: stop[0]])):
        add("rejection", (stop[0], stop[1]))
    return found
