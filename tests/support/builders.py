"""Small builders for the delivery tests."""

from __future__ import annotations

from typing import Any

from afterword.tracker.models import Application, Draft


def draft_for(application: Application, kind: str, name: str | None = None, **fields: Any) -> Draft:
    """An open draft for the planned ``kind`` action (to the person called ``name``)."""
    actions = application.actions.filter(kind=kind)
    if name is not None:
        actions = actions.filter(interviewer__name=name)
    action = actions.get()
    fields.setdefault("subject", f"Thank you, {name or 'everyone'}")
    fields.setdefault("body", "Grüße from Sam – thank you for Monday’s conversation.\n")
    return Draft.objects.create(
        application=application,
        owner=application.owner,
        kind=kind,
        interview=action.interview,
        interviewer=action.interviewer,
        **fields,
    )
