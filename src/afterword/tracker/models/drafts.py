"""Drafts the user is editing or has sent, one per planned message.

A draft is keyed by what it is for (application, kind, interview, person) rather than by the
Action row, because re-planning replaces the Action rows: a draft outlives that as long as the
plan still asks for the same message.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from afterword.tracker.models.applications import Application, Interview, Interviewer
from afterword.tracker.models.choices import Tone, action_kinds
from afterword.tracker.models.events import Event


class Draft(models.Model):
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="drafts")
    # A copy of application.owner, so that every draft query is scoped without a join.
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="drafts"
    )
    kind = models.CharField(max_length=20, choices=action_kinds)
    interview = models.ForeignKey(Interview, on_delete=models.CASCADE, related_name="drafts")
    interviewer = models.ForeignKey(
        Interviewer, on_delete=models.CASCADE, null=True, blank=True, related_name="drafts"
    )
    tone = models.CharField(max_length=10, choices=Tone, default=Tone.AUTO)
    subject = models.CharField(max_length=300, blank=True)
    body = models.TextField(max_length=20000)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Set when the user marks the message sent; a sent draft is history and is never edited.
    sent_at = models.DateTimeField(null=True, blank=True)
    promised_next = models.DateField("promised to check back on", null=True, blank=True)
    event = models.OneToOneField(
        Event, on_delete=models.SET_NULL, null=True, blank=True, related_name="draft"
    )

    class Meta:
        ordering = ["-updated_at", "-pk"]
        indexes = [models.Index(fields=["owner", "application"], name="tracker_draft_owner_app")]
        constraints = [
            # One open draft per planned message; sent ones accumulate as history. A message to
            # no one in particular (interviewer NULL) is kept single by the drafts service,
            # since SQLite cannot make NULLs equal in a unique constraint.
            models.UniqueConstraint(
                fields=["application", "kind", "interview", "interviewer"],
                condition=models.Q(sent_at__isnull=True),
                name="tracker_draft_one_open_per_message",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} draft ({'sent' if self.sent_at else 'open'})"
