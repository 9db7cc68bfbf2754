"""The words that tell what an employer's reply says, in the languages people write to us in.

Each cue is a regular expression over the reply's lower-cased text with a class and a strength:

- a *strong* cue settles the class by itself ("we have decided to move forward with other
  candidates", "nous avons le plaisir de vous proposer le poste");
- an *ambiguous* cue decides the class like a strong one but, alone, only with low confidence
  ("we'd like to invite you" also opens webinar invitations);
- a *weak* cue only leans ("unfortunately", "congratulations", "we'll be in touch"): alone it
  gives a class with low confidence, and next to a strong cue of another class it lowers that
  class's confidence.

A cue for an offer, a next round or a rejection does not count when a negation or a hedge comes
before it in the same clause (meaning.py reads those); that is why the rejection lists carry
the negated forms of offers and invitations ("unable to offer", "not selected for the next
round") as strong cues of their own.

The strong cues are here; the ambiguous and weak ones in meaning_loose_cues.py, and the
negations, hedges and clause breaks that turn cues off or down in meaning_clauses.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from afterword.reading.meaning_cue_forms import JOIN_THE_TEAM, PENDING_FORMS
from afterword.reading.meaning_loose_cues import AMBIGUOUS, WEAK

Meaning = Literal["offer", "rejection", "next_round", "no_decision", "other"]
# "withdrawn" is an acknowledgement that the candidate withdrew, "routine" mail that is about
# something else (a receipt, paperwork, a newsletter: meaning_routine.py); both read as "other".
CueClass = Literal["offer", "rejection", "next_round", "no_decision", "withdrawn", "routine"]


@dataclass(frozen=True, slots=True)
class Cue:
    meaning: CueClass
    strong: bool
    pattern: re.Pattern[str]
    ambiguous: bool = False


# Words shared by several patterns.
_NEG = r"(?:not|n't|no longer|unable to|not able to|cannot|not in a position to)"
_APPLICATION = r"(?:you|your (?:application|candidacy|candidature|profile)|this|it)"
_ROLE = r"(?:position|role|job|post|opening|vacancy|requisition|req|posting)"
_OTHERS = (
    r"(?:an?other|other|a different|different|the other|someone|somebody|a|an internal|"
    r"internal|one of the other)"
)
_CANDIDATE = r"(?:candidates?|applicants?|person|people|profile|someone|somebody)"

_STRONG: dict[CueClass, list[str]] = {
    "rejection": [
        # English
        r"regret(?:fully)? to (?:inform|let you know|tell you|advise|say)",
        r"\bwe regret that\b",
        r"\bregrettably\b",
        rf"{_NEG} (?:be )?(?:able to )?(?:moving|move|proceeding|proceed|progressing|progress|"
        rf"taking|take|going|go)(?: {_APPLICATION})? (?:any )?(?:forward|ahead|further)",
        rf"{_NEG} (?:be )?(?:able to )?(?:proceeding|proceed|progressing|progress|continuing|"
        rf"continue) (?:with )?{_APPLICATION}",
        rf"{_NEG} (?:be )?(?:able to )?(?:proceed|move forward|go ahead) with (?:an |the )?offer",
        rf"{_NEG} (?:be )?(?:offer|offering|extend|extending)\b",
        rf"{_NEG} (?:be )?(?:make|making) (?:you )?an offer",
        rf"{_NEG} (?:be )?(?:invite|inviting) you",
        r"decided not to (?:offer|proceed|move|progress|invite|pursue|continue|go ahead|take|"
        r"shortlist|hire)",
        r"(?:decided|decision|chosen|opted|going|choose) to (?:move|go|proceed|continue|progress)"
        rf" (?:forward |ahead )?with (?:{_OTHERS} )?(?:\w+ )?{_CANDIDATE}",
        rf"(?:decided|decision) to (?:hire|appoint|select) {_OTHERS}\b",
        r"(?:moving|move|proceeding|proceed|going|go|continuing|continue|progressing|progress) "
        r"(?:forward |ahead )?with (?:an?other|other|a different|the other|one of the other|"
        r"someone|somebody|a candidate|candidates|applicants|an internal)",
        r"(?:we've|we have) (?:now )?filled (?:the|this) (?:position|role|vacancy|post)",
        r"pursue other (?:candidates|applicants)",
        r"\bwent with (?:someone|somebody|another|a different|an? \w+ candidate)",
        r"(?:chosen|selected|picked|hired|found|offered (?:it|the \w+) to|gone with|go with|"
        r"given (?:it|the \w+) to) (?:someone|somebody) else",
        r"(?:gone|go|going|went|move|moving) (?:in )?(?:another|a different|a new) "
        r"(?:way|direction)",
        rf"(?:chosen|selected|picked|hired|found) {_OTHERS} (?:\w+ )?(?:candidate|applicant|"
        r"person)",
        rf"offer(?:ed)? (?:the|this) {_ROLE} to (?:someone|somebody|another|a different|"
        r"an internal)",
        rf"{_ROLE} (?:has|have|had|is|was) (?:now |already |since )?(?:been )?(?:filled|closed|"
        r"cancelled|canceled|withdrawn)",
        r"(?:we've|we have) (?:now )?hired (?:for|someone|somebody|another|a candidate)",
        r"clos(?:e|ed|ing) (?:the|this|our) (?:search|process|role|position|requisition)",
        r"closing (?:all |the )?(?:open |remaining )?applications",
        r"on hold indefinitely",
        r"(?:not|n't|haven't|have not|has not|were not|weren't|was not|wasn't) (?:been )?"
        r"(?:successful|selected|chosen|shortlisted)",
        r"(?:not|n't) shortlist(?:ed)? you",
        r"\bunsuccessful\b",
        r"(?:not|n't) (?:pass|passed|make it|made it|go through|move on|progress|progressed) "
        r"(?:to|through|into|beyond)",
        # "We'll pass for now", not "will pass it along".
        r"(?:going to|will|decided to|'ll|have to) pass\b(?! (?:it|this|that|them|these|those|"
        r"along|your|the)\b)",
        r"(?:not|n't) (?:quite )?(?:the right|a good|a strong|the best|a) (?:fit|match)",
        r"(?:not|n't) (?:be )?(?:making|make) (?:a|any) hire",
        r"(?:decided to|going to|will) keep (?:looking|searching)",
        # German
        r"\babsage\b|\babsagen\b",
        r"für (?:eine?n? )?(?:andere[nrs]?|anderweitig\w*) (?:kandidat\w*|bewerber\w*|person)",
        # A choice of others, not a meeting with them: "wir sprechen noch mit anderen
        # Kandidaten" (as in Dutch, Italian and Portuguese below) is no rejection.
        r"(?:entschieden|entscheidung|fortzusetzen|fortsetzen|fortfahren|weiter(?!hin)\w*|"
        r"voran\w*)\b(?: \S+){0,6} (?:mit|zu) (?:anderen|einem anderen|einer anderen) "
        r"(?:kandidat|bewerber)|(?:mit|zu) (?:anderen|einem anderen|einer anderen) (?:kandidat\w*|"
        r"bewerber\w*) (?:\S+ ){0,3}(?:fortzusetzen|fortsetzen|fortfahren|weiter(?!hin)|voran|"
        r"entschieden)",
        r"nicht (?:weiter )?(?:zu )?berücksichtig",
        r"nicht (?:\w+ ){0,3}(?:ausgewählt|berücksichtigt|eingeladen|einladen|weiterverfolgen)",
        r"(?:stelle|position|vakanz) (?:\w+ ){0,3}(?<!nicht )(?:besetzt|vergeben)",
        r"kein(?:e|en)? (?:angebot|zusage)",
        r"leider (?:\w+ ){0,3}mitteilen|anderweitig entschieden|keine positive rückmeldung",
        r"nicht (?:\w+ ){0,3}engere auswahl",
        # French
        r"(?:pas|plus)(?: \w+){0,3} suite\b",
        r"\bau regret\b|\ble regret\b",
        r"pas été retenue?s?",
        # A choice, not a meeting: "nous rencontrons encore d'autres candidats" is no rejection.
        r"(?:retenu|choisi|opté pour|privilégié|sélectionné|poursuivre avec|continuer avec|"
        r"avancer avec) (?:\w+ ){0,2}(?:un autre|une autre|d'autres) "
        r"(?:candidat|candidature|profil|personne)",
        r"(?:poste|offre) a été (?:pourvu|comblé|attribué)e?",
        r"pas en mesure de (?:vous |te )?(?:proposer|offrir|faire)",
        r"pas aller plus loin",
        # Spanish
        r"(?:continuar|seguir|avanzar|cubrir la vacante|quedarnos|elegido a) con otr[oa]s?",
        r"(?:elegido|seleccionado|escogido) a otr[oa]",
        r"no (?:has|ha|han) sido seleccionad",
        # "No podremos decirte nada hasta el 15" is a delay: only "no podremos seguir" rejects.
        r"no (?:pasaste|pasó|pasa|vamos a seguir|seguiremos|podemos ofrecer|podremos (?:seguir|"
        r"continuar|avanzar|ofrecer|contar)|avanzar|continuar|continuaremos)",
        r"(?:vacante|puesto|posición) (?:ya )?(?:ha sido|fue) cubiert[oa]",
        r"lamentamos (?:comunicar|informar|decir)",
        # Dutch, Italian, Portuguese
        r"(?:gekozen|kiezen|besloten|verder|door|voorkeur|geselecteerd|aangenomen|gegaan)\b"
        r"(?: \S+){0,5} (?:andere|een andere) kandida|(?:andere|een andere) kandida\w* "
        r"(?:\S+ ){0,3}(?:gekozen|verder|door|geselecteerd|aangenomen)",
        r"gekozen voor een ander",
        r"\bafgewezen\b",
        r"(?:scelt\w*|proseguire|procedere|continuare|avanti|optato|preferit\w*|selezionat\w*|"
        r"deciso|orientat\w*|assunt\w*)\b(?: \S+){0,5} (?:un |l'|gli |con |per )?altr[io] candidat",
        r"non siamo in grado di offrir",
        r"(?:opt\w*|seguir|avançar|prosseguir|escolh\w*|selecion\w*|decidimos|contrat\w*)\b"
        r"(?: \S+){0,5} (?:com |por |a |o )?outr[oa]s? candidat",
        r"não foi selecionad",
    ],
    "offer": [
        # English
        rf"offer you (?:the |a |this |our )?(?:\w+ ){{0,4}}(?:{_ROLE}|place|employment|contract)",
        r"(?:make|making|extend|extending|present|presenting) (?:to )?you (?:an? |our )?"
        r"(?:\w+ ){0,2}offer",
        r"(?:verbal|written|formal|job|conditional) offer",
        r"offer (?:letter|pack|of employment)",
        r"(?:attached|send|sending|sent|enclosed|find|expect) (?:\w+ ){0,3}offer\b",
        r"(?:love|like|want|thrilled|happy) (?:to have|for) you (?:to )?(?:on board|onboard|"
        r"aboard|join|start|come on board)",
        r"(?:love|like|want|thrilled|happy) to have you(?:[.!]|$| with us| (?:in|on) the team)",
        r"welcome (?:you )?(?:to the team|aboard|on board|onboard|to the staff)",
        r"welcoming you to",
        r"(?:excited|pleased|happy|delighted|thrilled|glad|look forward) to (?:formally )?"
        r"welcom(?:e|ing) you",
        r"(?:extend|extending|make|making) (?:you )?an? (?:formal |written |verbal |job )?offer",
        rf"the (?:\w+ )?{_ROLE} is yours",
        # "The job is yours" in the other languages, with or without the job's name.
        # The job's name may be hyphenated: "il posto di sous-chef è tuo".
        r"(?:el|la) (?:puesto|trabajo|plaza|vacante) (?:de [\w-]+ )?es (?:tuy[oa]|suy[oa])\b|"
        r"(?:a vaga|o cargo|o emprego|o trabalho) (?:de [\w-]+ )?é (?:sua|seu|tua|teu)\b|"
        r"le poste (?:de [\w-]+ )?est à (?:vous|toi)\b|(?:du hast|sie haben) (?:den job|die stelle)"
        r"(?= ?[!.]|$| bekommen)|die stelle gehört (?:dir|ihnen)|de (?:baan|functie) is van "
        r"(?:jou|u)\b|(?:il posto|il lavoro|la posizione) (?:di [\w-]+ )?è (?:tuo|tua|suo|sua)\b",
        # "On aimerait vraiment que tu te joignes à nous": a wish that the candidate joins.
        r"(?:aimerai\w*|souhait\w*|voudri\w*|voulons) (?:\w+ ){0,2}que (?:tu|vous) (?:te |vous )?"
        r"joign\w*",
        r"you got the (?:job|role|position)",
        r"(?:you're|you are) our (?:pick|choice|top choice|preferred candidate)",
        r"\bwants? you\b(?! to (?!join|start|be part|come on board))",
        r"(?:like|love|want|wish|pleased|delighted|happy) to (?:hire|appoint) you",
        r"(?:approved|approve) (?:your|the) (?:hire|offer|appointment)",
        r"offer(?:'s| has| was| is) (?:been |now )?(?:approved|signed off)",
        r"(?:ahead|forward) with your offer",
        rf"(?:selected|chosen) for the (?:\w+ ){{0,4}}{_ROLE}",
        r"successful application|application (?:was|has been) successful",
        r"recommended you for (?:appointment|the (?:role|position|post))",
        r"(?:like|love|want) (?:you )?to join (?:us|our team|the team)(?! for| on a| at)",
        # German
        r"(?:stelle|position|job) (?:\w+ ){0,4}anbieten",
        r"angebot (?:\w+ ){0,6}(?:unterbreiten|machen|zukommen)",
        r"willkommen (?:im team|an bord|bei uns)",
        r"(?:dich|sie|gerne?) einstellen",
        r"bewerbung (?:\w+ ){0,2}erfolgreich",
        # French
        r"(?:vous|te) proposer le poste",
        r"(?:promesse|offre) d'embauche",
        r"faire une offre|notre offre (?:pour|d'emploi)",
        r"retenue?s? pour le poste",
        r"candidature a été retenue(?! pour (?:la|l'|les|le (?:second|deuxième|prochain)))",
        r"bienvenue (?:dans|à|parmi)",
        # "Nous aimerions vous accueillir dans notre équipe": welcoming the candidate to the team.
        r"(?:vous|t'|te) ?accueillir (?:\w+ )?(?:dans|au sein de) (?:notre|l'|votre|la) ?équipe",
        # Spanish
        r"ofrecer(?:te|le)? (?:el|la) (?:puesto|posición|vacante|cargo)",
        r"carta oferta|propuesta económica",
        r"(?:has|ha) sido seleccionad[oa] para (?:el|la|ocupar)",
        r"bienvenid[oa] al equipo",
        # Dutch, Italian, Portuguese
        r"bied\w* (?:\w+ ){0,2}(?:de|deze) (?:functie|baan|positie)",
        r"(?:functie|baan) (?:\w+ ){0,3}aanbieden",
        r"offrirti|offrirle|lettera d'offerta|\bassumer(?:ti|la|lo)\b",
        r"stat[ao] selezionat[ao] per il ruolo",
        r"oferecer (?:\w+ ){0,2}(?:o cargo|a vaga|a posição)|oferecemos o cargo",
        r"bem-vind[oa] à equipa|bem-vind[oa] ao time",
        *JOIN_THE_TEAM,
    ],
    "next_round": [
        # English
        # Whole words: "one last interviewer" and "we're in the final stages" invite no one.
        r"(?<!in the )(?<!make the )(?<!make a )(?:next|second|2nd|third|final|last|another|"
        r"further|follow-up|follow up|"
        r"onsite|on-site|in-person|technical|panel|case) (?:round|interview|stage|step|"
        r"conversation|meeting|chat|call|loop|session|panel)\b(?! of (?:discussion|review|talk|"
        r"approval))",
        r"(?:virtual|video) (?:panel|round)",
        # Someone of the employer's to meet, and not the sender ("when I talk to the manager").
        r"(?<!\bi )(?<!\bwe )(?:meet|speak with|talk to|talk with|chat with|meet with) "
        r"(?:the |our |some of (?:the |our )?|two of (?:the |our )?|a few of (?:the |our )?)"
        r"(?:\w+ ){0,3}(?:team|director|manager|founders?|cto|ceo|cfo|vp|head|lead|engineers?|"
        r"partners?|people|panel|colleagues?|group)\b|(?:meet|speak with|talk to|meet with) "
        r"(?:her|him)\b",
        r"(?:like|love|want) to (?:speak|talk|chat) (?:with|to) you",
        r"(?:see|meet) you again",
        r"(?:schedule|arrange|set up|book|organise|organize|line up) (?:a|an|another|some|the|"
        r"your|one more)? ?(?:\w+ )?(?:time|call|interview|meeting|conversation|slot|session|"
        r"chat|date)",
        r"to schedule (?:it|this|that|a|an|the|your)",
        r"pick a slot|choose a time|grab a time|book a time|booking page|calendly\.com|goodtime|"
        r"/book/|scheduling link|confirm your availability",
        # "Your availability for the background check form" is paperwork, not a meeting.
        r"availability for (?:a |an |the |another |your )?(?:\w+ )?(?:call|interview|chat|meeting|"
        r"conversation|visit|session|round|onsite)",
        r"invite you (?:to|for) (?:an? |the |your |another )?(?:\w+ )?(?:interview|assessment|"
        r"meeting|call|chat|conversation|visit|presentation)",
        # "Nous vous convions à une épreuve écrite", "le convocamos a una entrevista".
        r"(?:vous|te) conv(?:ions|ier|ie|oquons|oquer)\b|(?:le|la|te|les|os) convocamos|"
        r"convocar(?:te|le|la)\b",
        r"(?:moving|move|progress|progressing|advance|advancing|proceed) (?:you )?(?:forward )?"
        r"(?:on )?to (?:the |a )?(?:next|final|technical|onsite|on-site|panel|second)",
        r"(?:made it|through|go through) (?:through )?to (?:the )?(?:next|final)",
        r"passed the (?:phone |first |initial )?(?:screen|round|interview|test|assessment)",
        r"take-home|take home|case study|coding (?:test|challenge|exercise)|online assessment|"
        r"assessment cent(?:re|er)|presentation|pairing session|hackerrank|codility",
        # "You've been shortlisted", not "between the shortlisted candidates".
        r"\byou(?:'ve| have)? (?:now )?been shortlisted\b|\byou(?:'re| are) (?:now )?shortlisted\b|"
        r"\bshortlisted you\b|\bshortlisted!",
        r"next (?:step|steps|up) (?:is|are|would be|will be)",
        r"(?:available|free) for (?:a|an|another) (?:call|chat|interview|conversation|meeting|"
        r"video call)",
        r"(?:like|love|want) to interview you",
        r"one more (?:conversation|interview|round|call|chat|meeting)(?! of)",
        # German
        r"(?:zweite[nms]?|nächste[nms]?|weitere[nms]?|finale[nms]?|persönliche[nms]?) "
        r"(?:gespräch|runde|interview|kennenlernen|termin)",
        r"runde weiter|runde geschafft",
        r"termin (?:buchen|vereinbaren)|buche dir",
        # French
        r"(?:second|deuxième|prochain|dernier|nouvel) entretien",
        r"(?:vous|t') ?inviter",
        r"étape suivante|prochaine étape|dernière étape|l'étape d'après",
        r"retenue?s? pour (?:la|l') (?:prochaine|suite|étape)",
        # Spanish
        r"(?:segunda|siguiente|próxima|nueva) (?:entrevista|fase|etapa)",
        r"entrevista (?:final|técnica)",
        r"invitarte|invitarle|(?:la|le|te|los) invitamos",
        # Dutch, Italian, Portuguese
        r"tweede gesprek|vervolggesprek|uitnodigen|nodigen (?:je|u) (?:graag )?uit",
        r"secondo colloquio|colloquio finale|invitarti|invitarla",
        r"segunda entrevista|próxima fase|convidá-l[oa]|convidar",
    ],
    "no_decision": [
        # English
        r"\bno (?:final |firm )?decision\b",
        # "expect to make the final call next week": a call that decides, not a phone call.
        r"(?:make|making|take|taking) (?:a|the|our|their) (?:final )?call\b(?! (?:with|to)\b)",
        r"(?:not|n't) (?:yet )?(?:made|reached|taken|come to|got|arrived at) (?:a|our|any|the|"
        r"their) (?:final )?(?:decision|call)",
        r"(?:not|n't) (?:yet )?decided|yet to (?:decide|make)|still deciding",
        r"not (?:quite )?there yet",
        r"still (?:interviewing|reviewing|considering|evaluating|deciding|meeting|speaking|"
        r"talking|waiting|in (?:interviews|the middle|the final stages|the process)|open|"
        r"in the running)",
        r"(?:expect|hope|plan|aim|hoping|aiming|expecting|planning) to (?:decide|make (?:a|our|"
        r"the) (?:final )?decision|reach a decision|have (?:a|an|some)? ?(?:decision|answer|"
        r"update|news)|wrap|finali[sz]e|finish|get back|come back|contact|update|be in a position)",
        r"decisions? (?:is|are|will be|should be)(?: now)? (?:expected|made|taken|due)",
        r"(?:will|'ll|going to|plan to) (?:be )?(?:making|make|take|taking) (?:our|a|the) "
        r"(?:final )?decision",
        r"(?:taking|take) (?:a bit |a little |slightly |much )?longer",
        r"(?:delayed|pushed back|running (?:a little |a bit )?behind)",
        r"still under (?:consideration|review)|(?:results?|outcome|decision) will be "
        r"(?:communicated|announced|shared|known)",
        r"(?:process|search|hiring|recruitment|recruiting) (?:has been |is |was )?(?:temporarily )?"
        r"(?:paused|put on hold)|(?:don't|do not) (?:yet )?have a (?:revised |new |firm )?timeline",
        # A process paused for a while, not closed: "suspendu temporairement".
        r"temporarily (?:on hold|suspended|paused|frozen)|(?:on hold|suspended|paused) "
        r"temporarily|suspendu temporairement|temporairement suspendu|vorübergehend "
        r"(?:ausgesetzt|pausiert|gestoppt|auf eis)|(?:suspendido|pausado) temporalmente|"
        r"temporalmente (?:suspendido|pausado)|tijdelijk (?:stopgezet|gepauzeerd|on hold)|"
        r"(?:sospes[oa]|sospeso) temporaneamente|(?:suspens[oa]) temporariamente",
        r"nothing (?:definite|to report|yet|new|concrete)",
        # "We can't tell you anything until the 15th", in seven languages.
        r"(?:can't|cannot|won't be able to|unable to) (?:tell|say) (?:you )?(?:anything|much)|"
        r"no (?:podemos|podremos|puedo|podré) (?:decirte|decirle|decir) nada|"
        r"(?:können|kann) (?:wir |ich )?(?:ihnen |dir )?(?:noch )?nichts sagen|"
        r"(?:ne pouvons|ne pourrons|ne peux|ne pourrai) (?:vous |te )?rien (?:vous |te )?dire|"
        r"non (?:possiamo|potremo|posso) dir(?:le|ti|vi)? (?:nulla|niente)|"
        r"não (?:podemos|poderemos|posso) (?:lhe |te )?dizer nada|"
        r"kunnen (?:we |wij |ik )?(?:je |u )?(?:nog )?niets zeggen",
        # "We cannot decide anything before the 15th", "kunnen we niets beslissen".
        r"(?:can't|cannot|won't|will not|not able to|nichts|nicht|niets|niet|rien|pas|no podemos|"
        r"non possiamo|não podemos) (?:\w+ ){0,2}(?:decide|entscheiden|beslissen|décider|decidir|"
        r"decidere)\b",
        r"(?:don't|do not) have (?:an |any )?(?:update|news)",
        r"(?:waiting|wait) (?:on|for) (?:sign-off|approval|the final|the team|finance|feedback|"
        r"the vp|the hiring manager|the panel)",
        r"still (?:working|going) through|still assessing",
        r"decisions? (?:is|are|lies|sits|rests) (?:still )?(?:with|in the hands of)",
        r"final decision sits",
        r"before we can (?:confirm|decide|say|make)",
        r"let (?:all )?(?:the )?(?:candidates|everyone|you) know (?:the outcome|our decision)",
        r"(?:write|contact|update|inform) (?:to )?(?:all )?(?:the )?(?:candidates|everyone|"
        r"applicants)",
        r"(?:panel|committee|board) (?:meets|will meet|is due to meet|meet)",
        # German
        r"(?:noch )?keine entscheidung",
        r"noch nicht (?:\w+ ){0,3}(?:entschieden|abgeschlossen|so weit|soweit)",
        r"entscheidung (?:\w+ ){0,3}(?:erwarten|liegt noch|steht noch|treffen)",
        r"(?:rechnen|erwarten) (?:mit einer|eine) entscheidung",
        r"sobald ich (?:etwas|mehr) weiß",
        r"noch (?:gespräche|mitten|etwas zeit)|derzeit noch|nichts neues",
        # French
        r"(?:aucune|pas (?:encore )?(?:pris )?de) décision",
        r"toujours en cours|(?:encore|toujours) en train|pas (?:encore )?de (?:nouvelles|retour)|"
        r"toujours pas",
        r"prend (?:un peu )?plus de temps",
        r"décision (?:finale )?(?:est attendue|sera prise)",
        r"prendrons (?:notre|une) décision|finaliser notre choix",
        r"dès que j'(?:en sais plus|ai une réponse)|je (?:te|vous) tiens (?:au courant|informée?)",
        # Spanish
        r"no (?:hemos tomado|hay) una decisión|aún no|todavía no",
        r"seguimos (?:entrevistando|valorando|en proceso)|todavía estamos|sigue abierto|"
        r"está tardando|se ha retrasado",
        r"te aviso en cuanto|en cuanto (?:tenga|sepa)",
        r"(?:tomar|comunicar) (?:la|una) decisión|le informaremos el resultado",
        # Dutch, Italian, Portuguese
        r"nog geen (?:beslissing|besluit)",
        r"non abbiamo ancora (?:preso una decisione|deciso)",
        r"ainda não (?:tomámos|tomamos|temos) (?:uma )?decisão",
        *PENDING_FORMS,
    ],
    "withdrawn": [
        r"(?:accepted|taken|accepting) (?:another|an?other|a different|an) (?:offer|role|job|"
        r"position)",
        r"withdraw(?:ing|n|al)?\b",
        r"(?:the|your) new (?:job|role|position|gig)",
        r"step(?:ped|ping)? back from (?:the|our|this) (?:process|application)|"
        r"pull(?:ed|ing)? out of (?:the|our|this) process",
        # "Entendemos tu decisión de no seguir": the candidate's own decision to stop.
        r"(?:tu|su|your|votre|ta|deine|ihre|je|uw|la sua|a sua) (?:decisión|decision|décision|"
        r"entscheidung|beslissing|decisione|decisão) (?:de |to |di |van |, )?(?:no|not|ne pas|"
        r"nicht|niet|non|não)\b|dado de baja (?:tu|su) candidatura",
        # The candidate's application taken back, in the other six languages: "Ihre Bewerbung
        # zurückgezogen", "retirer votre candidature", "retiras tu candidatura", "sollicitatie
        # ingetrokken", "ritirare la candidatura", "retirar a candidatura". Anchored on the
        # application, since a withdrawn vacancy ("die Stelle wurde zurückgezogen") is a
        # rejection.
        r"bewerbung (?:\w+ ){0,3}zurück(?:zu)?(?:ge)?(?:zogen|ziehen|zieh|zug)|"
        r"zurückzieh\w* (?:\w+ ){0,2}bewerbung|rückzug (?:\w+ ){0,2}bewerbung",
        r"(?:retir|ritir)\w* (?:\w+ ){0,3}candidat(?:ure|ura)|"
        r"(?:retrait|retirada|ritiro|desistência) (?:\w+ ){0,3}candidat(?:ure|ura)|désistement",
        r"sollicitatie (?:\w+ ){0,3}(?:in|terug)(?:ge)?(?:trek|trok)\w*|"
        r"(?:in|terug)(?:ge)?(?:trek|trok)\w* (?:\w+ ){0,3}sollicitatie",
    ],
}


def _compiled(table: dict[CueClass, list[str]], strong: bool, ambiguous: bool = False) -> list[Cue]:
    return [
        Cue(meaning, strong, re.compile(pattern), ambiguous)
        for meaning, patterns in table.items()
        for pattern in patterns
    ]


CUES: tuple[Cue, ...] = (
    *_compiled(_STRONG, True),
    *_compiled(AMBIGUOUS, True, ambiguous=True),
    *_compiled(WEAK, False),
)
