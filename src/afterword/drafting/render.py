"""Rendering the Jinja2 templates into plain-text paragraphs.

Templates are written one sentence per line so that each sentence (and each of its variants)
is easy to read and edit. ``layout`` then turns the rendered text into prose:

- a blank line separates paragraphs;
- inside a paragraph, lines are joined with one space, except that a line starting with
  ``- `` or ``1. `` (a list item) and the line after one ending in ``:`` keep their own line.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache
from typing import Any

import jinja2

_LIST_ITEM = re.compile(r"^(?:- |\d+\. )")
_SPACES = re.compile(r"[ \t]+")


def _refuse_none(value: Any) -> Any:
    # StrictUndefined catches missing names; this catches a present name whose value is None,
    # which would otherwise print the word "None" into someone's letter.
    if value is None:
        raise ValueError("a template printed None: guard the value with {% if %}")
    return value


def upper_first(text: str) -> str:
    """Capitalise the first letter only: ``capitalize`` would lower "Junior Analyst" too."""
    return text[:1].upper() + text[1:]


@cache
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("afterword.drafting", "templates"),
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
        finalize=_refuse_none,
    )
    env.filters["upper_first"] = upper_first
    return env


def render_paragraphs(template: str, context: Mapping[str, Any]) -> list[str]:
    """Render ``template`` and return its paragraphs, each laid out as described above."""
    text = environment().get_template(template).render(**context)
    return layout(text)


def layout(text: str) -> list[str]:
    paragraphs: list[str] = []
    for block in re.split(r"\n\s*\n", text.strip()):
        lines: list[str] = []
        for raw in block.splitlines():
            line = _SPACES.sub(" ", raw).strip()
            if not line:
                continue
            if lines and not _LIST_ITEM.match(line) and not lines[-1].endswith(":"):
                lines[-1] = f"{lines[-1]} {line}"
            else:
                lines.append(line)
        if lines:
            paragraphs.append("\n".join(lines))
    return paragraphs
