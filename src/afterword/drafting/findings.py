"""The checker's rules, one function per kind of finding (codes are stable, snake_case).

| code | severity | what |
|---|---|---|
| ``placeholder`` | error | ``{{ }}``, ``{% %}``, ``[Name]``, ``<name>``, ``XXX``, ``TODO``, None |
| ``name_misspelled`` | error | a name, title, company or role spelled unlike the record |
| ``wrong_greeting`` | error | the greeting names someone else, or not the addressee |
| ``spelling`` | warning | a word the dictionary does not know |
| ``no_thanks`` | error | a thank-you that never says thank you |
| ``not_specific`` | warning | a thank-you with nothing of what the interviewer emphasised |
| ``promise_mismatch`` | error | a promised date that is not the plan's check-in |
| ``promise_without_check_in`` | warning | a promised date while nothing is planned |
| ``wrong_weekday`` | error | "Tuesday, March 16" when March 16 is a Monday |
| ``same_as_other_draft`` | error | nearly the same text as another interviewer's draft |
| ``too_long`` | warning | over 200 words (thank-you email) or 150 (check-in, expedite) |
| ``filler`` | warning / advice | "just checking in", "hope this finds you well" ... |
| ``missing_subject`` | error | an email without a subject |
| ``empty_body`` | error | nothing written |
"""

from __future__ import annotations

import difflib
import re
from typing import TYPE_CHECKING

from afterword.drafting.dates import format_day
from afterword.drafting.model import EMAIL_KINDS, Field, Finding, Severity
from afterword.drafting.names import find_greeting, name_words
from afterword.drafting.promises import find_dates, find_promises
from afterword.drafting.spelling import words_in
from afterword.rules.kinds import ACTIONS

if TYPE_CHECKING:
    from afterword.drafting.checker import CheckContext
    from afterword.drafting.names import NameIndex
    from afterword.drafting.spelling import Speller

THANK_YOU_KINDS = frozenset(info.draft for info in ACTIONS.values() if info.role == "thank_you")
# Emails and letters greet the addressee; a call script is spoken, portal steps address no one.
GREETED_KINDS = frozenset(info.draft for info in ACTIONS.values() if info.is_written)
# A call script is spoken, a portal visit writes nothing: neither promises a date to anyone.
PROMISING_KINDS = frozenset(
    info.draft for info in ACTIONS.values() if info.is_written and info.promises
)
WORD_LIMITS = {
    info.draft: info.word_limit for info in ACTIONS.values() if info.word_limit is not None
}
SAME_TEXT = 0.9
_KIND_WORDS = {
    "person": "this name",
    "company": "the company's name",
    "title": "this title",
    "role": "the role",
}

_TEMPLATE = re.compile(
    r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}|\{[^{}\n]{0,40}\}|\{\{|\}\}|\{%|%\}|[{}]"
    r"|%\(\w+\)[sdr]|%s\b|\$\{?[A-Za-z_]\w*\}?"
)
_BRACKETS = re.compile(r"\[[^\[\]\n]{0,40}[^\W\d][^\[\]\n]{0,40}\]|<\s*[A-Za-z_][\w .\-]{0,30}>")
_MARKERS = re.compile(r"\b(?:[Xx]{3,}|TODO|TBD|FIXME|TKTK)\b|_{3,}", re.IGNORECASE)
_NONE = re.compile(r"\bNone\b")
_OPENS_SENTENCE = re.compile(r"(?:^|[.!?]\s+|\n\s*)$")
_THANKS = re.compile(
    r"\b(?:thank|thanks|thankful|grateful|gratitude|appreciate[ds]?|appreciation|appreciative)\b",
    re.IGNORECASE,
)
_FILLER_PHRASES: list[tuple[str, Severity, str]] = [
    (
        r"\b(?:i\s+)?just\s+(?:wanted\s+to\s+)?(?:check(?:ing)?\s+in|follow(?:ing)?\s+up)\b",
        "warning",
        "says nothing the reader can act on: ask about the timing of their decision instead",
    ),
    (
        r"\b(?:touch(?:ing)?|circl(?:e|ing))\s+(?:base|back)\b",
        "warning",
        "is office filler: say plainly why you are writing",
    ),
    (
        r"\bbump(?:ing)?\s+(?:this|my)\b",
        "warning",
        "is office filler: say plainly why you are writing",
    ),
    (
        r"\bhope\s+(?:this|my)\s+(?:e-?mail|message|note|letter)\s+finds\s+you\s+well\b",
        "advice",
        "is a stock opening: start with why you are writing",
    ),
    (
        r"\b(?:i\s+know|i\s+realise|i\s+realize)\s+(?:that\s+)?(?:you['’]re|you\s+are)"
        r"\s+(?:very\s+|so\s+|extremely\s+)?busy\b",
        "advice",
        "apologises for writing; you have a good reason to write, so leave it out",
    ),
    (
        r"\b(?:sorry\s+to\s+(?:bother|trouble)\s+you|i\s+hate\s+to\s+bother\s+you)\b",
        "advice",
        "apologises for writing; you have a good reason to write, so leave it out",
    ),
    (
        r"\bper\s+my\s+(?:last|previous)\s+e-?mail\b",
        "advice",
        "sounds impatient: restate the point itself",
    ),
    (r"\bi\s+just\s+wanted\s+to\b", "advice", "is padding: say what you want directly"),
]
_FILLER = [
    (re.compile(pattern, re.IGNORECASE), severity, advice)
    for pattern, severity, advice in _FILLER_PHRASES
]

