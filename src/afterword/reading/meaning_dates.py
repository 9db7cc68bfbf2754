"""When a reply says the decision will come: the timing phrase near "decide", read as a range.

The phrase itself is read by the planner's parser (``afterword.rules.phrases.parse_phrase``), the
one reader of timing phrases in Afterword, which is English. Here we only find the phrase:

1. Timing words of German, French, Spanish, Dutch, Italian and Portuguese are put into English
   first ("bis Ende nächster Woche" -> "by end of next week", "d'ici le 15 avril" -> "by 15
   april"): month, weekday and number words by table, then the ways they combine by a small
   grammar (meaning_date_grammar.py), then the few idioms left by a table of phrases.
2. Every run of up to nine words that starts at a timing word ("by", "next", "mid", a weekday,
   a number) is tried, longest first; the parser's answer is kept, a PhraseError means "not a
   date". The tokens the parser lacks are read here: "monday-after thanksgiving" (the first
   Monday after it), "friday-before christmas", "first_half may" (days 1-15), "following-monday"
   (after the date named before).
3. Of the phrases found, the one nearest after a word about deciding or hearing back ("decide",
   "let you know", "an update", "Entscheidung", "réponse") wins, so "the panel meets on Thursday
   and we will write to everyone by Friday 27 March" gives the 27th.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from afterword.reading.meaning_date_guards import (
    another_event,
    cut_from_before,
    date_follows,
    glosses,
)
from afterword.reading.meaning_date_idioms import (
    FULL_WEEK,
    HALF,
    MONTH,
    WEEK_AFTER,
    WEEK_ON,
    WEEKDAY_FROM,
)
from afterword.reading.meaning_date_words import MONTH_NAMES, NOT, WEEKDAY_GROUP, in_english
from afterword.rules.phrases import DateRange, NotUnderstood, PhraseError, parse_phrase
from afterword.rules.phrases.named_days import NAMES as HOLIDAY_NAMES
from afterword.rules.phrases.named_days import table_names

# "by the end of the day on the 14th" is nine words; a run cut shorter reads today instead.
_MAX_WORDS = 9
_FURTHEST = timedelta(days=548)  # 18 months

# A run of words is tried only from one of these, and only if it holds a word about time.
_LEAD = re.compile(
    r"(?:by|before|within|until|till|in|on|around|next|this|early|mid|late|end|the|over|no|a|"
    # A numeric date starts one too: "19/06 at the latest".
    r"sometime|after|one|two|three|four|five|six|seven|eight|nine|ten|\d+\w*|\d+[/.-]\d+\S*|"
    # "Later this week", "towards the end of May", "once Easter is over", "up to ten more days".
    r"later|towards|toward|once|when|up|inside|between|first|wk|midweek|halfway|right|just|ahead|"
    r"eow|eom|eod|cob|weds|thurs|thur|tues|tmrw|tmw|"
    r"jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|"
    # "the decision will slip to mid-September": a hyphenated part of a month starts one too.
    r"(?:early|mid|late)-[\w-]+|" + "|".join(MONTH_NAMES) + "|" + WEEKDAY_GROUP[1:-1] + "|"
    r"today|tomorrow)$"
)
# Holidays by name count as time words: "until after the Spring Bank Holiday", "after Easter".
_TIME_WORD = re.compile(
    r"\d|\b(?:day|days|week|weeks|weekend|midweek|month|months|year|quarter|q[1-4]|today|"
    r"tomorrow|fortnight|weds|thurs|thur|tues|tmrw|tmw|"
    # Months cut short count after a word of time ("end of Nov / early Dec"), not alone:
    # "Jan" and "Mar" are names too.
    r"(?:of|early|mid|late|by|before|until) (?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)|"
    r"holiday|holidays|new year|"
    + "|".join(re.escape(name) for name in HOLIDAY_NAMES)
    + "|"
    + "|".join(MONTH_NAMES)
    + "|"
    + WEEKDAY_GROUP[1:-1]
    + r"|eod|cob|eow|eom)\b"
)
# Words about the decision or hearing back; the phrase after the nearest one is the date.
_CUE = re.compile(
    r"decid|decision|hear (?:from|back)|answer|news|update|outcome|back to you|in touch|"
    r"let (?:you|all|everyone|candidates|all candidates) know|contact|write to|wrap|"
    r"finali[sz]e|finish|confirm|result|notif|"
    r"entscheid|rückmeldung|melden|bescheid|informieren|décision|revien|recontact|répon|"
    r"choix|decisión|respuesta|contactar|informar|resultado|novedades|beslis|besluit|weten|"
    r"decisione|sapere|riscontro|decisão|resposta|retorno|hoor|horen|uitsluitsel|"
    r"entschied|décid|besloten|deciso|choice|keuze|scelta|escolha|elección|"
    # "De knoop wordt doorgehakt": the Dutch idiom for making the decision.
    r"knoop|"
    # News, in each language: "esperamos tener noticias a principios de septiembre".
    r"noticias|notícias|nouvelles|neuigkeiten|nachricht|nieuws|notizie|novità"
)
# The negation must be in the same clause: "we haven't decided, but we'll write before
# Thanksgiving" is a deadline, not "not before".
_CLAUSE_TURN = (
    r"\b(?:but|however|although|though|mais|pero|aber|maar|ma|mas|porém)\b|¦|"
    # "We haven't decided yet and will write before Christmas": "and" with a new verb or
    # subject starts a clause of its own, in each language.
    r"\b(?:and|et|und|y|en|e) (?:we|we'll|i|i'll|will|shall|hope|expect|plan|aim|nous|vous|"
    r"reviendr\w*|espérons|comptons|wir|ich|melden|werden|geben|hoffen|te|le|les|os|"
    r"esperamos|contamos|volveremos|laten|zullen|komen|hopen|verwachten|ti|vi|speriamo|"
    r"contiamo|lhe|vamos|iremos|daremos|voltaremos)\b"
)
_NEGATED_UNTIL = re.compile(NOT + rf"(?:(?!{_CLAUSE_TURN})[^.;])*\b(?:until|till|before)$")
_WEEKDAYS = {name: number for number, name in enumerate(WEEKDAY_GROUP[1:-1].split("|"))}


@dataclass(frozen=True, slots=True)
class FoundDate:
    range: DateRange
    sentence: int  # index of the sentence it was found in


def decision_range(
    sentences: list[str], sent_on: date, country: str, subdivision: str | None
) -> FoundDate | None:
    """The decision range the reply names, from its lower-cased sentences, or None.

    Of all the phrases found, the best is in a sentence with a cue, after a cue, and nearest to
    it: "out this week ... we hope to get back to you within 5 business days" gives the 5 days.
    """
    best: FoundDate | None = None
    best_rank: tuple[bool, bool, bool, int, int, int] | None = None
    then_best = False  # whether the best so far is a negated "before then"
    last: DateRange | None = None  # the last phrase read
    for index, sentence in enumerate(sentences):
        # A semicolon ends a clause: kept as the token "¦", where no phrase or negation crosses.
        # A colon inside a time ("17:00") stays: the run "by 17:00 cet on 13.11." reads whole.
        words = re.sub(
            r"[,!?()\"]|:(?!\d)|\.(?=\s|$)", " ", glosses(in_english(sentence)).replace(";", " ¦ ")
        ).split()
        cues = [at for at in range(len(words)) if _CUE.match(" ".join(words[at : at + 4]))]
        covered = 0  # words of a phrase already read are not read again on their own
        for start in range(len(words)):
            if last is not None and _negated_then(words, start):
                # "Out until the 16th, so no answer before then": the decision comes when the
                # date named before ends, whatever else the sentence says.
                before = [cue for cue in cues if cue <= start]
                distance = start - max(before) if before else len(words)
                rank = (bool(cues), bool(before), True, -distance, index, start)
                if best_rank is None or rank > best_rank:
                    best, best_rank = FoundDate(_when_then(last, sent_on), index), rank
                    then_best = True
            if start < covered:
                continue
            read_at = _phrase_at(words, start, sent_on, country, subdivision)
            if isinstance(read_at, int):
                covered = read_at  # a phrase read and refused: none of its words alone
                continue
            read = read_at
            if read is None:
                read = _counted(words, start, sent_on, country, subdivision, last)
            if read is None and last is not None:
                read = _weekday_following(words, start, last)
            if read is None:
                continue
            found, covered = read
            if cut_from_before(words, start):
                continue  # "week of the 21st" read from "the 21st" would be one day of it
            either = _either_or(words, covered, sent_on, country, subdivision)
            if either is not None and either[0].end >= found.start:
                # "Late this week or early next week": from the first to the last day named.
                found, covered = DateRange(found.start, either[0].end), either[1]
            last = found
            if another_event(words, start, cues):
                continue  # "your interview is booked for the 14th": named, but not the decision
            if any(start < cue < covered for cue in cues):
                # "the outcome by 10 July" is read from "by": a phrase holds no cue word.
                covered = start + 1
                continue
            before = [cue for cue in cues if cue <= start]
            distance = start - max(before) if before else len(words)
            # "Don't expect anything before early November" says when; it outranks nearness.
            negated = words[start] in ("until", "till", "before") and bool(
                _NEGATED_UNTIL.search(" ".join(words[: start + 1]))
            )
            # Ties go to the later phrase: the promise usually ends the sentence.
            rank = (bool(cues), bool(before), negated, -distance, index, start)
            # "Closed until the 3rd, so no news before then. We'll write in the week of the
            # 11th": a promise after a cue in a later sentence, after the day "then" points
            # to, says more than the negation.
            later = (
                then_best
                and best is not None
                and index > best.sentence
                and bool(before)
                and found.start > best.range.end
            )
            if best_rank is None or rank > best_rank or later:
                best, best_rank, then_best = FoundDate(found, index), rank, False
    return best


def _weekday_following(
    words: list[str], start: int, named: DateRange
) -> tuple[DateRange, int] | None:
    """ "Interviews end on the 19th; we'll call the following Monday": the first such weekday
    after the date named before, and where the phrase ends."""
    if words[start : start + 2] == ["following", "day"] and start and words[start - 1] == "the":
        # "The committee sits on 17 November; we'll tell you the following day."
        day = named.end + timedelta(days=1)
        return DateRange(day, day), start + 2
    weekday = _WEEKDAYS.get(words[start].removeprefix("following-"))
    if not words[start].startswith("following-") or weekday is None:
        return None
    day = named.end + timedelta(days=(weekday - named.end.weekday() - 1) % 7 + 1)
    return DateRange(day, day), start + 1


def _either_or(
    words: list[str], at: int, sent_on: date, country: str, subdivision: str | None
) -> tuple[DateRange, int] | None:
    """The phrase after an "or" at ``at``, if one is read there."""
    if at + 1 >= len(words) or words[at] not in ("or", "oder", "ou", "o"):
        return None
    read = _phrase_at(words, at + 1, sent_on, country, subdivision)
    return None if isinstance(read, int) else read


def _counted(
    words: list[str],
    start: int,
    sent_on: date,
    country: str,
    subdivision: str | None,
    named: DateRange | None,
) -> tuple[DateRange, int] | None:
    """The tokens of meaning_date_idioms.py, with "by", "until" or "before" in front of them:
    "the Monday after Thanksgiving", "the Friday before Christmas", "the first half of May"."""
    frame = words[start] if words[start] in ("by", "until", "before") else None
    if frame in ("until", "before") and _NEGATED_UNTIL.search(" ".join(words[: start + 1])):
        frame = None  # "not until the Monday after Easter": that Monday itself
    at = start + 1 if frame else start
    if at >= len(words):
        return None
    token = words[at]
    month = words[at + 1] if at + 1 < len(words) and MONTH.match(words[at + 1]) else None
    half, week_on, week_after = HALF.match(token), WEEK_ON.match(token), WEEK_AFTER.match(token)
    read: tuple[DateRange, int] | None = None
    if half and month:
        halved = _half_of(half[1], month, sent_on, country, subdivision)
        read = None if halved is None else (halved, at + 2)
    elif FULL_WEEK.match(token) and month:
        full = _first_full_week(month, sent_on, country, subdivision)
        read = None if full is None else (full, at + 2)
    elif WEEKDAY_FROM.match(token):
        read = _weekday_from(words, at, sent_on, country, subdivision, named)
    elif week_on:
        # "A week on Friday": a week after the coming Friday.
        coming = _nearest_weekday(DateRange(sent_on, sent_on), _WEEKDAYS[week_on[1]], True)
        day = coming.end + timedelta(days=7)
        read = DateRange(day, day), at + 1
    elif week_after and named is not None:
        read = _week_after(named, week_after[1]), at + 1
    if read is None or frame is None:
        return read
    found, end = read
    if frame == "before":
        return DateRange(sent_on, found.start - timedelta(days=1)), end
    return DateRange(sent_on, found.end), end


def _week_after(named: DateRange, part: str | None) -> DateRange:
    """The working week after the one named before, or its early, mid or late part."""
    monday = named.end + timedelta(days=(-named.end.weekday() - 1) % 7 + 1)
    first, last = {"early": (0, 1), "mid": (1, 3), "late": (3, 4)}.get(part or "", (0, 4))
    return DateRange(monday + timedelta(days=first), monday + timedelta(days=last))


def _first_full_week(
    month: str, sent_on: date, country: str, subdivision: str | None
) -> DateRange | None:
    """Monday to Friday of the month's first week that starts on a Monday in it."""
    try:
        whole = parse_phrase(month, sent_on, country, subdivision)
    except (PhraseError, ValueError):
        return None
    monday = whole.start + timedelta(days=-whole.start.weekday() % 7)
    return DateRange(monday, monday + timedelta(days=4))


