"""The tracker's models, one small module per concern."""

from afterword.tracker.models.accounts import UserSettings
from afterword.tracker.models.actions import Action
from afterword.tracker.models.applications import Application, Interview, Interviewer
from afterword.tracker.models.choices import (
    ActionChannel,
    EmployerStyle,
    MessageChannel,
    PreferredChannel,
    Profile,
    Status,
    Tone,
    action_kinds,
    event_types,
)
from afterword.tracker.models.drafts import Draft
from afterword.tracker.models.events import Event

__all__ = [
    "Action",
    "ActionChannel",
    "Application",
    "Draft",
    "EmployerStyle",
    "Event",
    "Interview",
    "Interviewer",
    "MessageChannel",
    "PreferredChannel",
    "Profile",
    "Status",
    "Tone",
    "UserSettings",
    "action_kinds",
    "event_types",
]
