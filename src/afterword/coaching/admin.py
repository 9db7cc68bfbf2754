"""Admin pages: site admins create organisations and see memberships, consents and the log."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from afterword.coaching.models import (
    AccessLog,
    Consent,
    Invitation,
    Membership,
    Organisation,
)


class MembershipInline(admin.TabularInline[Membership, Organisation]):
    model = Membership
    extra = 1
    raw_id_fields = ["user"]
    fields = ["user", "role", "joined_at", "shares_statistics"]
    # Only the student decides whether they are counted.
    readonly_fields = ["shares_statistics"]


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin[Organisation]):
    list_display = ["name", "created_at"]
    search_fields = ["name"]
    inlines = [MembershipInline]


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin[Invitation]):
    list_display = ["organisation", "role", "code", "expires_at", "used_at", "revoked_at"]
    list_filter = ["role"]
    raw_id_fields = ["created_by", "used_by"]
    readonly_fields = ["code", "used_by", "used_at"]


class ReadOnly(admin.ModelAdmin[Any]):
    """The student's consents and the log are theirs: staff may read them, never change them."""

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Consent)
class ConsentAdmin(ReadOnly):
    list_display = ["student", "coach", "organisation", "granted_at", "revoked_at"]


@admin.register(AccessLog)
class AccessLogAdmin(ReadOnly):
    list_display = ["coach", "student", "page", "at"]
