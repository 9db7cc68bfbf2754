"""Everything that happened after an interview, in the planner's event vocabulary."""

from __future__ import annotations

from django.db import models

from afterword.tracker.models.applications import Application, Interview, Interviewer
from afterword.tracker.models.choices import MessageChannel, action_kinds, event_types


class Event(models.Model):
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="events")
    at = models.DateTimeField()
    type = models.CharField(max_length=20, choices=event_types)
    interview = models.ForeignKey(
        Interview, on_delete=models.CASCADE, null=True, blank=True, related_name="events"
    )
    interviewer = models.ForeignKey(
        Interviewer, on_delete=models.CASCADE, null=True, blank=True, related_name="events"
    )
    channel = models.CharField(max_length=10, choices=MessageChannel, blank=True)
    promised_next = models.DateField("promised to check back on", null=True, blank=True)
    new_decision_by = models.DateField("new decision date", null=True, blank=True)
    deadline = models.DateField("offer deadline", null=True, blank=True)
    no_decision_yet = models.BooleanField(null=True, blank=True)
    # out_of_office: the last day the person is away, from their automatic reply.
    until = models.DateField("away until", null=True, blank=True)
    # A check-in recorded while another offer waits: did it tell them? (None: not asked.)
    offer_mentioned = models.BooleanField("mentioned the other offer", null=True, blank=True)
    action = models.CharField(max_length=20, choices=action_kinds, blank=True)
    note = models.TextField(max_length=2000, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = "timeline event"
        indexes = [models.Index(fields=["application", "at"], name="tracker_event_app_at")]

    def __str__(self) -> str:
        return f"{self.get_type_display()} ({self.at:%Y-%m-%d})"
