"""The checker's rules for the writing itself: what a careful person fixes before sending.

| code | severity | what |
|---|---|---|
| ``user_slot`` | error | a ``[[Write one sentence about ...]]`` gap still to fill |
| ``lower_case`` | error | "i", a month or a weekday, or a sentence start in lower case |
| ``shorthand`` | warning | note shorthand: "exp", "mgmt", "w/", "b/c", "+" for "and" |
| ``list_punctuation`` | warning | "+", "->", "|", "•", " / " or many semicolons in a sentence |
| ``fragment`` | warning | a sentence opening like a note ("Wants SQL."), an unfinished one |
| ``greeting_title_only`` | error | "Hi Dr.-Ing.,": a title with no name |
| ``private_note`` | error | a question or private remark from the notes, told to the employer |
| ``question_in_thanks`` | warning | a question in a thank-you note |
| ``shared_passage`` | warning | a long passage the same, word for word, as a sibling draft |
| ``thanks_again_too_early`` | error | "thank you again" before any thank-you was sent |
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from afterword.drafting.model import Field, Finding
from afterword.drafting.names import find_greeting
from afterword.drafting.rewrite import SLOT_CLOSE, SLOT_OPEN
from afterword.drafting.salutations import TITLE_WORDS
from afterword.drafting.shorthand import is_language, is_month_or_day, shorthand_words
from afterword.drafting.spelling import words_in
from afterword.rules.kinds import ACTIONS
from afterword.rules.kinds import THANK_YOU_KINDS as THANK_YOU_ACTIONS

if TYPE_CHECKING:
    from afterword.drafting.checker import CheckContext

# Drafts the addressee reads (an email or a letter), by their draft kind.
WRITTEN_KINDS = frozenset(info.draft for info in ACTIONS.values() if info.is_written)
THANK_YOU_KINDS = frozenset(ACTIONS[kind].draft for kind in THANK_YOU_ACTIONS)
# A run of this many words, the same in two interviewers' drafts, is a shared passage.
SHARED_RUN = 12
_SLOT = re.compile(re.escape(SLOT_OPEN) + r".*?" + re.escape(SLOT_CLOSE), re.DOTALL)
_ADDRESS_LIKE = re.compile(r"[@/]|\.\w|^(?:e\.g|i\.e|etc)\b")
_LOWER_I = re.compile(r"(?<![\w'’])i(?:['’](?:m|ve|d|ll))?(?![\w'’])")
# ...and the numbers of a list typed on one line ("feeds 2) data quality"), arrows and
# pictographs ("costs ↓10%", "😬").
_LIST_MARKS = re.compile(
    r"(?<=\w)\s+(?:\+|->|=>|\||/)\s+(?=\w)|•|(?<=\w)\s*->\s*(?=\w)"
    r"|(?<=\w\s)\d{1,2}\)(?=\s)|[\u2190-\u21ff\u2300-\u23ff\U0001F000-\U0001FAFF\u2600-\u27bf]"
)
_LOWER_TITLES = frozenset({"med", "rer", "nat", "ir", "drs", "dr"})
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+|\n+")
_NOTE_OPENING = re.compile(
    r"^(?:wants?|needs?|asked|said|says|mentioned|likes|loves|hates|seemed|seems|big on|"
    r"keen on|talked|stressed|re:)\b",
    re.IGNORECASE,
)
_ENDS_WELL = re.compile(r"[.!?:,;)\]\"”’]\s*$")
_STOP = frozenset(
    [
        "about",
        "after",
        "also",
        "been",
        "being",
        "from",
        "have",
        "having",
        "into",
        "just",
        "like",
        "more",
        "much",
        "only",
        "other",
        "over",
        "same",
        "some",
        "such",
        "than",
        "that",
        "their",
        "them",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "very",
        "what",
        "when",
        "where",
        "which",
        "while",
        "will",
        "with",
        "would",
        "your",
        "yours",
        "said",
        "asked",
        "ask",
        "check",
        "need",
        "want",
        "wants",
    ]
)


def _finding(code: str, severity: str, message: str, field: Field, start: int, end: int) -> Finding:
    return Finding(code, severity, message, field, start, end)  # type: ignore[arg-type]


def slot_spans(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _SLOT.finditer(text)]


def user_slots(text: str, field: Field) -> list[Finding]:
    message = (
        "Afterword could not turn this note into a good sentence: write one sentence of your "
        "own here, in place of the brackets."
    )
    return [_finding("user_slot", "error", message, field, a, b) for a, b in slot_spans(text)]


def lower_i(text: str, field: Field) -> list[Finding]:
    """A lower-case "i" ("i'm", "i've") where the writer means themselves."""
    found = []
    for match in _LOWER_I.finditer(text):
        message = f"Write “{match[0]}” with a capital: “{'I' + match[0][1:]}”."
        found.append(_finding("lower_case", "error", message, field, match.start(), match.end()))
    return found


def lower_case(text: str, field: Field, kind: str) -> list[Finding]:
    """Lower-case "i", months and weekdays (not "may" or "march"), and sentence starts."""
    found = lower_i(text, field)
    for word, start, end in words_in(text):
        if word.islower() and is_month_or_day(word):
            message = f"Months and days are written with a capital: “{word.capitalize()}”."
            found.append(_finding("lower_case", "error", message, field, start, end))
        elif word.islower() and is_language(word):
            message = f"Languages and peoples are written with a capital: “{word.capitalize()}”."
            found.append(_finding("lower_case", "error", message, field, start, end))
    for start, sentence in _sentences(text) if kind in WRITTEN_KINDS else ():
        first = sentence.lstrip()
        opening = first.split()[0]
        title = opening.endswith(".") and opening.rstrip(".").lower() in TITLE_WORDS
        if (
            first[:1].islower()
            and not _ADDRESS_LIKE.search(opening)
            and opening != "i"
            and not title  # "drs. Eva Bakker" heading a letter's address block
        ):
            at = start + len(sentence) - len(first)
            end = at + len(first.split()[0])
            message = "Start the sentence with a capital letter."
            found.append(_finding("lower_case", "error", message, field, at, end))
    return found


def _sentences(text: str) -> Iterator[tuple[int, str]]:
    """(start, text) of each sentence: a full stop, "!" or "?" and a space end one, as does a
    line break; "jamie@example.com" and "2.5" stay whole."""
    start = 0
    for match in _SENTENCE_BREAK.finditer(text):
        if _after_a_title(text, match.start()):
            continue  # "Dr. med. Andreas Wolf", "Dear Mx. de Jong": one sentence
        if text[start : match.start()].strip():
            yield start, text[start : match.start()]
        start = match.end()
    if text[start:].strip():
        yield start, text[start:]


def _after_a_title(text: str, at: int) -> bool:
    """Whether the full stop before ``at`` ends a title ("Dr.", "Mx.", "med."), not a sentence."""
    if text[at : at + 1] == "\n" or text[at - 1 : at] != ".":
        return False
    typed = text[:at].rsplit(None, 1)[-1].rstrip(".") if text[:at].strip() else ""
    word = typed.rsplit(".", 1)[-1].lstrip("-")
    # Titles are capitalised, but for the parts written in lower case ("Dr. med.", "drs.");
    # "... to meet me. then" still ends a sentence.
    return word.lower() in TITLE_WORDS and (word[:1].isupper() or word in _LOWER_TITLES)


def shorthand(text: str, field: Field, record_words: frozenset[str]) -> list[Finding]:
    found = []
    for word, start, end in shorthand_words(text):
        if word.lower() in record_words or word.isupper():
            continue  # a name of the record, or a code such as "REQ-1182"
        message = f"“{word}” is note shorthand: write the word out in a message."
        found.append(_finding("shorthand", "warning", message, field, start, end))
    return found


def list_punctuation(text: str, field: Field) -> list[Finding]:
    found = []
    for match in _LIST_MARKS.finditer(text):
        message = (
            f"“{match[0].strip()}” belongs in notes, not in a sentence: write “and”, “to” or a "
            "full sentence instead."
        )
        found.append(
            _finding("list_punctuation", "warning", message, field, match.start(), match.end())
        )
    for start, sentence in _sentences(text):
        if sentence.count(";") >= 2:
            message = "Several semicolons in one sentence read like a list of notes: split it."
            end = start + len(sentence)
            found.append(_finding("list_punctuation", "warning", message, field, start, end))
    return found


def _paragraphs(body: str) -> Iterator[tuple[int, str]]:
    for match in re.finditer(r"[^\n](?:.|\n(?!\s*\n))*", body):
        yield match.start(), match[0]


def fragments(body: str, kind: str) -> list[Finding]:
    """Sentences that open like notes, and paragraphs (not the greeting or the sign-off) that
    stop without a full stop."""
    if kind not in WRITTEN_KINDS:
        return []
    found = []
    paragraphs = list(_paragraphs(body))
    greeting = find_greeting(body)
    for index, (start, paragraph) in enumerate(paragraphs):
        # A letter's address blocks and date come before the greeting; they are not prose.
        if greeting is not None and start <= greeting.start:
            continue
        last = index == len(paragraphs) - 1
        for offset, sentence in _sentences(paragraph):
            opening = _NOTE_OPENING.match(sentence.lstrip())
            if opening:
                at = start + offset + len(sentence) - len(sentence.lstrip())
                message = (
                    "This reads like a note, not a sentence: say who did what "
                    "(“You mentioned ...”, “I ...”)."
                )
                found.append(
                    _finding("fragment", "warning", message, "body", at, at + opening.end())
                )
        first_line = paragraph.split("\n", 1)[0]
        unfinished = not _ENDS_WELL.search(first_line) and len(first_line.split()) > 3
        if not last and unfinished and _SLOT.search(paragraph) is None:
            message = "This sentence is unfinished: end it with a full stop."
            end = start + len(first_line)
            found.append(_finding("fragment", "warning", message, "body", start, end))
    return found


_THANKS_AGAIN = re.compile(r"\bthank(?:s| you)\s+(?:once\s+)?again\b", re.IGNORECASE)


def thanks_again(body: str, context: CheckContext) -> list[Finding]:
    """ "Thank you again" in a later message, when no thank-you has gone out yet."""
    if context.thanked_before or context.kind in THANK_YOU_KINDS:
        return []
    message = (
        "No thank-you has been sent for this interview yet, so there is nothing to thank them "
        "“again” for: thank them plainly, or send the thank-you first."
    )
    return [
        _finding("thanks_again_too_early", "error", message, "body", m.start(), m.end())
        for m in _THANKS_AGAIN.finditer(body)
    ]


def title_only_greeting(body: str, kind: str) -> list[Finding]:
    if kind not in WRITTEN_KINDS:
        return []
    greeting = find_greeting(body)
    if greeting is None or not greeting.words:
        return []
    if all(word.lower() in TITLE_WORDS for word, _, _ in greeting.words):
        message = (
            "The greeting has a title but no name: add the surname (“Dear Dr Brandt,”) or greet "
            "them by first name."
        )
        return [
            _finding(
                "greeting_title_only", "error", message, "body", greeting.start, greeting.names_end
            )
        ]
    return []


def _keys(text: str) -> set[str]:
    """The words that carry a note's meaning, cut to six letters ("parking", "parkin")."""
    return {w.lower()[:6] for w, _, _ in words_in(text) if len(w) >= 4 and w.lower() not in _STOP}


