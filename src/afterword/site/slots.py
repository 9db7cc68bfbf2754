"""Slots: places on one feature's page that another feature fills, neither importing the other.

Today shows the inbox's "Replies to confirm"; the draft page shows the outbox's send buttons. The
page names a slot (``{% slot "today.top" %}``); a feature registers a filler for it in its
``AppConfig.ready``. A filler gets the template context and returns HTML, so the page needs no
knowledge of what fills it and the feature none of the page beyond the context it reads.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.utils.html import format_html_join
from django.utils.safestring import SafeString, mark_safe

Filler = Callable[[Any], str]

# Every slot a page offers: a filler for a name not listed here is a typo, caught at start-up.
SLOTS = {
    "today.top": "Today, above the follow-ups (the inbox's replies to confirm)",
    "application.top": "An application's page, above its plan (the outbox's stuck emails)",
    "removal.notes": (
        "A deletion's confirmation page, under what goes (the outbox's emails that will not be "
        "sent); the context's ``removal`` is the tracker's Removal and ``owner_id`` whose it is"
    ),
    "draft.send": (
        "The draft page's form, where the message can be sent (the outbox's buttons); the "
        "context's ``blocked`` says why sending must wait, or is None"
    ),
    # The settings page's cards: each feature says there what it has set up now
    # (site/setting_state.py).
    "settings.mail": "Settings, the Mail card (the outbox's account and its last test)",
    "settings.inbox": "Settings, the Replies card (the inbox's watched mailbox)",
    "settings.reminders": "Settings, the Reminders card (digest and notification channels)",
    "settings.calendar": "Settings, the Calendar card (the private feed address)",
    "settings.api": "Settings, the API card (personal tokens)",
    "settings.data": "Settings, the Your data card (what there is to export)",
    "settings.coaching": "Settings, the Career centre card (memberships and consents)",
}

_fillers: dict[str, list[Filler]] = {name: [] for name in SLOTS}


def fill(slot: str) -> Callable[[Filler], Filler]:
    """Decorator: render this function's HTML in ``slot`` on every page that offers it."""
    if slot not in SLOTS:
        raise KeyError(f"no page offers the slot {slot!r}; known slots: {', '.join(SLOTS)}")

    def add(filler: Filler) -> Filler:
        if filler not in _fillers[slot]:
            _fillers[slot].append(filler)
        return filler

    return add


def render(slot: str, context: Any) -> SafeString:
    """The HTML of every filler of ``slot``, in the order the features registered them."""
    parts = [filler(context) for filler in _fillers[slot]]
    # Each filler returns HTML it rendered from its own template (already escaped there).
    return format_html_join("", "{}", ((mark_safe(part),) for part in parts))
