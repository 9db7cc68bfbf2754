"""The draft checker: what to fix before a message goes out (K4, K6, K7, F6).

``context_for`` gathers, once per draft, what the record says: who the message goes to, how
names are spelled, what the interviewer emphasised, when the plan checks in, and the other
thank-you drafts of the same interview. ``check`` then reads a subject and body against it and
returns findings, each with a severity, a message for the job seeker and the exact span.

Checking is cheap enough to run on every keystroke: the context is built once, the speller and
the name matcher remember every word they have judged.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from afterword.drafting import findings as rules_of
from afterword.drafting import prose
from afterword.drafting.context import thanked_before
from afterword.drafting.material import checked_topics, kept_private, note_words
from afterword.drafting.model import DRAFT_KIND_FOR_ACTION, DraftKind, Field, Finding
from afterword.drafting.names import NameIndex, RecordName
from afterword.drafting.promises import find_promise
from afterword.drafting.spelling import Speller, record_words, words_of
from afterword.rules.calendar import BusinessCalendar
from afterword.rules.case import Case, Event, Interview, Interviewer
from afterword.rules.kinds import ACTIONS, ANNOUNCED_CHECK_INS
from afterword.rules.plan import Action, Plan
from afterword.rules.planner import plan as make_plan

_FIELD_ORDER = {"subject": 0, "body": 1}


@dataclass(frozen=True, slots=True)
class CheckContext:
    """What one draft is checked against; build it with ``context_for`` (or by hand in tests)."""

    kind: DraftKind
    country: str
    written_on: date
    addressee: str | None = None
    # Every person of the case by name, the addressee included.
    people: tuple[str, ...] = ()
    names: tuple[RecordName, ...] = ()
    # What the addressee and the interview emphasised (K4).
    emphasis: tuple[str, ...] = ()
    # The check-in date the plan holds for this message to promise, or None if it has none.
    planned_check_in: date | None = None
    # (interviewer name, body) of the other thank-you drafts of the same interview.
    siblings: tuple[tuple[str, str], ...] = ()
    # How the addressee is greeted, when the record says ("Dr Brandt", "Robin").
    salutation: str | None = None
    # Questions and private remarks from the notes: never to be told to the employer.
    private_notes: tuple[str, ...] = ()
    # Whether the drafts should have thanked already (a "thank you again" is then right).
    thanked_before: bool = False
    allowed_words: frozenset[str] = frozenset()
    index: NameIndex = field(init=False, repr=False, compare=False)
    speller: Speller = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "index", NameIndex(self.names))
        object.__setattr__(self, "speller", Speller(self.allowed_words))


def _interview(case: Case, interview_id: str) -> Interview:
    for interview in case.interviews:
        if interview.id == interview_id:
            return interview
    raise ValueError(f"the action names interview {interview_id!r}, which the case does not have")


def _person(case: Case, interview: Interview, person_id: str | None) -> Interviewer | None:
    """The addressee: as listed in the action's own interview, else in any round."""
    if person_id is None:
        return None
    for each in (interview, *case.interviews):
        for person in each.interviewers:
            if person.id == person_id:
                return person
    raise ValueError(f"the action names interviewer {person_id!r}, who is not in the case")


def _unique_people(case: Case) -> list[Interviewer]:
    seen: dict[str, Interviewer] = {}
    for interview in case.interviews:
        for person in interview.interviewers:
            seen.setdefault(person.id, person)
    return list(seen.values())


def _record_names(case: Case) -> list[RecordName]:
    names = []
    for person in _unique_people(case):
        names.append(RecordName(person.name, "person"))
        if person.title:
            names.append(RecordName(person.title, "title"))
    if case.candidate.name:
        names.append(RecordName(case.candidate.name, "person"))
    if case.employer.name:
        names.append(RecordName(case.employer.name, "company"))
    if case.role:
        names.append(RecordName(case.role, "role"))
    return names


def planned_check_in(
    case: Case, action: Action, now: datetime, plan: Plan, calendar: BusinessCalendar
) -> date | None:
    """The check-in day a message for ``action`` may promise, in the employer's zone.

    1. A thank-you promises the plan's check-in email or call (K7).
    2. A check-in, call or expedite message promises the one after it: the plan as it will be
       once this message is recorded as sent at the time it is written (F5).
    """
    kind = ACTIONS[action.kind]
    # Sending one of these records a check-in (tracker: complete_action): the plan moves on.
    if kind.done_event == "check_in_sent":
        sent_at = max(now, action.earliest)
        sent = Event(at=sent_at, type=kind.done_event, channel=kind.done_channel)
        plan = make_plan(case.model_copy(update={"events": (*case.events, sent)}), sent_at)
    check_in = next((a for a in plan.actions if a.kind in ANNOUNCED_CHECK_INS), None)
    return None if check_in is None else calendar.local_date(check_in.due)