def _repeats(keys: set[str], note_keys: set[str]) -> bool:
    shared = keys & note_keys
    return len(shared) >= 2 and len(shared) >= 0.6 * len(note_keys)


def echoes_a_note(text: str, notes: tuple[str, ...], around: frozenset[str] = frozenset()) -> bool:
    """Whether ``text``, set among words whose keys are ``around`` (a template's own words,
    "your team"), reads as a repeat of one of the notes, by the rule ``private_notes`` applies
    (the record's words counted too, so a writer who avoids this is never flagged)."""
    keys = _keys(text)
    return any(
        keys & (note_keys := _keys(note)) and _repeats(keys | around, note_keys) for note in notes
    )


def keys_of(text: str) -> frozenset[str]:
    """The words of ``text`` as ``private_notes`` compares them."""
    return frozenset(_keys(text))


def private_notes(body: str, context: CheckContext) -> list[Finding]:
    """A question the user still has, or a private remark, must not reach the employer."""
    if context.kind not in WRITTEN_KINDS:
        return []  # a call script or a portal visit is the user's own crib sheet
    found = []
    # Words of the record (the role, the company, people) rightly appear in every draft: a
    # remark about "the data team" shares nothing private with "the Data Engineer role".
    record = {key for name in context.names for key in _keys(name.text)}
    kept = [(note, _keys(note) - record) for note in context.private_notes]
    kept = [(note, keys) for note, keys in kept if len(keys) >= 2]
    for start, sentence in _sentences(body):
        mine = _keys(sentence)
        for note, keys in kept:
            if _repeats(mine, keys):
                message = (
                    f"This repeats a note you kept for yourself (“{note}”): leave it out of a "
                    "message to the employer."
                )
                end = start + len(sentence.rstrip())
                found.append(_finding("private_note", "error", message, "body", start, end))
                break
    if context.kind in THANK_YOU_KINDS:
        for match in re.finditer(r"[^.!?\n]*\?", body):
            message = (
                "A thank-you note is not the place for open questions: ask them when you check "
                "in, or keep them for the next interview."
            )
            start = match.start() + len(match[0]) - len(match[0].lstrip())
            found.append(
                _finding("question_in_thanks", "warning", message, "body", start, match.end())
            )
    return found


