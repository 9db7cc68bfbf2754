"""Notes as people type them, split into items and each item understood as what it is.

"pipeline testing, wants sql + python; asked about my dbt exp" holds three items. Each item is
one of:

- ``topic``: something the interviewer cared about (what a thank-you picks up, K4);
- ``logistics``: a fact about pay, hours, place, contract or benefits (never a reason for
  enthusiasm, so no sentence);
- ``question``: something the user still wants to know (kept for the user, never sent);
- ``point``: something the user forgot to say or wants to put right (C4);
- ``private``: a remark for the user's eyes only ("seemed bored lol").

Simple rules, in the order ``classify`` applies them; no learning, nothing hidden.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

ItemKind = Literal["topic", "logistics", "question", "point", "private"]
Source = Literal["emphasised", "forgot", "to_clarify"]


@dataclass(frozen=True, slots=True)
class NoteItem:
    """One thing a note says, as typed (``text``), and what it is."""

    text: str
    kind: ItemKind
    # For a point: whether it is about pay, hours, place or contract (it then goes to the
    # person who handles those, routing.py).
    logistics: bool = False


# Full stops that do not end a remark: titles and Latin abbreviations.
_NOT_AN_END = (
    r"(?<!\bdr\.)(?<!\bmr\.)(?<!\bms\.)(?<!\bmrs\.)(?<!\bprof\.)(?<!\bvs\.)"
    r"(?<!\bsr\.)(?<!\bsra\.)(?<!\be\.g\.)(?<!\bi\.e\.)"
)
# Remarks end at line breaks, bullets, semicolons and sentence ends. Not at a question mark:
# what follows it on the line belongs to the question ("OTE 45k?? base only 24k").
# A numbered list typed on one line ("1. leases 2. due diligence", "1) feeds 2) quality") is
# broken at each number, as at a bullet.
_NUMBERED = r"(?:^|(?<=\s))\(?\d{1,2}[.)-](?=\s+[^\W\d_])"
_REMARK_BREAKS = re.compile(
    rf"\n+|;|{_NUMBERED}|(?<=[.!]){_NOT_AN_END}\s+|^\s*[-*•]\s*|\s+\|\s+",
    re.IGNORECASE | re.MULTILINE,
)
# Inside a remark about the interviewer, spaced dashes and commas separate the things listed
# (a comma inside brackets does not).
# So do arrows ("WMS -> scan accuracy"), but for an arrow to a change ("SAS -> python
# migration" is one thing, a move).
_PART_BREAKS = re.compile(r"\s+[-–—]{1,2}\s+|,\s+(?![^()]*\))")
# A spaced slash joins two names for one thing ("ploegensysteem / shift system") or two things
# of a kind ("budget templates / excel macros"): the pair is judged together (below).
_SLASH = re.compile(r"\s+/\s+")
_GRADE = re.compile(r"(?:grade|level|step|scale|band|point|hew|ps)\s?\d+\w?", re.IGNORECASE)
_ARROW = re.compile(r"\s*(?:->|=>|→)\s*")
_CHANGE = re.compile(
    r"\b(?:migration|move|switch|transition|upgrade|conversion|rollout|shift|change)s?$",
    re.IGNORECASE,
)
# Emoji and pictographs say how the user felt; they are dropped from the words.
_PICTOGRAPHS = re.compile("[\U0001f000-\U0001faff\u2600-\u27bf\ufe0f\u200d]")
_PRIVATE = re.compile(
    r"\b(?:lol|lmao|ugh|hmm+|meh|tbh|imo|ngl|omg|wtf|vibes?|weird|bored|boring|rude|"
    r"distracted|creepy|awkward|burnt out|burned out|brutal|red flags?|note to self|"
    r"seemed|seems|i think|i guess|i hope|probably|hates?|nice!|was nice|smelled|messy|"
    r"chaotic|desperate|lowball\w*|turnover is high|high turnover|ugly|dodgy|sketchy|"
    r"working late a lot|were bad|was bad|is bad|hard to read)\b"
    r"|\bme:|\(private\)|!!!"
    # An observation about someone ("she was 10 min late", "he got emotional", "was quiet"),
    # or the user's own liking ("LOVED the studio"): said to no employer.
    r"|^(?:(?:he|she|they|the \w+)\s+)?(?:was|were|got|looked|felt|sounded)\b"
    r"|^(?:i\s+)?(?:loved|liked|disliked|hated|enjoyed)\b"
    # the user's own answer, typed after the question ("asked if ok w/ nights -> yes")
    r"|^(?:yes|no|yep|nope|ok|okay|sure|maybe|tbc|tbd)\W*$",
    re.IGNORECASE,
)
_QUESTION_START = re.compile(
    r"^\s*(?:ask|asking|need to ask|q:|check(?:\s+(?:if|whether|on))?|find out|not sure|"
    r"wonder|what(?:'s)?|when|where|which|who|how (?:much|many|long|often)|is|are|do|does|"
    r"did|will|would|can|could|should|didn'?t ask)\b",
    re.IGNORECASE,
)
_LOGISTICS = re.compile(
    r"\b(?:pay|paid|salary|salaries|comp|compensation|ote|bonus|commission|equity|"
    r"stock options|401k|pension|super|benefits?|medical aid|insurance|holidays?|vacation|"
    r"pto|leave|urlaub\w*|betriebsrente|hybrid|remote|wfh|relocation|relocate|relo|"
    r"visa|sponsorship|blue card|probation|probezeit|start date|notice period|contract|"
    r"cdi|part time|full time|parking|company car|car allowance|car|ute|van|petrol card|"
    r"mileage|discount|logement|housing|travel|reisetätigkeit|days off|split shifts?|"
    r"coupure|on ?call|overtime|sign on|union|allowance|per mile|hourly|per session|"
    r"flexi\w*|flexible (?:working|hours)|in office|office days|shifts?|"
    r"weekends?|saturdays?|sundays?|night shifts|provided|own tools|uniform|"
    r"study leave|band|pay point|wage|wages|tlr|malpractice|employee discount|"
    r"4x10s|hours|working hours|parking lot|commute|location|onsite|on site|"
    r"hrs|wknds?|ooh|out of hours|permit|work permit|"
    r"titre de séjour|residence permit|sponsor|sponsored|ir35|day rate|"
    # the same matters as people from other countries type them
    r"gehalt|lohn|brutto|netto|überzahlung|kv|tv-?l|tvöd|befristet|unbefristet|"
    r"sueldo|salario|neto|bruto|prestaciones|vales|aguinaldo|indefinido|"
    r"salaire|brut|mutuelle|tickets? resto|cdd|schaal|cao|gleitzeit|jobticket|jobrad|"
    r"homeoffice|home office|dienstwagen|\d+\.? monatsgehalt|13th month|urlaubsgeld|lgps|"
    r"\d+\s?(?:h|hr|hrs|hours?)\s?(?:/\s?|a |per )?(?:week|wk))\b"
    r"|\b\d+\s?on\s?\d+\s?off\b|\b\d{1,2}\s?-\s?\d{1,2}\s?(?:shifts?)?$"
    r"|\b\d+\s?x\s?(?:wk|week|a week|per week|mo|month)\b|/(?:yr|year)\b"
    # "1st years shadow partners", "2nd shift": how the job is arranged
    r"|^\d+(?:st|nd|rd|th)\b"
    r"|[$£€]\s?\d|\d+\s?%\s*(?:match|travel)"
    r"|\b\d+\s*days?\s*(?:holiday|leave|off|/\s?wk|a week|per week|in (?:the )?office)"
    r"|/hr\b|days?/wk\b",
    re.IGNORECASE,
)


def remarks(text: str | None) -> list[str]:
    """The separate remarks of a note: at line breaks, bullets, semicolons and sentence ends."""
    if text is None:
        return []
    found = []
    for part in _REMARK_BREAKS.split(text):
        cleaned = _clean(part or "")
        if cleaned:
            found.append(cleaned)
    return found


def _clean(text: str) -> str:
    cleaned = " ".join(_PICTOGRAPHS.sub(" ", text).split()).strip(" ,.;:!-–—*•")
    return cleaned if any(ch.isalnum() for ch in cleaned) else ""


def classify(item: str, source: Source) -> NoteItem:
    """What one remark is, by these rules in order:

    1. A private marker ("lol", "seemed", "i think", "ugh") makes it private.
    2. A question mark, or an opening such as "ask", "check", "is", "how much", makes it a
       question.
    3. Words about pay, hours, place, contract or benefits make it logistics (a point about
       them stays a point, marked as logistics).
    4. Otherwise it is a topic when it comes from what they emphasised, else the user's point.
    """
    if _PRIVATE.search(item):
        return NoteItem(item, "private")
    if "?" in item or _QUESTION_START.match(item):
        return NoteItem(item, "question")
    logistics = _LOGISTICS.search(item) is not None
    if source == "emphasised":
        return NoteItem(item, "logistics" if logistics else "topic")
    return NoteItem(item, "point", logistics=logistics)


def _arrowed(part: str) -> list[str]:
    return [part] if _CHANGE.search(part.strip()) else _ARROW.split(part)


def note_items(text: str | None, source: Source) -> list[NoteItem]:
    """Every item of a note, classified.

    A remark is judged whole first, so that a question mark or a private marker anywhere in it
    keeps all of it from the employer ("hourly rate - $38?"). A remark about the interviewer
    that passes is then split into the things it lists ("pipeline testing, wants sql"), each
    judged again; the user's own points stay whole, since each is said in one sentence.
    """
    items: list[NoteItem] = []
    for remark in remarks(text):
        whole = classify(remark, source)
        if whole.kind in ("private", "question") or source != "emphasised":
            items.append(whole)
            continue
        parts = [_clean(piece) for part in _PART_BREAKS.split(remark) for piece in _arrowed(part)]
        found: list[NoteItem] = []
        for part in parts:
            found += _alternatives([p for p in map(_clean, _SLASH.split(part)) if p], source)
        # "grade 6, 37 hrs, LGPS pension": beside pay and hours, a grade is a pay grade.
        if any(item.kind == "logistics" for item in found):
            found = [
                NoteItem(item.text, "logistics") if _GRADE.fullmatch(item.text) else item
                for item in found
            ]
        items += found
    return items


def _alternatives(parts: list[str], source: Source) -> list[NoteItem]:
    """The items of "a / b": one of them about pay, a question or private makes both so (they
    name one matter); a lone word beside a phrase is a term and its gloss ("gefahrstoffe /
    hazardous substances training"), and the phrase says it better."""
    judged = [classify(part, source) for part in parts]
    other = next((item.kind for item in judged if item.kind != "topic"), None)
    if len(judged) < 2:
        return judged
    if other is not None:
        return [NoteItem(item.text, other) for item in judged]
    phrases = [item for item in judged if len(item.text.split()) >= 2]
    return [
        item for item in judged if not phrases or len(item.text.split()) >= 2 or item.text.isupper()
    ]
