"""Drafts: open one for a planned message, read, edit, and check it (the draft page's rules)."""

# No "from __future__ import annotations": ninja reads these signatures at run time.
from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import timezone
from ninja import Router
from ninja.pagination import paginate

from afterword.api.pagination import Pages
from afterword.api.schemas import DraftCheckOut, DraftIn, DraftOut, Message, Problems
from afterword.tracker.access import drafts_for, get_action_or_404, get_draft_or_404
from afterword.tracker.models import Draft
from afterword.tracker.services.drafts import open_draft, review_draft, save_draft, send_blocker

router = Router(tags=["drafts"])


@router.get("/drafts", response=list[DraftOut])
@paginate(Pages)
def list_drafts(request: HttpRequest) -> QuerySet[Draft]:
    """Your drafts, open and sent, most recently changed first."""
    return drafts_for(request.user).order_by("-updated_at", "-pk")


@router.post("/actions/{action_id}/draft", response={200: DraftOut, 404: Message, 422: Problems})
def open_action_draft(request: HttpRequest, action_id: int) -> Draft:
    """The draft of a planned message, written on first use; the same one every time after."""
    action = get_action_or_404(request.user, action_id)
    return open_draft(action, timezone.now())


@router.get("/drafts/{draft_id}", response={200: DraftOut, 404: Message})
def get_draft(request: HttpRequest, draft_id: int) -> Draft:
    return get_draft_or_404(request.user, draft_id)


@router.put("/drafts/{draft_id}", response={200: DraftOut, 404: Message, 422: Problems})
def update_draft(request: HttpRequest, draft_id: int, payload: DraftIn) -> Draft:
    """Keep your own text (a sent draft stays as it went out)."""
    draft = get_draft_or_404(request.user, draft_id)
    return save_draft(draft, payload.subject, payload.body)


@router.get("/drafts/{draft_id}/check", response={200: DraftCheckOut, 404: Message})
def check(request: HttpRequest, draft_id: int) -> dict[str, Any]:
    """What the checker finds in the draft as stored, and whether that blocks sending."""
    draft = get_draft_or_404(request.user, draft_id)
    review = review_draft(draft, draft.subject, draft.body, timezone.now())
    return {
        "findings": [
            {
                "code": finding.code,
                "severity": finding.severity,
                "message": finding.message,
                "field": finding.field,
                "start": finding.start,
                "end": finding.end,
            }
            for finding in review.findings
        ],
        "send_blocked": send_blocker(review.findings),
    }
