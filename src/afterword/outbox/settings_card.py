"""The settings page's Mail card: which address sends, and how its last test went."""

from __future__ import annotations

from django import template
from django.urls import reverse

from afterword.outbox.models import MailAccount
from afterword.site.setting_state import SettingState, day_text, render_state
from afterword.site.slots import fill
from afterword.tracker import access


def mail_state(account: MailAccount | None) -> SettingState:
    """ "Sending from sam@example.com · tested 2 Dec, OK", or what is missing or wrong."""
    outbox = (reverse("outbox"), "Outbox")
    if account is None:
        return SettingState(
            "Not set up yet: emails wait for you to send them yourself.",
            ready=False,
            links=((reverse("mail_settings"), "Set up sending from your mailbox"), outbox),
        )
    links = ((reverse("mail_settings"), "Change or test your mail account"), outbox)
    sending = f"Sending from {account.from_address} through {account.host}"
    if account.tested_at is None:
        return SettingState(f"{sending} · not tested yet", ready=True, links=links)
    tested = day_text(account.tested_at)
    if account.test_ok:
        return SettingState(f"{sending} · tested {tested}, OK", ready=True, links=links)
    return SettingState(
        f"{sending} · the test on {tested} failed",
        ready=False,
        links=links,
        problem=account.test_result or "the server refused the connection.",
    )


@fill("settings.mail")
def mail_card(context: template.Context) -> str:
    return render_state(mail_state(access.own_row(context["request"].user, MailAccount)))
