"""Drafts of planned messages: composed once per message, edited, checked and marked sent.

A draft row is keyed by what it is for (application, action kind, interview, person), not by
the Action row, which a re-plan replaces whenever the follow-up changes. So a draft the user
has edited is found again as long as the plan still asks for the same message.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import cast

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import QuerySet

from afterword import drafting
from afterword.drafting.checker import check, context_for, promised_next
from afterword.drafting.compose import TonePreference
from afterword.drafting.model import Finding, Letter, Tone
from afterword.rules import Action as PlannedAction
from afterword.rules import Case, Plan, case_from_data, plan
from afterword.rules.kinds import PROMISING_KINDS, THANK_YOU_KINDS
from afterword.tracker.models import Action, Application, Draft, Event
from afterword.tracker.preferences import settings_for
from afterword.tracker.services.case import build_case, employer_zone
from afterword.tracker.services.events import complete_action
from afterword.tracker.services.letter_text import letter_from_text

SUBJECT_MAX = Draft._meta.get_field("subject").max_length or 300
BODY_MAX = Draft._meta.get_field("body").max_length or 20000
_WORDS = re.compile(r"[^\s,;]+")


class DraftGone(ValidationError):
    """The plan no longer asks for this message (it was done, or news changed the plan)."""


@dataclass(frozen=True, slots=True)
class Planned:
    """An application as the planner sees it now, and the planned action a draft is for."""

    case: Case
    plan: Plan
    action: PlannedAction | None


def drafts_of(
    application: Application, kind: str, interview_id: int, interviewer_id: int | None
) -> QuerySet[Draft]:
    """The open drafts of one message; ``interviewer=None`` matches a NULL person."""
    # By ``interviewer`` rather than ``interviewer_id`` (the same SQL): django-stubs refuses None
    # on an ``_id`` lookup (typeddjango/django-stubs#3472).
    return Draft.objects.filter(
        application=application,
        kind=kind,
        interview_id=interview_id,
        interviewer=interviewer_id,
        sent_at__isnull=True,
    )


def planned_for(
    application: Application,
    kind: str,
    interview_id: int,
    interviewer_id: int | None,
    now: datetime,
) -> Planned:
    """Plan ``application`` at ``now`` and find the action of that kind for that person."""
    case = case_from_data(build_case(application, now), now)
    result = plan(case, now)
    person = f"p{interviewer_id}" if interviewer_id is not None else None
    found = next(
        (
            action
            for action in result.actions
            if action.kind == kind
            and action.interview == f"i{interview_id}"
            and action.interviewer == person
        ),
        None,
    )
    return Planned(case, result, found)


def planned_for_draft(draft: Draft, now: datetime) -> Planned:
    return planned_for(draft.application, draft.kind, draft.interview_id, draft.interviewer_id, now)


def stored_action(draft: Draft) -> Action | None:
    """The stored plan's row for the same message, if the plan still has it."""
    return (
        Action.objects.filter(
            application_id=draft.application_id,
            kind=draft.kind,
            interview_id=draft.interview_id,
            interviewer=draft.interviewer_id,
        )
        .select_related("application", "interviewer")
        .first()
    )


def preferred_tone(application: Application, case: Case) -> Tone:
    """The tone the user chose in settings, or the employer's style when they chose auto."""
    # The column's choices are exactly drafting's preferences (auto, formal, warm).
    preference = cast(TonePreference, settings_for(application.owner).tone)
    return drafting.tone_for(case, preference)


def open_draft(action: Action, now: datetime) -> Draft:
    """The open draft for ``action``'s message, composed and saved on first use.

    1. Lock the application row, so that two tabs opening the same message at once wait for
       each other and the second finds the first one's draft (SQLite's IMMEDIATE transactions
       serialise writers the same way). This is what keeps a single open draft for a message
       to no one in particular, where the unique constraint cannot help (NULL != NULL).
    2. Return the open draft with the same key if there is one: edits outlive re-planning.
    3. Otherwise plan afresh, find the matching planned action and compose it in the user's
       tone (settings, or the employer's style), then save it.
    """
    application = action.application
    key = (action.kind, action.interview_id, action.interviewer_id)
    try:
        with transaction.atomic():
            Application.objects.select_for_update().filter(pk=application.pk).exists()
            existing = drafts_of(application, *key).first()
            if existing is not None:
                return existing
            planned = planned_for(application, *key, now)
            if planned.action is None:
                raise DraftGone("The plan no longer asks for this message.")
            composed = drafting.compose(
                planned.case,
                planned.action,
                now,
                tone=preferred_tone(application, planned.case),
                plan=planned.plan,
            )
            return Draft.objects.create(
                application=application,
                owner_id=application.owner_id,
                kind=action.kind,
                interview_id=action.interview_id,
                interviewer_id=action.interviewer_id,
                tone=composed.tone,
                subject=composed.subject,
                body=composed.body,
            )
    except IntegrityError:
        # Another request created it between our look and our insert (a database without
        # row locks): theirs is the draft.
        return drafts_of(application, *key).get()


