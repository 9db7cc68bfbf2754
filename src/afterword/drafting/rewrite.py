"""One note item rewritten as a clean phrase for a sentence, or refused.

``topic_phrase("wants sql + python")`` is "SQL and Python"; ``point_clause("passed 6 ACA exams
first time")`` is "I passed 6 ACA exams first time". What cannot be made into good English by
these simple rules comes back as None, and the draft asks the user for one sentence instead
(``slot``): a visible gap is better than a sentence the employer winces at.
"""

from __future__ import annotations

import re
from itertools import pairwise

from afterword.drafting.phrasing import lowered_start
from afterword.drafting.shorthand import EXPANSIONS, SYMBOLS, spelling
from afterword.drafting.spelling import in_dictionary, one_edit_from_a_word

MAX_TOPIC_WORDS = 16
MAX_POINT_WORDS = 20
SLOT_OPEN, SLOT_CLOSE = "[[", "]]"

# What notes put before the thing itself: "asked about my dbt exp", "big on SBAR".
_LEAD_IN = re.compile(
    r"^(?:(?:he|she|they|we)\s+)?(?:asked\s+(?:me\s+)?(?:a lot\s+)?(?:about|abt|re)|asked|"
    r"wants?|wanted|needs?|needed|big on|keen on|cares?\s+(?:a lot\s+)?about|focus(?:ed)?\s+on|"
    r"talked\s+(?:a lot\s+)?about|mentioned|stressed|emphasi[sz]ed|said|likes?|loves?|"
    r"interested in|lots\s+(?:on|about)|re:?|about|also|plus)\s+",
    re.IGNORECASE,
)
_BRACKETED = re.compile(r"\s*\([^()]*\)")
_SYMBOL = re.compile(r"(?:(?<=\s)|^)(?:\+|&|->|=)(?=\s|$)|~(?=\s?\d)")
_SPACED_SLASH = re.compile(r"\s+/\s+")
_OWN_PAST_JOB = re.compile(
    r"\b(at|in|from)\s+(?:(?:my|the)\s+)?(prev|previous|last|old|former)\s+"
    r"(job|role|company|employer|store|school|work|place)\b",
    re.IGNORECASE,
)
_THOUSANDS = re.compile(r"\b(\d{1,3})k\b", re.IGNORECASE)
_MILLIONS = re.compile(r"\b(\d+(?:\.\d+)?)m\b", re.IGNORECASE)
_TIMES = re.compile(r"\b(\d+)x\b", re.IGNORECASE)
_CODE = re.compile(r"[a-z]{1,4}\d{1,3}[a-z]?")
_BARE_DURATION = re.compile(
    r"(?<!\bfor)(?<!\bof)(?<!\bin)(?<!\bover) (\d+ (?:years|months|weeks))$"
)
_TOKEN = re.compile(r"^([\"'(]*)(.*?)([\"'),.]*)$")
_BAD_CHARACTERS = re.compile(
    r"[?!:;=<>\[\]{}|@#*~^+]|\.\.|(?<![A-Z])/(?![A-Z])|\s[-–—]+\s|[\u2190-\u21ff\u2300-\u23ff]"
)
# Marks a word taken for a name typed in lower case, until the phrase is judged whole.
_GUESSED_NAME = "\x00"
_WEAK_END = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "but",
        "of",
        "to",
        "for",
        "with",
        "in",
        "on",
        "at",
        "by",
        "from",
        "as",
        "that",
        "which",
        "who",
        "my",
        "your",
        "our",
    ]
)
_WEAK_START = frozenset({"and", "or", "but", "so"})
# A topic is a noun phrase: these words make it a clause (or a note about the process).
_FINITE = frozenset(
    [
        "is",
        "are",
        "was",
        "were",
        "am",
        "be",
        "been",
        "has",
        "have",
        "had",
        "will",
        "would",
        "can",
        "could",
        "did",
        "does",
        "do",
        "got",
        "required",
        "needed",
        "provided",
        "done",
        "ok",
        "okay",
        "available",
    ]
)
_PRONOUN_SUBJECT = frozenset(["he", "she", "they", "we", "it", "i", "i'm", "i've", "i'd", "you"])
# A point that opens with one of these is the user's own past action, missing its "I".
_OWN_ACTIONS = frozenset(
    [
        "led",
        "ran",
        "built",
        "did",
        "wrote",
        "grew",
        "cut",
        "hit",
        "won",
        "got",
        "made",
        "passed",
        "managed",
        "trained",
        "planned",
        "launched",
        "raised",
        "closed",
        "reduced",
        "saved",
        "volunteered",
        "worked",
        "commissioned",
        "taught",
        "completed",
        "finished",
        "organised",
        "organized",
        "delivered",
        "designed",
        "created",
        "started",
        "published",
        "presented",
        "speak",
        "have",
        "hold",
    ]
)
_STANDING = frozenset(
    ["certified", "registered", "qualified", "licensed", "accredited", "vetted", "bilingual"]
)
_STATE = frozenset(["current", "valid", "done", "complete", "completed", "renewed"])
_DETERMINERS = frozenset(["a", "an", "the", "my", "our", "this", "that", "these", "those", "some"])


