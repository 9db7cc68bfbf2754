"""Reading what a person's reply says: negation, hedging, polite forms, languages, dates."""

from __future__ import annotations

import json
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from afterword.reading.meaning import MeaningReading, read_meaning

SENT_ON = date(2026, 3, 4)  # a Wednesday
CORPUS = Path(__file__).parent / "corpus" / "meaning"


def reading(text: str, *, sent_on: date = SENT_ON, country: str = "US") -> MeaningReading:
    return read_meaning(text, sent_on=sent_on, country=country, subdivision=None, language=None)


@pytest.mark.parametrize(
    "text",
    [
        "I'm sorry to tell you that you were not selected for the next round.",
        "We are not in a position to offer you the role.",
        "We won't be inviting you to a final interview.",
        "You haven't been shortlisted for the second stage this time.",
        "Sadly we will not be extending an offer.",
        "Leider wurden Sie nicht für die nächste Runde ausgewählt.",
        "Votre candidature n'a pas été retenue pour le second entretien.",
        "No has sido seleccionada para la siguiente fase del proceso.",
    ],
)
def test_a_negated_offer_or_invitation_is_a_rejection(text: str) -> None:
    """Offer and invitation words under a negation ("not selected for the next round") reject."""

    result = reading(text)

    assert result.meaning == "rejection"


@pytest.mark.parametrize(
    "text",
    [
        "You have been selected for the next round.",
        "Votre candidature a été retenue pour la prochaine étape.",
    ],
)
def test_the_same_words_without_the_negation_invite_to_a_next_round(text: str) -> None:
    """Without the "not", the same sentence is an invitation."""

    result = reading(text)

    assert result.meaning == "next_round"


@pytest.mark.parametrize(
    ("text", "meaning"),
    [
        ("We may want to invite you back to meet our director.", "next_round"),
        ("We might be able to offer you the role once the budget is signed off.", "offer"),
        ("Perhaps we could set up a call with the founders at some point.", "next_round"),
    ],
)
def test_a_hedged_offer_or_invitation_is_read_with_low_confidence(text: str, meaning: str) -> None:
    """ "We may want to invite you" leans towards a next round but is not sure of it."""

    result = reading(text)

    assert (result.meaning, result.confidence) == (meaning, "low")


def test_hoping_to_decide_soon_is_no_decision_without_a_date() -> None:
    """ "We hope to decide soon" is a pending decision that names no date."""

    result = reading("Thanks for your patience, we hope to decide soon.")

    assert (result.meaning, result.decision_from, result.decision_to) == ("no_decision", None, None)


@pytest.mark.parametrize(
    "text",
    [
        "We have decided to proceed with other candidates whose experience more closely "
        "matches what the team needs.",
        "After some thought, the company has decided to move in a different direction.",
        "I wanted to let you know the role has been filled.",
        "We will keep your CV on file should anything suitable open up.",
        "The hiring manager has chosen another candidate for this position.",
        "Thank you for your time; regrettably we will not be taking things further.",
    ],
)
def test_polite_corporate_rejections_are_rejections(text: str) -> None:
    """Other candidates, a different direction, a filled role, a CV kept on file all reject."""

    result = reading(text)

    assert result.meaning == "rejection"


@pytest.mark.parametrize(
    "text",
    [
        "We'd love to have you on board!",
        "I'm pleased to tell you the team wants you.",
        "Great news - the job is yours if you want it.",
        "We would like to offer you the position of Account Manager.",
    ],
)
def test_informal_and_formal_offers_are_offers(text: str) -> None:
    """ "We'd love to have you on board" is as much an offer as "we would like to offer you"."""

    result = reading(text)

    assert (result.meaning, result.confidence) == ("offer", "high")


def test_asking_when_you_can_start_leans_to_an_offer_without_certainty() -> None:
    """ "Can you start on the 5th?" alone suggests an offer, with low confidence."""

    result = reading("Can you start on the 5th?")

    assert (result.meaning, result.confidence) == ("offer", "low")


