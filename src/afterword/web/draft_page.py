"""What the draft page shows: whom the message is for, why now, the checker's findings, links.

Kept apart from the views so that the full page and its htmx fragments build their pieces the
same way.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any
from urllib.parse import quote

from django.http import HttpRequest
from django.urls import reverse

from afterword.drafting.letters import paper_for_country
from afterword.drafting.model import Finding
from afterword.drafting.prose import slot_spans
from afterword.rules.kinds import ACTIONS, PROMISE_IN_TEXT_KINDS, ActionKindInfo
from afterword.site.pages import local_today
from afterword.tracker.models import Draft
from afterword.tracker.preferences import settings_for
from afterword.tracker.services.drafts import review_draft, send_blocker, stored_action
from afterword.web.forms.drafts import TONE_NAMES, DraftForm, SentForm

SEVERITY_LABELS = {"error": "Fix before sending", "warning": "Check this", "advice": "Tip"}
# Every code the checker reports (drafting/findings.py, drafting/prose.py), in plain words.
FINDING_NAMES = {
    "placeholder": "Placeholder left in",
    "name_misspelled": "Spelled unlike your notes",
    "wrong_greeting": "Greeting to the wrong person",
    "spelling": "Spelling",
    "no_thanks": "No thank-you",
    "not_specific": "Nothing personal",
    "promise_mismatch": "Date differs from the plan",
    "promise_without_check_in": "Date with nothing planned",
    "wrong_weekday": "Weekday and date disagree",
    "same_as_other_draft": "Same as another person's note",
    "too_long": "Long",
    "filler": "Filler",
    "missing_subject": "No subject",
    "empty_body": "Empty message",
    "user_slot": "Your sentence is needed",
    "lower_case": "Capital letter",
    "shorthand": "Note shorthand",
    "list_punctuation": "List marks in a sentence",
    "fragment": "Unfinished sentence",
    "greeting_title_only": "Greeting without a name",
    "private_note": "Private note",
    "question_in_thanks": "Question in a thank-you",
    "shared_passage": "Same words as another note",
    "thanks_again_too_early": "“Thank you again” too early",
}
# How much of the text around a finding to quote, on each side.
QUOTE_CONTEXT = 24


def kind_of(draft: Draft) -> ActionKindInfo:
    return ACTIONS[draft.kind]


def heading(draft: Draft) -> str:
    """The draft's name, then the person's where there is one: a script says whom to ask for."""
    kind = kind_of(draft)
    if draft.interviewer is None:
        return kind.draft_noun
    joiner = ":" if kind.is_call else " to"
    return f"{kind.draft_noun}{joiner} {draft.interviewer.name}"


def is_email(draft: Draft) -> bool:
    return kind_of(draft).is_email


def mailto_link(to: str, subject: str, body: str) -> str:
    """A ``mailto:`` URL (RFC 6068) with every character that could end a field encoded.

    Spaces become %20 rather than "+", and line breaks CRLF, which is what mail programs
    expect; the address keeps its "@".
    """
    query = f"subject={_encode(subject)}&body={_encode(body.replace(chr(10), chr(13) + chr(10)))}"
    return f"mailto:{quote(to, safe='@')}?{query}"


def _encode(text: str) -> str:
    return quote(text, safe="")


@dataclass(frozen=True, slots=True)
class ShownFinding:
    """A finding as the page shows it: its words, and the offending text with a little around."""

    finding: Finding
    severity_label: str
    field_label: str
    name: str
    before: str
    marked: str
    after: str


def shown_findings(findings: list[Finding], subject: str, body: str) -> list[ShownFinding]:
    shown = []
    for finding in findings:
        text = subject if finding.field == "subject" else body
        start = max(0, min(finding.start, len(text)))
        end = max(start, min(finding.end, len(text)))
        before = text[max(0, start - QUOTE_CONTEXT) : start]
        after = text[end : end + QUOTE_CONTEXT]
        shown.append(
            ShownFinding(
                finding,
                SEVERITY_LABELS.get(finding.severity, finding.severity),
                "Subject" if finding.field == "subject" else "Message",
                FINDING_NAMES.get(finding.code, finding.code.replace("_", " ").capitalize()),
                ("…" if start > QUOTE_CONTEXT else "") + before.replace("\n", " "),
                text[start:end].replace("\n", " "),
                after.replace("\n", " ") + ("…" if end + QUOTE_CONTEXT < len(text) else ""),
            )
        )
    order = {"error": 0, "warning": 1, "advice": 2}
    return sorted(shown, key=lambda item: order.get(item.finding.severity, 3))


def check_context(
    request: HttpRequest, draft: Draft, subject: str, body: str, now: datetime
) -> dict[str, Any]:
    """The findings fragment: what the checker says, and the date the text promises."""
    findings: list[Finding] = []
    promise = None
    if draft.sent_at is None:
        review = review_draft(draft, subject, body, now)
        findings, promise = review.findings, review.promised
    errors = sum(1 for finding in findings if finding.severity == "error")
    slots = [body[start:end] for start, end in slot_spans(body)] if draft.sent_at is None else []
    return {
        "draft": draft,
        # Why sending and marking sent wait (the send buttons' slot reads it too), or None.
        "blocked": send_blocker(findings),
        "slots": slots,
        "findings": shown_findings(findings, subject, body),
        "errors": errors,
        "others": len(findings) - errors,
        "promise": promise,
        "reads_promise": draft.kind in PROMISE_IN_TEXT_KINDS,
    }


def page_context(
    request: HttpRequest,
    draft: Draft,
    now: datetime,
    *,
    form: DraftForm | None = None,
    sent_form: SentForm | None = None,
    confirm_tone: str | None = None,
) -> dict[str, Any]:
    """Everything the draft page shows, with the user's own text when a form was refused."""
    today = local_today(request, now)
    if form is None:
        form = DraftForm(
            initial={"subject": draft.subject, "body": draft.body}, with_subject=is_email(draft)
        )
        subject, body = draft.subject, draft.body
    else:
        subject, body = form.text()
    checked = check_context(request, draft, subject, body, now)
    if sent_form is None:
        sent_form = SentForm(initial={"promised_next": checked["promise"]}, today=today)
    kind = kind_of(draft)
    if kind.is_call:
        sent_form.for_call()
    form.fields["body"].label = kind.page.body_label
    if draft.sent_at is None:
        form.check_live(reverse("draft_check", args=[draft.pk]))
    if checked["slots"]:
        form.fields["body"].widget.attrs["class"] = "has-slot"
    prefs = settings_for(draft.application.owner)
    action = stored_action(draft)
    person = draft.interviewer
    return {
        **checked,
        "application": draft.application,
        "heading": heading(draft),
        "action": action,
        "person": person,
        "form": form,
        "sent_form": sent_form,
        "is_email": kind.is_email,
        "is_letter": kind.medium == "letter",
        "is_call": kind.is_call,
        "can_promise": kind.promises,
        "check_heading": kind.page.check_heading,
        "done_question": kind.page.done_question,
        "done_button": kind.page.done_button,
        "papers": papers_for(draft),
        "mailto": mailto_for(draft, subject, body) if is_email(draft) else None,
        "tones": [(value, name, value == draft.tone) for value, name in TONE_NAMES.items()],
        "confirm_tone": confirm_tone,
        "confirm_tone_name": TONE_NAMES.get(confirm_tone or "", ""),
        "signed": bool(prefs.full_name or draft.application.owner.get_full_name()),
        "now": now,
        "today": today,
    }


def mailto_for(draft: Draft, subject: str, body: str) -> str:
    to = draft.interviewer.email if draft.interviewer is not None else ""
    return mailto_link(to, subject, body)


def papers_for(draft: Draft) -> list[tuple[str, str]]:
    """The two paper sizes, the one offices use in the employer's country first."""
    papers = [("a4", "A4"), ("letter", "US Letter")]
    if paper_for_country(draft.application.employer_country) == "letter":
        papers.reverse()
    return papers
