"""The calendar pages: the private feed, the one-event download and the feed's settings page."""

from __future__ import annotations

import hashlib

from django.contrib import messages
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.http.request import split_domain_port
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.text import slugify
from django.views.decorators.http import require_POST, require_safe
from icalendar import Calendar

from afterword.calendar_feed.ics import action_uids, feed_calendar, single_action_calendar
from afterword.calendar_feed.models import CalendarFeed, feed_for
from afterword.infra.network import is_loopback
from afterword.site.pages import MemberRequest, member_view
from afterword.tracker.access import User, actions_for, get_action_or_404, interviews_for
from afterword.tracker.models import Action, Interview, Status

ICS_TYPE = "text/calendar; charset=utf-8"


def site_url(request: HttpRequest) -> str:
    """``https://afterword.example``: where links in the events point back to."""
    return f"{request.scheme}://{request.get_host()}"


def feed_url(request: HttpRequest, feed: CalendarFeed) -> str:
    return request.build_absolute_uri(reverse("calendar_feed", args=[feed.token]))


def pending_actions(user: User) -> QuerySet[Action]:
    # Decided applications have no actions (a decision ends the plan, F8); the filter keeps
    # it so even if a stale row survived.
    return (
        actions_for(user)
        .exclude(application__status=Status.DECIDED)
        .select_related("application", "interview", "interviewer")
        .order_by("due", "application_id", "position")
    )


def feed_interviews(user: User) -> QuerySet[Interview]:
    # An archived application's interviews leave the calendar with its follow-ups.
    return (
        interviews_for(user)
        .filter(application__archived_at__isnull=True)
        .select_related("application")
        .prefetch_related("interviewers", "application__events")
        .order_by("start", "pk")
    )


def ics_response(calendar: Calendar, request: HttpRequest) -> HttpResponse:
    """The calendar as UTF-8 text with CRLF lines, and a strong ETag of exactly those bytes.

    A request whose If-None-Match names the same ETag gets 304 and no body, so an app that
    polls often transfers nothing until the plan changes.
    """
    body = calendar.to_ical()
    etag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
    response = HttpResponse(body, content_type=ICS_TYPE)
    response["ETag"] = etag
    # No Last-Modified: deleting an application removes events without making any remaining
    # time stamp newer, so a date could wrongly answer "not modified"; the ETag cannot.
    conditional = get_conditional_response(request, etag=etag, response=response)
    return conditional if conditional is not None else response


@require_safe
def calendar_feed(request: HttpRequest, token: str) -> HttpResponse:
    """The subscribed feed. No log-in (calendar apps cannot); the token in the URL is the key."""
    try:
        # Outside access.py on purpose: no one is signed in; the secret token is the key.
        feed = CalendarFeed.objects.select_related("user").get(token=token, user__is_active=True)
    except CalendarFeed.DoesNotExist:
        raise Http404("No such calendar.") from None
    user = feed.user
    calendar = feed_calendar(pending_actions(user), feed_interviews(user), site_url(request))
    response = ics_response(calendar, request)
    # Personal data: never in a shared cache. Five minutes spares the server from apps that
    # poll hard, and delays a changed plan by at most that much.
    patch_cache_control(response, private=True, max_age=300)
    response["Content-Disposition"] = 'inline; filename="afterword.ics"'
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


@member_view
@require_safe
def action_event_ics(request: HttpRequest, pk: int) -> HttpResponse:
    """One pending action as a file to open in a calendar app; only its owner can fetch it."""
    action = get_action_or_404(request.user, pk)
    # The UID is worked out among the application's actions, exactly as the feed does it.
    uid = action_uids(action.application.actions.all())[action.pk]
    calendar = single_action_calendar(action, uid, site_url(request))
    response = ics_response(calendar, request)
    patch_cache_control(response, private=True, no_cache=True)
    name = slugify(f"{action.kind.replace('_', ' ')} {action.application.employer}")[:60]
    response["Content-Disposition"] = f'attachment; filename="{name}.ics"'
    return response


@member_view
@require_safe
def calendar_settings(request: MemberRequest) -> HttpResponse:
    feed = feed_for(request.user)
    url = feed_url(request, feed)
    context = {
        "feed": feed,
        "feed_url": url,
        "webcal_url": "webcal://" + url.split("://", 1)[1],
        # Google and Outlook fetch feeds from their own servers, which cannot reach a laptop.
        "local_only": is_loopback(split_domain_port(request.get_host())[0]),
        "action_count": pending_actions(request.user).count(),
    }
    return render(request, "calendar_feed/calendar_settings.html", context)


@member_view
@require_POST
def calendar_revoke(request: MemberRequest) -> HttpResponse:
    """Replace the feed's token: the old address stops working at once.

    Only the form behind the confirmation sends ``confirm=yes``; any other POST changes nothing.
    """
    if request.POST.get("confirm") != "yes":
        messages.error(request, "Nothing changed: confirm that the old address should stop.")
        return redirect("calendar_settings")
    feed_for(request.user).replace_token()
    messages.success(
        request,
        "The old calendar address no longer works. Subscribe again with the new one below.",
    )
    return redirect("calendar_settings")