def _words(text: str) -> list[str]:
    return text.split()


def _expanded(text: str) -> str | None:
    """Shorthand expanded, symbols as words, fixed spellings applied; None when a word looks
    like a typo (one letter from an ordinary word) that we cannot safely correct."""
    text = _unshouted(_BRACKETED.sub("", text))
    text = _SYMBOL.sub(lambda m: SYMBOLS[m[0].strip()] + (" " if m[0] == "~" else ""), text)
    text = _SPACED_SLASH.sub(" and ", text)
    text = _THOUSANDS.sub(lambda m: f"{m[1]},000", text)
    text = _MILLIONS.sub(lambda m: f"{m[1]} million", text)
    text = _TIMES.sub(lambda m: f"{m[1]} times", text)
    out: list[str] = []
    for token in text.split():
        lead, core, trail = _TOKEN.match(token).groups()  # type: ignore[union-attr]
        fixed = _word(core)
        if fixed is None:
            return None
        out.append(f"{lead}{fixed}{trail}")
    named = _names_guessed(out)
    if named is None:
        return None
    joined = " ".join(named)
    return _OWN_PAST_JOB.sub(lambda m: f"{m[1]} my previous {m[3].lower()}", joined)


def _unshouted(text: str) -> str:
    """Words typed in capitals for emphasis ("LUXURY SERVICE", "DEADLINES") in lower case;
    acronyms ("SQL", "NICE") as typed: a long ordinary word, or a run of ordinary words."""
    tokens = text.split(" ")
    plain = [
        t.isalpha() and t.isupper() and len(t) >= 3 and spelling(t) is None
        and in_dictionary(t.lower())
        for t in tokens
    ]  # fmt: skip
    out = []
    for i, token in enumerate(tokens):
        in_run = plain[i] and ((i > 0 and plain[i - 1]) or (i + 1 < len(tokens) and plain[i + 1]))
        out.append(token.lower() if plain[i] and (in_run or len(token) >= 7) else token)
    return " ".join(out)


def _word(core: str) -> str | None:
    lower = core.lower()
    if lower in EXPANSIONS:
        return EXPANSIONS[lower]
    fixed = spelling(core)
    if fixed is not None:
        return fixed
    if _CODE.fullmatch(core):
        return core.upper()  # "ks3", "cs1"
    if not core or not core.isalpha() or not core.islower():
        return core  # numbers, acronyms, names as typed ("SBAR", "eTAP", "Rotacloud")
    if in_dictionary(lower):
        return core
    if _derived_from_a_word(lower):
        return core  # "pseudonymisation": an ordinary word the list lacks
    if one_edit_from_a_word(lower):
        return None  # "recieve": a typo we will not guess at
    return _GUESSED_NAME + core[:1].upper() + core[1:]  # a name typed in lower case ("netsuite")


# Word endings that make ordinary words, never names: a word the list lacks but whose stem it
# knows ("pseudonymisation", "upskilling") stays as typed.
_SUFFIXES = (
    "isations",
    "izations",
    "isation",
    "ization",
    "ising",
    "izing",
    "ised",
    "ized",
    "ation",
    "ations",
    "ness",
    "ments",
    "ment",
    "ability",
    "ships",
    "ship",
    "less",
    "ful",
)


def _derived_from_a_word(word: str) -> bool:
    for suffix in _SUFFIXES:
        stem = word.removesuffix(suffix)
        if stem != word and len(stem) >= 4 and (in_dictionary(stem) or in_dictionary(stem + "e")):
            return True
    return False


def _names_guessed(words: list[str]) -> list[str] | None:
    """The words with the mark of a guessed name taken off; None when two guesses stand side
    by side ("un peu", "gehalt lt"): words in another language, not one name."""
    marked = [_GUESSED_NAME in w for w in words]
    if any(a and b for a, b in pairwise(marked)):
        return None
    return [w.replace(_GUESSED_NAME, "") for w in words]


def _acceptable(phrase: str, max_words: int) -> bool:
    words = _words(phrase)
    if not 1 <= len(words) <= max_words or _BAD_CHARACTERS.search(phrase):
        return False
    # "..., 3 really": a comma before a scrap of two words is a note, not a sentence.
    if any(len(part.split()) < 3 for part in phrase.split(", ")[1:]):
        return False
    return words[0].lower() not in _WEAK_START and words[-1].lower().strip(",.") not in _WEAK_END


