"""The settings page's Replies card: which folders of which mailbox are watched, and how the
last check went."""

from __future__ import annotations

from django import template
from django.urls import reverse

from afterword.inbox.models import MailboxWatch
from afterword.site.setting_state import SettingState, day_text, render_state
from afterword.site.slots import fill
from afterword.tracker import access


def inbox_state(watch: MailboxWatch | None) -> SettingState:
    """ "Watching INBOX, Jobs at imap.example.com · checked 2 Dec", or what is missing or wrong."""
    if watch is None:
        return SettingState(
            "Not set up yet: replies are not noticed on their own.",
            ready=False,
            links=((reverse("inbox_settings"), "Connect your mailbox to notice replies"),),
        )
    links = ((reverse("inbox_settings"), "Change what is watched"),)
    watching = f"Watching {', '.join(watch.folder_names)} at {watch.host}"
    if not watch.connected:
        folders = ", ".join(watch.folder_names)
        return SettingState(f"Paused: {folders} at {watch.host} is not watched now", False, links)
    if watch.last_polled_at is None:
        return SettingState(f"{watching} · not checked yet", ready=True, links=links)
    checked = f"{watching} · last checked {day_text(watch.last_polled_at)}"
    if watch.last_error:
        return SettingState(
            checked, ready=False, links=links, problem=f"The last check failed: {watch.last_error}"
        )
    summary = f" ({watch.last_summary})" if watch.last_summary else ""
    return SettingState(f"{checked}, OK{summary}", ready=True, links=links)


@fill("settings.inbox")
def inbox_card(context: template.Context) -> str:
    return render_state(inbox_state(access.own_row(context["request"].user, MailboxWatch)))
