"""Admin pages for support staff: read what a user captured and what the planner stored."""

from __future__ import annotations

from django.contrib import admin

from afterword.tracker.models import (
    Action,
    Application,
    Event,
    Interview,
    Interviewer,
    UserSettings,
)


class InterviewerInline(admin.TabularInline[Interviewer, Application]):
    model = Interviewer
    extra = 0


class InterviewInline(admin.StackedInline[Interview, Application]):
    model = Interview
    extra = 0
    filter_horizontal = ["interviewers"]


class EventInline(admin.TabularInline[Event, Application]):
    model = Event
    extra = 0
    fields = ["at", "type", "interview", "interviewer", "channel", "note"]


class ActionInline(admin.TabularInline[Action, Application]):
    model = Action
    extra = 0
    # The plan is the planner's output; editing it by hand would be overwritten on the next replan.
    readonly_fields = ("position", "kind", "interviewer", "channel", "due", "why")
    fields = readonly_fields
    can_delete = False


@admin.register(Application)
class ApplicationAdmin(admin.ModelAdmin[Application]):
    list_display = ["employer", "role", "owner", "status", "planned_at"]
    list_filter = ["status", "employer_country"]
    search_fields = ["employer", "role", "job_code", "owner__username"]
    readonly_fields = ["status", "plan_notes", "planned_at", "created_at", "updated_at"]
    raw_id_fields = ["owner"]
    inlines = [InterviewerInline, InterviewInline, EventInline, ActionInline]


@admin.register(UserSettings)
class UserSettingsAdmin(admin.ModelAdmin[UserSettings]):
    list_display = ["user", "timezone", "country", "profile", "check_in_channel"]
    search_fields = ["user__username"]
    raw_id_fields = ["user"]