def topic_phrase(text: str) -> str | None:
    """A noun phrase for what an interviewer cared about, ready to follow "about", or None."""
    stripped = _LEAD_IN.sub("", text.strip(" .,;:"), count=1)
    phrase = _expanded(stripped)
    if phrase is None or not _acceptable(phrase, MAX_TOPIC_WORDS):
        return None
    if _is_clause(phrase):
        return None
    if _ONE_NAMED_THING.fullmatch(phrase):
        phrase = f"the {phrase}"  # "ASYE programme" is one programme: "the ASYE programme"
    return _lowered(phrase)


# An acronym naming one thing of a countable kind ("ASYE programme", "CAPA process", "CA
# phase") needs its article in a sentence.
_ONE_NAMED_THING = re.compile(
    r"[A-Z][A-Z&]+\s+(?:programme|program|process|system|project|phase|framework|model|"
    r"platform|pipeline|migration|rollout|unit|ward|scheme|team|audit|module|portal|"
    r"tool|stack|standard|review|role|service|department)"
)


def _is_clause(phrase: str) -> bool:
    # A verb makes a clause, unless it sits in a relative clause ("pipelines that others can
    # maintain") or comes after "how"/"what" ("how the team works").
    head = re.split(
        r"\b(?:that|which|who|where|how|what|when|whether|before|after|until|while|because|if)\b",
        phrase.lower(),
    )[0]
    return bool({w.strip(",.") for w in head.split()} & (_FINITE | _PRONOUN_SUBJECT))


def states_a_fact(text: str) -> bool:
    """Whether a note about the interviewer is a statement ("client is a fintech", "EU ok")
    rather than a thing they cared about: no topic to name, and nothing for the user to fill."""
    stripped = _LEAD_IN.sub("", text.strip(" .,;:"), count=1)
    words = {w.strip(",.()").lower() for w in _BRACKETED.sub("", stripped).split()}
    return bool(words & (_FINITE | _PRONOUN_SUBJECT))


def _lowered(phrase: str) -> str:
    # A word with one fixed spelling ("Spark", "Go") keeps its capital at the start too.
    return phrase if spelling(phrase.split()[0]) else lowered_start(phrase)


def point_clause(text: str) -> str | None:
    """What the user forgot or wants to put right, as words to follow a colon, or None.

    1. Expand shorthand; a bare past action gets its "I" ("passed 6 exams" -> "I passed ...").
    2. A standing ("PMP certified") becomes "I am PMP certified"; a state ("cpr cert current")
       "my CPR certification is current".
    3. A bare noun phrase gets "my" ("LBP licence" -> "my LBP licence"); a single word is
       refused (it cannot say enough on its own).
    """
    phrase = _expanded(text.strip(" .,;:"))
    if phrase is None or _BAD_CHARACTERS.search(phrase):
        return None
    words = _words(phrase)
    if not words:
        return None
    first, last = words[0].lower(), words[-1].lower()
    verbs = [w for w in words if w.lower().strip(",.") in _FINITE | _OWN_ACTIONS]
    if last == "passed" and verbs == [words[-1]] and len(words) >= 2:
        words = ["I", "have", "passed", "the", *words[:-1]]  # "CTA papers passed"
        phrase, first, last, verbs = " ".join(words), "i", words[-1].lower(), words[2:3]
    has_verb = bool(verbs) and not (last in _STATE and verbs == [words[-1]])
    if has_verb and verbs == [words[-1]] and first not in _PRONOUN_SUBJECT | _DETERMINERS:
        return None  # "exams done": subject and verb out of order
    if has_verb:
        phrase = _BARE_DURATION.sub(r" for \1", phrase)
    elif _BARE_DURATION.search(phrase):
        return None  # "clean MVR 10 yrs"
    if first in _OWN_ACTIONS:
        phrase = f"I {phrase}"
    elif last in _STANDING and not has_verb:
        phrase = f"I am {phrase}"
    elif last in _STATE and not has_verb and len(words) >= 2:
        head = " ".join(words[:-1])
        own = head if head.split()[0].lower() in _DETERMINERS else f"my {head}"
        phrase = f"{own} is {words[-1]}"
    elif not has_verb and first not in _PRONOUN_SUBJECT:
        if len(words) < 2:
            return None
        if first not in _DETERMINERS:
            phrase = f"my {phrase}"
    if not _acceptable(phrase, MAX_POINT_WORDS):
        return None
    return _lowered(phrase)


def slot(item: str) -> str:
    """The one visible gap a draft leaves for the user: what to write about, in their words."""
    cleaned = re.sub(r"\s*(?:->|=>)\s*|\s+/\s+", ", ", item)  # "WMS -> scan accuracy"
    cleaned = re.sub(
        r"[?!;:()\[\]{}+&=~|]|[\u2190-\u21ff\u2300-\u23ff\u2600-\u27bf\U0001F000-\U0001FAFF]",
        " ",
        cleaned,
    )
    cleaned = re.sub(r"\s+,", ",", " ".join(cleaned.split()))
    hint = " ".join(cleaned.split()[:8]).strip(" ,") or "this point"
    return f"{SLOT_OPEN}Write one sentence about {hint}{SLOT_CLOSE}"
