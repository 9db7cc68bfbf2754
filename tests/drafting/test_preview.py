"""The live preview under a notes field: drafting/preview.py."""

from __future__ import annotations

from afterword.drafting.preview import preview_note


def test_each_item_shows_its_sentence_or_why_it_has_none():
    """Topics make a sentence; a question and an aside are kept for the user, with a reason."""
    items = preview_note("wants sql + python; hybrid 2 days/wk?; seemed bored lol", tone="warm")

    topic, question, aside = items
    assert topic.sentence is not None and "SQL and Python" in topic.sentence
    assert question.kind == "question" and question.sentence is None and question.reason
    assert aside.kind == "private" and "never sent" in (aside.reason or "")


def test_the_sentence_is_the_thank_you_templates_own():
    """A forgotten point previews as the formal template's sentence, ending in a full stop."""
    (item,) = preview_note("passed 6 ACA exams first time", "forgot", "formal")

    assert item.sentence is not None
    assert item.sentence.endswith("I passed 6 ACA exams first time.")


def test_an_item_that_needs_the_users_own_sentence_shows_its_slot():
    """ "CCNP" alone: the reason, and the gap the draft will show."""
    (item,) = preview_note("CCNP", "forgot")

    assert item.sentence is None and item.slot == "[[Write one sentence about CCNP]]"


def test_logistics_get_no_sentence():
    """Pay is not a reason for enthusiasm."""
    (item,) = preview_note("comp band 170-190")

    assert item.kind == "logistics" and item.sentence is None