def _half_of(
    half: str, month: str, sent_on: date, country: str, subdivision: str | None
) -> DateRange | None:
    """Days 1-15 of the month, or 16 to its end."""
    try:
        whole = parse_phrase(month, sent_on, country, subdivision)
    except (PhraseError, ValueError):
        return None
    middle = whole.start.replace(day=15)
    found = (
        DateRange(whole.start, middle)
        if half == "first"
        else DateRange(middle + timedelta(days=1), whole.end)
    )
    return found if found.end >= sent_on else None


def _weekday_from(
    words: list[str],
    at: int,
    sent_on: date,
    country: str,
    subdivision: str | None,
    named: DateRange | None,
) -> tuple[DateRange, int] | None:
    """ "monday-after thanksgiving": the first Monday after the day read next (the last one
    before it for "-before"); with no day after it, after the date named before; and with a
    word after it that is no day ("Tuesday after the interview"), the weekday alone."""
    counted = WEEKDAY_FROM.match(words[at])
    assert counted is not None
    weekday, after = _WEEKDAYS[counted[1]], counted[2] == "after"
    read = _longest_run(words, at + 1, at + 1, sent_on, country, subdivision)
    if isinstance(read, int):
        return None
    if read is not None:
        found, end = read
        return _nearest_weekday(found, weekday, after), end
    if after and named is not None and (at + 1 == len(words) or words[at + 1] == "¦"):
        return _nearest_weekday(named, weekday, after), at + 1
    try:
        return parse_phrase(counted[1], sent_on, country, subdivision), at + 1
    except (PhraseError, ValueError):
        return None


