"""Classes read from families of words meeting in one sentence, in several languages."""

from __future__ import annotations

import pytest

from afterword.reading.meaning_families import family_cues


def _classes(sentence: str) -> set[str]:
    return {cue.meaning for cue in family_cues(sentence.lower())}


@pytest.mark.parametrize(
    ("sentence", "meaning"),
    [
        ("Gerne bieten wir Ihnen die Position als Controllerin an.", "offer"),
        ("Queremos contratarte para el equipo de ventas.", "offer"),
        ("Ci piacerebbe molto che tu entrassi a far parte del nostro gruppo.", "offer"),
        ("Nous souhaitons vous convier à un entretien avec le directeur.", "next_round"),
        ("Gostaríamos de marcar uma segunda conversa com a equipa.", "next_round"),
        ("Wij hebben nog geen beslissing genomen.", "no_decision"),
        ("La procedura di selezione è ancora in corso.", "no_decision"),
        ("Hemos optado por otro perfil para esta vacante.", "rejection"),
        ("Le poste a été supprimé.", "rejection"),
        ("Die Stellenausschreibung wurde zurückgezogen.", "rejection"),
        ("La vacante ha sido retirada por falta de presupuesto.", "rejection"),
    ],
)
def test_two_families_in_one_sentence_suggest_a_class(sentence: str, meaning: str) -> None:
    """An offer word with a role word, an invitation with a meeting, and so on, in any language."""

    found = _classes(sentence)

    assert meaning in found


@pytest.mark.parametrize(
    "sentence",
    [
        "Thanks for your note, have a lovely weekend.",
        "Our office is closed on Monday.",
        "Ich habe Ihre Unterlagen an die Kollegin weitergeleitet.",
        "We're a small team and we're happy to say there's a weekly meetup in Leeds.",
    ],
)
def test_a_sentence_without_two_families_suggests_nothing(sentence: str) -> None:
    """A single family word, or none, is no reading at all."""

    found = _classes(sentence)

    assert found == set()


def test_a_meeting_word_keeps_a_wish_to_join_from_reading_as_an_offer() -> None:
    """ "We'd like you to join a call with the team" invites; it offers nothing."""

    found = _classes("We'd like you to join a call with our head of design.")

    assert "offer" not in found


def test_an_offer_or_invitation_family_can_be_negated() -> None:
    """Offer and invitation families are marked so a negation before them can turn them."""

    found = family_cues("non possiamo offrirti il ruolo.")

    assert found and all(cue.negatable for cue in found if cue.meaning == "offer")