@pytest.mark.parametrize(
    "text",
    [
        "We'd like you to meet the team next Tuesday.",
        "Please book a time for the technical interview here: https://calendly.com/acme/60",
        "The next step is a short take-home exercise.",
        "Would you be free for a second interview with our CFO?",
    ],
)
def test_invitations_and_scheduling_links_are_a_next_round(text: str) -> None:
    """Meeting the team, a scheduling link, a take-home or a second interview is a next round."""

    result = reading(text)

    assert result.meaning == "next_round"


@pytest.mark.parametrize(
    ("text", "meaning"),
    [
        ("Wir freuen uns, Ihnen die Stelle als Buchhalterin anbieten zu können.", "offer"),
        ("Leider haben wir uns für einen anderen Bewerber entschieden.", "rejection"),
        ("Wir haben noch keine Entscheidung getroffen.", "no_decision"),
        ("Nous avons le plaisir de vous proposer le poste de juriste.", "offer"),
        ("Nous avons décidé de poursuivre avec d'autres candidats.", "rejection"),
        ("Aucune décision n'a encore été prise.", "no_decision"),
        ("Nos complace ofrecerte el puesto de contable.", "offer"),
        ("Hemos decidido seguir con otros candidatos.", "rejection"),
        ("Todavía no hemos tomado una decisión.", "no_decision"),
    ],
)
def test_german_french_and_spanish_replies_are_read(text: str, meaning: str) -> None:
    """Offers, rejections and "no decision yet" are read in German, French and Spanish."""

    result = reading(text)

    assert result.meaning == meaning


@pytest.mark.parametrize(
    ("text", "country", "expected"),
    [
        ("No decision yet; we expect to decide by the 20th.", "US", ("2026-03-04", "2026-03-20")),
        ("We'll get back to you within 5 business days.", "US", ("2026-03-04", "2026-03-11")),
        ("Still interviewing, you'll hear from us next week.", "US", ("2026-03-09", "2026-03-13")),
        ("Wir melden uns bis Ende nächster Woche.", "DE", ("2026-03-04", "2026-03-13")),
        ("Nous reviendrons vers vous d'ici vendredi.", "FR", ("2026-03-04", "2026-03-06")),
        ("Te daremos una respuesta la próxima semana.", "ES", ("2026-03-09", "2026-03-13")),
    ],
)
def test_no_decision_carries_the_range_the_reply_names(
    text: str, country: str, expected: tuple[str, str]
) -> None:
    """The decision range is read from the phrase near the words about deciding or hearing back."""

    result = reading(text, country=country)

    got = (result.decision_from, result.decision_to)
    assert (result.meaning, got) == ("no_decision", tuple(map(date.fromisoformat, expected)))


def test_a_decision_date_after_other_dates_is_the_one_near_the_promise() -> None:
    """The panel's meeting day is not the day they promise to write."""

    text = "The panel meets on Monday 9 March and we will write to everyone by 13 March."

    result = reading(text)

    assert (result.decision_from, result.decision_to) == (date(2026, 3, 4), date(2026, 3, 13))


def test_a_phrase_the_parser_refuses_gives_no_date() -> None:
    """A timing phrase the parser cannot read leaves the range empty rather than guessed."""

    result = reading("No decision yet, we will be in touch once the dust settles.")

    assert (result.meaning, result.decision_from, result.decision_to) == ("no_decision", None, None)


@pytest.mark.parametrize(
    "text",
    [
        "Thanks, received. I've passed it on.",
        "Open enrolment runs from 2 November to 20 November; review your benefits by then.",
        "Join our webinar next Thursday to hear about life at Acme!",
        "Thank you for your thank-you note, it was a pleasure to meet you.",
        "Thanks for letting us know you accepted another offer. Good luck!",
    ],
)
def test_acknowledgements_newsletters_and_small_talk_are_other(text: str) -> None:
    """A "thanks, received", a newsletter with dates or a webinar is never "no decision yet"."""

    result = reading(text)

    assert result.meaning == "other"


