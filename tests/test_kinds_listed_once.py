"""Kinds are listed once, in rules/kinds.py: nothing else in src/ lists them by hand.

A module may name one kind where it does something with that kind (the planner plans an
``expedite``); a collection of two or more kind names (a dict, set, list, tuple, Literal, list of
choices or choices class) is a copy of the table, and so is a kind name compared in a template.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

from afterword.rules.kinds import ACTION_KINDS, DRAFT_KINDS, EVENT_TYPES

SRC = Path(__file__).resolve().parents[1] / "src" / "afterword"
TABLE = SRC / "rules" / "kinds.py"
ACTION_NAMES = frozenset(ACTION_KINDS) | frozenset(DRAFT_KINDS)
EVENT_NAMES = frozenset(EVENT_TYPES)
# Names a file may list for a reason of its own, keyed by a part of its path (which survives a
# package being moved).
# The inbox's own words share names with events: what a reply means (an offer, a rejection,
# another round) and what a message is (a reply, an away notice). Confirming a meaning records
# the event of the same name.
INBOX_WORDS = frozenset({"offer", "rejection", "next_round", "reply", "out_of_office"})
# What a reply means is the public vocabulary of docs/MAIL_FORMAT.md, a contract of its own that
# happens to share words with events; the tracker maps a confirmed meaning to its event.
MEANING_WORDS = frozenset(
    {"offer", "rejection", "next_round", "withdrawn", "reply", "out_of_office"}
)
ALLOWED: dict[str, frozenset[str]] = {
    # The composer of each draft kind: where drafting learns to write a new kind.
    "drafting/compose.py": frozenset(DRAFT_KINDS),
    "/inbox/": INBOX_WORDS,
    "/reading/": MEANING_WORDS,
    # A career centre's reply rates count the events that are the employer's answer; the table
    # has no column for "came from the employer", and one list here is simpler than adding one.
    "coaching/statistics.py": frozenset({"reply", "offer", "rejection", "next_round"}),
}
_QUOTED = re.compile(r"""["']([a-z_]+)["']""")


def _allowed(path: Path) -> frozenset[str]:
    text = path.as_posix()
    return frozenset().union(*(names for part, names in ALLOWED.items() if part in text))


def _first_string(node: ast.expr | None) -> str | None:
    """A string constant, or the first item of a tuple such as a ``(value, label)`` choice."""
    if isinstance(node, ast.Tuple) and node.elts:
        node = node.elts[0]
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def _listed(node: ast.AST) -> list[str]:
    """The strings a collection literal holds (a dict's keys and values, each choice pair's
    value), or the values of a class's attributes (an enum or ``TextChoices`` of kinds)."""
    if isinstance(node, ast.Dict):
        items: list[ast.expr | None] = [*node.keys, *node.values]
    elif isinstance(node, ast.Set | ast.List | ast.Tuple):
        items = list(node.elts)
    elif isinstance(node, ast.ClassDef):
        items = [statement.value for statement in node.body if isinstance(statement, ast.Assign)]
    else:
        return []
    return [name for name in map(_first_string, items) if name is not None]


def lists_in_python(
    source: str, allowed: frozenset[str] = frozenset()
) -> list[tuple[int, list[str]]]:
    """(line, names) of every collection literal in ``source`` naming two or more kinds, not
    counting the ``allowed`` names."""
    found = []
    for node in ast.walk(ast.parse(source)):
        names = set(_listed(node)) - allowed
        for group in (ACTION_NAMES, EVENT_NAMES):
            hits = sorted(names & group)
            if len(hits) >= 2:
                found.append((getattr(node, "lineno", 0), hits))
    return found


def names_in_template(text: str) -> list[tuple[int, str]]:
    """(line, name) of every quoted action kind in a template: a comparison by hand."""
    return [
        (text.count("\n", 0, match.start()) + 1, match.group(1))
        for match in _QUOTED.finditer(text)
        if match.group(1) in ACTION_NAMES
    ]


def _sources(*suffixes: str) -> list[Path]:
    return sorted(
        path
        for path in SRC.rglob("*")
        if path.suffix in suffixes and "migrations" not in path.parts and path != TABLE
    )


def test_no_python_module_lists_kinds_by_hand() -> None:
    """Outside rules/kinds.py (and the allowed names), no literal collects two kind names."""
    modules = _sources(".py")

    found = [
        f"{path.relative_to(SRC)}:{line}: {', '.join(names)}"
        for path in modules
        for line, names in lists_in_python(path.read_text(encoding="utf-8"), _allowed(path))
    ]

    assert found == []


def test_no_template_compares_action_kinds_by_hand() -> None:
    """Templates ask the kinds table (``kind_info``), never compare a kind's name."""
    templates = _sources(".html", ".txt", ".j2")

    found = [
        f"{path.relative_to(SRC)}:{line}: {name}"
        for path in templates
        for line, name in names_in_template(path.read_text(encoding="utf-8"))
    ]

    assert found == []


def test_the_allowed_files_exist() -> None:
    """Every allow-list entry matches a file that is there, so a stale entry is noticed."""
    present = [path.as_posix() for path in _sources(".py")]

    missing = [part for part in ALLOWED if not any(part in path for path in present)]

    assert missing == []


def test_the_scan_skips_allowed_names() -> None:
    """Names allowed in a file do not count towards a listing."""
    source = 'MEANINGS = ("offer", "rejection", "withdrawn")\n'

    found = lists_in_python(source, frozenset({"offer", "rejection"}))

    assert found == []


def test_the_scan_catches_a_table_and_a_literal() -> None:
    """A dict keyed by kinds and a Literal of event types are both reported; one kind is not."""
    source = (
        'LABELS = {"check_in_call": "Call", "expedite": "Ask"}\n'
        'Kind = Literal["offer", "rejection"]\n'
        'if kind == "expedite": pass\n'
    )

    found = lists_in_python(source)

    assert found == [(1, ["check_in_call", "expedite"]), (2, ["offer", "rejection"])]


def test_the_scan_catches_choices_by_hand() -> None:
    """A list of (value, label) choices and a TextChoices class of kinds are both listings."""
    source = (
        'NEWS = [("offer", "They made me an offer"), ("withdrawn", "I withdrew")]\n'
        "class Kind(TextChoices):\n"
        '    EXPEDITE = "expedite", "Ask them"\n'
        '    CHECK_PORTAL = "check_portal", "Look"\n'
    )

    found = lists_in_python(source)

    assert sorted(found) == [(1, ["offer", "withdrawn"]), (2, ["check_portal", "expedite"])]


def test_the_scan_catches_a_kind_compared_in_a_template() -> None:
    """``{% if draft.kind == "check_in_call" %}`` is a comparison by hand."""
    text = '<p>\n{% if draft.kind == "check_in_call" %}Script{% endif %}</p>'

    assert names_in_template(text) == [(2, "check_in_call")]
