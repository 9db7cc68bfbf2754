"""The interview form, laid out as the capture checklist (docs/GUIDANCE.md C1-C4).

C3 who was there (a formset of interviewers, reusing people met in earlier rounds),
C4 what they emphasised and what you forgot or must clarify,
C1 next steps and when they decide (a phrase such as "end of next week", or a date),
C2 how they like to be contacted and whether a follow-up was agreed.
"""

from __future__ import annotations

import json
from datetime import date, datetime, time
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.urls import reverse

from afterword.rules.case import zone
from afterword.tracker import access
from afterword.tracker.models import Application, Interview, Interviewer
from afterword.web.forms.choices import PREFERRED_CHANNEL_CHOICES
from afterword.web.forms.local_dates import accept_local_dates, user_country

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TIME_INPUT = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
KNOWN_OR_NOT = [
    ("unknown", "I don't know"),
    ("true", "Yes, they are still meeting other candidates"),
    ("false", "No, I was among the last"),
]


def note_area(rows: int = 3) -> forms.Textarea:
    return forms.Textarea(attrs={"rows": rows})


def phrase_preview_attrs(
    application: Application, target: str, include: str | None = None
) -> dict[str, str]:
    """htmx attributes that show, while typing, the date a phrase stands for."""
    attrs = {
        "hx-get": reverse("phrase"),
        "hx-trigger": "input changed delay:300ms, change",
        "hx-target": target,
        "hx-vals": json.dumps(
            {
                "country": application.employer_country,
                "subdivision": application.employer_subdivision,
            }
        ),
        "autocomplete": "off",
    }
    if include:
        attrs["hx-include"] = include
    return attrs


def note_preview_attrs(url: str, field: str, target: str) -> dict[str, str]:
    """htmx attributes that show, while typing, what each item of a note becomes.

    The request posts the whole form (htmx does so for an element inside one), so the preview
    knows the people typed so far and the person picked for the points.
    """
    return {
        "hx-post": url,
        "hx-trigger": "keyup changed delay:300ms, change",
        "hx-target": target,
        "hx-vals": json.dumps({"preview_field": field}),
        "hx-sync": "this:replace",
    }


class PeopleField(forms.ModelMultipleChoiceField):  # type: ignore[type-arg]
    """Ticked people by id; an id no row can have (past a BIGINT, "²", 5,000 digits that int()
    refuses) is the usual "not one of the choices" (access.row_id)."""

    def clean(self, value: Any) -> Any:
        for pk in value if isinstance(value, (list, tuple)) else ():
            if access.row_id(str(pk).strip()) is None:
                raise ValidationError(
                    self.error_messages["invalid_choice"],
                    code="invalid_choice",
                    params={"value": pk},
                )
        return super().clean(value)


GOES_TO_HELP = "Their thank-you mentions it; nobody else's does, so colleagues never compare notes."


