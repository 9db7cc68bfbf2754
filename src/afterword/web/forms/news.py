"""Recording news about an application: each choice becomes one planner event (F8, F9, H3)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.utils.dateparse import parse_datetime

from afterword.rules.kinds import EVENTS, EXPEDITE_KINDS
from afterword.tracker.models import Application
from afterword.tracker.services.dates import DateReadError, read_date
from afterword.web.forms.choices import CHANNEL_CHOICES
from afterword.web.forms.interviews import DATE_INPUT, phrase_preview_attrs
from afterword.web.forms.local_dates import accept_local_dates, user_country

# A reply without a decision is recorded as a ``reply`` with ``no_decision_yet``; every other
# choice is an event type, in the first person the kinds table gives it.
NEWS_CHOICES = [
    ("no_decision", "They replied: no decision yet"),
    *((name, info.news) for name, info in EVENTS.items() if info.news),
]

# Event columns that appear on this form under another name; any other column is not a field.
EVENT_COLUMN_FIELDS: dict[str, str | None] = {
    "new_decision_by": "new_date",
    "promised_next": "promised_next",
    "deadline": "deadline",
    "channel": "channel",
    "offer_mentioned": "offer_mentioned",
    "note": "note",
}


class NewsForm(forms.Form):
    news = forms.ChoiceField(label="What happened?", choices=NEWS_CHOICES, widget=forms.RadioSelect)
    new_date = forms.CharField(
        label="Their new date (optional)",
        required=False,
        max_length=200,
        help_text="A date or their words, such as “end of next week”.",
    )
    new_day = forms.DateField(
        label="Or pick their new date",
        required=False,
        widget=DATE_INPUT,
        help_text="A date picked here wins over the words above.",
    )
    channel = forms.ChoiceField(
        label="How did you check in?",
        choices=CHANNEL_CHOICES,
        required=False,
        widget=forms.RadioSelect,
    )
    promised_next = forms.DateField(
        label="Date you said you would check back (optional)",
        required=False,
        widget=DATE_INPUT,
    )
    # Asked only while the plan still holds "tell them about your other offer" (F9): a check-in
    # that did not mention the offer must not cancel that message.
    offer_mentioned = forms.TypedChoiceField(
        label="Did this check-in tell them about your other offer?",
        choices=[("yes", "Yes, I mentioned it"), ("no", "No, I still need to tell them")],
        coerce=lambda answer: answer == "yes",
        required=False,
        empty_value=None,
        widget=forms.RadioSelect,
    )
    deadline = forms.DateField(
        label="Deadline of the other offer",
        required=False,
        widget=DATE_INPUT,
    )
    note = forms.CharField(
        label="Note (optional)",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    # When the plan on the page was made: a second click (or another tab) that arrives after
    # the first was recorded finds the application re-planned, and records nothing (see
    # record_event). Absent (a hand-made request), no such check is made.
    seen = forms.CharField(label="Page", required=False, max_length=40, widget=forms.HiddenInput)

    def __init__(self, *args: Any, application: Application, today: date, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.application = application
        self.today = today
        self.initial.setdefault("channel", "email")
        self.offer_pending = application.actions.filter(kind__in=EXPEDITE_KINDS).exists()
        if not self.offer_pending:
            del self.fields["offer_mentioned"]
        if application.planned_at is not None:
            self.initial.setdefault("seen", application.planned_at.isoformat())
        self.fields["new_date"].widget.attrs.update(
            phrase_preview_attrs(application, "#new-date-preview")
        )
        accept_local_dates(self, user_country(application.owner_id))

    def clean_seen(self) -> datetime | None:
        raw = self.cleaned_data.get("seen") or ""
        if not raw:
            return None
        try:
            seen = parse_datetime(raw)
        except ValueError:
            seen = None
        if seen is None or seen.tzinfo is None:
            raise ValidationError("This page is out of date; reload it and record the news again.")
        return seen

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        news = cleaned.get("news")
        picked = cleaned.get("new_day")
        if news == "no_decision" and picked:
            if picked < self.today:
                self.add_error("new_day", f"{picked:%d %b %Y} has already passed.")
            cleaned["new_decision_by"] = picked
        elif news == "no_decision" and cleaned.get("new_date"):
            try:
                found = read_date(
                    cleaned["new_date"],
                    self.today,
                    self.application.employer_country,
                    self.application.employer_subdivision,
                )
            except DateReadError as error:
                self.add_error("new_date", str(error))
            else:
                if found.end < self.today:
                    self.add_error("new_date", f"{found.end:%d %b %Y} has already passed.")
                cleaned["new_decision_by"] = found.end
                cleaned["new_date_read"] = found
        if news == "check_in_sent" and not cleaned.get("channel"):
            self.add_error("channel", "Say whether you emailed or called.")
        if (
            news == "check_in_sent"
            and self.offer_pending
            and cleaned.get("offer_mentioned") is None
            and "offer_mentioned" not in self.errors
        ):
            self.add_error(
                "offer_mentioned",
                "You have another offer to tell them about: say whether this check-in "
                "mentioned it, so Afterword knows whether that message is still to send.",
            )
        promised = cleaned.get("promised_next")
        if news == "check_in_sent" and promised and promised < self.today:
            self.add_error("promised_next", f"{promised:%d %b %Y} has already passed.")
        if news == "other_offer":
            deadline = cleaned.get("deadline")
            if deadline is None and "deadline" not in self.errors:
                self.add_error("deadline", "Enter the date you must answer the other offer by.")
            elif deadline and deadline < self.today:
                self.add_error("deadline", f"{deadline:%d %b %Y} has already passed.")
        return cleaned

    def add_planner_errors(self, error: ValidationError) -> None:
        """Put the service's errors, keyed by Event column, on the fields the user filled."""
        for column, messages in (
            error.message_dict.items()
            if hasattr(error, "error_dict")
            else [(NON_FIELD_ERRORS, error.messages)]
        ):
            field = EVENT_COLUMN_FIELDS.get(column)
            for message in messages:
                self.add_error(field, message)

    def event(self) -> tuple[str, dict[str, Any]]:
        """The planner event type and its fields for the chosen news."""
        cleaned = self.cleaned_data
        news = cleaned["news"]
        fields: dict[str, Any] = {}
        if cleaned.get("note"):
            fields["note"] = cleaned["note"]
        if news == "no_decision":
            fields["no_decision_yet"] = True
            if cleaned.get("new_decision_by"):
                fields["new_decision_by"] = cleaned["new_decision_by"]
            return "reply", fields
        if news == "check_in_sent":
            fields["channel"] = cleaned["channel"]
            if cleaned.get("promised_next"):
                fields["promised_next"] = cleaned["promised_next"]
            if self.offer_pending:
                fields["offer_mentioned"] = cleaned["offer_mentioned"]
        if news == "other_offer":
            fields["deadline"] = cleaned["deadline"]
        return news, fields