def context_for(
    case: Case,
    action: Action,
    now: datetime,
    *,
    plan: Plan | None = None,
    extra_words: Iterable[str] = (),
    siblings: Sequence[tuple[str, str]] = (),
) -> CheckContext:
    """Everything the checker needs to know about the draft for ``action``.

    ``plan`` is the case's current plan (computed when not given); ``extra_words`` the user's
    word list; ``siblings`` the (interviewer name, body) of the other thank-you drafts of the
    same interview. Raises ValueError when the action does not belong to the case.
    """
    calendar = BusinessCalendar.for_employer(case.employer)
    interview = _interview(case, action.interview)
    person = _person(case, interview, action.interviewer)
    own = next((p for p in interview.interviewers if person and p.id == person.id), person)
    current = plan if plan is not None else make_plan(case, now)
    return CheckContext(
        kind=DRAFT_KIND_FOR_ACTION[action.kind],
        country=case.employer.country,
        written_on=calendar.local_date(max(now, action.earliest)),
        addressee=person.name if person else None,
        people=tuple(p.name for p in _unique_people(case)),
        names=tuple(_record_names(case)),
        emphasis=checked_topics(interview, own),
        planned_check_in=planned_check_in(case, action, now, current, calendar),
        siblings=tuple((name, body) for name, body in siblings if body.strip()),
        allowed_words=record_words(case) | words_of([*note_words(case), *extra_words]),
        salutation=person.salutation if person else None,
        private_notes=kept_private(interview),
        thanked_before=thanked_before(case, interview, person),
    )


def check(subject: str, body: str, context: CheckContext) -> list[Finding]:
    """Every finding for one draft, subject first, then by position.

    1. Placeholders and template syntax; names, titles and company against the record.
    2. Spelling, except inside what step 1 already flagged.
    3. The body as a message: greeting, thanks, specifics, promised dates, length, filler,
       sameness with the other interviewers' drafts; and the subject line.
    """
    found: list[Finding] = []
    parts: tuple[tuple[Field, str], ...] = (("subject", subject), ("body", body))
    for field_name, text in parts:
        flagged = rules_of.placeholders(text, field_name) + rules_of.name_slips(
            text, field_name, context.index
        )
        found += flagged
        found += [
            spelling
            for spelling in rules_of.misspellings(text, field_name, context.speller)
            if not any(_overlap(spelling, other) for other in flagged)
        ]
        found += rules_of.wrong_weekdays(text, field_name, context)
        found += rules_of.filler(text, field_name)
    found += rules_of.empty_body(body)
    found += rules_of.subject_problems(subject, context)
    found += rules_of.greeting_problems(body, context)
    found += rules_of.thank_you_problems(body, context)
    found += rules_of.promise_problems(body, context)
    found += rules_of.length_problems(body, context)
    found += rules_of.sibling_problems(body, context)
    found += _prose(subject, body, context)
    slots = {"subject": prose.slot_spans(subject), "body": prose.slot_spans(body)}
    # Inside a gap left for the user, only the gap itself is worth saying.
    found = [
        f
        for f in found
        if f.code == "user_slot" or not any(f.start < b and a < f.end for a, b in slots[f.field])
    ]
    return sorted(found, key=lambda f: (_FIELD_ORDER[f.field], f.start, f.end, f.code))


def _prose(subject: str, body: str, context: CheckContext) -> list[Finding]:
    """The writing itself (prose.py): gaps, capitals, shorthand, notes-like sentences, greeting,
    private notes and passages shared with another interviewer's draft."""
    known = context.speller.allowed
    found: list[Finding] = []
    for field_name, text in (("subject", subject), ("body", body)):
        name: Field = "subject" if field_name == "subject" else "body"
        found += prose.user_slots(text, name)
        if name == "body":
            found += prose.lower_case(text, name, context.kind)
        else:
            found += prose.lower_i(text, name)
        found += prose.shorthand(text, name, known)
        found += prose.list_punctuation(text, name)
    found += prose.fragments(body, context.kind)
    found += prose.title_only_greeting(body, context.kind)
    found += prose.private_notes(body, context)
    found += prose.shared_passages(body, context)
    found += prose.thanks_again(body, context)
    return found


def promised_next(body: str, context: CheckContext) -> date | None:
    """The day a message promises the next contact for, to record as ``promised_next`` when it
    is marked sent (K7, F6): the first promise's day (a range's last day), or None.

    A call script is spoken, not sent, so it promises nothing by itself.
    """
    if context.kind not in rules_of.PROMISING_KINDS:
        return None
    promise = find_promise(body, context.written_on, context.country)
    return None if promise is None else promise.day


def _overlap(a: Finding, b: Finding) -> bool:
    return a.field == b.field and a.start < b.end and b.start < a.end