def test_a_rejection_is_never_a_confident_offer_even_with_congratulations() -> None:
    """Offer words next to any sign of a rejection are never read as a high-confidence offer."""

    text = (
        "Congratulations on reaching the final stage. Unfortunately, we have chosen someone else."
    )

    result = reading(text)

    assert result.meaning == "rejection"


def test_an_offer_next_to_a_rejection_sign_is_low() -> None:
    """An offer that also says "unfortunately" is read with low confidence."""

    text = "Unfortunately the salary is a little lower than you hoped, but we'd love to have you."

    result = reading(text)

    assert (result.meaning, result.confidence) == ("offer", "low")


def test_the_evidence_is_the_deciding_sentence_quoted_from_the_text() -> None:
    """Evidence is the sender's own sentence that decided, at most 200 characters."""

    text = "Hi Sam,\n\nThanks for coming in. We have decided to move forward with other candidates."

    result = reading(text)

    assert result.evidence == "We have decided to move forward with other candidates."


def test_long_evidence_is_cut_to_200_characters_around_the_cue() -> None:
    """A very long sentence is quoted as a 200-character window around the deciding words."""

    text = (
        "After " + "many long and careful rounds of discussion " * 8 + "the role has been filled."
    )

    result = reading(text)

    assert len(result.evidence) <= 200 and "the role has been filled" in result.evidence


def test_a_hard_wrapped_line_is_read_as_one_sentence() -> None:
    """A sentence wrapped across two lines is still one sentence for negation and evidence."""

    text = (
        "Thank you for your patience over the last few weeks. We are not in a position\n"
        "to offer you the role."
    )

    result = reading(text)

    assert result.meaning == "rejection"


def test_an_unknown_language_with_no_cue_is_other_with_low_confidence() -> None:
    """Finding no cue in a language we do not read says little: "other", but low."""

    result = read_meaning(
        "Dziękujemy za rozmowę.", sent_on=SENT_ON, country="PL", subdivision=None, language="pl"
    )

    assert (result.meaning, result.confidence) == ("other", "low")


@pytest.mark.parametrize(
    ("text", "meaning"),
    [
        ("We're in the final stages and hope to have news by Friday.", "no_decision"),
        ("We're waiting on feedback from one last interviewer; more by Monday.", "no_decision"),
        ("Thanks, that helps me when I talk to the hiring manager.", "other"),
        ("This month: meet the winners of our hackathon and read our news.", "other"),
        ("Got it, thanks! Will pass it along.", "other"),
        ("Nous sommes encore en train de rencontrer d'autres candidats.", "no_decision"),
        ("Ich darf Ihnen heute ein Angebot für die Stelle im Controlling unterbreiten.", "offer"),
    ],
)
def test_loose_look_alikes_of_a_cue_do_not_decide(text: str, meaning: str) -> None:
    """Words that only resemble a cue ("one last interviewer", "will pass it along") mislead."""

    result = reading(text)

    assert result.meaning == meaning


def test_wont_before_until_makes_until_the_start_of_the_range() -> None:
    """ "We won't have a decision until next week": the decision comes next week, not before."""

    result = reading("We're still reviewing and won't have a decision until next week.")

    assert (result.decision_from, result.decision_to) == (date(2026, 3, 9), date(2026, 3, 13))


def test_portuguese_end_of_next_week_keeps_its_start_today() -> None:
    """ "Até ao final da próxima semana" runs from today to the end of next week."""

    result = reading(
        "Ainda não tomámos uma decisão. Damos-lhe uma resposta até ao final da próxima semana."
    )

    assert (result.decision_from, result.decision_to) == (SENT_ON, date(2026, 3, 13))


@pytest.mark.parametrize(
    "text",
    [
        "We'd like to invite you.",
        "No news on our side yet.",
        "We regret to inform you that we are still deciding.",
    ],
)
def test_a_single_ambiguous_cue_or_two_classes_with_cues_read_low(text: str) -> None:
    """One loose cue alone, or strong cues of two classes, never give a confident reading."""

    result = reading(text)

    assert result.confidence == "low"


