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
from afterword.drafting.model import DRAFT_KIND_FOR_ACTION, EMAIL_KINDS, Finding
from afterword.site.pages import local_today
from afterword.tracker.models import Draft
from afterword.tracker.preferences import settings_for
from afterword.tracker.services.drafts import (
    PROMISE_IN_TEXT_KINDS,
    review_draft,
    stored_action,
)
from afterword.web.forms.drafts import TONE_NAMES, DraftForm, SentForm

# The page heading per action kind, followed by the person's name where there is one.
HEADINGS: dict[str, str] = {
    "thank_you_email": "Thank-you email",
    "thank_you_letter": "Thank-you letter",
    "check_in_email": "Check-in email",
    "check_in_call": "Call script",
    "check_portal": "Portal check",
    "expedite": "About your other offer",
}
# The link on each planned action that opens its draft.
OPEN_LABELS: dict[str, str] = {
    "thank_you_letter": "Letter",
    "check_in_call": "Script",
}
# What the big text box holds.
BODY_LABELS: dict[str, str] = {
    "thank_you_letter": "Letter, as it will be printed",
    "check_in_call": "Script",
    "check_portal": "What to look for",
}
# The checker's heading: what the user is about to do with the text.
CHECK_HEADINGS: dict[str, str] = {
    "thank_you_letter": "Before you print",
    "check_in_call": "Before you call",
    "check_portal": "Before you look",
}
SEVERITY_LABELS = {"error": "Fix before sending", "warning": "Check this", "advice": "Tip"}
# How much of the text around a finding to quote, on each side.
QUOTE_CONTEXT = 24


def open_label(kind: str) -> str:
    return OPEN_LABELS.get(kind, "Draft")


def heading(draft: Draft) -> str:
    title = HEADINGS.get(draft.kind, "Draft")
    if draft.interviewer is None:
        return title
    joiner = ":" if draft.kind == "check_in_call" else " to"
    return f"{title}{joiner} {draft.interviewer.name}"


def draft_kind(draft: Draft) -> str:
    # The column's choices are the planner's action kinds, every one a key here.
    return DRAFT_KIND_FOR_ACTION[draft.kind]  # type: ignore[index]


def is_email(draft: Draft) -> bool:
    return draft_kind(draft) in EMAIL_KINDS


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
    return {
        "draft": draft,
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
    if draft.kind == "check_in_call":
        sent_form.for_call()
    form.fields["body"].label = BODY_LABELS.get(draft.kind, "Message")
    if draft.sent_at is None:
        form.check_live(reverse("draft_check", args=[draft.pk]))
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
        "is_email": is_email(draft),
        "is_letter": draft.kind == "thank_you_letter",
        "can_promise": draft.kind != "check_portal",
        "check_heading": CHECK_HEADINGS.get(draft.kind, "Before you send"),
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
