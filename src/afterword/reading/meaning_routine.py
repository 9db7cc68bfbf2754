"""The words of routine mail that says nothing about the decision: read as "other".

An employer writes about many things besides the outcome, and the other classes' words turn up
in them: "we will be in touch if you are shortlisted" (a receipt), "your availability for the
background check" (paperwork), "it was a pleasure to meet you" (a thank-you), "join our open
house" (marketing). What makes such a message routine is what it is *for*, and that has words of
its own in every language:

- a receipt: "we have received your application", "Eingangsbestätigung", "accusé de réception",
  "hemos recibido tu candidatura", "in goede orde ontvangen", "ricezione della candidatura";
- paperwork: a document asked for ("a copy of your passport", "Ihre Steuer-ID", "votre RIB",
  "tu DNI") or a file that did not come through;
- an answer to the candidate's question ("to answer your question", "zu Ihrer Frage");
- the sender away or handing over ("I'm out of the office", "ich bin nicht im Büro", "please
  direct questions to");
- thanks for a thank-you, or the pleasure of having met ("merci pour votre petit mot");
- bulk mail: newsletters, job alerts, talent communities, recruiters' cold approaches, portal
  notices ("log in to view"), surveys, events.

A firm routine cue outranks the loose (ambiguous, weak or inferred) cues of a next round or a
pending decision, which these messages borrow; any firm cue of a class, and any sign of an offer
or a rejection among the listed cues, outranks it (meaning.py). The *loose* routine cues
(logistics of a meeting, pay and perks, a handover) outrank only weak and inferred cues: a
"parking is behind the building" sits as easily in an invitation as in a reminder.
"""

from __future__ import annotations

import re

from afterword.reading.meaning_phrases import Cue

__all__ = ["ROUTINE_CUES"]