# Words too general to show that a note is about what one person emphasised.
_STOP = frozenset(
    {
        *("about", "above", "after", "again", "also", "been", "being", "both", "could", "does"),
        *("doing", "down", "during", "each", "from", "further", "have", "having", "here"),
        *("into", "more", "most", "much", "only", "other", "over", "same", "should", "some"),
        *("such", "than", "that", "their", "them", "then", "there", "these", "they", "this"),
        *("those", "through", "under", "very", "what", "when", "where", "which", "while"),
        *("will", "with", "would", "your", "yours", "just", "like", "make", "made", "really"),
        *("well", "need", "needs", "want", "wanted", "work", "team", "role", "company"),
        *("people", "thing", "things", "lots", "good", "great"),
    }
)
_SUFFIXES = ("ations", "ation", "ings", "ing", "ies", "ied", "ers", "er", "ed", "es", "s", "ly")


def _finding(
    code: str, severity: Severity, message: str, field: Field, start: int, end: int
) -> Finding:
    return Finding(code, severity, message, field, start, end)


def _quote(text: str) -> str:
    return f"“{' '.join(text.split())}”"


# ---------------------------------------------------------------- the words themselves


def placeholders(text: str, field: Field) -> list[Finding]:
    """Template syntax and placeholders left in the text, longest first where they overlap."""
    spans: list[tuple[int, int, str]] = []
    for pattern in (_TEMPLATE, _BRACKETS, _MARKERS):
        spans += [(m.start(), m.end(), m[0]) for m in pattern.finditer(text)]
    for match in _NONE.finditer(text):
        # "None of the other roles..." opening a sentence is English, not an empty value.
        opens = _OPENS_SENTENCE.search(text, 0, match.start()) is not None
        if not (opens and re.match(r"\s+(?:of|[a-z])", text[match.end() :])):
            spans.append((match.start(), match.end(), match[0]))
    found: list[Finding] = []
    for start, end, written in sorted(spans, key=lambda s: (s[0], -(s[1] - s[0]))):
        if found and start < found[-1].end:
            continue
        if written == "None":
            message = (
                "“None” stands where a name or detail should be: something was left empty. "
                "Write the missing detail instead."
            )
        else:
            message = (
                f"{_quote(written)} is a placeholder or template code that was never filled in. "
                "Replace it with the real words."
            )
        found.append(_finding("placeholder", "error", message, field, start, end))
    return found


def name_slips(text: str, field: Field, index: NameIndex) -> list[Finding]:
    found = []
    for slip in index.slips(text):
        what = _KIND_WORDS[slip.record.kind]
        if slip.written.lower() == slip.expected.lower():
            message = f"Write {what} as the record has it: {_quote(slip.expected)}."
        else:
            message = (
                f"{_quote(slip.written)} is spelled differently from the record: "
                f"{what} is {_quote(slip.expected)}."
            )
        found.append(_finding("name_misspelled", "error", message, field, slip.start, slip.end))
    return found