@pytest.mark.parametrize(
    "text",
    [
        "Thanks! See you around.",
        "Ok, noted.",
        "Vielen Dank, bis bald.",
    ],
)
def test_no_cue_found_reads_other_with_low_confidence(text: str) -> None:
    """Not recognising any words says nothing sure: "other", never with high confidence."""

    result = reading(text)

    assert (result.meaning, result.confidence) == ("other", "low")


@pytest.mark.parametrize(
    ("text", "meaning"),
    [
        ("Vorremmo proporle il ruolo di analista dal mese prossimo.", "offer"),
        ("Nous sommes prêts à vous engager comme serveur.", "offer"),
        ("Quisiéramos proponerle una reunión con la directora.", "next_round"),
        ("Il processo di selezione è ancora in corso.", "no_decision"),
        ("Escolhemos outro perfil para a vaga.", "rejection"),
    ],
)
def test_unlisted_wording_is_read_from_families_with_low_confidence(
    text: str, meaning: str
) -> None:
    """New wording is still read through its families of words, but only with low confidence."""

    result = reading(text)

    assert (result.meaning, result.confidence) == (meaning, "low")


def test_a_negated_invitation_in_new_wording_is_a_rejection() -> None:
    """ "Non la inviteremo al colloquio finale" rejects, though no listed cue says so."""

    result = reading("Purtroppo non la inviteremo al colloquio finale.")

    assert result.meaning == "rejection"


@pytest.mark.parametrize(
    ("text", "country", "expected"),
    [
        ("Sie hören spätestens am Freitag von uns.", "DE", ("2026-03-04", "2026-03-06")),
        ("On revient vers vous au plus tard le 20 mars.", "FR", ("2026-03-04", "2026-03-20")),
        ("Aún no hay decisión; te decimos algo el viernes como muy tarde.", "ES",
         ("2026-03-04", "2026-03-06")),
        ("Nog geen besluit; je hoort uiterlijk eind volgende week van ons.", "NL",
         ("2026-03-04", "2026-03-13")),
        ("Ancora nessuna decisione, le daremo notizie entro fine marzo.", "IT",
         ("2026-03-04", "2026-03-31")),
        ("Ainda não decidimos; damos retorno até o fim do mês.", "BR",
         ("2026-03-04", "2026-03-31")),
        ("Nothing yet; expect an update early the following week.", "US",
         ("2026-03-09", "2026-03-10")),
    ],
)  # fmt: skip
def test_timing_words_of_other_languages_are_read_as_a_range(
    text: str, country: str, expected: tuple[str, str]
) -> None:
    """ "Spätestens", "au plus tard", "como muy tarde", "uiterlijk", "entro", "até": deadlines."""

    result = reading(text, country=country)

    got = (result.decision_from, result.decision_to)
    assert (result.meaning, got) == ("no_decision", tuple(map(date.fromisoformat, expected)))


@pytest.mark.parametrize(
    ("text", "meaning"),
    [
        ("Hi Mia, gute Nachrichten: Wir nehmen dich! Wann könntest du frühestens starten?",
         "offer"),
        ("Hola Diego, te cuento que al final el puesto se lo dimos a otra persona. Gracias de "
         "verdad por tu tiempo y mucha suerte.", "rejection"),
        ("Hola Elena, el equipo quiere volver a hablar contigo, esta vez con la responsable de "
         "producto. Mándame tu disponibilidad para la semana que viene.", "next_round"),
    ],
)  # fmt: skip
def test_wording_no_rule_knows_is_read_by_the_learned_model_with_low_confidence(
    text: str, meaning: str
) -> None:
    """Where no listed cue is firm, the classifier's reading stands, always "low", with a quote."""

    result = reading(text)

    assert (result.meaning, result.confidence) == (meaning, "low")
    assert result.evidence and result.evidence in " ".join(text.split())