class InterviewForm(forms.ModelForm[Interview]):
    round = forms.IntegerField(label="Round", min_value=1, max_value=20)
    day = forms.DateField(label="Date", widget=DATE_INPUT)
    start_time = forms.TimeField(label="Start time", widget=TIME_INPUT)
    end_time = forms.TimeField(label="End time", widget=TIME_INPUT)
    existing = PeopleField(
        label="People you have met at this employer",
        queryset=Interviewer.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Tick everyone who was at this interview too.",
    )
    emphasised = forms.CharField(
        label="What did they emphasise?",
        required=False,
        max_length=2000,
        widget=note_area(),
        help_text="The skills, projects or worries they came back to. Your thank-you builds on it.",
    )
    forgot = forms.CharField(
        label="What did you forget to mention?",
        required=False,
        max_length=2000,
        widget=note_area(),
        help_text="A strength or project you meant to bring up, for example “my airflow "
        "migration; the SQL course I finished”.",
    )
    forgot_for = forms.ChoiceField(
        label="Goes to", required=False, choices=[("", "Automatic")], help_text=GOES_TO_HELP
    )
    to_clarify = forms.CharField(
        label="What do you still need to clarify?",
        required=False,
        max_length=2000,
        widget=note_area(),
        help_text="An answer you would like to put better, for example “salary: I said 70k but "
        "meant 75k”. A question for yourself (“ask about on-call?”) is kept to yourself.",
    )
    to_clarify_for = forms.ChoiceField(
        label="Goes to", required=False, choices=[("", "Automatic")], help_text=GOES_TO_HELP
    )
    next_steps = forms.CharField(
        label="What did they say happens next?",
        required=False,
        max_length=2000,
        widget=note_area(2),
    )
    decision_phrase = forms.CharField(
        label="When will they decide, in their words?",
        required=False,
        max_length=200,
        help_text="For example “end of next week” or “within ten days”.",
    )
    decision_by = forms.DateField(
        label="Or the exact date",
        required=False,
        widget=DATE_INPUT,
        help_text="An exact date wins over the words above.",
    )
    preferred_channel = forms.ChoiceField(
        label="How did they ask you to follow up?",
        choices=PREFERRED_CHANNEL_CHOICES,
        required=False,
        widget=forms.RadioSelect,
    )
    agreed_follow_up = forms.DateField(
        label="Date you agreed to get in touch (optional)",
        required=False,
        widget=DATE_INPUT,
        help_text="Only when they said something like “call me next Tuesday”.",
    )
    still_interviewing_others = forms.NullBooleanField(
        label="Are they still interviewing others?",
        required=False,
        widget=forms.RadioSelect(choices=KNOWN_OR_NOT),
    )

    class Meta:
        model = Interview
        fields = (
            "round",
            "emphasised",
            "forgot",
            "to_clarify",
            "next_steps",
            "decision_phrase",
            "decision_by",
            "preferred_channel",
            "agreed_follow_up",
            "still_interviewing_others",
        )

    def __init__(self, *args: Any, application: Application, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.application = application
        self.tz = zone(application.employer_timezone)
        existing = self.fields["existing"]
        assert isinstance(existing, forms.ModelMultipleChoiceField)
        existing.queryset = self.reusable_people()
        self.zone_name = application.employer_timezone.replace("_", " ")
        if self.instance.pk:
            start = self.instance.start.astimezone(self.tz)
            self.initial.update(
                day=start.date(),
                start_time=start.time(),
                end_time=self.instance.end.astimezone(self.tz).time(),
            )
        self.fields["decision_phrase"].widget.attrs.update(
            phrase_preview_attrs(application, "#decision-preview", include="#id_day")
        )
        if self.initial.get("still_interviewing_others") is None:
            self.initial["still_interviewing_others"] = "unknown"
        accept_local_dates(self, user_country(application.owner_id))

    def offer_people(self, choices: list[tuple[str, str]], automatic: dict[str, str]) -> None:
        """Fill both pickers: automatic first (with whom it means), then everyone who was there."""
        for name, label in automatic.items():
            field = self.fields[name]
            assert isinstance(field, forms.ChoiceField)
            field.choices = [("", label), *choices]

    def reusable_people(self) -> QuerySet[Interviewer]:
        """Interviewers from the other rounds of this application who are not on this one."""
        people = self.application.interviewers.order_by("name")
        if self.instance.pk:
            people = people.exclude(interviews=self.instance)
        return people

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        day: date | None = cleaned.get("day")
        start_time: time | None = cleaned.get("start_time")
        end_time: time | None = cleaned.get("end_time")
        # The service checks the times and reads the decision phrase (tracker.services).
        if day and start_time and end_time:
            cleaned["start"] = datetime.combine(day, start_time, tzinfo=self.tz)
            cleaned["end"] = datetime.combine(day, end_time, tzinfo=self.tz)
        return cleaned

    def unsaved_interview(self) -> Interview:
        """The interview as typed, with its start and end in the employer's zone, not saved."""
        interview: Interview = self.save(commit=False)
        interview.start = self.cleaned_data["start"]
        interview.end = self.cleaned_data["end"]
        return interview


class InterviewerForm(forms.ModelForm[Interviewer]):
    name = forms.CharField(
        label="Name",
        max_length=200,
        error_messages={"required": "Enter the interviewer's name, or clear this row."},
    )
    title = forms.CharField(label="Job title", max_length=200, required=False)
    email = forms.EmailField(label="Email", max_length=254, required=False)
    phone = forms.CharField(label="Phone", max_length=50, required=False)
    address = forms.CharField(
        label="Postal address",
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Only needed for a letter on paper.",
    )
    emphasised = forms.CharField(
        label="What did they care about?",
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Type it as it comes, for example “pipeline testing, wants SQL + Python; "
        "asked about my dbt experience”. Below, each item and the sentence it becomes.",
    )
    salutation = forms.CharField(
        label="How to greet them",
        max_length=80,
        required=False,
        help_text="Leave empty for the greeting shown; write “Dr Brandt”, “Ms Okafor” or a "
        "first name to choose.",
    )
    is_primary = forms.BooleanField(
        label="Main contact for check-ins",
        required=False,
    )

    class Meta:
        model = Interviewer
        fields = (
            "name",
            "title",
            "email",
            "phone",
            "address",
            "emphasised",
            "salutation",
            "is_primary",
        )


class BaseInterviewerFormSet(forms.BaseModelFormSet[Interviewer, InterviewerForm]):
    def add_fields(self, form: InterviewerForm, index: int | None) -> None:
        super().add_fields(form, index)
        # Unticking someone only takes them off this interview; their earlier rounds stay.
        form.fields["DELETE"].label = "Was not at this interview"

    def clean(self) -> None:
        super().clean()
        primaries = [
            form
            for form in self.forms
            if form.cleaned_data.get("is_primary") and not form.cleaned_data.get("DELETE")
        ]
        if len(primaries) > 1:
            raise forms.ValidationError("Mark only one person as the main contact.")

    def kept_forms(self) -> list[InterviewerForm]:
        """Rows that name a person who was at this interview (not blank, not removed)."""
        return [
            form
            for form in self.forms
            if form.cleaned_data
            and not form.cleaned_data.get("DELETE")
            and (form.instance.pk or form.has_changed())
        ]


def interviewer_formset(extra: int) -> type[BaseInterviewerFormSet]:
    """The interviewer rows: the people already on the interview plus ``extra`` blank rows."""
    # django-stubs types the result as the base formset, not the ``formset`` class it extends.
    return forms.modelformset_factory(  # type: ignore[return-value]
        Interviewer,
        form=InterviewerForm,
        formset=BaseInterviewerFormSet,
        extra=extra,
        can_delete=True,
    )
