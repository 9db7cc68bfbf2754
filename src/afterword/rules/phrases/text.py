"""Turning what people type into the plain words the grammar reads, and taking off the frame."""

from __future__ import annotations

import re
from dataclasses import dataclass

_NUMBER_WORDS = {
    "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6",
    "seven": "7", "eight": "8", "nine": "9", "ten": "10", "eleven": "11", "twelve": "12",
    "fourteen": "14", "fifteen": "15", "twenty": "20", "thirty": "30",
}  # fmt: skip
_ORDINAL_WORDS = {
    "first": "1st", "second": "2nd", "third": "3rd", "fourth": "4th", "fifth": "5th",
    "sixth": "6th", "seventh": "7th", "eighth": "8th", "ninth": "9th", "tenth": "10th",
}  # fmt: skip
_NUMBER_WORD = re.compile(r"\b(" + "|".join(_NUMBER_WORDS | _ORDINAL_WORDS) + r")\b")
# "a week", "a month": the article is the number one, but "a couple of" / "a few" are not.
_ARTICLE_AS_ONE = re.compile(
    r"\ban? (?=(?:day|week|fortnight|month|year|business day|working day)s?\b)"
)
# Clock times and parts of a day say nothing about which day: "Friday at 3pm", "by noon tomorrow".
_CLOCK = re.compile(
    r"\b(?:at )?(?:\d{1,2}(?:[:.]\d{2})? ?(?:a\.?m\.?|p\.?m\.?)(?![a-z])|\d{1,2}:\d{2}\b|"
    r"noon\b|midday\b|midnight\b|"
    # "By 1700 on the 12th", "1430 CET": four digits as a time only before "on", "h" or a zone.
    r"(?:[01]\d|2[0-3])[0-5]\d ?(?:h\b|hrs\b)?(?= on\b| (?:cet|cest|gmt|bst|utc|et|pt)\b))"
    r"|\b(?:est|edt|et|pst|pdt|pt|cst|cdt|ct|mst|mdt|gmt|bst|cet|cest|utc|aest|aedt|awst)\b"
    r"|\b(?:(?:in|on) the )?(?:morning|afternoon|evening)\b|\bfirst thing\b"
)
# "First thing next week" is its Monday, not the whole week: read before clock words go.
_FIRST_THING_WEEK = re.compile(r"\bfirst thing (next week|this week|the week after next)\b")
# "End of day", "close of business", "EOD", "COB" name the working day itself.
_END_OF_DAY = re.compile(
    r"\b(?:(?:end|close) of (?:the )?(?:business day|working day|business|day|play)|"
    r"eod|cob|eob|eop)\b"
)
_WEEKDAY_WORDS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday"
_SYNONYMS = [
    (re.compile(pattern), replacement)
    for pattern, replacement in [
        (r"\btonight\b", "today"),
        (r"\b(?:year end|eoy)\b", "end of year"),
        (r"\b(?:quarter end|eoq)\b", "end of quarter"),
        (r"\b(?:month end|month's end|eom)\b", "end of month"),
        (r"\b(?:year's end)\b", "end of year"),
        # "The end of this calendar month": a calendar month is the month.
        (r"\bcalendar (?=month|year|week)", ""),
        # "In 2 wks", "Monday coming", "later today".
        (r"\bwks\b", "weeks"),
        (r"\bat (?:the )?outside\b", "at latest"),
        (r"\bweds\b", "wednesday"),
        (r"\bthurs?\b", "thursday"),
        (r"\b(?:tmrw|tmw|tomoz)\b", "tomorrow"),
        (rf"\b({_WEEKDAY_WORDS}|tomorrow|today) (?:am|pm)\b", r"\1"),
        # "The latter part of next week", "the early part of May": its late or early part.
        (r"\b(?:latter|later|last|back) part of\b", "late"),
        (r"\b(?:early|first|opening) part of\b", "early"),
        (r"\bmiddle part of\b", "mid"),
        (rf"^(?:on )?({_WEEKDAY_WORDS}) coming$", r"this coming \1"),
        (r"\blater (?=today$)", ""),
        # "Before we break for Christmas", "before the office closes for the holidays": before it.
        (
            r"\bbefore (?:we|(?:the )?(?:office|team|company|business)|everyone) "
            r"(?:break|breaks|close|closes|shut|shuts)(?: down| up)? for\b",
            "before",
        ),
        # "End of Nov / early Dec": a slash between two phrases joins them like "or".
        (r" / ", " or "),
        (r"\b(?:week end|eow)\b", "end of week"),
        (r"\bclose of (?=(?:this |next )?(?:week|month|quarter|year)\b)", "end of "),
        # "Before the month is out": by its end.
        (
            r"\b(?:before|by) (?:this )?(week|month|quarter|year) is (?:out|over|done)\b",
            r"by end of \1",
        ),
        # Parts named loosely: "towards the end of", "the tail end of", "toward the middle of".
        (r"\b(?:towards? (?:end|close)|tail end|back end) of\b", "late"),
        (r"\bhalfway through\b", "mid"),
        # "At the very latest", "right at the start of", "just before": the same day.
        (r"\bvery (?=latest|end|start|beginning|first|last)", ""),
        (r"\b(?:right|just) (?=at |before |by |on )", ""),
        # "Ahead of the weekend" is by the end of this working week.
        (r"\b(?:before|ahead of|by) weekend\b", "by end of week"),
        (r"\btowards? (?:middle of|mid)\b", "mid"),
        (r"\btowards? (?:start|beginning) of\b", "early"),
        # "The latter half of May", "the back half of next month".
        (r"\b(?:latter|back|last) half\b", "2nd half"),
        # More time asked for: "up to ten more days" is a deadline; "another 3 days" a day.
        (r"\bup to (?:a further |another )?(?=\d|few |couple )", "within "),
        (r"\bup to (?:a further|another) (?=(?:day|week|fortnight|month)\b)", "within 1 "),
        (r"\b(?:a further|another) (?=\d|few |couple )", ""),
        (r"\b(?:a further|another) (?=(?:day|week|fortnight|month)\b)", "1 "),
        (r"\blater (?:on )?(?=next month$)", ""),
        (
            r"\b(\d+) more (?=(?:business |working |work )?(?:day|week|fortnight|month|hour)s?\b)",
            r"\1 ",
        ),
        # "In the next week or two": the article of "a week or two" is missing after "next".
        (r"\b(next|coming) (day|week|month|fortnight) or (?=\d)", r"\1 1 \2 or "),
        # "Within the fortnight", "over the coming fortnight": one fortnight.
        (r"(?<![\d] )\bfortnight\b", "1 fortnight"),
        (r"\bthis side of\b", "before"),
        # "Between now and the 20th", "from now until Friday": by then.
        (r"\b(?:between now and|between today and|from now (?:until|till|to))\b", "by"),
        (r"\bwithin (week|working week)$", "by end of week"),
        (r"\bwk\b", "week"),
        (r"\b(days|weeks|months) ahead\b", r"coming \1"),
        # "The first few days of next month" are its early part.
        (r"\b1st (?:few )?days (?:of|in)\b", "early"),
        (r"\b(?:right|just|shortly|straight|soon|immediately) (?=after\b)", ""),
        (r"\bfourth of july\b|\bjuly 4th\b(?= (?:holiday|weekend|break)\b)", "independence day"),
        (r"\bnew year's eve\b", "31 december"),
        (r"\bst\.? (?=[a-z]+'s day\b)", "saint "),
        # "Once the holidays are over", "when Easter is over": after them.
        (
            r"\b(?:once|when) (.+?) (?:is|are|has been|have been) (?:over|done|finished|past)$",
            r"after \1",
        ),
        # "After the board meets on the 10th", "once the panel has met on Tuesday": after the
        # day of an event; the event's own words (letters only, no time word) are dropped.
        (
            r"\b(?:after|once|following) (?:(?!(?:end|start|beginning|middle|week|month|year|"
            r"quarter|weekend|business|working)\b)[a-z'-]+ ){1,5}?on (?=\S)",
            "after ",
        ),
        # "Before the Christmas shutdown on the 18th": before that day, not before Christmas.
        (
            r"\b(?:before|ahead of) (?:(?!(?:end|start|beginning|middle|week|month|year|"
            r"quarter|weekend|business|working)\b)[a-z'-]+ ){1,5}?on (?=\S)",
            "before ",
        ),
        (r"\bmidweek\b", "mid week"),
        (r"\bmid week (?=next week|this week|week after next)", "mid "),
        (r"\bmid week$", "mid this week"),
        (r"\bmidyear\b", "mid year"),
        (r"\blabour\b", "labor"),
        (r"\bxmas\b", "christmas"),
        (r"\bnew years?\b(?!')", "new year's"),
        (r"\bin new year's\b", "after new year's"),
        (r"\b(?:'s|') time$", " time"),
    ]
]
# Words that soften a date without moving it: "in about 3 weeks", "roughly mid-October".
_SOFTENERS = re.compile(
    r"\b(?:about|around|approximately|approx|roughly|sometime|some time|hopefully|probably|"
    r"likely|ideally|(?:at )?some (?:point|stage)(?: in| during)?|any ?time|circa|"
    r"on or (?:around|about))\b"
)
_ISH = re.compile(r"(?:-?ish| or so)$")


