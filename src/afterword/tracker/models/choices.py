"""Choice lists shared by the models; their values are the planner's words (docs/PLAN_FORMAT.md)."""

from __future__ import annotations

from django.db import models


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


class EventType(models.TextChoices):
    THANK_YOU_SENT = "thank_you_sent", "Thank-you email sent"
    LETTER_SENT = "letter_sent", "Letter posted"
    CHECK_IN_SENT = "check_in_sent", "Checked in"
    CALL_NO_ANSWER = "call_no_answer", "Call not answered"
    REPLY = "reply", "They replied"
    OTHER_OFFER = "other_offer", "Another offer"
    NEXT_ROUND = "next_round", "Next round arranged"
    OFFER = "offer", "Offer"
    REJECTION = "rejection", "Rejection"
    WITHDRAWN = "withdrawn", "Withdrew"
    SNOOZED = "snoozed", "Snoozed"
    OUT_OF_OFFICE = "out_of_office", "Away (automatic reply)"


class ActionKind(models.TextChoices):
    THANK_YOU_EMAIL = "thank_you_email", "Send a thank-you email"
    THANK_YOU_LETTER = "thank_you_letter", "Post a thank-you letter"
    CHECK_IN_EMAIL = "check_in_email", "Check in by email"
    CHECK_IN_CALL = "check_in_call", "Check in by phone"
    CHECK_PORTAL = "check_portal", "Check the application portal"
    EXPEDITE = "expedite", "Ask them to speed up"


class ActionChannel(models.TextChoices):
    EMAIL = "email", "Email"
    PHONE = "phone", "Phone"
    POST = "post", "Post"
    PORTAL = "portal", "Portal"


class Tone(models.TextChoices):
    AUTO = "auto", "Match the employer"
    FORMAL = "formal", "Formal"
    WARM = "warm", "Warm"