def test_a_pending_reply_the_model_reads_still_carries_its_date_range() -> None:
    """ "No verdict yet I'm afraid" leans to a rejection by its words; the model reads it as
    pending, and the range it names is kept."""
    text = (
        "Hiya Sam, no verdict yet I'm afraid - our MD is travelling. Realistically we'll be "
        "able to confirm one way or the other early next week."
    )

    result = reading(text, country="GB")

    assert (result.meaning, result.confidence) == ("no_decision", "low")
    assert (result.decision_from, result.decision_to) == (date(2026, 3, 9), date(2026, 3, 10))


def test_a_delay_outranks_a_regret_word_in_its_sentence() -> None:
    """ "Leider verzögert sich ..." names a delay, not a rejection; the date is still read."""
    text = (
        "Hallo Herr Brun, leider verzögert sich die Entscheidung. Sie hören bis Ende März von uns."
    )

    result = reading(text, country="DE")

    assert result.meaning == "no_decision"
    assert (result.decision_from, result.decision_to) == (SENT_ON, date(2026, 3, 31))


def test_a_next_round_word_in_a_sentence_about_a_delay_is_not_a_confident_next_round() -> None:
    """Waiting on references "for all shortlisted candidates" is a delay, not an invitation."""
    text = (
        "We're waiting on final references for all shortlisted candidates, so the decision "
        "will slip to late March."
    )

    result = reading(text)

    assert result.meaning == "no_decision"
    assert (result.decision_from, result.decision_to) == (date(2026, 3, 21), date(2026, 3, 31))


