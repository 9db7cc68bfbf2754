"""Messages people wrote that only look automatic: absences in the subject or the text, replies in
an automatic reply's thread, forwarded away notices. Every one must be read as a ``reply``.

``meaning`` is set where the message plainly says one thing (offer, rejection, next_round,
no_decision); left out where a careful reader could hesitate. The "test" half was written first
and is never used to tune the reader.
"""

from __future__ import annotations

_SAM = "Sam Rivera <sam.rivera@fastmail.example>"

HUMAN: list[dict] = [
    # ------------------------------------------------------------------ test half
    {
        "name": "h01_out_of_office_next_week_question",
        "split": "test",
        "system": "outlook",
        "who": "Dana Whitfield",
        "sender": "dana.whitfield@lumen-analytics.example",
        "sent": "2026-12-03 10:15 -0500",
        "threaded": False,
        "subject": "Out of office next week – can we move our call?",
        "body": "Hi Sam,\n\nI'll be out of the office next week, so could we move our call to "
        "Thursday the 17th? The team is still reviewing and we should have news by then.\n\n"
        "Thanks,\nDana",
        "meaning": "no_decision",
    },
    {
        "name": "h02_re_automatic_reply_final_round",
        "split": "test",
        "system": "outlook",
        "who": "Omar Haddad",
        "sender": "omar.haddad@ardent-robotics.example",
        "sent": "2026-12-03 09:40 -0800",
        "subject": "RE: Automatic reply: Thank you – Data Engineer interview",
        "body": "Hi Sam,\n\nSorry about the auto-reply, I'm back now. We'd like to invite you to "
        "a final round with our CTO next week. Are you free Tuesday afternoon?\n\nBest,\nOmar\n\n"
        "-----Original Message-----\nFrom: Omar Haddad <omar.haddad@ardent-robotics.example>\n"
        "Sent: Monday, November 30, 2026 8:02 AM\nTo: " + _SAM + "\nSubject: Automatic reply: "
        "Thank you – Data Engineer interview\n\nI am out of the office until December 3 and will "
        "reply when I return.",
        "meaning": "next_round",
    },
    {
        "name": "h03_holiday_schedule",
        "split": "test",
        "system": "gmail",
        "who": "Maria Lopez",
        "sender": "maria.lopez@sparrow-media.example",
        "sent": "2026-12-04 11:00 -0500",
        "threaded": False,
        "subject": "Holiday schedule",
        "body": "Hi Sam,\n\nJust a heads-up that our office closes from December 24 through "
        "January 1, so the hiring decision will come in the first week of January. Thanks for "
        "your patience!\n\nMaria",
        "meaning": "no_decision",
    },
    {
        "name": "h04_annual_leave_offer",
        "split": "test",
        "system": "outlook",
        "who": "Ruth Okoye",
        "sender": "ruth.okoye@harbourline.example",
        "sent": "2026-12-02 16:20 +0000",
        "threaded": False,
        "subject": "Annual leave",
        "body": "Hello Sam,\n\nBefore I head off on annual leave tomorrow I wanted to let you "
        "know that we're offering you the position. HR will send the contract on Monday.\n\n"
        "Congratulations!\nRuth",
        "meaning": "offer",
    },
    {
        "name": "h05_ooo_coverage",
        "split": "test",
        "system": "gmail",
        "who": "Tom Reyes",
        "sender": "tom.reyes@copperleaf.example",
        "sent": "2026-12-03 13:00 -0800",
        "subject": "OOO coverage",
        "body": "Hi Sam — I'm OOO from Monday, so Jen will be your contact for the rest of the "
        "process. She'll reach out about scheduling the next interview.\n\nCheers,\nTom",
        "meaning": "next_round",
    },
    {
        "name": "h06_re_out_of_office_rejection_quoted",
        "split": "test",
        "system": "gmail",
        "who": "Lena Fischer",
        "sender": "lena.fischer@quarry-labs.example",
        "sent": "2026-12-04 09:30 +0100",
        "subject": "Re: Out of Office: Thank you",
        "body": "Hi Sam,\n\nI'm back in the office now. Unfortunately we've decided to move "
        "forward with another candidate. I wish you all the best.\n\nKind regards,\nLena\n\n"
        "On Tue, Dec 1, 2026 at 9:00 AM Lena Fischer <lena.fischer@quarry-labs.example> wrote:"
        "\n> I'm out of the office until December 3 and will reply when I return.\n",
        "meaning": "rejection",
    },
    {
        "name": "h07_de_abwesenheit_second_interview",
        "split": "test",
        "system": "outlook",
        "lang": "de",
        "who": "Jonas Weber",
        "sender": "j.weber@rheinwerk-it.example",
        "sent": "2026-12-03 15:00 +0100",
        "threaded": False,
        "subject": "Abwesenheit",
        "body": "Hallo Sam,\n\nich bin ab morgen zwei Wochen im Urlaub. Meine Kollegin Frau Braun "
        "meldet sich bei Ihnen wegen des zweiten Gesprächs. Haben Sie nächste Woche Zeit?\n\n"
        "Viele Grüße\nJonas Weber",
        "meaning": "next_round",
        "country": "DE",
    },
    {
        "name": "h08_fr_conges_no_decision",
        "split": "test",
        "system": "gmail",
        "lang": "fr",
        "who": "Élise Fontaine",
        "sender": "elise.fontaine@atelier-rive.example",
        "sent": "2026-12-02 10:00 +0100",
        "subject": "Congés de fin d'année",
        "body": "Bonjour Sam,\n\nJe pars en congés vendredi. Nous n'avons pas encore pris de "
        "décision ; nous reviendrons vers vous avant le 18 décembre.\n\nBien cordialement,\n"
        "Élise",
        "meaning": "no_decision",
        "country": "FR",
    },
    {
        "name": "h09_es_vacaciones_offer",
        "split": "test",
        "system": "gmail",
        "lang": "es",
        "who": "Carmen Vidal",
        "sender": "carmen.vidal@grupo-almendra.example",
        "sent": "2026-12-03 12:00 +0100",
        "threaded": False,
        "subject": "Vacaciones",
        "body": "Hola Sam:\n\nAntes de irme de vacaciones quería decirte que el equipo ha "
        "decidido ofrecerte el puesto. Te enviaremos la oferta por escrito la próxima semana. "
        "¡Enhorabuena!\n\nCarmen",
        "meaning": "offer",
        "country": "ES",
    },
    {
        "name": "h10_re_automatic_reply_at_my_desk",
        "split": "test",
        "system": "gmail",
        "who": "Mike Chen",
        "sender": "mike.chen@meridian-soft.example",
        "sent": "2026-12-02 11:11 -0500",
        "subject": "Re: Automatic reply: Follow-up",
        "body": "Haha, ignore my auto-reply, I'm actually at my desk today. Could you send me "
        "your availability for a call on Friday?\n\nMike",
    },
    {
        "name": "h11_out_of_office_exact_subject_question",
        "split": "test",
        "system": "gmail",
        "who": "Priya Nair",
        "sender": "priya.nair@lumen-analytics.example",
        "sent": "2026-12-07 08:05 -0500",
        "subject": "Out of office",
        "body": "Hi Sam, quick note: I'm out of the office until Wednesday but I saw your "
        "message. Can you do a second interview on Thursday 10 December at 2pm?\n\nBest, Priya",
        "meaning": "next_round",
    },
    {
        "name": "h12_outlook_suppress_header_no_decision",
        "split": "test",
        "system": "outlook",
        "who": "Helen Marsh",
        "sender": "helen.marsh@brightwater.example",
        "sent": "2026-12-03 14:00 +0000",
        "subject": "Automatic reply settings – sorry!",
        "extra_headers": [("X-Auto-Response-Suppress", "All")],
        "body": "Hi Sam,\n\nApologies for the confusing automatic reply you got earlier; my "
        "out-of-office was still switched on. We are still interviewing and expect to decide by "
        "the end of next week.\n\nRegards,\nHelen",
        "meaning": "no_decision",
        "country": "GB",
    },
    {
        "name": "h13_leave_notice_rejection",
        "split": "test",
        "system": "outlook",
        "who": "Naomi Price",
        "sender": "naomi.price@corvid-health.example",
        "sent": "2026-12-04 09:00 -0500",
        "threaded": False,
        "subject": "Leave notice and your application",
        "body": "Dear Sam,\n\nI will be on maternity leave from January, and wanted to update you "
        "before I go. I'm sorry to say that you have not been selected for the role. Thank you "
        "for the time you gave us.\n\nKind regards,\nNaomi Price",
        "meaning": "rejection",
    },
    {
        "name": "h14_re_thank_you_vacation_back_monday",
        "split": "test",
        "system": "gmail",
        "who": "Chris Duval",
        "sender": "chris.duval@pinecrest-bank.example",
        "sent": "2026-12-03 17:00 -0500",
        "subject": "Re: Thank you",
        "body": "Hi Sam, thanks for the note! I'm on vacation this week and back on Monday 7 "
        "December; I'll share the team's feedback then.\n\nBest,\nChris\n\nOn Wed, Dec 2, 2026 "
        "at 10:14 AM Sam Rivera <sam.rivera@fastmail.example> wrote:\n> Thank you for meeting "
        "me on Tuesday. I enjoyed hearing about the payments team.\n",
        "meaning": "no_decision",
    },
    {
        "name": "h15_nl_vakantie_second_round",
        "split": "test",
        "system": "gmail",
        "lang": "nl",
        "who": "Pieter Smit",
        "sender": "pieter.smit@polder-data.example",
        "sent": "2026-12-03 10:00 +0100",
        "threaded": False,
        "subject": "Vakantie",
        "body": "Hoi Sam,\n\nIk ben volgende week met vakantie. Kun je voor vrijdag laten weten of "
        "je de tweede ronde op 15 december kunt doen?\n\nGroet,\nPieter",
        "meaning": "next_round",
        "country": "NL",
    },
    {
        "name": "h16_it_ferie_rejection",
        "split": "test",
        "system": "gmail",
        "lang": "it",
        "who": "Giulia Rossi",
        "sender": "giulia.rossi@vela-design.example",
        "sent": "2026-12-04 10:00 +0100",
        "threaded": False,
        "subject": "Ferie",
        "body": "Ciao Sam,\n\nprima delle ferie volevo dirti che abbiamo deciso di non procedere "
        "con la tua candidatura. Ti auguro il meglio.\n\nGiulia",
        "meaning": "rejection",
        "country": "IT",
    },
    {
        "name": "h17_pt_ferias_offer",
        "split": "test",
        "system": "gmail",
        "lang": "pt",
        "who": "Rafael Souza",
        "sender": "rafael.souza@ipe-digital.example",
        "sent": "2026-12-03 11:00 -0300",
        "threaded": False,
        "subject": "Férias",
        "body": "Olá Sam,\n\nVou sair de férias amanhã, mas queria confirmar que gostaríamos de "
        "fazer uma proposta para a vaga. O RH entrará em contato.\n\nAbraço,\nRafael",
        "meaning": "offer",
        "country": "BR",
    },
    {
        "name": "h18_fwd_automatic_reply_final_interview",
        "split": "test",
        "system": "gmail",
        "who": "Diego Marín",
        "sender": "diego.marin@maguey-tech.example",
        "sent": "2026-12-02 12:00 -0600",
        "subject": "Fwd: Automatic reply: Next steps",
        "body": "Sam, forwarding this so you know Anna is away; I'm handling your application "
        "now and we'd like to schedule the final interview. Does Monday work?\n\n"
        "---------- Forwarded message ---------\nFrom: Anna Ruiz <anna.ruiz@maguey-tech.example>"
        "\nDate: Tue, Dec 1, 2026 at 9:00 AM\nSubject: Automatic reply: Next steps\nTo: "
        + _SAM
        + "\n\nI am out of the office until 14 December.\n",
        "meaning": "next_round",
    },
    {
        "name": "h19_back_in_the_office_no_decision",
        "split": "test",
        "system": "outlook",
        "who": "Noah Bennett",
        "sender": "noah.bennett@tallgrass-energy.example",
        "sent": "2026-12-02 09:00 -0600",
        "subject": "Back in the office",
        "body": "Hi Sam,\n\nI'm back in the office after my leave. Thank you for your patience "
        "– we're still finalizing things and will get back to you by December 11.\n\n"
        "Best regards,\nNoah",
        "meaning": "no_decision",
    },
    {
        "name": "h20_away_until_monday_offer",
        "split": "test",
        "system": "plain",
        "who": "Ana Torres",
        "sender": "ana.torres@sierra-labs.example",
        "sent": "2026-12-04 18:00 -0800",
        "threaded": False,
        "subject": "Away until Monday",
        "body": "Sam, I'm away until Monday but wanted you to hear it from me: the panel loved "
        "you and we will be making you an offer. Details from HR soon.\n\nAna",
        "meaning": "offer",
    },
    # ------------------------------------------------------------------ tune half
    {
        "name": "g01_out_of_office_on_friday",
        "split": "tune",
        "system": "outlook",
        "who": "Dana Cruz",
        "sender": "dana.cruz@granite-insurance.example",
        "sent": "2026-12-02 09:00 -0500",
        "threaded": False,
        "subject": "Out of office on Friday",
        "body": "Hi Sam,\n\nI'll be out of the office on Friday, so let's talk on Thursday "
        "instead. Does 10am work for you?\n\nThanks,\nDana",
    },
    {
        "name": "g02_re_automatic_reply_next_round",
        "split": "tune",
        "system": "outlook",
        "who": "Kofi Mensah",
        "sender": "kofi.mensah@cobalt-ai.example",
        "sent": "2026-12-03 09:00 -0800",
        "subject": "RE: Automatic reply: Interview",
        "body": "Hi Sam,\n\nI'm back. We'd love to move you to the next round – I'll send an "
        "invite for a panel interview shortly.\n\nBest,\nKofi\n\nFrom: Kofi Mensah\nSent: "
        "Tuesday, December 1, 2026 8:02 AM\nTo: Sam Rivera\nSubject: Automatic reply: Interview"
        "\n\nI am on leave until December 3.",
        "meaning": "next_round",
    },
    {
        "name": "g03_vacation_no_decision",
        "split": "tune",
        "system": "gmail",
        "who": "Ivy Morgan",
        "sender": "ivy.morgan@fernhill.example",
        "sent": "2026-12-03 09:00 -0500",
        "threaded": False,
        "subject": "Vacation",
        "body": "Hello Sam,\n\nI'm going on vacation tomorrow until the 14th. Just so you're not "
        "left waiting: we haven't made a decision yet, and expect to by December 18.\n\n"
        "Regards,\nIvy",
        "meaning": "no_decision",
    },
    {
        "name": "g04_parental_leave_offer",
        "split": "tune",
        "system": "gmail",
        "who": "Ben Carter",
        "sender": "ben.carter@stone-studio.example",
        "sent": "2026-12-02 09:00 -0500",
        "threaded": False,
        "subject": "Parental leave",
        "body": "Hi Sam,\n\nI'm starting parental leave next week. Good news first: we'd like to "
        "offer you the job! Sarah from HR will send the paperwork.\n\nCongrats,\nBen",
        "meaning": "offer",
    },
    {
        "name": "g05_ooo_tomorrow_rejection",
        "split": "tune",
        "system": "gmail",
        "who": "Jess Hall",
        "sender": "jess.hall@redwood-care.example",
        "sent": "2026-12-03 09:00 -0800",
        "threaded": False,
        "subject": "OOO tomorrow",
        "body": "Hey Sam, OOO tomorrow but wanted to tell you we've decided not to move forward. "
        "Thanks so much for your time.\n\nJess",
        "meaning": "rejection",
    },
    {
        "name": "g06_re_out_of_office_quoted_rejection",
        "split": "tune",
        "system": "gmail",
        "who": "Markus Lang",
        "sender": "markus.lang@nordlicht-ag.example",
        "sent": "2026-12-03 09:00 +0100",
        "subject": "Re: Out of Office",
        "body": "Sam, sorry for the delay, I was away. We've decided to go with another "
        "candidate whose experience was a closer fit. All the best, Markus\n\nOn Mon, Nov 30, "
        "2026 at 8:00 AM Markus Lang <markus.lang@nordlicht-ag.example> wrote:\n> I am out of "
        "the office until December 2.\n",
        "meaning": "rejection",
    },
    {
        "name": "g07_de_urlaub_offer",
        "split": "tune",
        "system": "gmail",
        "lang": "de",
        "who": "Anja Keller",
        "sender": "anja.keller@alpen-solar.example",
        "sent": "2026-12-02 09:00 +0100",
        "threaded": False,
        "subject": "Urlaub",
        "body": "Hallo Sam,\n\nbevor ich in den Urlaub gehe: Wir möchten Ihnen die Stelle "
        "anbieten! Den Vertrag schicken wir Ihnen nächste Woche.\n\nViele Grüße\nAnja",
        "meaning": "offer",
        "country": "DE",
    },
    {
        "name": "g08_fr_absence_next_interview",
        "split": "tune",
        "system": "outlook",
        "lang": "fr",
        "who": "Paul Mercier",
        "sender": "paul.mercier@lumiere-conseil.example",
        "sent": "2026-12-02 09:00 +0100",
        "threaded": False,
        "subject": "Absence la semaine prochaine",
        "body": "Bonjour Sam,\n\nJe serai absent la semaine prochaine. Pourriez-vous passer un "
        "deuxième entretien avec notre directrice jeudi ?\n\nCordialement,\nPaul",
        "meaning": "next_round",
        "country": "FR",
    },
    {
        "name": "g09_es_fuera_de_la_oficina_rejection",
        "split": "tune",
        "system": "gmail",
        "lang": "es",
        "who": "Diego Serrano",
        "sender": "diego.serrano@brisa-energia.example",
        "sent": "2026-12-03 09:00 +0100",
        "threaded": False,
        "subject": "Fuera de la oficina",
        "body": "Hola Sam,\n\nestaré fuera de la oficina desde mañana, pero quería decirte que "
        "lamentablemente hemos decidido continuar con otro candidato.\n\nMucha suerte,\nDiego",
        "meaning": "rejection",
        "country": "ES",
    },
    {
        "name": "g10_re_automatic_reply_checking",
        "split": "tune",
        "system": "gmail",
        "who": "Paula Grant",
        "sender": "paula.grant@bluegate.example",
        "sent": "2026-12-02 09:00 -0500",
        "subject": "Re: Automatic reply: Thanks",
        "body": "Ha, that auto-reply was from last week. I'm around now – let me check with the "
        "team and come back to you.\n\nPaula",
    },
    {
        "name": "g11_out_of_office_exact_subject_final",
        "split": "tune",
        "system": "gmail",
        "who": "Lee Harper",
        "sender": "lee.harper@kestrel-partners.example",
        "sent": "2026-12-04 09:00 -0500",
        "threaded": False,
        "subject": "Out of office",
        "body": "Hi Sam, I'm out of the office until Wednesday. Are you still interested in the "
        "role? We'd like to set up a final interview.\n\nBest, Lee",
        "meaning": "next_round",
    },
    {
        "name": "g12_outlook_suppress_header_no_decision",
        "split": "tune",
        "system": "outlook",
        "who": "Grace Kim",
        "sender": "grace.kim@lanyard-group.example",
        "sent": "2026-12-03 09:00 +0000",
        "subject": "Automatic reply confusion",
        "extra_headers": [("X-Auto-Response-Suppress", "All")],
        "body": "Hi Sam,\n\nPlease ignore the automatic reply from my colleague. We are still "
        "deciding and will let you know by December 15.\n\nThanks,\nGrace",
        "meaning": "no_decision",
        "country": "GB",
    },
    {
        "name": "g13_leave_rejection",
        "split": "tune",
        "system": "outlook",
        "who": "Oliver Grant",
        "sender": "oliver.grant@thistle-co.example",
        "sent": "2026-12-03 09:00 +0000",
        "threaded": False,
        "subject": "Leave",
        "body": "Dear Sam,\n\nI'm going on leave and wanted to close the loop: after careful "
        "consideration we will not be progressing your application.\n\nKind regards,\nOliver",
        "meaning": "rejection",
        "country": "GB",
    },
    {
        "name": "g14_re_following_up_traveling",
        "split": "tune",
        "system": "gmail",
        "who": "Rosa Delgado",
        "sender": "rosa.delgado@olivo-finanzas.example",
        "sent": "2026-12-03 09:00 -0500",
        "subject": "Re: Following up",
        "body": "Hi Sam, I'm traveling this week and back on Monday; we'll decide by next "
        "Friday. Thanks!\n\nRosa\n\nOn Thu, Dec 3, 2026 at 8:00 AM Sam Rivera "
        "<sam.rivera@fastmail.example> wrote:\n> Hi Rosa, I wanted to follow up on my "
        "interview.\n",
        "meaning": "no_decision",
    },
    {
        "name": "g15_nl_afwezig_second_interview",
        "split": "tune",
        "system": "gmail",
        "lang": "nl",
        "who": "Eva de Boer",
        "sender": "eva.deboer@tulp-media.example",
        "sent": "2026-12-02 09:00 +0100",
        "threaded": False,
        "subject": "Afwezig volgende week",
        "body": "Hallo Sam,\n\nIk ben volgende week afwezig. We willen je graag uitnodigen voor "
        "een tweede gesprek. Past dinsdag 8 december?\n\nGroet,\nEva",
        "meaning": "next_round",
        "country": "NL",
    },
    {
        "name": "g16_it_fuori_ufficio_offer",
        "split": "tune",
        "system": "gmail",
        "lang": "it",
        "who": "Luca Marino",
        "sender": "luca.marino@borgo-food.example",
        "sent": "2026-12-03 09:00 +0100",
        "threaded": False,
        "subject": "Fuori ufficio",
        "body": "Ciao Sam,\n\nsarò fuori ufficio da domani. Volevo dirti che siamo felici di "
        "offrirti la posizione!\n\nLuca",
        "meaning": "offer",
        "country": "IT",
    },
    {
        "name": "g17_pt_ausencia_rejection",
        "split": "tune",
        "system": "gmail",
        "lang": "pt",
        "who": "Marta Alves",
        "sender": "marta.alves@mare-seguros.example",
        "sent": "2026-12-03 09:00 +0000",
        "threaded": False,
        "subject": "Ausência",
        "body": "Olá Sam,\n\nEstarei ausente na próxima semana. Infelizmente decidimos seguir "
        "com outro candidato.\n\nBoa sorte,\nMarta",
        "meaning": "rejection",
        "country": "PT",
    },
    {
        "name": "g18_fwd_out_of_office_call",
        "split": "tune",
        "system": "gmail",
        "who": "Victor Osei",
        "sender": "victor.osei@halcyon-retail.example",
        "sent": "2026-12-02 09:00 -0500",
        "subject": "Fwd: Out of Office: Interview",
        "body": "Sam – see below, Carla is out. I'll take over; can you do a call on "
        "Thursday?\n\n---------- Forwarded message ---------\nFrom: Carla Mendes "
        "<carla.mendes@halcyon-retail.example>\nDate: Tue, Dec 1, 2026 at 9:00 AM\nSubject: Out "
        "of Office: Interview\nTo: " + _SAM + "\n\nI'm out until December 9.\n",
    },
    {
        "name": "g19_back_from_holiday_no_decision",
        "split": "tune",
        "system": "gmail",
        "who": "Alex Young",
        "sender": "alex.young@maplepoint.example",
        "sent": "2026-12-03 09:00 -0500",
        "subject": "Back from holiday",
        "body": "Hi Sam, just back from holiday. No decision yet, I'm afraid – we should know by "
        "the 16th.\n\nCheers,\nAlex",
        "meaning": "no_decision",
    },
    {
        "name": "g20_away_until_thursday_shortlisted",
        "split": "tune",
        "system": "plain",
        "who": "Sophie Laurent",
        "sender": "sophie.laurent@cumbre-sa.example",
        "sent": "2026-12-02 09:00 +0000",
        "threaded": False,
        "subject": "Away until Thursday",
        "body": "Sam, away until Thursday but quick update: you've been shortlisted for the "
        "final round.\n\nSophie",
        "meaning": "next_round",
    },
]
