"""/api/drafts and /api/actions/<id>/draft: open, read, edit and check drafts."""

from __future__ import annotations

from typing import Any

import pytest

from afterword.tracker.models import Draft

pytestmark = pytest.mark.django_db


def _thank_you(application: Any) -> Any:
    return application.actions.filter(kind="thank_you_email").order_by("position").first()


def test_opening_a_draft_writes_it_once(api: Any, application: Any) -> None:
    """The first call composes the draft; the second returns the same one."""
    action = _thank_you(application)

    first = api.post(f"/actions/{action.pk}/draft").json()
    again = api.post(f"/actions/{action.pk}/draft").json()

    assert first["id"] == again["id"]
    assert "Priya" in first["body"]
    assert Draft.objects.count() == 1


def test_a_draft_is_edited_and_checked(api: Any, application: Any) -> None:
    """PUT keeps the user's text; check reports what the checker finds in it."""
    draft = api.post(f"/actions/{_thank_you(application).pk}/draft").json()

    saved = api.put(f"/drafts/{draft['id']}", {"subject": "Thanks", "body": "Dear Bob, thanks."})
    check = api.get(f"/drafts/{draft['id']}/check").json()

    assert saved.status_code == 200
    assert saved.json()["body"] == "Dear Bob, thanks."
    assert check["findings"]
    assert check["send_blocked"] is not None


def test_an_empty_body_is_refused_naming_it(api: Any, application: Any) -> None:
    """The drafts service refuses an empty message under body; the draft keeps its text."""
    draft = api.post(f"/actions/{_thank_you(application).pk}/draft").json()

    response = api.put(f"/drafts/{draft['id']}", {"subject": "x", "body": "\n\n"})

    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"][-1] == "body"
    assert Draft.objects.get().body == draft["body"]


def test_a_read_only_token_reads_drafts_but_cannot_open_one(
    api: Any, reader: Any, application: Any
) -> None:
    """Opening a draft writes one: 403 for a read-only token; listing works."""
    api.post(f"/actions/{_thank_you(application).pk}/draft")

    refused = reader.post(f"/actions/{_thank_you(application).pk}/draft")
    listed = reader.get("/drafts").json()

    assert refused.status_code == 403
    assert "read-only" in refused.json()["detail"]
    assert listed["count"] == 1


def test_an_outsider_reaches_no_draft(api: Any, intruder: Any, application: Any) -> None:
    """404 for opening, reading, editing and checking; their list is empty."""
    action = _thank_you(application)
    draft = api.post(f"/actions/{action.pk}/draft").json()

    answers = [
        intruder.post(f"/actions/{action.pk}/draft").status_code,
        intruder.get(f"/drafts/{draft['id']}").status_code,
        intruder.put(f"/drafts/{draft['id']}", {"subject": "x", "body": "y"}).status_code,
        intruder.get(f"/drafts/{draft['id']}/check").status_code,
    ]

    assert answers == [404, 404, 404, 404]
    assert intruder.get("/drafts").json()["count"] == 0
    assert Draft.objects.get().body == draft["body"]
