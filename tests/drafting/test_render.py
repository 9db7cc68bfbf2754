"""Rendering templates into paragraphs: sentences joined, lists kept, None refused."""

from __future__ import annotations

import pytest

from afterword.drafting.render import environment, layout


def test_lines_of_a_paragraph_join_into_prose():
    """One sentence per template line reads as one paragraph."""
    assert layout("First one.\nSecond one.\n\n\nNext paragraph.") == [
        "First one. Second one.",
        "Next paragraph.",
    ]


def test_list_items_and_lines_after_a_colon_keep_their_own_line():
    """Call scripts and portal steps stay lists."""
    text = "Ask for:\n- Dana Reyes\n- Phone: 555\n\n1. Sign in\n2. Look"

    assert layout(text) == ["Ask for:\n- Dana Reyes\n- Phone: 555", "1. Sign in\n2. Look"]


def test_a_template_that_prints_none_is_an_error_not_a_word_in_a_letter():
    """A missing guard around an optional fact fails loudly in tests instead of printing None."""
    template = environment().from_string("Dear {{ name }},")

    with pytest.raises(ValueError, match="printed None"):
        template.render(name=None)


def test_a_template_that_names_an_unknown_fact_is_an_error():
    """StrictUndefined: a misspelt variable never renders as an empty gap."""
    import jinja2

    with pytest.raises(jinja2.UndefinedError):
        environment().from_string("Dear {{ nmae }},").render()