def normalised(text: str) -> str:
    """Browsers send a textarea's line breaks as CRLF; drafts keep plain LF."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _check_open(draft: Draft) -> None:
    if draft.sent_at is not None:
        raise ValidationError("This message is marked sent; it is kept as it went out.")


def save_draft(draft: Draft, subject: str, body: str) -> Draft:
    """Store the user's text, refusing what could not be sent (an empty body, too long)."""
    _check_open(draft)
    subject = normalised(subject).replace("\n", " ").strip()
    body = normalised(body).strip("\n")
    errors: dict[str, str] = {}
    if len(subject) > SUBJECT_MAX:
        errors["subject"] = (
            f"Keep the subject under {SUBJECT_MAX} characters (it has {len(subject)})."
        )
    if not body.strip():
        errors["body"] = "The message is empty; write something or switch the tone to start again."
    elif len(body) > BODY_MAX:
        errors["body"] = f"Keep the message under {BODY_MAX} characters (it has {len(body)})."
    if errors:
        raise ValidationError(errors)
    draft.subject, draft.body = subject, body
    draft.save(update_fields=["subject", "body", "updated_at"])
    return draft


def compose_again(draft: Draft, now: datetime, tone: Tone | None = None) -> drafting.Draft:
    """The draft as Afterword would write it now, in ``tone`` (default: the draft's own)."""
    planned = planned_for_draft(draft, now)
    if planned.action is None:
        raise DraftGone("The plan no longer asks for this message.")
    chosen = tone or _tone_of(draft) or preferred_tone(draft.application, planned.case)
    return drafting.compose(planned.case, planned.action, now, tone=chosen, plan=planned.plan)


def is_edited(draft: Draft, subject: str, body: str, now: datetime) -> bool:
    """Whether ``subject`` and ``body`` differ from what Afterword wrote in the draft's tone."""
    try:
        composed = compose_again(draft, now)
    except DraftGone:
        return True
    return (normalised(subject).strip(), normalised(body).strip()) != (
        composed.subject.strip(),
        composed.body.strip(),
    )


def retone(draft: Draft, tone: Tone, now: datetime) -> Draft:
    """Write the draft again in ``tone``; the caller asks the user first if they edited it."""
    _check_open(draft)
    if tone not in drafting.TONES:
        raise ValidationError({"tone": f"Choose one of: {', '.join(drafting.TONES)}."})
    composed = compose_again(draft, now, tone)
    draft.tone, draft.subject, draft.body = composed.tone, composed.subject, composed.body
    draft.save(update_fields=["tone", "subject", "body", "updated_at"])
    return draft


def spelling_words(text: str) -> tuple[str, ...]:
    """The user's word list (settings) as words: separated by spaces, commas or lines."""
    return tuple(_WORDS.findall(text))


def sibling_texts(draft: Draft, planned: Planned, now: datetime) -> tuple[tuple[str, str], ...]:
    """(name, body) of the other thank-yous of the same kind and interview, as they stand.

    Each other person's open draft where the user has one (with their edits), else the one
    already sent to them, else what Afterword would compose for them; the checker compares
    them with this one (K4: two interviewers never get the same text).
    """
    if draft.kind not in THANK_YOU_KINDS or planned.action is None:
        return ()
    rows = Draft.objects.filter(
        application_id=draft.application_id, kind=draft.kind, interview_id=draft.interview_id
    ).exclude(interviewer=draft.interviewer_id)
    texts: dict[int, tuple[str, str]] = {}
    # The latest sent text per person, replaced by their open draft where there is one.
    for row in (
        rows.filter(sent_at__isnull=False).order_by("-sent_at").select_related("interviewer")
    ):
        if row.interviewer is not None:
            texts.setdefault(row.interviewer.pk, (row.interviewer.name, row.body))
    for row in rows.filter(sent_at__isnull=True).select_related("interviewer"):
        if row.interviewer is not None:
            texts[row.interviewer.pk] = (row.interviewer.name, row.body)
    for action in planned.plan.actions:
        person = _row_id(action.interviewer)
        if (
            action.kind == draft.kind
            and action.interview == planned.action.interview
            and person is not None
            and person != draft.interviewer_id
            and person not in texts
        ):
            composed = drafting.compose(
                planned.case, action, now, tone=_tone_of(draft), plan=planned.plan
            )
            texts[person] = (composed.to_name or "", composed.body)
    return tuple(texts.values())


@dataclass(frozen=True, slots=True)
class Review:
    """What the checker says about a draft's text, and the date that text promises (K7)."""

    findings: list[Finding]
    promised: date | None


