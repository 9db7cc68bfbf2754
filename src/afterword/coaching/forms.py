"""The coaching forms; they only shape input, the services in this app decide and write."""

from __future__ import annotations

from typing import Any

from django import forms

from afterword.coaching.errors import CoachingProblem
from afterword.coaching.models import NoteKind, Role
from afterword.coaching.notes import NOTE_MAX


class CodeForm(forms.Form):
    code = forms.CharField(
        label="Invitation code",
        max_length=64,
        help_text="The code from your career centre, e.g. K7QP-M3XA-RT.",
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters"}),
    )


class InviteForm(forms.Form):
    role = forms.ChoiceField(label="Invite a", choices=Role.choices, initial=Role.STUDENT)


class GrantForm(forms.Form):
    coach = forms.TypedChoiceField(label="Coach", coerce=int, choices=())
    share_notes = forms.BooleanField(
        label="Also share the notes I typed with my news", required=False
    )

    def __init__(self, *args: Any, coaches: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["coach"]
        assert isinstance(field, forms.TypedChoiceField)
        field.choices = [("", "Choose a coach"), *coaches]


class NoteForm(forms.Form):
    kind = forms.ChoiceField(
        label="Kind", choices=NoteKind.choices, initial=NoteKind.NOTE, widget=forms.RadioSelect
    )
    text = forms.CharField(
        label="Message",
        max_length=NOTE_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Shown on the student's Today page until they dismiss it.",
    )


def show_problem(form: forms.Form, problem: CoachingProblem) -> None:
    """A service's refusal on the field it names (or the whole form when it has no such field)."""
    form.add_error(problem.field if problem.field in form.fields else None, problem.message)
