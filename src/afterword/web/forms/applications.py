"""Quick add of an application: the employer, the role, and whose calendar applies."""

from __future__ import annotations

from typing import Any

from django import forms

from afterword.rules.calendar import canonical_subdivision
from afterword.tracker.models import Application
from afterword.web.forms.choices import (
    STYLE_CHOICES,
    RenderedOnceSelect,
    country_choices,
    subdivision_problem,
    timezone_choices,
)


class ApplicationForm(forms.ModelForm[Application]):
    employer = forms.CharField(label="Employer", max_length=200)
    role = forms.CharField(label="Role", max_length=200)
    job_code = forms.CharField(
        label="Job code (optional)",
        max_length=100,
        required=False,
        help_text="The requisition number, if the posting had one.",
    )
    # The board shows this form on every visit: the long lists render once per process.
    # Choices given as the cached functions themselves: a form instance then neither copies
    # nor re-checks the 590 zones (Django deep-copies a list of choices for every form).
    employer_timezone = forms.ChoiceField(
        label="Employer's time zone",
        help_text="Check-ins are planned for their office hours.",
        choices=timezone_choices,
        widget=RenderedOnceSelect("timezones"),
    )
    employer_country = forms.ChoiceField(
        label="Employer's country",
        choices=country_choices,
        widget=RenderedOnceSelect("countries"),
    )
    employer_subdivision = forms.CharField(
        label="Employer's state or region (optional)",
        max_length=10,
        required=False,
        help_text="A code such as NY, when local holidays differ.",
    )
    employer_style = forms.ChoiceField(
        label="Company style",
        choices=STYLE_CHOICES,
        help_text="Formal employers also get a thank-you letter on paper.",
    )

    class Meta:
        model = Application
        fields = (
            "employer",
            "role",
            "job_code",
            "employer_timezone",
            "employer_country",
            "employer_subdivision",
            "employer_style",
        )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        country = cleaned.get("employer_country")
        subdivision = (cleaned.get("employer_subdivision") or "").strip()
        if country and (problem := subdivision_problem(country, subdivision)):
            self.add_error("employer_subdivision", problem)
        elif country:
            cleaned["employer_subdivision"] = canonical_subdivision(country, subdivision) or ""
        return cleaned
