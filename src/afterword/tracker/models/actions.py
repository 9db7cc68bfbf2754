"""The stored plan: one row per pending action, replaced whenever the application is re-planned."""

from __future__ import annotations

from datetime import datetime

from django.conf import settings
from django.db import models

from afterword.tracker.models.applications import Application, Interview, Interviewer
from afterword.tracker.models.choices import ActionChannel, action_kinds


class Action(models.Model):
    # No index of its own: the unique (application, position) index starts with it, and every
    # re-plan writes action rows in bulk, each index a cost on every insert.
    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="actions", db_index=False
    )
    # A copy of application.owner, so that Today is a single indexed query on (owner, due)
    # rather than a join through every application the user has; that index serves every
    # lookup by owner, so the column needs none of its own.
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="planned_actions",
        db_index=False,
    )
    kind = models.CharField(max_length=20, choices=action_kinds)
    # What the follow-up is for (tracker/follow_up_keys.py): it survives re-plans, so the
    # follow-up's URLs do too, while a re-plan that changes the follow-up gives it a new row id.
    key = models.SlugField(max_length=80, db_index=False)
    interview = models.ForeignKey(Interview, on_delete=models.CASCADE, related_name="actions")
    interviewer = models.ForeignKey(
        Interviewer, on_delete=models.CASCADE, null=True, blank=True, related_name="actions"
    )
    channel = models.CharField(max_length=10, choices=ActionChannel)
    earliest = models.DateTimeField()
    due = models.DateTimeField()
    latest = models.DateTimeField()
    rules = models.JSONField(default=list)
    why = models.TextField()
    position = models.PositiveSmallIntegerField(help_text="Order within the plan.")

    class Meta:
        ordering = ["due", "position"]
        verbose_name = "planned follow-up"
        indexes = [models.Index(fields=["owner", "due"], name="tracker_action_owner_due")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(earliest__lte=models.F("due"), due__lte=models.F("latest")),
                name="tracker_action_window_in_order",
            ),
            models.UniqueConstraint(
                fields=["application", "position"], name="tracker_action_position_unique"
            ),
            models.UniqueConstraint(
                fields=["application", "key"], name="tracker_action_key_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} by {self.due:%Y-%m-%d %H:%M}"

    def is_overdue(self, now: datetime) -> bool:
        """Past the end of its window, as the planner marks it (docs/PLAN_FORMAT.md ``overdue``)."""
        return self.latest < now