def normalise(text: str) -> tuple[str, bool]:
    """Lower-case plain words, and whether the text named the end of a working day."""
    text = text.lower().replace("\u2019", "'").replace("\u2013", "-").replace("\u2014", "-")
    text = _FIRST_THING_WEEK.sub(r"monday \1", text)
    text = _CLOCK.sub(" ", text)
    end_of_day = bool(_END_OF_DAY.search(text))
    text = _END_OF_DAY.sub(" ", text)
    # "mid-October", "mid-2027", but not the dash of "10th-12th"
    text = re.sub(r"(?<=[a-z])(?<!\d(?:st|nd|rd|th))-(?=[a-z0-9])", " ", text)
    text = re.sub(r"\b(jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.", r"\1", text)
    # "On Friday 19th (our panel day)": words in brackets without a number or a weekday
    # explain, not date; "the 3rd (a Tuesday)" keeps its weekday, and is not understood.
    text = re.sub(rf"\((?![^()]*\b(?:{_WEEKDAY_WORDS})\b)[^()\d]*\)", " ", text)
    text = re.sub(r"[,;:!?()\"]", " ", text)
    text = " ".join(text.split()).rstrip(". ")
    text = _NUMBER_WORD.sub(lambda m: (_NUMBER_WORDS | _ORDINAL_WORDS)[m.group(1)], text)
    text = _ARTICLE_AS_ONE.sub("1 ", text)
    text = _SOFTENERS.sub(" ", text)
    # "the" never changes the meaning ("the end of the month") and removing it halves the patterns.
    text = " ".join(word for word in text.split() if word != "the")
    for pattern, replacement in _SYNONYMS:
        text = pattern.sub(replacement, text)
    text = _ISH.sub("", " ".join(text.split()))
    return text.strip(), end_of_day


