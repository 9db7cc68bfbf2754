"""Warming a web process before gunicorn forks it: the tables a first draft and letter need."""

from __future__ import annotations

import sys

from afterword.drafting import spelling
from afterword.drafting.render import environment
from afterword.drafting.warm import warm_up


def test_it_loads_the_word_lists_templates_and_weasyprint() -> None:
    """After warm_up the spelling tables, every template and WeasyPrint are already loaded."""
    spelling._dictionary.cache_clear()
    environment.cache_clear()

    warm_up()

    assert spelling._dictionary.cache_info().currsize == 1
    templates = environment()
    assert len(templates.cache or {}) == len(templates.list_templates())
    assert "weasyprint" in sys.modules
