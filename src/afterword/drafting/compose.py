"""Composing the draft for a planned action: ``compose`` and ``compose_all``.

Drafts are pure functions of the case, the action and ``now``: the same input gives the same
text on every machine (sentence variants are chosen by SHA-256, never by ``hash()``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Literal

from afterword.drafting.follow_ups import call_script, check_in_email, expedite, portal_check
from afterword.drafting.model import DRAFT_KIND_FOR_ACTION, Draft, DraftKind, Tone
from afterword.drafting.phrasing import join_words
from afterword.drafting.render import render_paragraphs
from afterword.drafting.thank_you import thank_you_email, thank_you_letter
from afterword.drafting.variants import Chooser
from afterword.rules.calendar import BusinessCalendar
from afterword.rules.case import Case
from afterword.rules.plan import Action, Note, Plan
from afterword.rules.planner import plan as make_plan

TonePreference = Literal["auto", "formal", "warm"]
_Composer = Callable[[Case, BusinessCalendar, Action, datetime, Tone], Draft]
_FOLLOW_UPS: dict[DraftKind, _Composer] = {
    "thank_you_letter": thank_you_letter,
    "check_in_email": check_in_email,
    "call_script": call_script,
    "portal_check": portal_check,
    "expedite": expedite,
}
# The digest names this many employers and counts the rest.
MAX_NAMED_EMPLOYERS = 3


def tone_for(case: Case, preference: TonePreference = "auto") -> Tone:
    """The tone to write in: the user's choice, or (auto) warm only for a casual employer."""
    if preference == "formal" or preference == "warm":
        return preference
    return "warm" if case.employer.style == "casual" else "formal"


def compose(
    case: Case,
    action: Action,
    now: datetime,
    *,
    tone: Tone | None = None,
    plan: Plan | None = None,
    announce_check_in: bool = True,
) -> Draft:
    """The draft for one planned action.

    1. The tone is the one given, else the employer's (``tone_for``).
    2. The plan (computed when not given) supplies the check-in date a thank-you may announce;
       ``announce_check_in=False`` leaves that sentence out (K7 says the note *may* say it).
    3. The action's kind picks the composer: thank-you email or letter, check-in email, call
       script, portal check or expedite email.
    """
    chosen = tone or tone_for(case)
    calendar = BusinessCalendar.for_employer(case.employer)
    kind = DRAFT_KIND_FOR_ACTION[action.kind]
    if kind == "thank_you_email":
        current = plan if plan is not None else make_plan(case, now)
        return thank_you_email(case, calendar, action, current, now, chosen, announce_check_in)
    return _FOLLOW_UPS[kind](case, calendar, action, now, chosen)


def compose_all(case: Case, now: datetime, *, tone: Tone | None = None) -> list[Draft]:
    """One draft per planned action, in the plan's order."""
    current = make_plan(case, now)
    return [compose(case, action, now, tone=tone, plan=current) for action in current.actions]


def keep_searching_text(note: Note, waiting: Sequence[str]) -> str:
    """The keep-searching paragraph of the morning digest (P1).

    ``note`` is the planner's reminder (rules.search.keep_searching); ``waiting`` names the
    employers still to answer. A few are named, the rest counted, and a concrete first step is
    suggested, chosen by the names so that it stays put while the situation does.
    """
    names = list(dict.fromkeys(name.strip() for name in waiting if name.strip()))
    if len(names) > MAX_NAMED_EMPLOYERS:
        rest = len(names) - MAX_NAMED_EMPLOYERS
        names = [*names[:MAX_NAMED_EMPLOYERS], f"{rest} more" if rest > 1 else "one more"]
    chooser = Chooser("keep_searching|" + "|".join(sorted(waiting)))
    paragraphs = render_paragraphs(
        "keep_searching.j2",
        {"waiting": join_words(names), "note": note.text.strip(), "one_of": chooser.one_of},
    )
    return " ".join(paragraphs)