# Words that only carry the sentence around a date: "we'll be in touch", "you should hear back".
FILLER_WORDS = frozenset((
    "we", "we'll", "in", "we're", "we'd", "i", "i'll", "i'm", "you", "you'll", "you're", "they",
    "they'll", "team", "hiring", "manager", "recruiter", "panel", "company", "will", "would",
    "should", "shall", "may", "might", "can", "could", "hope", "hoping", "expect", "expecting",
    "aim", "aiming", "plan", "planning", "intend", "to", "be", "able", "have", "has", "make",
    "making", "a", "an", "our", "their", "your", "my", "decision", "decisions", "final", "update",
    "updates", "news", "answer", "feedback", "outcome", "response", "reply", "let", "know", "get",
    "getting", "back", "hear", "hearing", "from", "us", "them", "with", "touch", "reach", "out",
    "come", "contact", "respond", "confirm", "decide", "deciding", "is", "are", "expected", "it",
    "this", "that", "you'd", "should", "decision's", "am", "give", "allow", "need", "please",
    "more", "time"
))  # fmt: skip

_SPAN_AFTER_PREPOSITION = re.compile(
    r"^(?:in|over|within|during|for) (?:next|coming|following) "
    r"(?=\d|few |couple|several |(?:days|weeks|months|hours|week|month|day)$)"
)
_SPAN = re.compile(r"^(?:next|coming) (?=\d|few |couple )")
_DEADLINE = re.compile(
    r"^(?:by|within|inside|inside of|until|till|til|through|no later than|not later than|"
    r"on or before|latest by)"
    r"(?: |$)"
)
_BEFORE_END = re.compile(r"^before (?=end of )")
_BEFORE = re.compile(r"^(?:before|prior to|ahead of) ")
_AFTER = re.compile(r"^(?:after|following) ")
_OPENING = re.compile(r"^(?:on|at|in|from|between|during) ")
_AT_THE_LATEST = re.compile(r" at latest$")
_TAIL = re.compile(r" (?:time|from now|from today)$")


@dataclass(frozen=True, slots=True)
class Framed:
    core: str  # the words that name the dates
    deadline: bool = False  # "by X": from the reference to the end of X
    before: bool = False  # "before X": from the reference to the day before X
    after: bool = False  # "after X": the working days after X


def take_frame(core: str) -> Framed:
    """Take "by", "before", "after", "within the next", "at the latest" and the like off."""
    deadline = before = after = False
    while True:
        if _AT_THE_LATEST.search(core):
            core, deadline = _AT_THE_LATEST.sub("", core), True
        elif _TAIL.search(core):
            core = _TAIL.sub("", core)
        elif match := _SPAN_AFTER_PREPOSITION.match(core) or _SPAN.match(core):
            core, deadline = core[match.end() :], True
            # "the coming days" is a few days; "the next week" is one week.
            if core in ("days", "weeks", "months", "hours"):
                core = f"few {core}"
            elif core in ("day", "week", "month"):
                core = f"1 {core}"
        elif _DEADLINE.match(core):
            core, deadline = _DEADLINE.sub("", core, count=1), True
        elif _BEFORE_END.match(core):
            core, deadline = _BEFORE_END.sub("", core, count=1), True
        elif _BEFORE.match(core):
            core, before = _BEFORE.sub("", core, count=1), True
        elif _AFTER.match(core):
            core, after = _AFTER.sub("", core, count=1), True
        elif _OPENING.match(core):
            core = _OPENING.sub("", core, count=1)
        else:
            return Framed(core, deadline, before, after)