def review_draft(draft: Draft, subject: str, body: str, now: datetime) -> Review:
    """Check ``subject`` and ``body`` as the user has them now, and read their promise.

    The context comes from the application's case (names, company, role, the planned date),
    the user's own spelling words, and the sibling thank-yous of the same interview. A draft
    the plan no longer asks for has no context to check against: nothing is reported.
    """
    planned = planned_for_draft(draft, now)
    if planned.action is None:
        return Review([], None)
    context = context_for(
        planned.case,
        planned.action,
        now,
        plan=planned.plan,
        extra_words=spelling_words(settings_for(draft.application.owner).spelling_words),
        siblings=sibling_texts(draft, planned, now),
    )
    body = normalised(body)
    return Review(list(check(normalised(subject), body, context)), promised_next(body, context))


def check_draft(draft: Draft, subject: str, body: str, now: datetime) -> list[Finding]:
    """The checker's findings for the text as the user has it now (see ``review_draft``)."""
    return review_draft(draft, subject, body, now).findings


def send_blocker(findings: list[Finding]) -> str | None:
    """Why the message may not go out yet, or None: any error the checker reports blocks it.

    The draft page (to disable *Mark sent* and the send buttons), *Mark sent* and the outbox
    (to refuse a post that came anyway) all ask this of the same findings.
    """
    errors = [finding for finding in findings if finding.severity == "error"]
    if not errors:
        return None
    if any(finding.code == "user_slot" for finding in errors):
        return "Write your own sentence in place of the highlighted [[…]] first."
    count = "the problem" if len(errors) == 1 else f"the {len(errors)} problems"
    return f"Fix {count} marked “Fix before sending” first."


def sending_blocked(draft: Draft, subject: str, body: str, now: datetime) -> str | None:
    """Why ``subject`` and ``body`` may not be sent or marked sent yet (``send_blocker``)."""
    return send_blocker(check_draft(draft, subject, body, now))


def letter_for(draft: Draft, now: datetime) -> Letter:
    """The printed letter of a letter draft: Afterword's page layout with the user's text.

    The blocks (sender, date, recipient, sign-off) come from composing the letter afresh; the
    draft's text, as edited, decides what is printed. A letter already marked sent (no longer
    in the plan) is laid out for the same person all the same.
    """
    if draft.kind != "thank_you_letter":
        raise ValueError(f"a {draft.kind} draft is not a letter")
    planned = planned_for_draft(draft, now)
    action = planned.action or PlannedAction(
        kind="thank_you_letter",
        interview=f"i{draft.interview_id}",
        interviewer=f"p{draft.interviewer_id}" if draft.interviewer_id else None,
        channel="post",
        earliest=now,
        due=now,
        latest=now,
        rules=("K5",),
        why="",
    )
    tone = _tone_of(draft) or preferred_tone(draft.application, planned.case)
    composed = drafting.compose(planned.case, action, now, tone=tone, plan=planned.plan)
    assert composed.letter is not None
    return letter_from_text(composed.letter, draft.body)


def employer_today(application: Application, now: datetime) -> date:
    return now.astimezone(employer_zone(application)).date()


def mark_sent(draft: Draft, now: datetime, promised_next: date | None = None) -> Event:
    """Record that the message went out, and re-plan, in one transaction.

    1. Lock the application and read the draft again: it must still be open (two clicks, or
       two tabs, record one event).
    2. Refuse a promised date in the past, and a message the plan no longer asks for.
    3. Record the planner event for the kind (thank-you or letter to that person, a check-in
       by email or phone with the promised date); ``complete_action`` re-plans, so a promised
       date becomes the next check-in (K7, F6).
    4. Keep the draft as history: sent at ``now``, with its event and promise.
    """
    application = draft.application
    with transaction.atomic():
        Application.objects.select_for_update().filter(pk=application.pk).exists()
        fresh = Draft.objects.select_for_update().get(pk=draft.pk)
        _check_open(fresh)
        if promised_next is not None and promised_next < employer_today(application, now):
            raise ValidationError(
                {"promised_next": f"{promised_next:%a %d %b %Y} has already passed."}
            )
        if draft.kind not in PROMISING_KINDS:
            promised_next = None
        planned = stored_action(fresh)
        if planned is None:
            raise DraftGone("The plan no longer asks for this message, so it cannot be sent.")
        event = complete_action(planned, now, promised_next)
        fresh.sent_at, fresh.event, fresh.promised_next = now, event, promised_next
        fresh.save(update_fields=["sent_at", "event", "promised_next", "updated_at"])
    draft.refresh_from_db()
    return event


def _tone_of(draft: Draft) -> Tone | None:
    return next((tone for tone in drafting.TONES if tone == draft.tone), None)


def _row_id(case_id: str | None) -> int | None:
    """``p7`` (a case id written by build_case) back to the primary key 7."""
    return int(case_id[1:]) if case_id else None
