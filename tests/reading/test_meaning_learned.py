"""The learned reading's features and scorer: words, pairs, pieces, and adding weights up."""

from __future__ import annotations

from afterword.reading.meaning_learned import CLASSES, best_class, features, scores

FLAT = (0.0, 0.0, 0.0, 0.0, 0.0)


def test_features_are_words_pairs_of_words_and_pieces_of_words() -> None:
    """ "Not selected" gives both words, the pair that keeps the negation, and 4-letter pieces."""

    found = features("Not SELECTED")

    assert {"w not", "w selected", "p not selected", "c <not", "c not>", "c sele"} <= set(found)
    assert "p selected not" not in found


def test_an_apostrophe_inside_a_word_keeps_it_one_word() -> None:
    """ "Won't" is one word, and curly apostrophes read like straight ones."""

    found = features("We won\u2019t proceed")

    assert "p won't proceed" in found and "w won" not in found


def test_a_short_word_has_no_pieces_and_numbers_are_not_words() -> None:
    """Words of two letters are too short for a piece; "2026" is not a word."""

    found = features("we 2026")

    assert found == ["w we"]


def test_scores_add_the_weights_of_every_feature_occurrence_to_the_priors() -> None:
    """Each occurrence of a known feature adds its weights; unknown features add nothing."""
    weights = {"w yes": (1.0, -1.0, 0.0, 0.0, 0.0), "w maybe": (0.0, 0.0, 0.0, 2.0, 0.0)}
    priors = (0.5, 0.0, 0.0, 0.0, 0.25)

    totals = scores("Yes yes maybe banana", priors, weights)

    assert totals == [2.5, -2.0, 0.0, 2.0, 0.25]


def test_the_best_class_is_the_highest_score_with_its_lead_over_the_runner_up() -> None:
    """The class and how far it leads: the lead is what decides whether it is trusted."""
    weights = {"w regret": (0.0, 3.0, 0.0, 1.0, 0.0)}

    guess, lead = best_class("we regret", FLAT, weights)

    assert (guess, lead) == ("rejection", 2.0)


def test_a_tie_goes_to_the_first_class_and_leads_by_nothing() -> None:
    """Without any known feature every class ties: the first is named, with a zero lead."""

    guess, lead = best_class("hello", FLAT, {})

    assert (guess, lead) == (CLASSES[0], 0.0)