def _nearest_weekday(found: DateRange, weekday: int, after: bool) -> DateRange:
    if after:
        day = found.end + timedelta(days=(weekday - found.end.weekday() - 1) % 7 + 1)
    else:
        day = found.start - timedelta(days=(found.start.weekday() - weekday - 1) % 7 + 1)
    return DateRange(day, day)


def _negated_then(words: list[str], at: int) -> bool:
    """Whether ``at`` starts "before then" / "until then" after a negation in its clause."""
    return (
        words[at] in ("before", "until", "till")
        and words[at + 1 : at + 2] in (["then"], ["that"])
        and bool(_NEGATED_UNTIL.search(" ".join(words[: at + 1])))
    )


def _when_then(named: DateRange, sent_on: date) -> DateRange:
    """The day a negated "before then" points to: the last day of a span from the day sent
    ("out until the 16th"), or the range named itself ("back on the 16th", "early May")."""
    if named.start == sent_on < named.end:
        return DateRange(named.end, named.end)
    return named


def _phrase_at(
    words: list[str], start: int, sent_on: date, country: str, subdivision: str | None
) -> tuple[DateRange, int] | int | None:
    """The range read from the longest run of words from ``start``, and where the run ends
    (only where it ends when that run was read and refused)."""
    if not _LEAD.match(words[start]):
        return None
    # "May" starts a date only before a day number: "we may have news" is not the month.
    if words[start] == "may" and not "".join(words[start + 1 : start + 2])[:1].isdigit():
        return None
    lead = start
    if words[start] in ("until", "till", "before") and _NEGATED_UNTIL.search(
        " ".join(words[: start + 1])
    ):
        lead = start + 1  # "not ... until next week": the decision comes next week
    return _longest_run(words, start, lead, sent_on, country, subdivision)