_FIRM = [
    # Receipts of an application or papers.
    r"(?:confirm|confirms|confirming|to say|let you know) (?:that )?(?:we(?:'ve| have)? )?"
    r"(?:received|receipt of)",
    r"(?:received|receipt of|got) your (?:\w+ )?(?:application|cv|resume|résumé|documents|details|"
    r"submission|forms?|paperwork|certificates?)",
    r"your (?:\w+ )?(?:application|cv|resume|submission|documents) (?:has|have) been "
    r"(?:successfully )?(?:received|submitted|registered)",
    r"eingangsbestätigung|eingang (?:ihrer|deiner|der) (?:bewerbung|unterlagen)|"
    r"\b(?:ihre|deine|ihrer|deiner) (?:bewerbung\w*|unterlagen) (?:[\w.]+ ){0,4}"
    r"(?:eingegangen|erhalten)\b(?! sie| du)",
    r"accus\w* (?:bonne )?réception|bien reçu (?:votre|ta) (?:candidature|cv|dossier)|"
    r"candidature (?:a bien été|a été) (?:reçue|enregistrée)",
    r"(?:hemos|he) recibido (?:correctamente )?(?:tu|su) (?:candidatura|solicitud|cv|"
    r"currículum|curriculum|postulación|hoja de vida)|acuse de recibo|"
    r"confirmamos (?:la )?recepción|(?:candidatura|solicitud|postulación) (?:ha sido|fue) "
    r"(?:recibida|registrada)",
    r"(?:in goede orde|goed) ontvangen|ontvangstbevestiging|"
    r"(?:sollicitatie|gegevens|cv) (?:\w+ ){0,3}ontvangen",
    r"(?:ricezione|ricevuto|ricevuta) (?:\w+ ){0,2}(?:candidatura|cv|curriculum)|"
    r"(?:candidatura|cv) (?:\w+ ){0,3}(?:registrata|ricevuta)",
    r"recebemos (?:o |a )?(?:seu|sua|teu|tua) (?:currículo|candidatura|inscrição|cv)|"
    r"(?:candidatura|inscrição) (?:\w+ ){0,2}(?:recebida|registada|registrada)",
    # Paperwork: a document asked for, or a file that did not come through.
    r"(?:send|email|e-mail|share|provide|upload|forward|bring|submit)(?: (?:me|us|over|across|"
    r"through|along))*(?: \w+){0,4} (?:a |the )?(?:copy|copies|scan|passport|driver'?s? "
    r"licen[cs]e|photo id|proof of|certificates?|diploma|degree|transcripts?|bank details|"
    r"voided check|social security|national insurance|tax (?:code|number|id)|right to work|"
    r"work permit|visa|void(?:ed)? (?:check|cheque)|sin|ssn|i-9|w-4|p45|tfn)\b",
    r"(?:complete|fill in|fill out|sign) (?:and return )?(?:the )?(?:attached )?(?:\w+ ){0,2}"
    r"(?:form|forms|questionnaire|declaration)\b",
    r"(?:file|attachment|document) (?:came through|is|was|seems) (?:\w+ )?(?:empty|blank|"
    r"corrupt\w*|broken|missing)|(?:couldn't|could not|can't|cannot) open (?:the|your) "
    r"(?:file|attachment|document|cv)|(?:mean|meant|forget|forgot) to attach",
    r"(?:kopie|scan|zeugnis|steuer-?id|steuernummer|sozialversicherungs\w*|führerschein|"
    r"personalausweis|ausweis|bankverbindung|iban|arbeitserlaubnis)[^.?!]{0,80}(?:zukommen|"
    r"schicken|senden|nachreichen|mitbringen|einreichen|übermitteln|mailen)",
    r"(?:transmettre|envoyer|fournir|faire parvenir|apporter|munir|joindre|retourner)[^.?!]{0,60}"
    r"(?:copie|scan|pièce d'identité|\brib\b|attestation|carte vitale|sécurité sociale|"
    r"justificatif|diplôme)",
    r"(?:enviar|mandar|mandes|envíes|adjuntar|traer|aportar|remitir)[^.?!]{0,60}(?:copia|"
    r"\bdni\b|\bnie\b|pasaporte|seguridad social|\biban\b|cuenta bancaria|título|certificado|"
    r"comprobante|\brfc\b|\bcurp\b)",
    r"(?:mailen|sturen|opsturen|toesturen|meenemen|aanleveren|uploaden)[^.?!]{0,60}(?:kopie|"
    r"paspoort|id-bewijs|identiteitsbewijs|diploma|\bbsn\b|rekeningnummer|\biban\b|\bvog\b)|"
    r"(?:kopie|paspoort|id-bewijs|identiteitsbewijs|diploma|\bvog\b)[^.?!]{0,60}(?:mailen|"
    r"sturen|opsturen|toesturen|meenemen|aanleveren|uploaden)",
    r"(?:inviare|inviarci|mandare|mandarci|portare|allegare|trasmettere)[^.?!]{0,60}(?:copia|"
    r"documento d'identità|carta d'identità|codice fiscale|\biban\b|diploma|certificat)",
    r"(?:enviar|mandar|encaminhar|trazer|anexar|remeter)[^.?!]{0,60}(?:cópia|\brg\b|\bcpf\b|"
    r"comprovante|carteira de trabalho|\bnif\b|\bniss\b|\biban\b|diploma|certificado)",
    # An answer to the candidate's question.
    r"(?:to answer|answering|in answer to|regarding|about) your (?:\w+ )?question|"
    r"happy to (?:answer|clarify)|good question",
    r"(?:zu|auf) (?:ihrer|ihre|deiner|deine) frage|(?:ihre|deine) frage (?:zu )?beantworten",
    r"(?:à|pour répondre à|concernant|quant à) (?:votre|ta) question",
    r"(?:sobre|respecto a|respondiendo a|en cuanto a|a) (?:tu|su) (?:pregunta|consulta|duda)",
    r"(?:op|over) (?:je|jouw|uw) vraag",
    r"(?:alla|sulla) (?:tua|sua) domanda|in risposta alla (?:tua|sua) domanda",
    r"(?:à|sobre a) (?:sua|tua) (?:pergunta|dúvida)",
    # Thanks for a thank-you; the pleasure of having met.
    r"thank(?:s| you)(?: so much| very much)? for (?:the|your) (?:lovely |kind |nice |"
    r"thoughtful |sweet )?(?:thank[- ]you(?: note| card| email| message)?|card|kind words)",
    r"(?:pleasure|lovely|nice|great|good) (?:to meet|meeting) you(?: too| as well)",
    r"danke (?:\w+ ){0,2}für (?:ihre|deine|die) (?:nette[n]? |freundliche[n]? )?(?:nachricht|"
    r"zeilen|dankes\w*)|(?:hat mich|hat uns) (?:\w+ )?gefreut,? (?:sie|dich) kennen",
    r"merci (?:\w+ ){0,2}pour (?:votre|ton) (?:petit |gentil |aimable )?(?:mot|message de "
    r"remerciement)|(?:ce fut|c'était) un plaisir (?:de vous|d'échanger|de te)",
    r"gracias por tu (?:mensaje|nota|correo) (?:tan )?(?:amable|bonito)|(?:fue|ha sido) un "
    r"(?:gusto|placer) (?:conocerte|conocerle|charlar)|encantad[oa] de conocerte",
    r"bedankt voor je (?:leuke |aardige |lieve )?(?:bericht|berichtje|bedankje|mail)|"
    r"leuk (?:je|u) (?:te )?(?:ontmoeten|leren kennen)",
    r"grazie (?:\w+ ){0,2}per il (?:tuo|suo) (?:gentile )?messaggio|è stato un piacere conoscer",
    r"obrigad[oa] pela (?:sua |tua )?(?:mensagem|nota) (?:simpática|gentil)|"
    r"foi um prazer conhecê",
    # Bulk mail: newsletters, alerts, talent communities, cold approaches, portals, surveys.
    r"unsubscribe|lettre d'information|manage (?:your )?(?:email )?preferences|newsletter|"
    r"job alerts?\b|"
    r"jobs? (?:you might like|matching your|that match)|talent (?:community|network)\b|"
    r"came across your (?:\w+ )?(?:profile|cv|resume)|"
    # A recruiter or headhunter introducing themselves, in each language.
    r"\b(?:i'm|i am|ich bin|je suis|soy|ik ben|sono|sou) "
    r"(?:an? |ein[e]? |une? |una? |een |um[a]? )?"
    r"(?:\w+ )?(?:recruiter|headhunter|chasseur de têtes|cazatalentos|reclutador[a]?|"
    r"personalberater\w*|selezionat(?:ore|rice))\b|"
    r"open to (?:new|other) (?:opportunities|roles)|(?:log|sign) in to (?:\w+ ){0,3}(?:view|"
    r"see|check)|candidate (?:portal|home|homepage|dashboard)|status (?:has been|was) updated|"
    r"system-generated|(?:take|complete|fill in) (?:our|the|a|this) (?:short |quick |brief )?"
    r"survey|how did we do|webinar|open house|career(?:s)? (?:fair|day|event)|"
    r"info(?:rmation)? session|password reset|reset your password",
    r"abmelden|abbestellen|job-?alarm|job-?alert|karriereportal|bewerberportal|umfrage|"
    r"neue (?:berufliche )?herausforderung|auf ihr profil aufmerksam",
    r"désabonn|désinscri|alerte emploi|espace candidat|(?:découvrez|consultez) nos (?:\w+ )?offres|"
    r"enquête de satisfaction|questionnaire de satisfaction|forums? (?:emploi|de recrutement)|"
    r"nouvelles opportunités",
    r"dar(?:te|se|le) de baja de|boletín|alerta de empleo|portal (?:del )?candidato|encuesta|"
    r"nuevas oportunidades",
    r"afmelden|nieuwsbrief|vacature-?alert|kandidatenportaal|enquête|nieuwe (?:uitdaging|kansen)",
    r"annulla (?:l')?iscrizione|disiscriv|portale (?:dei )?candidati|sondaggio|"
    r"nuove opportunità",
    r"descadastr|cancelar (?:a )?inscrição|portal do candidato|pesquisa de satisfação|"
    r"novas oportunidades",
]