def misspellings(text: str, field: Field, speller: Speller) -> list[Finding]:
    found = []
    for slip in speller.misspellings(text):
        if slip.suggestion:
            message = (
                f"{_quote(slip.word)} looks misspelled: did you mean {_quote(slip.suggestion)}?"
            )
        else:
            message = (
                f"{_quote(slip.word)} is not in the dictionary. Check the spelling, or add the "
                "word to your word list if it is right."
            )
        found.append(_finding("spelling", "warning", message, field, slip.start, slip.end))
    return found


def wrong_weekdays(text: str, field: Field, context: CheckContext) -> list[Finding]:
    found = []
    for mention in find_dates(text, context.written_on, context.country, phrases=False):
        if mention.wrong_weekday:
            actual = format_day(mention.day, context.country)
            message = (
                f"{_quote(text[mention.start : mention.end])}: that date is {actual}, not a "
                f"{mention.wrong_weekday}. Correct the weekday or the date."
            )
            found.append(
                _finding("wrong_weekday", "error", message, field, mention.start, mention.end)
            )
    return found


def filler(text: str, field: Field) -> list[Finding]:
    found: list[Finding] = []
    for pattern, severity, advice in _FILLER:
        for match in pattern.finditer(text):
            if any(match.start() < f.end and f.start < match.end() for f in found):
                continue
            message = f"{_quote(match[0])} {advice}."
            found.append(_finding("filler", severity, message, field, match.start(), match.end()))
    return found


# ---------------------------------------------------------------- the message as a whole


def empty_body(body: str) -> list[Finding]:
    if body.strip():
        return []
    return [_finding("empty_body", "error", "The message is empty.", "body", 0, len(body))]


def subject_problems(subject: str, context: CheckContext) -> list[Finding]:
    if context.kind in EMAIL_KINDS and not subject.strip():
        message = "This email has no subject. Add one that names the role or the interview."
        return [_finding("missing_subject", "error", message, "subject", 0, len(subject))]
    return []


def _opening(body: str) -> tuple[int, int]:
    """The span of the first paragraph after the greeting: where thanks belongs."""
    greeting = find_greeting(body)
    start = greeting.end if greeting else 0
    text = body[start:]
    lead = len(text) - len(text.lstrip())
    start += lead
    end = body.find("\n\n", start)
    return start, len(body.rstrip()) if end < 0 else end


def greeting_problems(body: str, context: CheckContext) -> list[Finding]:
    """The greeting must name the addressee and nobody else of the case."""
    if context.kind not in GREETED_KINDS or not body.strip():
        return []
    addressee = context.addressee
    greeting = find_greeting(body)
    if addressee is None or greeting is None:
        return []
    own = {word.lower() for word in name_words(addressee)}
    own |= {word.lower() for word in name_words(context.salutation or "")}
    names_addressee = False
    others: list[str] = []
    for word, _, _ in greeting.words:
        if word.lower() in own:
            # The addressee's own name, even if a colleague shares it ("Dana").
            names_addressee = True
            continue
        people = context.index.names_of(word)
        if any(p.text == addressee for p in people):
            names_addressee = True
        others += [p.text for p in people if p.text != addressee and p.text in context.people]
    start, end = greeting.names_start, greeting.names_end
    if start == end:
        start, end = greeting.start, greeting.end
    if others:
        named = " and ".join(dict.fromkeys(others))
        message = (
            f"The greeting names {named}, but this message goes to {addressee}. "
            f"Greet {addressee} instead."
        )
        return [_finding("wrong_greeting", "error", message, "body", start, end)]
    if not names_addressee:
        message = (
            f"The greeting does not name {addressee}, who this message goes to: "
            f"write for example “Dear {addressee},”."
        )
        return [_finding("wrong_greeting", "error", message, "body", start, end)]
    return []


