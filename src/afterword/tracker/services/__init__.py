"""Services: the only code that changes an application's facts and its stored plan.

Each change and the re-plan it causes happen in one transaction, so the stored plan always
matches the facts it was computed from.
"""

from afterword.tracker.services.applications import create_application
from afterword.tracker.services.case import build_case, stored_plan_json
from afterword.tracker.services.contacts import mark_bounced, unmark_bounced
from afterword.tracker.services.errors import validation_error_from
from afterword.tracker.services.events import (
    ActionGone,
    StalePage,
    call_unanswered,
    complete_action,
    record_event,
    snooze_action,
)
from afterword.tracker.services.replan import ReplanSummary, replan, replan_all

__all__ = [
    "ActionGone",
    "ReplanSummary",
    "StalePage",
    "build_case",
    "call_unanswered",
    "complete_action",
    "create_application",
    "mark_bounced",
    "record_event",
    "replan",
    "replan_all",
    "snooze_action",
    "stored_plan_json",
    "unmark_bounced",
    "validation_error_from",
]