def _corpus(half: str) -> list[dict[str, object]]:
    lines = (CORPUS / f"{half}.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def _read(record: dict[str, object]) -> MeaningReading:
    subdivision = record["subdivision"]
    return read_meaning(
        str(record["text"]),
        sent_on=date.fromisoformat(str(record["sent_on"])),
        country=str(record["country"]),
        subdivision=subdivision if isinstance(subdivision, str) else None,
        language=str(record["language"]),
    )


def test_the_corpus_halves_hold_every_class_and_language() -> None:
    """Both halves have every class in every language, and ~40 replies carry a quoted thread."""

    halves = {half: _corpus(half) for half in ("test", "tune")}

    pairs = {half: {(r["language"], r["meaning"]) for r in rows} for half, rows in halves.items()}
    threads = sum("full_text" in r for rows in halves.values() for r in rows)
    assert pairs["test"] == pairs["tune"] and len(pairs["test"]) == 7 * 5
    assert sum(map(len, halves.values())) >= 300 and threads >= 40


@pytest.mark.parametrize(
    "text",
    [
        "Guten Tag Frau Roth, wie besprochen haben wir Ihre Bewerbung zurückgezogen.",
        "Bonjour Paul, c'est noté: nous avons retiré votre candidature de notre processus.",
        "Hola Ana, confirmamos la retirada de tu candidatura. ¡Mucha suerte!",
        "Hoi Kim, we hebben je sollicitatie ingetrokken zoals je vroeg.",
        "Buongiorno, confermiamo di aver ritirato la sua candidatura come richiesto.",
        "Olá Rui, conforme pedido, retirámos a sua candidatura do processo.",
    ],
)
def test_a_withdrawal_acknowledged_in_any_language_is_other(text: str) -> None:
    """The candidate taking the application back is "other", not a rejection, in six languages."""

    result = reading(text)

    assert result.meaning == "other"


def test_a_withdrawn_requisition_is_a_confident_rejection() -> None:
    """The role is gone, not the candidate: "the requisition has been withdrawn" rejects."""
    text = "Sorry, Leo - the Data Analyst requisition has been withdrawn after a budget cut."

    result = reading(text)

    assert (result.meaning, result.confidence) == ("rejection", "high")


def test_making_the_final_call_is_a_pending_decision_not_a_final_round() -> None:
    """ "We'll make the final call next week" is a decision to come, with its range."""
    text = "Hi Jo, references are in and we'll make the final call next week."

    result = reading(text)

    assert result.meaning == "no_decision"
    assert (result.decision_from, result.decision_to) == (date(2026, 3, 9), date(2026, 3, 13))


def test_a_trial_shift_is_read_as_a_next_round() -> None:
    """A paid try-out at work is the next step of the process."""
    text = "Thanks Rosa! Could you come in for a trial day at the cafe on Friday?"

    result = reading(text)

    assert result.meaning == "next_round"


@pytest.mark.parametrize(
    "text",
    [
        "We spreken deze week nog met andere kandidaten en laten het je vrijdag weten.",
        "Wir führen noch Gespräche mit anderen Bewerbern und melden uns nächste Woche.",
        "Stiamo ancora incontrando altri candidati, le faremo sapere entro venerdì.",
        "Ainda estamos a entrevistar outros candidatos e damos-lhe uma resposta até sexta.",
    ],
)
def test_still_meeting_other_candidates_is_pending_not_a_rejection(text: str) -> None:
    """Talking to others is no choice of them: the reply is "no decision yet"."""

    result = reading(text)

    assert result.meaning == "no_decision"


@pytest.mark.parametrize(
    "text",
    [
        "Helaas hebben we besloten om verder te gaan met een andere kandidaat.",
        "Wir haben uns entschieden, mit einer anderen Kandidatin weiterzumachen.",
        "Purtroppo abbiamo deciso di proseguire con un altro candidato.",
        "Infelizmente optámos por avançar com outra candidata.",
    ],
)
def test_choosing_another_candidate_stays_a_confident_rejection(text: str) -> None:
    """The choice of someone else is still a rejection in Dutch, German, Italian, Portuguese."""

    result = reading(text)

    assert (result.meaning, result.confidence) == ("rejection", "high")


def test_no_decision_possible_before_a_date_is_pending_despite_a_regret_word() -> None:
    """ "Vóór 15 april kunnen we helaas niets beslissen": pending until the 15th, no rejection."""

    result = reading("Vóór 15 april kunnen we helaas niets beslissen.", country="NL")

    assert result.meaning == "no_decision"
    assert result.decision_from == result.decision_to == date(2026, 4, 15)


@pytest.mark.parametrize(
    "text",
    [
        "Te recordamos que mañana tienes la entrevista a las 9:00; pregunta en recepción.",
        "Reminder: your first day starts at 8:30, please bring your ID for onboarding.",
    ],
)
def test_a_reminder_of_something_arranged_is_other(text: str) -> None:
    """A reminder borrows interview and onboarding words but says nothing new."""

    result = reading(text)

    assert result.meaning == "other"


def test_welcoming_the_candidate_to_the_team_in_french_is_a_confident_offer() -> None:
    """ "Vous accueillir dans notre équipe" is listed, as "welcome you to the team" is."""

    result = reading("Nous aimerions beaucoup vous accueillir dans notre équipe.")

    assert (result.meaning, result.confidence) == ("offer", "high")


def test_shortlisted_candidates_named_in_a_pending_reply_are_no_invitation() -> None:
    """ "Comparing the shortlisted candidates" pends; only "you've been shortlisted" invites."""

    pending = reading("We're still comparing the shortlisted candidates and will decide by Friday.")
    invited = reading("Good news: you've been shortlisted for the final round.")

    assert pending.meaning == "no_decision"
    assert invited.meaning == "next_round"


@pytest.mark.parametrize(
    "text",
    [
        "Hey Sam, we've got a spot for you on the night shift if you want it.",
        "On aimerait beaucoup que vous vous joigniez à nous comme comptable.",
        "Ciao Anna, il posto di aiuto-cuoco è tuo se lo vuoi.",
    ],
)
def test_informal_offers_of_a_place_are_offers(text: str) -> None:
    """A spot for you, a wish that you join us, a hyphenated job that is yours."""

    result = reading(text)

    assert result.meaning == "offer"


@pytest.mark.parametrize(
    "text",
    [
        "We're delighted to invite you to join the team as our new Office Manager.",
        "Nous vous invitons à intégrer notre équipe en tant que comptable.",
        "Wir laden Sie herzlich ein, Teil unseres Teams zu werden.",
        "Temos o prazer de a convidar a fazer parte da nossa equipa a partir de março.",
    ],
)
def test_an_invitation_to_join_the_team_is_a_confident_offer(text: str) -> None:
    """ "Convidar a integrar a nossa equipa": joining the team as a member is an offer."""

    result = reading(text)

    assert (result.meaning, result.confidence) == ("offer", "high")


@pytest.mark.parametrize(
    "text",
    [
        "We'd like to invite you to join the team for a coffee and a chat next week.",
        "Le invitamos a unirse a nuestro equipo para una entrevista con la directora.",
    ],
)
def test_an_invitation_to_join_the_team_for_a_meeting_is_a_next_round(text: str) -> None:
    """With a meeting named after it, joining the team is for an hour, not a job."""

    result = reading(text)

    assert result.meaning == "next_round"


def test_an_invitation_to_a_talent_network_is_no_offer() -> None:
    """ "Join our talent network" is bulk mail, whatever wish comes with it."""

    result = reading("We'd love you to join our talent network so we can tell you about new roles.")

    assert result.meaning == "other"


@pytest.mark.parametrize(
    "text",
    [
        "Wir können Ihnen noch weder eine Zusage noch eine Absage geben.",
        "No tenemos ni un sí ni un no todavía.",
        "Nous ne pouvons vous donner ni oui ni non pour le moment.",
        "Non abbiamo né un sì né un no per ora.",
        "Ainda não temos nem um sim nem um não.",
        "We kunnen je nog geen ja of nee geven.",
        "I can't give you a yes or a no yet.",
    ],
)
def test_neither_a_yes_nor_a_no_is_a_decision_to_come(text: str) -> None:
    """ "Weder eine Zusage noch eine Absage": the rejection word inside rejects nothing."""

    result = reading(text)

    assert (result.meaning, result.confidence) == ("no_decision", "high")


@pytest.mark.parametrize(
    ("text", "last_day"),
    [
        ("By the 20th we'll have reached a decision.", "2026-03-20"),
        ("Bis Ende März haben wir entschieden.", "2026-03-31"),
        ("D'ici le 13 mars, nous aurons arrêté notre choix.", "2026-03-13"),
        ("Para finales de mes habremos tomado una decisión.", "2026-03-31"),
        ("Entro martedì avremo preso una decisione.", "2026-03-10"),
        ("Até dia 12 teremos decidido.", "2026-03-12"),
        ("Tegen eind maart hebben we besloten.", "2026-03-31"),
    ],
)
def test_a_decision_promised_in_the_future_perfect_is_pending_until_then(
    text: str, last_day: str
) -> None:
    """ "Bis Ende März haben wir entschieden": no decision yet, with its deadline."""

    result = reading(text)

    assert (result.meaning, result.decision_from, result.decision_to) == (
        "no_decision",
        SENT_ON,
        date.fromisoformat(last_day),
    )


def test_having_chosen_the_candidate_is_not_a_promise_of_a_decision() -> None:
    """ "Dass wir uns für Sie entschieden haben" is a choice made, not one to come."""

    result = reading(
        "Gerne teilen wir mit, dass wir uns für Sie als neue Leiterin entschieden haben."
    )

    assert result.meaning != "no_decision"


@pytest.mark.parametrize(
    "text",
    [
        "No sabremos nada hasta después del 20 de marzo.",
        "We won't know anything until after the board meets.",
        "Vor Ostern wissen wir leider nichts.",
    ],
)
def test_not_knowing_anything_yet_is_a_decision_to_come(text: str) -> None:
    """ "No sabremos nada hasta ...": nothing known yet, with a regret word or without."""

    result = reading(text)

    assert result.meaning == "no_decision"


@pytest.mark.parametrize(
    "text",
    [
        "We'd love you to start with us in January!",
        "Wir möchten, dass du ab März bei uns anfängst.",
        "Queremos que empieces con nosotros el 1 de junio.",
        "Queremos muito contar consigo na equipa!",
        "Sorry for the wait - the offer's been signed off and it's yours!",
    ],
)
def test_a_wish_that_the_candidate_start_with_us_leans_to_an_offer(text: str) -> None:
    """ "Queremos que empieces con nosotros": an informal offer, read as one."""

    result = reading(text)

    assert result.meaning == "offer"


def test_a_wish_that_the_candidate_start_a_test_is_no_offer() -> None:
    """ "We'd like you to start the online assessment" invites to a stage, it offers nothing."""

    result = reading("We'd like you to start the online assessment by Friday.")

    assert result.meaning == "next_round"


def _assert_goals(rows: list[dict[str, object]]) -> None:
    """Issue 11's goals on ``rows``: >= 90 % precision and recall per class and exact decision
    ranges, and no rejection read as an offer or a next round with high confidence."""
    readings = [(row, _read(row)) for row in rows]

    expected = Counter(str(row["meaning"]) for row, _ in readings)
    predicted = Counter(result.meaning for _, result in readings)
    right = Counter(result.meaning for row, result in readings if result.meaning == row["meaning"])
    for name in expected:
        assert right[name] / expected[name] >= 0.9, f"recall of {name}"
        assert right[name] / predicted[name] >= 0.9, f"precision of {name}"
    pending = [(row, result) for row, result in readings if row["meaning"] == "no_decision"]
    exact = sum(
        (str(result.decision_from), str(result.decision_to))
        == (str(row["decision_from"]), str(row["decision_to"]))
        for row, result in pending
    )
    assert exact / len(pending) >= 0.9, "decision ranges"
    assert not [
        row["id"]
        for row, result in readings
        if row["meaning"] == "rejection"
        and result.meaning in ("offer", "next_round")
        and result.confidence == "high"
    ]


# The first test half (155 emails) was read once with the rules of commit f26d286 (148/155), then
# joined the tune half. The second (125 emails) was read once with the rules of commit 95711a7
# (97/125), the third (152) with commit c4cd047 (124/152), the fourth (152) with commit 854328c
# (143/152), the fifth (156) with commit 4e9d356 (150/156), the sixth (153) with commit e972458
# (148/153), the seventh (152) with commit 50e9761 (145/152), the eighth (124) with commit
# a748e5d (120/124, ranges 28/33), the ninth (129) with commit 39be306 (125/129, ranges 45/51,
# offer recall 18/21); the tenth (130) with commit 83179de met every goal (128/130, ranges 47/52)
# and then joined the tune half too (ids "test10-"). This keeps its assertions on those replies:
# they were tuned on since, so it guards against a change that breaks them, nothing more.
def test_the_goals_still_hold_on_the_tenth_half_now_in_the_tune_half() -> None:
    """The tenth half's replies, now tune mail, still meet every goal of issue 11."""
    rows = [row for row in _corpus("tune") if str(row["id"]).startswith("test10-")]

    assert len(rows) == 130
    _assert_goals(rows)


# The eleventh, fresh half (123 emails, commit af0666c, written before any rule change) was read
# once with the reader of commit 002ca1e: 119/123 right, exact decision ranges 47/49 (95.9 %),
# no wrong "high" of 69, no rejection read as a confident offer; but `other` precision 22/25
# (88.0 %: three replies read as `other` that were an offer, an offer and a next round, all
# "low"). No rule changed after that run. Strict, so the day the goals are met this test says so.
@pytest.mark.xfail(
    strict=True,
    reason="eleventh fresh test half below goals: other precision 88.0% (22/25); every other "
    "class >= 90% both ways, exact decision ranges 95.9% (47/49)",
)
def test_the_goals_are_met_on_the_test_half() -> None:
    """On the test half: >= 90 % precision and recall per class and exact decision ranges, and
    no rejection read as an offer or a next round with high confidence (issue 11)."""
    rows = _corpus("test")

    _assert_goals(rows)