def _stem(word: str) -> str:
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def _key_words(text: str) -> set[str]:
    return {
        _stem(word.lower())[:6]
        for word, _, _ in words_in(text)
        if len(word) >= 4 and word.lower() not in _STOP
    }


def thank_you_problems(body: str, context: CheckContext) -> list[Finding]:
    """A thank-you says thank you (K4) and something only this interviewer would recognise."""
    if context.kind not in THANK_YOU_KINDS or not body.strip():
        return []
    start, end = _opening(body)
    found = []
    if not _THANKS.search(body):
        message = (
            "A thank-you note has to say thank you, and say it first: open by thanking them "
            "for the interview."
        )
        found.append(_finding("no_thanks", "error", message, "body", start, end))
    wanted = set().union(*(_key_words(text) for text in context.emphasis))
    if wanted and not wanted & _key_words(body):
        who = context.addressee or "the interviewer"
        said = "; ".join(" ".join(text.split()) for text in context.emphasis)
        message = (
            f"Nothing here picks up what {who} emphasised ({_quote(said)}). Mention it: a note "
            "tied to their own words is the one they remember."
        )
        found.append(_finding("not_specific", "warning", message, "body", start, end))
    return found


def promise_problems(body: str, context: CheckContext) -> list[Finding]:
    """A promised date must be the plan's check-in (K7, F6)."""
    if context.kind not in PROMISING_KINDS:
        return []
    found = []
    planned = context.planned_check_in
    for promise in find_promises(body, context.written_on, context.country):
        written = _quote(body[promise.start : promise.end])
        promised = format_day(promise.day, context.country)
        if planned is None:
            message = (
                f"This promises to follow up on {promised} ({written}), but no check-in is "
                "planned for this application. Leave the date out, or record it when you mark "
                "the message sent so that the plan follows it."
            )
            found.append(
                _finding(
                    "promise_without_check_in",
                    "warning",
                    message,
                    "body",
                    promise.start,
                    promise.end,
                )
            )
        elif not promise.earliest <= planned <= promise.day:
            plan_day = format_day(planned, context.country)
            meaning = (
                promised
                if promise.earliest == promise.day
                else f"{format_day(promise.earliest, context.country)} to {promised}"
            )
            said = (
                f"This promises {meaning}"
                if written == _quote(meaning)
                else f"{written} means {meaning}"
            )
            message = (
                f"{said}, but your plan checks in on {plan_day}. "
                f"Write {plan_day} so that the message and the plan agree."
            )
            found.append(
                _finding("promise_mismatch", "error", message, "body", promise.start, promise.end)
            )
    return found


def length_problems(body: str, context: CheckContext) -> list[Finding]:
    limit = WORD_LIMITS.get(context.kind)
    if limit is None:
        return []
    words = [m for m in re.finditer(r"\S+", body) if any(c.isalnum() for c in m[0])]
    if len(words) <= limit:
        return []
    message = (
        f"This email has {len(words)} words; keep it to {limit} or fewer. A short note is more "
        "likely to be read to the end."
    )
    return [_finding("too_long", "warning", message, "body", words[limit].start(), len(body))]


def _blanked(body: str, people: tuple[str, ...]) -> list[str]:
    """The body's words, lower case, with every person's name words blanked out."""
    names = {word.lower() for person in people for word in name_words(person)}
    return ["_" if w.lower() in names else w.lower() for w, _, _ in words_in(body)]


def sibling_problems(body: str, context: CheckContext) -> list[Finding]:
    """Two interviewers never get the same text (K4), even with the names swapped."""
    if not context.siblings or not body.strip():
        return []
    mine = _blanked(body, context.people)
    start = len(body) - len(body.lstrip())
    found = []
    for name, other in context.siblings:
        likeness = difflib.SequenceMatcher(None, mine, _blanked(other, context.people), False)
        if likeness.ratio() > SAME_TEXT:
            message = (
                f"This text is {round(likeness.ratio() * 100)}% the same as your draft to {name}. "
                "Each interviewer should get a note of their own: write about what this person "
                "emphasised."
            )
            found.append(
                _finding("same_as_other_draft", "error", message, "body", start, len(body.rstrip()))
            )
    return found
