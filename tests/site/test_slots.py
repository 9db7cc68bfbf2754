"""Slots let one feature fill a place on another's page without either importing the other."""

from __future__ import annotations

import pytest
from django.template import Context, Template

from afterword.site import slots


def test_a_filler_for_a_slot_no_page_offers_is_refused_at_once() -> None:
    """A typo in a slot name fails when the feature starts, not silently on a page."""
    with pytest.raises(KeyError, match=r"today\.bottom"):
        slots.fill("today.bottom")


def test_the_slot_tag_renders_what_the_features_registered(monkeypatch: pytest.MonkeyPatch) -> None:
    """``{% slot %}`` shows each registered filler's HTML, given the page's context."""

    def greeting(context: Context) -> str:
        return f"<p>Hello {context['name']}</p>"

    monkeypatch.setitem(slots._fillers, "today.top", [])
    slots.fill("today.top")(greeting)
    template = Template('{% load afterword_site %}{% slot "today.top" %}')

    html = template.render(Context({"name": "Sam"}))

    assert "<p>Hello Sam</p>" in html


def test_the_inbox_and_the_outbox_fill_their_slots_when_django_starts() -> None:
    """Today's panels (replies, stuck emails, coaches' notes), the application's outbox panel
    and the draft page's send buttons are registered by their apps."""
    names = {slot: [f.__module__ for f in fillers] for slot, fillers in slots._fillers.items()}

    assert sorted(names["today.top"]) == [
        "afterword.coaching.today_panel",
        "afterword.inbox.replies_panel",
        "afterword.outbox.attention",
    ]
    assert names["application.top"] == ["afterword.outbox.attention"]
    assert names["draft.send"] == ["afterword.outbox.send_buttons"]