_LOOSE = [
    # The sender away: loose, since a person may mention leave beside an invitation.
    r"\bi(?:'m| am| will be|'ll be) (?:currently )?(?:out of (?:the )?office|ooo|on (?:annual |"
    r"parental |maternity |paternity |sick )?leave|on holiday|on vacation|away from (?:the "
    r"office|my desk)|off sick)|limited access to (?:my )?e-?mail",
    r"ich bin (?:[\w.]+ ){0,5}(?:nicht im büro|abwesend|im urlaub|außer haus)|abwesenheitsnotiz",
    r"je suis (?:\w+ ){0,3}(?:absente?|en congés?|en vacances)|absente? du bureau",
    r"(?:estoy|estaré) (?:\w+ ){0,3}(?:fuera de la oficina|de vacaciones|ausente)",
    r"ik ben (?:\w+ ){0,3}(?:afwezig|niet aanwezig|met vakantie|niet op kantoor)",
    r"sono (?:\w+ ){0,3}(?:fuori ufficio|in ferie|assente)",
    r"(?:estou|estarei) (?:\w+ ){0,3}(?:fora do escritório|de férias|ausente)",
    # A reminder of something already arranged: a session, a start, a form due.
    r"\breminder\b|\berinnerung\b|\brappel\b|\brecordatorio\b|\bherinnering\b|"
    r"\bpromemoria\b|\blembrete\b|\b(?:we|just) (?:want to )?remind you\b|"
    r"\b(?:te|le|les|os) recordamos\b|\b(?:wir )?erinnern (?:sie|dich)\b|"
    r"\b(?:nous )?(?:vous|te) rappelons\b|\bherinneren (?:we )?(?:je|u)\b|"
    r"\b(?:ti|le|vi) ricordiamo\b|"
    r"\b(?:lembramos|relembramos)\b",
    # Thanks for applying opens receipts, and invitations and rejections too.
    r"thank(?:s| you) (?:\w+ )?for (?:applying|your (?:recent )?(?:application|submission))",
    # Logistics of a meeting already arranged.
    r"\bparking\b|visitor (?:badge|pass)|(?:check|sign) in at (?:the )?(?:front desk|reception|"
    r"security|lobby)|photo id\b|dress code|door code|dietary requirements|reimburse\w* "
    r"(?:form|for)|travel expenses",
    r"\bempfang\b|pforte|tiefgarage|parkpl|parkhaus|besucherausweis|anfahrt|wegbeschreibung",
    r"code (?:de la porte|d'accès|porte)|\baccueil\b|plan d'accès",
    r"recepción|aparcamiento|estacionamiento|cómo llegar",
    r"receptie|parkeren|parkeerplaats|bezoekerspas",
    r"parcheggio|portineria",
    r"portaria|recepção|crachá",
    # Pay and perks.
    r"(?:salary|pay|compensation) (?:range|band)|401\(?k\)?|paid time off|\bpto\b|"
    r"tuition reimbursement|health insurance|dental|holiday allowance|annual leave",
    # A handover or a forward.
    r"(?:cc'd|copied in|looped in|cc) (?:my colleague|\w+ (?:from|in|who))|"
    r"(?:passed|forwarded|handed|sent) (?:your \w+ |it |this )?(?:along |on |over )?to "
    r"(?:my colleague|\w+ in the|the \w+ team)|(?:no longer|not) (?:handling|looking after|"
    r"responsible for)|(?:direct|send|address) (?:any )?(?:further )?(?:questions|queries) to|"
    r"will (?:look after|take over) your application",
    r"weitergeleitet an|leite (?:\w+ ){0,3}weiter an|transmis (?:\w+ ){0,3}à (?:ma|mon) "
    r"collègue|he reenviado|reenvié|doorgestuurd naar|stuur (?:het|je \w+) door|"
    r"inoltrat\w* (?:\w+ ){0,3}a\b|encaminhei|encaminhamos",
]

ROUTINE_CUES: tuple[Cue, ...] = (
    *(Cue("routine", True, re.compile(pattern)) for pattern in _FIRM),
    *(Cue("routine", True, re.compile(pattern), ambiguous=True) for pattern in _LOOSE),
)
