"""Every kind of action the planner plans and every kind of event a case records, in one table.

Everything else that names a kind derives from here: the planner's schemas (``plan``, ``case``),
the JSON schema of the plan (``plan_schema``), the Django model choices, the labels of the web
pages, the calendar feed, the digest and the reminders, the drafts and the checker, the outbox
and the command line. A test (tests/test_kinds_listed_once.py) fails when a module lists
kinds by hand instead.

Adding a kind: add its name to ``ActionKind`` (or ``EventType``) and its row below; then teach
the planner when to plan it and ``drafting`` how to write it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal, get_args

ActionKind = Literal[
    "thank_you_email",
    "thank_you_letter",
    "check_in_email",
    "check_in_call",
    "check_portal",
    "expedite",
]
EventType = Literal[
    "thank_you_sent",
    "letter_sent",
    "check_in_sent",
    "call_no_answer",
    "reply",
    "other_offer",
    "next_round",
    "offer",
    "rejection",
    "withdrawn",
    "snoozed",
    "out_of_office",
]
# The draft each action opens (drafting's own names: a call gets a script, a portal visit steps).
DraftKind = Literal[
    "thank_you_email",
    "thank_you_letter",
    "check_in_email",
    "call_script",
    "portal_check",
    "expedite",
]
Channel = Literal["email", "phone", "post", "portal"]
MessageChannel = Literal["email", "phone"]
# What part of the follow-up an action is: thanking (K1-K7), checking in (F1-F8, H1-H4), or
# asking them to decide sooner (F9).
Role = Literal["thank_you", "check_in", "expedite"]
Medium = Literal["email", "letter", "script", "steps"]


@dataclass(frozen=True, slots=True)
class MediumInfo:
    """How a draft of one medium is presented and marked done on the draft page."""

    open_label: str  # the button on a planned action that opens its draft
    body_label: str  # what the big text box holds
    check_heading: str  # the checker's heading: what the user is about to do with the text
    done_question: str
    done_button: str


MEDIA: Mapping[Medium, MediumInfo] = {
    "email": MediumInfo("Draft", "Message", "Before you send", "Sent it?", "Mark sent"),
    "letter": MediumInfo(
        "Letter", "Letter, as it will be printed", "Before you print", "Posted it?", "Mark posted"
    ),
    "script": MediumInfo(
        "Script", "Script", "Before you call", "Made the call?", "Mark the call made"
    ),
    "steps": MediumInfo(
        "Draft",
        "What to look for",
        "Before you look",
        "Looked at the portal?",
        "Mark the portal checked",
    ),
}


@dataclass(frozen=True, slots=True)
class ActionKindInfo:
    name: ActionKind
    # What to do, as a task: Today, the board, the calendar, the digest, the reminders.
    label: str
    # The action as a thing ("a check-in call"): the plan table, the CLI's messages.
    noun: str
    # The draft it opens, and that draft's name (the draft page's heading, ``afterword draft``).
    draft: DraftKind
    draft_noun: str
    medium: Medium
    # The channel the planner gives it unless the employer's preference says otherwise.
    channel: Channel
    role: Role
    # Doing it records this event, with this channel (tracker: complete_action).
    done_event: EventType
    done_channel: MessageChannel | None
    # Marking it done may carry the date the user said they would check back (K7, F6).
    promises: bool
    # The checker's warning threshold for the text (words), if any.
    word_limit: int | None = None

    @property
    def is_email(self) -> bool:
        """Sent as an email: it has a subject and a recipient address, and the outbox sends it."""
        return self.medium == "email"

    @property
    def is_written(self) -> bool:
        """A text the addressee reads (email or letter): it greets them and may state a date."""
        return self.medium in ("email", "letter")

    @property
    def is_call(self) -> bool:
        """A phone call: it may go unanswered (H3)."""
        return self.medium == "script"

    @property
    def calendar_purpose(self) -> str:
        """The purpose part of its calendar UID. A check-in changes kind when it changes
        channel (three unanswered calls make it an email, H3) yet is the same next check-in,
        so every check-in kind shares one purpose and its event moves in place."""
        return "check-in" if self.role == "check_in" else self.name.replace("_", "-")

    @property
    def page(self) -> MediumInfo:
        return MEDIA[self.medium]


@dataclass(frozen=True, slots=True)
class EventTypeInfo:
    name: EventType
    # What happened, as the timeline says it.
    label: str
    # The fields an event of this type must carry (PLAN_FORMAT.md, event types).
    requires: tuple[str, ...] = ()
    # How the user tells it on the record-news form, in the first person; "" when it is
    # recorded some other way (a button, a sent draft, the inbox watcher).
    news: str = ""
    # For an event that decides the application: how the plan's closing note names it (F8).
    outcome: str = ""
    # The employer answered (the Stats page counts what got a reply).
    answer: bool = False
    # It ends the pending check-in (sent, unanswered call, reply): the next check-in is a new
    # step, with its own key in the web app, and earlier snoozes do not carry over to it.
    ends_check_in: bool = False


_ACTIONS: tuple[ActionKindInfo, ...] = (
    ActionKindInfo(
        "thank_you_email",
        label="Send a thank-you email",
        noun="Thank-you email",
        draft="thank_you_email",
        draft_noun="Thank-you email",
        medium="email",
        channel="email",
        role="thank_you",
        done_event="thank_you_sent",
        done_channel=None,
        promises=True,
        word_limit=200,
    ),
    ActionKindInfo(
        "thank_you_letter",
        label="Post a thank-you letter",
        noun="Thank-you letter",
        draft="thank_you_letter",
        draft_noun="Thank-you letter",
        medium="letter",
        channel="post",
        role="thank_you",
        done_event="letter_sent",
        done_channel=None,
        promises=True,
    ),
    ActionKindInfo(
        "check_in_email",
        label="Check in by email",
        noun="Check-in email",
        draft="check_in_email",
        draft_noun="Check-in email",
        medium="email",
        channel="email",
        role="check_in",
        done_event="check_in_sent",
        done_channel="email",
        promises=True,
        word_limit=150,
    ),
    ActionKindInfo(
        "check_in_call",
        label="Check in by phone",
        noun="Check-in call",
        draft="call_script",
        draft_noun="Call script",
        medium="script",
        channel="phone",
        role="check_in",
        done_event="check_in_sent",
        done_channel="phone",
        # The date agreed on the phone is typed in by hand, never read from the script.
        promises=True,
    ),
    ActionKindInfo(
        "check_portal",
        label="Look at the applicant portal",
        noun="Portal check",
        draft="portal_check",
        draft_noun="Portal check",
        medium="steps",
        channel="portal",
        role="check_in",
        # Looking at the portal is the check-in when the employer asked for it (H1).
        done_event="check_in_sent",
        done_channel="email",
        # A portal visit promises nobody anything.
        promises=False,
    ),
    ActionKindInfo(
        "expedite",
        label="Tell them about your other offer",
        noun="Expedite email",
        draft="expedite",
        draft_noun="Expedite email",
        medium="email",
        channel="email",
        role="expedite",
        done_event="check_in_sent",
        done_channel="email",
        promises=True,
        word_limit=150,
    ),
)

_EVENTS: tuple[EventTypeInfo, ...] = (
    EventTypeInfo("thank_you_sent", "Thank-you email sent", requires=("interview", "interviewer")),
    EventTypeInfo("letter_sent", "Letter posted", requires=("interview", "interviewer")),
    EventTypeInfo(
        "check_in_sent",
        "Checked in",
        requires=("channel",),
        news="I checked in",
        ends_check_in=True,
    ),
    EventTypeInfo(
        "call_no_answer", "Called, no answer", news="I called, nobody answered", ends_check_in=True
    ),
    EventTypeInfo("reply", "They replied", answer=True, ends_check_in=True),
    EventTypeInfo(
        "other_offer",
        "Another offer arrived",
        requires=("deadline",),
        news="I have another offer with a deadline",
    ),
    EventTypeInfo(
        "next_round", "Next round arranged", news="They invited me to another round", answer=True
    ),
    EventTypeInfo(
        "offer", "Offer received", news="They made me an offer", outcome="an offer", answer=True
    ),
    EventTypeInfo(
        "rejection",
        "Not selected",
        news="They chose someone else",
        outcome="a rejection",
        answer=True,
    ),
    EventTypeInfo("withdrawn", "You withdrew", news="I withdrew", outcome="your withdrawal"),
    EventTypeInfo("snoozed", "Snoozed", requires=("action", "interview")),
    EventTypeInfo("out_of_office", "Away (automatic reply)", requires=("until",)),
)

# Keyed by plain text, so that a database row's kind (a ``str``) looks up as well as a plan's.
ACTIONS: Mapping[str, ActionKindInfo] = {info.name: info for info in _ACTIONS}
EVENTS: Mapping[str, EventTypeInfo] = {info.name: info for info in _EVENTS}

ACTION_KINDS: tuple[ActionKind, ...] = get_args(ActionKind)
EVENT_TYPES: tuple[EventType, ...] = get_args(EventType)
DRAFT_KINDS: tuple[DraftKind, ...] = get_args(DraftKind)
CHANNELS: tuple[Channel, ...] = get_args(Channel)

THANK_YOU_KINDS: frozenset[ActionKind] = frozenset(
    info.name for info in _ACTIONS if info.role == "thank_you"
)
CONTACT_KINDS: frozenset[ActionKind] = frozenset(ACTION_KINDS) - THANK_YOU_KINDS
# The check-in kind for each channel the employer may prefer (H1, H2).
CHECK_IN_BY_CHANNEL: Mapping[str, ActionKind] = {
    info.channel: info.name for info in _ACTIONS if info.role == "check_in"
}
# The check-ins a message may announce (K7): those that reach a person.
ANNOUNCED_CHECK_INS: frozenset[ActionKind] = frozenset(
    info.name for info in _ACTIONS if info.role == "check_in" and info.promises
)
PROMISING_KINDS: frozenset[ActionKind] = frozenset(info.name for info in _ACTIONS if info.promises)
# A promised date is read from the text only where the text is what the addressee reads.
PROMISE_IN_TEXT_KINDS: frozenset[ActionKind] = frozenset(
    info.name for info in _ACTIONS if info.promises and info.is_written
)

DRAFT_KIND_FOR_ACTION: Mapping[ActionKind, DraftKind] = {info.name: info.draft for info in _ACTIONS}
ACTION_FOR_DRAFT: Mapping[DraftKind, ActionKindInfo] = {info.draft: info for info in _ACTIONS}

DECIDING_EVENTS: frozenset[EventType] = frozenset(info.name for info in _EVENTS if info.outcome)
ANSWER_EVENTS: frozenset[EventType] = frozenset(info.name for info in _EVENTS if info.answer)
CHECK_IN_ENDING_EVENTS: frozenset[EventType] = frozenset(
    info.name for info in _EVENTS if info.ends_check_in
)
EXPEDITE_KINDS: frozenset[ActionKind] = frozenset(
    info.name for info in _ACTIONS if info.role == "expedite"
)
THANK_YOU_EVENTS: frozenset[EventType] = frozenset(
    ACTIONS[kind].done_event for kind in THANK_YOU_KINDS
)


def action_label(kind: str) -> str:
    """The task wording of an action kind; a kind no longer known is shown as its name."""
    info = ACTIONS.get(kind)
    return info.label if info is not None else _as_words(kind)


def event_label(event_type: str) -> str:
    """What an event says on the timeline; a type no longer known is shown as its name."""
    info = EVENTS.get(event_type)
    return info.label if info is not None else _as_words(event_type)


def _as_words(name: str) -> str:
    return name.replace("_", " ").capitalize()