def _own_words(body: str, names: tuple[str, ...]) -> list[tuple[str, int, int]]:
    """The words of ``body`` in lower case, with where they are, leaving out the words of the
    record's names (people, company, role): those are rightly the same in every draft."""
    left_out = {word.lower() for name in names for word, _, _ in words_in(name)}
    return [
        (m[0].lower(), m.start(), m.end())
        for m in re.finditer(r"[^\W_]+(?:['’][^\W_]+)*", body)
        if m[0].lower() not in left_out
    ]


def longest_shared_run(a: str, b: str, names: tuple[str, ...] = ()) -> tuple[int, int, int]:
    """(words, start, end): the longest run of words ``a`` shares with ``b``, the record's
    names left out, and where it is in ``a``."""
    mine = _own_words(a, names)
    theirs = _own_words(b, names)
    matcher = difflib.SequenceMatcher(
        None, [w for w, _, _ in mine], [w for w, _, _ in theirs], False
    )
    match = matcher.find_longest_match(0, len(mine), 0, len(theirs))
    if match.size == 0:
        return 0, 0, 0
    return match.size, mine[match.a][1], mine[match.a + match.size - 1][2]


def _after_greeting(body: str) -> int:
    # A letter's sender block and date are the same in every letter: only the text counts.
    greeting = find_greeting(body)
    return greeting.end if greeting is not None else 0


def shared_passages(body: str, context: CheckContext) -> list[Finding]:
    found = []
    offset = _after_greeting(body)
    for name, other in context.siblings:
        theirs = other[_after_greeting(other) :]
        names = (*context.people, *(name.text for name in context.names))
        size, start, end = longest_shared_run(body[offset:], theirs, names)
        start, end = start + offset, end + offset
        if size >= SHARED_RUN:
            message = (
                f"These {size} words are word for word the same as in your draft to {name}: "
                "colleagues compare notes, so say it in your own way here."
            )
            found.append(_finding("shared_passage", "warning", message, "body", start, end))
    return found
