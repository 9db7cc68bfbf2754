"""Choice lists shared by the models; their values are the planner's words (docs/PLAN_FORMAT.md)."""

from __future__ import annotations

from django.db import models

from afterword.rules.kinds import ACTIONS, EVENTS


class Profile(models.TextChoices):
    PROMPT = "prompt", "Prompt: check in sooner"
    STANDARD = "standard", "Standard"
    PATIENT = "patient", "Patient: give them more time"


class MessageChannel(models.TextChoices):
    EMAIL = "email", "Email"
    PHONE = "phone", "Phone"


class PreferredChannel(models.TextChoices):
    EMAIL = "email", "Email"
    PHONE = "phone", "Phone"
    PORTAL = "portal", "Online portal"


class EmployerStyle(models.TextChoices):
    FORMAL = "formal", "Formal"
    CASUAL = "casual", "Casual"
    UNKNOWN = "unknown", "Not sure"


class Status(models.TextChoices):
    THANK_YOU_PENDING = "thank_you_pending", "Thank-you pending"
    WAITING = "waiting", "Waiting"
    NO_RESPONSE = "no_response", "No response"
    DECIDED = "decided", "Decided"


# Event types and action kinds are read from rules.kinds when Django asks, so migrations
# (tracker 0005, delivery 0006) name these functions rather than copying the table, and a new
# kind needs no migration. Keep the functions: those migrations import them.
def event_types() -> list[tuple[str, str]]:
    return [(name, info.label) for name, info in EVENTS.items()]


def action_kinds() -> list[tuple[str, str]]:
    return [(name, info.label) for name, info in ACTIONS.items()]


class ActionChannel(models.TextChoices):
    EMAIL = "email", "Email"
    PHONE = "phone", "Phone"
    POST = "post", "Post"
    PORTAL = "portal", "Portal"


class Tone(models.TextChoices):
    AUTO = "auto", "Match the employer"
    FORMAL = "formal", "Formal"
    WARM = "warm", "Warm"
