"""The reminders page: the morning digest's hour, notification channels and their test button."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from afterword.reminders.access import (
    channels_for,
    get_channel_or_404,
    recent_reminders,
    reminder_settings_for,
)
from afterword.reminders.action_notice import notify_channel
from afterword.reminders.channels import remove_channel, toggle_channel
from afterword.reminders.forms import ChannelForm, ReminderSettingsForm
from afterword.reminders.notify import AppriseTransport, TransportError
from afterword.site.pages import MemberRequest, member_view, prefs
from afterword.site.throttle import CONNECTION_TEST, by_member, throttled

PAGE = "reminders/notification_settings.html"
TEST_TITLE = "Afterword test"
TEST_BODY = (
    "This channel works: when a follow-up comes due, Afterword will tell you here. "
    "Nothing else to do."
)


def page_context(request: MemberRequest, **forms: Any) -> dict[str, Any]:
    mine = reminder_settings_for(request.user)
    return {
        "settings_form": forms.get("settings_form")
        or ReminderSettingsForm(instance=mine, prefix="digest"),
        "channel_form": forms.get("channel_form")
        or ChannelForm(owner=request.user, prefix="channel"),
        "channels": list(channels_for(request.user)),
        "reminders": list(recent_reminders(request.user)),
        "zone": prefs(request).timezone,
        "has_address": bool(request.user.email),
    }


@member_view
@require_http_methods(["GET", "POST"])
def notification_settings(request: MemberRequest) -> HttpResponse:
    if request.method != "POST":
        return render(request, PAGE, page_context(request))
    form = ReminderSettingsForm(
        request.POST, instance=reminder_settings_for(request.user), prefix="digest"
    )
    if not form.is_valid():
        return render(request, PAGE, page_context(request, settings_form=form))
    form.save()
    messages.success(request, "Reminder settings saved.")
    return redirect("notification_settings")


@member_view
@require_POST
def channel_add(request: MemberRequest) -> HttpResponse:
    form = ChannelForm(request.POST, owner=request.user, prefix="channel")
    if not form.is_valid():
        return render(request, PAGE, page_context(request, channel_form=form))
    channel = form.save()
    messages.success(request, f"Channel added: {channel.label}. Use “Send test” to try it.")
    return redirect("notification_settings")


@member_view
@require_POST
def channel_delete(request: MemberRequest, pk: int) -> HttpResponse:
    label = remove_channel(request.user, pk)
    messages.success(request, f"Channel removed: {label}.")
    return redirect("notification_settings")


@member_view
@require_POST
def channel_toggle(request: MemberRequest, pk: int) -> HttpResponse:
    channel = toggle_channel(request.user, pk)
    state = "on" if channel.enabled else "off"
    messages.success(request, f"{channel.label} is switched {state}.")
    return redirect("notification_settings")


@member_view
@require_POST
@throttled("connection-test", CONNECTION_TEST, by_member)
def channel_test_hx(request: MemberRequest, pk: int) -> HttpResponse:
    """Send a test notification now and say plainly whether it arrived at the service."""
    channel = get_channel_or_404(request.user, pk)
    try:
        notify_channel(channel, AppriseTransport(channel), TEST_TITLE, TEST_BODY)
    except TransportError as error:
        ok, result = False, f"The test was not delivered. {error.message}"
    else:
        ok, result = True, f"Test sent to {channel.label}. Check that it arrived."
    if request.htmx:
        return render(
            request,
            "reminders/channel_test_partial.html",
            {"channel": channel, "ok": ok, "result": result},
        )
    (messages.success if ok else messages.error)(request, result)
    return redirect("notification_settings")