def _longest_run(
    words: list[str], start: int, lead: int, sent_on: date, country: str, subdivision: str | None
) -> tuple[DateRange, int] | int | None:
    """The range read from the longest run of words from ``lead`` (at most nine from
    ``start``), and where the run ends; only where it ends when the longest run the parser
    reads is refused (over, too far ahead, a weekday that disagrees with its date), so that no
    shorter run inside it is read instead."""
    # A run stops before "following-monday" and the other tokens only _counted reads.
    stop = next(
        (
            at
            for at in range(start, len(words))
            if words[at].startswith(("following-", "¦"))
            or any(
                token.match(words[at])
                for token in (HALF, WEEKDAY_FROM, WEEK_ON, WEEK_AFTER, FULL_WEEK)
            )
        ),
        None,
    )
    last = min(len(words), start + _MAX_WORDS, len(words) if stop is None else stop)
    for end in range(last, lead, -1):
        phrase = " ".join(words[lead:end])
        # The holidays of the country's own table count too: "before Epiphany".
        holidays = _holiday_table(country, subdivision, sent_on)
        if not _TIME_WORD.search(phrase) and not holidays.search(phrase):
            continue
        try:
            found = parse_phrase(phrase, sent_on, country, subdivision)
        except NotUnderstood:
            continue
        except (PhraseError, ValueError):
            # Read and refused ("by 1 March 2026", "H1 2028", "Monday the 4th" on a Sunday):
            # fewer of its words would drop what made it wrong, so nothing here is a date.
            return end
        if end < last and date_follows(words, end):
            # "by the end of the day on the 14th", "before the shutdown on the 18th": the day
            # the phrase hangs on was dropped; what is left would be another date.
            return end + 2
        # No employer names a decision date further ahead; a longer answer is a misreading.
        return (found, end) if found.end <= sent_on + _FURTHEST else end
    return None


def _holiday_table(country: str, subdivision: str | None, sent_on: date) -> re.Pattern[str]:
    try:
        return table_names(country.upper(), subdivision, sent_on.year)
    except (KeyError, NotImplementedError, ValueError):
        return _NOTHING


_NOTHING = re.compile(r"(?!)")
