"""Checking in about the decision: when, how, and when to stop (F1-F9, H1-H3, T1, T2)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from operator import attrgetter

from afterword.rules.calendar import CLOSING, OPENING, BusinessCalendar
from afterword.rules.case import Case, Event, Interview, Interviewer
from afterword.rules.kinds import CHECK_IN_BY_CHANNEL, THANK_YOU_EVENTS
from afterword.rules.plan import Action, Note
from afterword.rules.wording import day_text


@dataclass(frozen=True, slots=True)
class ProfileParameters:
    first_check_in_business_days: int  # F4
    spacing_days: int  # F5


PROFILES = {
    "prompt": ProfileParameters(3, 7),
    "standard": ProfileParameters(5, 10),
    "patient": ProfileParameters(10, 14),
}
MAX_UNANSWERED_CHECK_INS = 3  # F7
MAX_UNANSWERED_CALLS = 3  # H3
GIVE_UP_AFTER = timedelta(days=60)  # F7
EARLY_SEARCH_WAIT = timedelta(days=14)  # F3
ASK_AGAIN_AFTER_REPLY = timedelta(days=7)  # F8
_BY_END_THEN_ROUND = attrgetter("end", "round")
# Every plan that checks in ends with this note; one immutable instance serves them all.
KEEP_APPLYING = Note(
    ("P1",),
    "While you wait, keep applying and networking: no single application is a sure thing.",
)


@dataclass(frozen=True, slots=True)
class FollowUp:
    actions: tuple[Action, ...]
    notes: tuple[Note, ...]
    gave_up: bool


@dataclass(slots=True)
class _Next:
    """The next check-in as the events so far decide it; ``{day}`` in ``why`` is filled last."""

    day: date
    rule: str
    why: str
    extra_rules: tuple[str, ...] = ()


def latest_interview(case: Case) -> Interview:
    if len(case.interviews) == 1:  # most cases: no times to compare
        return case.interviews[0]
    return max(case.interviews, key=_BY_END_THEN_ROUND)


def primary_interviewer(case: Case, latest: Interview) -> Interviewer | None:
    """The person check-ins go to: marked primary in the latest round, else its first listed."""
    for person in latest.interviewers:
        if person.primary:
            return person
    if latest.interviewers:
        return latest.interviewers[0]
    for interview in sorted(case.interviews, key=lambda i: i.end, reverse=True):
        for person in interview.interviewers:
            if person.primary:
                return person
        if interview.interviewers:
            return interview.interviewers[0]
    return None


def plan_follow_up(
    case: Case, calendar: BusinessCalendar, events: list[Event], now: datetime
) -> FollowUp:
    """Plan the one next check-in (and an expedite message when another offer is waiting).

    1. Start from the latest interview: agreed date (F2), decision date (F1), early search (F3)
       or the profile's default wait (F4).
    2. Replay the events since that interview: check-ins (F5, F6), unanswered calls (H3),
       replies (F8); remember the latest other offer (F9) and how long an automatic reply said
       they are away (a reply after it means they are back).
    3. Never before a stated decision or agreed date, nor while they are away; always on a
       business day (T1).
    4. Stop after three unanswered check-ins or past the 60-day horizon (F7).
    """
    profile = PROFILES[case.profile]
    latest = latest_interview(case)
    anchor = calendar.local_date(latest.end)
    primary = primary_interviewer(case, latest)
    who = primary.name if primary else "the hiring team"
    decision = latest.decision_by
    agreed = latest.agreed_follow_up
    named_dates = [anchor] + [d for d in (decision, agreed) if d is not None]

    nxt = _first_check_in(calendar, profile, latest, anchor, who)
    unanswered = 0
    unanswered_calls = 0
    other_offer: Event | None = None
    away_until: date | None = None
    notes: list[Note] = []
    for event in events:
        if event.type == "other_offer":
            other_offer = event
            continue
        if event.at < latest.start:
            continue  # it belongs to an earlier round, whose cycle ended with the next interview
        # The local day is worked out only by the branches that use it: it is a time zone
        # conversion, and thank-yous and snoozes, a third of all events, need none.
        if event.type == "check_in_sent":
            day = calendar.local_date(event.at)
            unanswered += 1
            unanswered_calls = 0
            mentioned = event.offer_mentioned is not False
            if other_offer is not None and event.at >= other_offer.at and mentioned:
                other_offer = None
            nxt = _after_check_in(event, day, profile)
        elif event.type in THANK_YOU_EVENTS and event.promised_next is not None:
            # A thank-you that announced when the user will check back binds like any
            # promise (K7, F6), but it is not a check-in: the unanswered count stays.
            nxt = _promised(event.promised_next, ("K7",))
        elif event.type == "call_no_answer":
            day = calendar.local_date(event.at)
            unanswered_calls += 1
            nxt = _after_unanswered_call(calendar, day, who, unanswered_calls)
        elif event.type == "out_of_office" and event.until is not None:
            # An automatic reply is not an answer: the counts stay, only the timing moves.
            away_until = max(away_until or event.until, event.until)
        elif event.type == "reply":
            day = calendar.local_date(event.at)
            away_until = None
            unanswered = 0
            unanswered_calls = 0
            if event.new_decision_by is not None:
                decision = event.new_decision_by
                named_dates.append(decision)
            nxt = _after_reply(calendar, event, day)
        elif event.type == "next_round" and not any(i.start >= event.at for i in case.interviews):
            day = calendar.local_date(event.at)
            notes.append(
                Note(
                    ("F8", "K1"),
                    f"A further round was arranged on {day_text(day)}: add it, with its "
                    "interviewers, so that they are thanked and the plan follows it.",
                )
            )

    nxt.day = calendar.on_or_after(nxt.day)
    _respect_stated_dates(nxt, calendar, decision, agreed, who)
    if away_until is not None and nxt.day <= away_until:
        nxt.day = calendar.after(away_until)
        nxt.rule, nxt.extra_rules = "F8", ("T1",)
        nxt.why = (
            f"An automatic reply said they are away until {day_text(away_until)}, so check in "
            "on {day}, the next business day after."
        )

    actions: list[Action] = []
    expedite = _expedite(case, calendar, latest, other_offer, primary, now)
    if expedite is not None:
        actions.append(expedite)

    horizon = max(named_dates) + GIVE_UP_AFTER
    if unanswered >= MAX_UNANSWERED_CHECK_INS:
        notes.append(
            Note(
                ("F7", "P1"),
                f"{unanswered} check-ins in a row have had no answer: stop here and put the "
                "energy into your other applications.",
            )
        )
        return FollowUp(tuple(actions), tuple(notes), gave_up=True)
    if nxt.day > horizon:
        notes.append(
            Note(
                ("F7", "P1"),
                f"The next check-in would fall after {day_text(horizon)}, 60 days past the last "
                "date they named: stop checking in and focus on other applications.",
            )
        )
        return FollowUp(tuple(actions), tuple(notes), gave_up=True)

    actions.append(_check_in_action(case, calendar, latest, primary, nxt, unanswered_calls, now))
    notes.extend(_capture_notes(case, latest, primary, actions[-1].channel, profile, decision))
    notes.append(KEEP_APPLYING)
    return FollowUp(tuple(actions), tuple(notes), gave_up=False)


def _first_check_in(
    calendar: BusinessCalendar,
    profile: ProfileParameters,
    latest: Interview,
    anchor: date,
    who: str,
) -> _Next:
    decision = latest.decision_by
    agreed = latest.agreed_follow_up
    if agreed is not None and (
        decision is None or calendar.on_or_after(agreed) >= calendar.after(decision)
    ):
        return _Next(
            agreed,
            "F2",
            f"{who} agreed you would follow up on {day_text(agreed)}; do it on {{day}}.",
        )
    if decision is not None:
        return _Next(
            calendar.after(decision),
            "F1",
            f"They said they would decide by {day_text(decision)}; if you have heard nothing, "
            "check in on {day}, the next business day.",
        )
    if latest.still_interviewing_others:
        return _Next(
            anchor + EARLY_SEARCH_WAIT,
            "F3",
            "They are still meeting other candidates, so give them two weeks after the "
            f"{day_text(anchor)} interview and check in on {{day}}.",
        )
    days = profile.first_check_in_business_days
    return _Next(
        calendar.add(anchor, days),
        "F4",
        f"No decision date was given, so check in {days} business days after the "
        f"{day_text(anchor)} interview, on {{day}}.",
    )


def _promised(day: date, extra_rules: tuple[str, ...] = ()) -> _Next:
    return _Next(
        day,
        "F6",
        f"You told them you would check back on {day_text(day)}; keep that promise on {{day}}.",
        extra_rules,
    )


def _after_check_in(event: Event, day: date, profile: ProfileParameters) -> _Next:
    if event.promised_next is not None:
        return _promised(event.promised_next)
    spacing = profile.spacing_days
    return _Next(
        day + timedelta(days=spacing),
        "F5",
        f"Your check-in on {day_text(day)} has had no answer; try once more about {spacing} days "
        "later, on {day}.",
    )


def _after_unanswered_call(
    calendar: BusinessCalendar, day: date, who: str, unanswered_calls: int
) -> _Next:
    if unanswered_calls >= MAX_UNANSWERED_CALLS:
        return _Next(
            calendar.after(day),
            "H3",
            f"{unanswered_calls} calls did not reach {who}, so write an email instead on {{day}}.",
        )
    return _Next(
        calendar.after(day),
        "H3",
        f"Your call on {day_text(day)} did not reach {who}; call again on {{day}} and leave no "
        "message.",
    )


def _after_reply(calendar: BusinessCalendar, event: Event, day: date) -> _Next:
    if event.new_decision_by is not None:
        return _Next(
            calendar.after(event.new_decision_by),
            "F8",
            f"They now expect to decide by {day_text(event.new_decision_by)}; if nothing arrives, "
            "check in on {day}.",
            ("F1",),
        )
    return _Next(
        day + ASK_AGAIN_AFTER_REPLY,
        "F8",
        f"They answered on {day_text(day)} without a decision; ask again a week later, on {{day}}.",
    )


def _respect_stated_dates(
    nxt: _Next, calendar: BusinessCalendar, decision: date | None, agreed: date | None, who: str
) -> None:
    """Never check in before the decision date they gave or the follow-up date agreed."""
    if decision is not None and nxt.day <= decision:
        nxt.day = calendar.after(decision)
        nxt.rule, nxt.extra_rules = "F1", ()
        nxt.why = (
            f"They said they would decide by {day_text(decision)}, so wait until the next "
            "business day, {day}, before checking in."
        )
    if agreed is not None and nxt.day < agreed:
        nxt.day = calendar.on_or_after(agreed)
        nxt.rule, nxt.extra_rules = "F2", ()
        nxt.why = f"{who} agreed you would follow up on {day_text(agreed)}; do it on {{day}}."


def _check_in_action(
    case: Case,
    calendar: BusinessCalendar,
    latest: Interview,
    primary: Interviewer | None,
    nxt: _Next,
    unanswered_calls: int,
    now: datetime,
) -> Action:
    channel: str = latest.preferred_channel or case.user.check_in_channel
    rules = [nxt.rule, *nxt.extra_rules, "H1" if latest.preferred_channel else "H2"]
    why = nxt.why.replace("{day}", day_text(nxt.day))
    if channel == "phone":
        if unanswered_calls >= MAX_UNANSWERED_CALLS:
            channel = "email"
            rules.append("H3")
        else:
            rules += ["H3", "H4"]
    if channel == "portal":
        why = (
            f"They asked candidates to follow the status on their portal; look there on "
            f"{day_text(nxt.day)} ({why[0].lower()}{why[1:].rstrip('.')})."
        )
    rules += ["T1", "T2"]
    closing = calendar.at(nxt.day, CLOSING)
    return Action(
        CHECK_IN_BY_CHANNEL[channel],
        latest.id,
        primary.id if primary is not None and channel != "portal" else None,
        channel,
        calendar.at(nxt.day, OPENING),
        calendar.at(nxt.day, time(case.user.contact_hour)),
        closing,
        tuple(dict.fromkeys(rules)),
        why,
        closing < now,
    )


def _expedite(
    case: Case,
    calendar: BusinessCalendar,
    latest: Interview,
    other_offer: Event | None,
    primary: Interviewer | None,
    now: datetime,
) -> Action | None:
    """Another offer with a deadline: tell them within one business day (F9)."""
    if other_offer is None or other_offer.deadline is None:
        return None
    if other_offer.deadline < calendar.local_date(now):
        return None
    received = other_offer.at.astimezone(calendar.tz)
    contact = time(case.user.contact_hour)
    same_day = calendar.is_business_day(received.date()) and received.timetz() < contact
    day = received.date() if same_day else calendar.after(received.date())
    who = primary.name if primary else "the recruiter"
    channel = "phone" if latest.preferred_channel == "phone" else "email"
    closing = calendar.at(day, CLOSING)
    return Action(
        "expedite",
        latest.id,
        primary.id if primary is not None else None,
        channel,
        calendar.at(day, OPENING),
        calendar.at(day, contact),
        closing,
        ("F9", "T1", "T2"),
        f"You must answer another offer by {day_text(other_offer.deadline)}; tell {who} on "
        f"{day_text(day)} so they can decide sooner.",
        closing < now,
    )


def _capture_notes(
    case: Case,
    latest: Interview,
    primary: Interviewer | None,
    channel: str,
    profile: ProfileParameters,
    decision: date | None,
) -> list[Note]:
    """Name the capture-checklist answers that are still missing and what was assumed instead.

    ``decision`` is the decision date in force: a reply may have supplied the one the interview
    lacked, and then there is nothing left to ask about.
    """
    notes = []
    if decision is None and latest.agreed_follow_up is None:
        wait = (
            "two weeks, as they are still meeting others"
            if latest.still_interviewing_others
            else f"{profile.first_check_in_business_days} business days ({case.profile} profile)"
        )
        notes.append(
            Note(
                ("C1", "F3" if latest.still_interviewing_others else "F4"),
                f"Round {latest.round} ended without a decision date, so the first check-in "
                f"waits {wait}; next time, ask when they expect to decide.",
            )
        )
    if latest.preferred_channel is None:
        notes.append(
            Note(
                ("C2", "H2"),
                f"You did not note how they like to be contacted, so check-ins go by {channel}; "
                "ask before you leave the next interview.",
            )
        )
    if primary is not None and channel == "email" and not primary.email:
        notes.append(
            Note(
                ("C3", "H1"),
                f"There is no email address for {primary.name}: ask the recruiter or the "
                "receptionist for it.",
            )
        )
    if primary is not None and channel == "phone" and not primary.phone:
        notes.append(
            Note(
                ("C3", "H3"),
                f"There is no phone number for {primary.name}: ask the recruiter for their "
                "direct line.",
            )
        )
    return notes
